import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { CodeActionKind, CodeActionOptions, Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ClientSupport } from './clientSupport';
import { LintResults } from './lintResults';
import { lintTarget, LintTargetSources } from './lintTarget';
import { Analysis, codeActions, ConfigFileState, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, fixAllDataOf, LintFinding, readConfigFileText, resolveCodeAction, ValidateOptions } from '../engine';

interface CodeActionDependencies extends LintTargetSources {
  /** The findings the diagnostics were published from: "fix all" starts from them instead of validating again. */
  readonly lintResults: LintResults;
}

interface CodeActionRegistration {
  /** For `InitializeResult.capabilities.codeActionProvider`. */
  readonly capability: CodeActionOptions;
  /**
   * Call from `onInitialize`: whether the client can create the config file decides the "disable" action,
   * and whether it resolves code actions decides if "fix all" edits wait until one is chosen.
   */
  initialize(clientCan: ClientSupport): void;
}

/**
 * Answers `textDocument/codeAction` with the pure `codeActions`, feeding it the document's config, cached
 * findings and config file; and `codeAction/resolve` with `resolveCodeAction`, for the "fix all" actions
 * sent without their edit.
 */
export function registerCodeActions(connection: Connection, dependencies: CodeActionDependencies): CodeActionRegistration {
  const { documents, configs } = dependencies;
  let canCreateFiles = false;
  let deferFixAllEdits = false;
  connection.onCodeAction(async ({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (!document || (ours.length === 0 && !context.only?.length)) return [];
    try {
      const lint = await lintInputs(dependencies, document);
      if (!lint) return [];
      const configUri = ours.length > 0 ? configs.configFileUriFor(document.uri) : undefined;
      return codeActions(lint.analysis, ours, {
        ...lint.options,
        configFile: configUri ? configFileState(configUri, documents) : undefined,
        canCreateFiles,
        only: context.only,
        deferFixAllEdits,
      });
    } catch (error) {
      connection.console.error(`code actions for ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return [];
    }
  });
  connection.onCodeActionResolve(async (action) => {
    const uri = fixAllDataOf(action.data)?.fixAll.uri;
    const document = uri === undefined ? undefined : documents.get(uri);
    if (!document) return action;
    try {
      // The document's current version, whatever version the action was offered on: see resolveCodeAction.
      const lint = await lintInputs(dependencies, document);
      return lint ? resolveCodeAction(lint.analysis, action, lint.options) : action;
    } catch (error) {
      connection.console.error(`resolving "${action.title}" for ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return action;
    }
  });
  return {
    capability: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
    initialize(clientCan) {
      canCreateFiles = clientCan.createFiles;
      deferFixAllEdits = clientCan.resolveCodeActionEdits;
    },
  };
}

interface LintInputs {
  readonly analysis: Analysis;
  readonly options: { readonly validate: ValidateOptions; readonly findings: readonly LintFinding[] };
}

/** The document's analysis, its lint options and the findings published from them; undefined when ECS Guard leaves it alone. */
async function lintInputs(dependencies: CodeActionDependencies, document: TextDocument): Promise<LintInputs | undefined> {
  const target = await lintTarget(dependencies, document);
  if (!target) return undefined;
  const findings = dependencies.lintResults.findings(target.analysis, target.plan);
  return { analysis: target.analysis, options: { validate: target.plan, findings } };
}

/** The open editor's text wins over the disk, which may be behind unsaved changes. */
function configFileState(uri: string, documents: TextDocuments<TextDocument>): ConfigFileState | undefined {
  const open = documents.get(uri);
  if (open) return { uri, text: open.getText() };
  // Through the config loader's guarded read: the workspace may make it a symlink to /dev/zero.
  const file = URI.parse(uri).fsPath;
  const read = readConfigFileText(file, { within: path.dirname(file) });
  // Only a missing file is one to create; an unusable one is left alone.
  if (read.kind === 'missing') return { uri, text: undefined };
  return read.kind === 'text' ? { uri, text: read.text } : undefined;
}

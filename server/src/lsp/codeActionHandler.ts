import * as fs from 'node:fs';
import { URI } from 'vscode-uri';
import { CodeActionKind, CodeActionOptions, Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, ConfigFileState, FIX_ALL_KIND } from '../editor/codeActions';
import { DIAGNOSTIC_SOURCE } from '../service/diagnostics';
import { AnalysisCache } from './analysisCache';
import { ClientSupport } from './clientSupport';
import { LintResults } from './lintResults';
import { WorkspaceConfigs } from './workspaceConfig';

export interface CodeActionDependencies {
  readonly documents: TextDocuments<TextDocument>;
  readonly analyses: AnalysisCache;
  readonly configs: WorkspaceConfigs;
  /** The findings the diagnostics were published from: "fix all" starts from them instead of validating again. */
  readonly lintResults: LintResults;
}

export interface CodeActionRegistration {
  /** For `InitializeResult.capabilities.codeActionProvider`. */
  readonly capability: CodeActionOptions;
  /** Call from `onInitialize`: whether the client can create the config file decides the "disable" action. */
  initialize(clientCan: ClientSupport): void;
}

/** Answers `textDocument/codeAction` with the pure `codeActions`, feeding it the document's config and config file. */
export function registerCodeActions(connection: Connection, { documents, analyses, configs, lintResults }: CodeActionDependencies): CodeActionRegistration {
  let canCreateFiles = false;
  connection.onCodeAction(async ({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (!document || (ours.length === 0 && !context.only?.length)) return [];
    try {
      const { enabled, config, selection } = await configs.forDocument(document.uri);
      if (!enabled || selection === 'ignored') return [];
      const configUri = ours.length > 0 ? configs.configFileUriFor(document.uri) : undefined;
      const analysis = analyses.get(document);
      const assumeTaskDefinition = selection === 'included';
      return codeActions(analysis, ours, {
        validate: { rules: config.rules, assumeTaskDefinition },
        findings: lintResults.findings(analysis, config, assumeTaskDefinition),
        configFile: configUri ? configFileState(configUri, documents) : undefined,
        canCreateFiles,
        only: context.only,
      });
    } catch (error) {
      connection.console.error(`code actions for ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return [];
    }
  });
  return {
    capability: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    initialize(clientCan) {
      canCreateFiles = clientCan.createFiles;
    },
  };
}

/** The open editor's text wins over the disk, which may be behind unsaved changes. */
function configFileState(uri: string, documents: TextDocuments<TextDocument>): ConfigFileState | undefined {
  const open = documents.get(uri);
  if (open) return { uri, text: open.getText() };
  try {
    return { uri, text: fs.readFileSync(URI.parse(uri).fsPath, 'utf8') };
  } catch (error) {
    // Only a missing file is one to create; an unreadable one is left alone.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { uri, text: undefined } : undefined;
  }
}

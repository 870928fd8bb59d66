import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysisCache';
import { LintResults } from './lintResults';
import { WorkspaceConfigs } from './workspaceConfig';
import { Analysis, complete, documentSymbols, EcsGuardConfig, hover } from '../engine';

export interface EditorHandlerContext {
  readonly documents: TextDocuments<TextDocument>;
  readonly analyses: AnalysisCache;
  readonly configs: WorkspaceConfigs;
  readonly lintResults: LintResults;
  readonly logError: (message: string) => void;
  /** False for clients that show diagnostics in their own hover (see ClientSupport). */
  readonly findingsInHover: () => boolean;
}

/** Typing the opening quote of a key or value, or the colon after a key, asks for completion. */
export const COMPLETION_TRIGGER_CHARACTERS = ['"', ':'];

/** Hover, completion and outline: each handler finds the document's cached analysis and calls a pure function. */
export function registerEditorHandlers(connection: Connection, context: EditorHandlerContext): void {
  connection.onHover(async ({ textDocument, position }) => {
    const target = await lintTarget(context, textDocument.uri);
    if (!target) return null;
    const findings = context.findingsInHover() ? context.lintResults.findings(target.analysis, target.config, target.assumeTaskDefinition) : [];
    return hover(target.analysis, position, { findings, assumeTaskDefinition: target.assumeTaskDefinition });
  });
  connection.onCompletion(async ({ textDocument, position }) => {
    const target = await lintTarget(context, textDocument.uri);
    return target ? complete(target.analysis, position, { assumeTaskDefinition: target.assumeTaskDefinition }) : [];
  });
  connection.onDocumentSymbol(async ({ textDocument }) => {
    const target = await lintTarget(context, textDocument.uri);
    return target ? documentSymbols(target.analysis) : [];
  });
}

interface LintTarget {
  readonly analysis: Analysis;
  readonly config: EcsGuardConfig;
  readonly assumeTaskDefinition: boolean;
}

/** The open document's analysis and lint options, or undefined when ECS Guard is off for it. */
async function lintTarget(context: EditorHandlerContext, uri: string): Promise<LintTarget | undefined> {
  if (!context.documents.get(uri)) return undefined;
  try {
    const { enabled, config, selection } = await context.configs.forDocument(uri);
    const document = context.documents.get(uri);
    if (!document || !enabled || selection === 'ignored') return undefined;
    return { analysis: context.analyses.get(document), config, assumeTaskDefinition: selection === 'included' };
  } catch (error) {
    context.logError(`reading the configuration of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return undefined;
  }
}

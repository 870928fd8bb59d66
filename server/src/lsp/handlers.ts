import { Connection } from 'vscode-languageserver/node';
import { LintResults } from './lintResults';
import { lintTarget, LintTarget, LintTargetSources } from './lintTarget';
import { complete, documentSymbols, hover } from '../engine';

interface EditorHandlerContext extends LintTargetSources {
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
    const target = await openTarget(context, textDocument.uri);
    if (!target) return null;
    const findings = context.findingsInHover() ? context.lintResults.findings(target.analysis, target.plan) : [];
    return hover(target.analysis, position, { findings, assumeTaskDefinition: target.plan.assumeTaskDefinition });
  });
  connection.onCompletion(async ({ textDocument, position }) => {
    const target = await openTarget(context, textDocument.uri);
    return target ? complete(target.analysis, position, { assumeTaskDefinition: target.plan.assumeTaskDefinition }) : [];
  });
  connection.onDocumentSymbol(async ({ textDocument }) => {
    const target = await openTarget(context, textDocument.uri);
    return target ? documentSymbols(target.analysis) : [];
  });
}

/** The lint target, or undefined (logged) when the settings cannot be read: an editor feature then answers nothing. */
async function openTarget(context: EditorHandlerContext, uri: string): Promise<LintTarget | undefined> {
  try {
    return await lintTarget(context, uri);
  } catch (error) {
    context.logError(`reading the configuration of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return undefined;
  }
}

import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysisCache';
import { WorkspaceConfigs } from './workspaceConfig';
import { ActiveLintPlan, Analysis, lintPlan } from '../engine';

export interface LintTargetSources {
  readonly documents: TextDocuments<TextDocument>;
  readonly analyses: AnalysisCache;
  readonly configs: WorkspaceConfigs;
}

/** An open document ECS Guard lints: its current analysis and how to lint it. */
export interface LintTarget {
  readonly analysis: Analysis;
  readonly plan: ActiveLintPlan;
}

/**
 * What every handler asks first: the open document's analysis and lint plan, or undefined when the document
 * is closed or ECS Guard leaves it alone (off, or ignored by the globs). Throws when the settings cannot be read.
 * `document` is the open document the request is about (a uri is looked up), so that work begun for a document
 * that is closed meanwhile, and maybe reopened as another document under the same uri (VS Code reuses
 * `untitled:Untitled-1`), never answers for the new one.
 */
export async function lintTarget({ documents, analyses, configs }: LintTargetSources, documentOrUri: TextDocument | string): Promise<LintTarget | undefined> {
  const document = typeof documentOrUri === 'string' ? documents.get(documentOrUri) : documentOrUri;
  if (!document) return undefined;
  const plan = lintPlan(await configs.forDocument(document.uri));
  // Still the same open document (edits update it in place; a close and reopen makes another one).
  if (documents.get(document.uri) !== document || !plan.linted) return undefined;
  return { analysis: analyses.get(document), plan };
}

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
 */
export async function lintTarget({ documents, analyses, configs }: LintTargetSources, uri: string): Promise<LintTarget | undefined> {
  if (!documents.get(uri)) return undefined;
  const plan = lintPlan(await configs.forDocument(uri));
  // Looked up again: the document may have changed or closed while the settings were fetched.
  const document = documents.get(uri);
  if (!document || !plan.linted) return undefined;
  return { analysis: analyses.get(document), plan };
}

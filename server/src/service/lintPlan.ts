import { EcsGuardConfig, FileSelection } from '../config/config';
import { SeverityOverride } from '../rules/rule';
import { Analysis, hasLintableContent } from './analysis';

/** What a host knows about one document before linting it. */
export interface LintSubject {
  /** `ecsGuard.enable`; false turns ECS Guard off for the document. The CLI has no such setting. */
  readonly enabled?: boolean;
  /** `.ecs-guard.json` merged over the settings. */
  readonly config: EcsGuardConfig;
  /** What the config's `include`/`ignore` globs say about the document's path (`selectFile`). */
  readonly selection: FileSelection;
  /**
   * The analysis of a file the user named on the command line (not one a folder or glob found): a named
   * file that is not valid JSON, or nested too deeply to analyse, is linted as a task definition, so its
   * syntax (or nesting) error fails the run rather than the file being skipped. Editors leave it out: an
   * open `package.json` with a typo is none of our business.
   */
  readonly named?: Analysis;
}

/** The answer to "is this document linted, and how?", the same in every host. */
export type LintPlan =
  | { readonly linted: false; readonly reason: 'disabled' | 'ignored' }
  | {
      readonly linted: true;
      /** Severity overrides by rule id: a `ValidateOptions`, as the plan is. */
      readonly rules: Readonly<Record<string, SeverityOverride>>;
      /**
       * Lint, complete and hover as a task definition even when the content is not recognised (yet): the file
       * is selected by `include`, or named with broken JSON. Otherwise the content decides.
       */
      readonly assumeTaskDefinition: boolean;
      /** The tag keys the tagging rules require (`.ecs-guard.json` `requiredTagKeys`); empty: they stay silent. */
      readonly requiredTagKeys: readonly string[];
    };

export function lintPlan(subject: LintSubject): LintPlan {
  if (subject.enabled === false) return { linted: false, reason: 'disabled' };
  if (subject.selection === 'ignored') return { linted: false, reason: 'ignored' };
  const namedBrokenJson = subject.named !== undefined && (subject.named.parsed.syntaxErrors.length > 0 || subject.named.parsed.tooDeepAt !== undefined);
  return { linted: true, rules: subject.config.rules, requiredTagKeys: subject.config.requiredTagKeys, assumeTaskDefinition: subject.selection === 'included' || namedBrokenJson };
}

/** A plan that lints: its rules and `assumeTaskDefinition` are the `ValidateOptions` to lint with. */
export type ActiveLintPlan = Extract<LintPlan, { linted: true }>;

/** Whether the rules look at this analysis at all under the plan: a document that is not a task definition gets no findings. */
export function lintsContent(plan: LintPlan, analysis: Analysis): boolean {
  return plan.linted && (plan.assumeTaskDefinition || hasLintableContent(analysis));
}

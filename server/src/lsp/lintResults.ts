import { ActiveLintPlan, Analysis, LintFinding, validate } from '../engine';

/**
 * The findings of one analysed document version under one plan, computed once and shared by diagnostics,
 * hover and code actions (configurations are cached per document, so the identity of the rules tells a change).
 */
export class LintResults {
  private readonly results = new WeakMap<Analysis, { plan: ActiveLintPlan; findings: LintFinding[] }>();

  constructor(private readonly onRuleError: (ruleId: string, error: unknown, uri: string) => void) {}

  findings(analysis: Analysis, plan: ActiveLintPlan): LintFinding[] {
    const cached = this.results.get(analysis);
    if (cached && cached.plan.rules === plan.rules && cached.plan.requiredTagKeys === plan.requiredTagKeys && cached.plan.assumeTaskDefinition === plan.assumeTaskDefinition) return cached.findings;
    const findings = validate(analysis, { ...plan, onRuleError: (ruleId, error) => this.onRuleError(ruleId, error, analysis.document.uri) });
    this.results.set(analysis, { plan, findings });
    return findings;
  }
}

import { Analysis, EcsGuardConfig, LintFinding, validate } from '../engine';

/**
 * The findings of one analysed document version under one configuration, computed once and shared by
 * diagnostics and hover (configurations are cached per document, so identity tells a change).
 */
export class LintResults {
  private readonly results = new WeakMap<Analysis, { config: EcsGuardConfig; assumeTaskDefinition: boolean; findings: LintFinding[] }>();

  constructor(private readonly onRuleError: (ruleId: string, error: unknown, uri: string) => void) {}

  findings(analysis: Analysis, config: EcsGuardConfig, assumeTaskDefinition: boolean): LintFinding[] {
    const cached = this.results.get(analysis);
    if (cached && cached.config === config && cached.assumeTaskDefinition === assumeTaskDefinition) return cached.findings;
    const findings = validate(analysis, { rules: config.rules, assumeTaskDefinition, onRuleError: (ruleId, error) => this.onRuleError(ruleId, error, analysis.document.uri) });
    this.results.set(analysis, { config, assumeTaskDefinition, findings });
    return findings;
  }
}

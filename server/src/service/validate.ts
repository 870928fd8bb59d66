import { Range } from 'vscode-languageserver-textdocument';
import { Node } from 'jsonc-parser';
import { contentRules, syntaxRules } from '../rules';
import { Finding, RuleContext, RuleMeta, Severity, SeverityOverride } from '../rules/rule';
import { pathOf } from '../document/json';
import { Analysis } from './analysis';

export interface LintFinding extends Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly range: Range;
}

export interface ValidateOptions {
  /** Severity overrides by rule id (from `.ecs-guard.json` and settings). */
  readonly rules?: Readonly<Record<string, SeverityOverride>>;
  /** Lint as a task definition even when the content is not recognised (the file was named or included). */
  readonly assumeTaskDefinition?: boolean;
  /** Called when a rule throws; the other rules still run. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

/** All findings for one analysed document, in document order. */
export function validate(analysis: Analysis, options: ValidateOptions = {}): LintFinding[] {
  const { taskDefinition, parsed, document } = analysis;
  if (!taskDefinition && !options.assumeTaskDefinition) return [];
  const findings: LintFinding[] = [];
  const add = (meta: RuleMeta, finding: Finding) => {
    const configured = effectiveSeverity(meta, options.rules);
    if (configured === 'off') return;
    // The user's setting wins; otherwise a finding may be more severe than its rule's default.
    const severity = options.rules?.[meta.id] === undefined ? finding.severity ?? configured : configured;
    const range = { start: document.positionAt(finding.offset), end: document.positionAt(finding.offset + finding.length) };
    findings.push({ ...finding, ruleId: meta.id, severity, range });
  };
  for (const rule of syntaxRules) {
    guarded(rule.meta.id, options, () => rule.checkSyntax(parsed).forEach((finding) => add(rule.meta, finding)));
  }
  if (taskDefinition) {
    for (const rule of contentRules) {
      const context: RuleContext = {
        doc: taskDefinition,
        reportAt: (node, message, fix, severity) => add(rule.meta, { ...nodeSpan(node), path: pathOf(node), message, fix, severity }),
        reportMissing: (object, message, fix) => add(rule.meta, { ...nodeSpan(object.anchor), path: object.path, message, fix }),
      };
      guarded(rule.meta.id, options, () => rule.check(context));
    }
  }
  return findings.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
}

export function effectiveSeverity(meta: RuleMeta, overrides: ValidateOptions['rules']): SeverityOverride {
  return overrides?.[meta.id] ?? meta.defaultSeverity;
}

function nodeSpan(node: Node): { offset: number; length: number } {
  return { offset: node.offset, length: node.length };
}

function guarded(ruleId: string, options: ValidateOptions, run: () => void): void {
  try {
    run();
  } catch (error) {
    options.onRuleError?.(ruleId, error);
  }
}

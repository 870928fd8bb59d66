import { Range } from 'vscode-languageserver-textdocument';
import { Node } from 'jsonc-parser';
import { contentRules, syntaxRules } from '../rules';
import { Finding, RuleContext, RuleMeta, Severity, SeverityOverride } from '../rules/rule';
import { pathOf } from '../document/json';
import { Analysis } from './analysis';
import type { TemplateSource } from '../document/cloudformation/source';

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
  const { taskDefinitions, parsed, document } = analysis;
  if (taskDefinitions.length === 0 && !options.assumeTaskDefinition && !parsed.tooLarge?.looksLikeTaskDefinition) return [];
  const findings: LintFinding[] = [];
  const add = (meta: RuleMeta, finding: Finding) => {
    const configured = effectiveSeverity(meta, options.rules);
    if (configured === 'off') return;
    // The user's setting wins; otherwise a finding may be more severe than its rule's default.
    const severity = options.rules?.[meta.id] === undefined ? finding.severity ?? configured : configured;
    const range = { start: document.positionAt(finding.offset), end: document.positionAt(finding.offset + finding.length) };
    findings.push({ ...finding, ruleId: meta.id, severity, range });
  };
  // YAML syntax is the YAML extension's to report; the syntax rules are about strict JSON.
  if (parsed.language !== 'yaml' || parsed.tooLarge) {
    for (const rule of syntaxRules) {
      guarded(rule.meta.id, options, () => rule.checkSyntax(parsed).forEach((finding) => add(rule.meta, finding)));
    }
  }
  const fromTemplate = new TemplateFindings();
  for (const doc of taskDefinitions) {
    const report = doc.template ? (meta: RuleMeta, finding: Finding) => fromTemplate.add(meta, finding, doc.template!) : add;
    for (const rule of contentRules) {
      const context: RuleContext = {
        doc,
        reportAt: (node, message, fix, severity) => report(rule.meta, { ...nodeSpan(node), path: pathOf(node), message, fix, severity }),
        reportMissing: (object, message, fix) => report(rule.meta, { ...nodeSpan(object.anchor), path: object.path, message, fix }),
      };
      guarded(rule.meta.id, options, () => rule.check(context));
    }
  }
  fromTemplate.findings().forEach(({ meta, finding }) => add(meta, finding));
  return findings.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Findings on task definitions read from a template, in the template's terms: its paths and property names,
 * the resource's logical id first. A finding the template's defaults give is reported once; one that only some
 * variants give (a parameter's other allowed value, one branch of an `Fn::If`) says which.
 */
class TemplateFindings {
  private readonly byKey = new Map<string, { meta: RuleMeta; finding: Finding; variants: string[]; always: boolean }>();

  add(meta: RuleMeta, finding: Finding, source: TemplateSource): void {
    const message = `${source.logicalId}: ${source.wording(finding.message)}`;
    const key = JSON.stringify([meta.id, finding.offset, finding.length, message]);
    const entry = this.byKey.get(key) ?? { meta, finding: { ...finding, path: source.templatePath(finding.path), message }, variants: [], always: false };
    if (source.variant === undefined) entry.always = true;
    else if (!entry.variants.includes(source.variant)) entry.variants.push(source.variant);
    this.byKey.set(key, entry);
  }

  findings(): { meta: RuleMeta; finding: Finding }[] {
    return [...this.byKey.values()].map(({ meta, finding, variants, always }) => ({
      meta,
      finding: always ? finding : { ...finding, message: `${finding.message} (when ${variants.join(' or when ')})` },
    }));
  }
}

function effectiveSeverity(meta: RuleMeta, overrides: ValidateOptions['rules']): SeverityOverride {
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

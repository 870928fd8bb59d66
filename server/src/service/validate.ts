import { Range } from 'vscode-languageserver-textdocument';
import { Node } from 'jsonc-parser';
import { contentRules, resourceRules, ruleOrder, syntaxRules } from '../rules';
import { Finding, ResourceRuleContext, RuleContext, RuleMeta, Severity, SeverityOverride } from '../rules/rule';
import { EcsResource, ResourceObject } from '../document/resources';
import { TaskDefinitionDocument } from '../document/taskDefinition';
import { pathOf } from '../document/json';
import { positionFinder } from '../document/lines';
import { Analysis, hasLintableContent } from './analysis';
import { intrinsicOf } from '../document/cloudformation/template';
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
  /** Tag keys the tagging rules require (`.ecs-guard.json` `requiredTagKeys`); absent or empty: they stay silent. */
  readonly requiredTagKeys?: readonly string[];
  /** Called when a rule throws; the other rules still run. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

/** All findings for one analysed document, in document order. */
export function validate(analysis: Analysis, options: ValidateOptions = {}): LintFinding[] {
  const { taskDefinitions, resources, parsed } = analysis;
  if (!options.assumeTaskDefinition && !hasLintableContent(analysis)) return [];
  const findings: LintFinding[] = [];
  const requiredTagKeys = options.requiredTagKeys ?? [];
  const reports = (ruleId: string) => options.rules?.[ruleId] !== 'off';
  const positionAt = positionFinder(analysis.document.getText());
  const rangeOf = (offset: number, length: number): Range => ({ start: positionAt(offset), end: positionAt(offset + length) });
  const add = (meta: RuleMeta, finding: Finding) => {
    const severity = severityOf(meta, options.rules, finding.severity);
    if (severity !== undefined) findings.push({ ...finding, ruleId: meta.id, severity, range: rangeOf(finding.offset, finding.length) });
  };
  // YAML syntax is the YAML extension's to report; the syntax rules are about strict JSON, and about a file too
  // large or too deeply nested to analyse, whatever its language.
  if (parsed.language !== 'yaml' || parsed.tooLarge || parsed.tooDeepAt !== undefined) {
    for (const rule of syntaxRules) {
      guarded(rule.meta.id, options, () => rule.checkSyntax(parsed).forEach((finding) => add(rule.meta, finding)));
    }
  }
  // Made on a template's first finding: most documents are not templates.
  let fromTemplate: TemplateFindings | undefined;
  for (const doc of taskDefinitions) {
    // One context per task definition; `meta` is the rule that runs. A task definition of a template reports
    // through TemplateFindings; any other straight into a LintFinding, with the keys a spread of the finding gives.
    let meta = contentRules[0].meta;
    const template = doc.template;
    const context: RuleContext = template
      ? {
          doc,
          requiredTagKeys,
          reports,
          reportAt: (node, message, fix, severity) =>
            (fromTemplate ??= new TemplateFindings()).add(meta, { offset: node.offset, length: node.length, path: pathOf(node), message, fix, severity }, template),
          reportMissing: (object, message, fix) =>
            (fromTemplate ??= new TemplateFindings()).add(meta, { offset: object.anchor.offset, length: object.anchor.length, path: object.path, message, fix }, template),
        }
      : {
          doc,
          requiredTagKeys,
          reports,
          reportAt: (node, message, fix, severity) => {
            const ruleSeverity = severityOf(meta, options.rules, severity);
            if (ruleSeverity === undefined) return;
            const { offset, length } = node;
            findings.push({ offset, length, path: pathOf(node), message, fix, severity: ruleSeverity, ruleId: meta.id, range: rangeOf(offset, length) });
          },
          reportMissing: (object, message, fix) => {
            const severity = severityOf(meta, options.rules, undefined);
            if (severity === undefined) return;
            const { offset, length } = object.anchor;
            findings.push({ offset, length, path: object.path, message, fix, ruleId: meta.id, severity, range: rangeOf(offset, length) });
          },
        };
    for (const rule of contentRules) {
      meta = rule.meta;
      try {
        rule.check(context);
      } catch (error) {
        options.onRuleError?.(meta.id, error);
      }
    }
  }
  fromTemplate?.findings().forEach(({ meta, finding }) => add(meta, finding));
  for (const resource of resources) {
    const taskDefinition = taskDefinitionOf(resource, taskDefinitions);
    // In a template the finding names the resource's logical id first, as task-definition findings do.
    const named = (message: string, when?: string) => `${resource.logicalId ? `${resource.logicalId}: ` : ''}${message}${when ? ` (when ${when})` : ''}`;
    for (const rule of resourceRules) {
      if (!rule.kinds.includes(resource.kind)) continue;
      const context: ResourceRuleContext = {
        resource,
        requiredTagKeys,
        taskDefinition,
        reportAt: (node, message, fix, when) => add(rule.meta, { ...nodeSpan(node), path: pathOf(node), message: named(message, when), fix }),
        reportMissing: (object, message, fix) => add(rule.meta, { ...nodeSpan(missingAnchor(resource, object)), path: object.path, message: named(message), fix }),
      };
      guarded(rule.meta.id, options, () => rule.check(context));
    }
  }
  // By offset, then in the rule catalog's order (by id), without a locale-aware comparison on every tie.
  return findings.sort((a, b) => a.offset - b.offset || ruleOrder(a.ruleId) - ruleOrder(b.ruleId));
}

/**
 * A finding's severity, undefined when its rule is off: the user's setting wins; otherwise a finding may be more
 * severe than its rule's default.
 */
function severityOf(meta: RuleMeta, overrides: ValidateOptions['rules'], findingSeverity: Severity | undefined): Severity | undefined {
  const configured = overrides?.[meta.id];
  if (configured === 'off') return undefined;
  return configured ?? findingSeverity ?? meta.defaultSeverity;
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

/** The task definition a service or task set runs, when its `TaskDefinition` is a `Ref` to one in the same template. */
function taskDefinitionOf(resource: EcsResource, taskDefinitions: readonly TaskDefinitionDocument[]): TaskDefinitionDocument | undefined {
  const reference = resource.properties.get('taskDefinition');
  const call = reference ? intrinsicOf(reference) : undefined;
  if (call?.name !== 'Ref' || call.argument.type !== 'string') return undefined;
  return taskDefinitions.find((doc) => doc.template?.logicalId === call.argument.value && doc.template?.variant === undefined);
}

/** Where a finding about a missing property goes: the key of the object that lacks it, else the resource. */
function missingAnchor(resource: EcsResource, object: ResourceObject): Node {
  const key = object.node?.parent?.type === 'property' ? object.node.parent.children?.[0] : undefined;
  return key ?? resource.anchor;
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

import { FormattingOptions, JSONPath } from 'jsonc-parser';
import { editChanges } from '../document/edits';
import { applyTextChanges, collide, detectFormatting, TextChange } from '../document/jsonEdit';
import { changesKeepSyntax } from '../document/localSyntaxCheck';
import { ParsedJson } from '../document/parse';
import { TaskDefinitionDocument } from '../document/taskDefinition';
import { contentRules, resourceRules, syntaxRules } from '../rules';
import { FixData, FixProposal, ResourceRule } from '../rules/rule';
import { Analysis, reanalyze } from './analysis';
import { LintFinding, validate, ValidateOptions } from './validate';

/** What a fix needs to know about a finding: a `LintFinding`, or the `data` of a published diagnostic. */
export interface FixTarget {
  readonly ruleId: string;
  readonly path: JSONPath;
  readonly fix?: FixData;
}

/** The owning rule's proposals for a finding, best first; none when the rule has no fix or its fix fails. */
export function fixProposals(analysis: Analysis, target: FixTarget): FixProposal[] {
  const resourceRule = resourceRules.find((candidate) => candidate.meta.id === target.ruleId);
  if (resourceRule) return resourceFixProposals(analysis, resourceRule, target);
  const syntaxRule = syntaxRules.find((candidate) => candidate.meta.id === target.ruleId);
  if (syntaxRule) return target.fix && syntaxRule.fixes ? guardedProposals(() => syntaxRule.fixes!(target.fix!, { parsed: analysis.parsed, path: target.path })) : [];
  const rule = contentRules.find((candidate) => candidate.meta.id === target.ruleId);
  if (!target.fix || !rule?.fixes) return [];
  const fixes = rule.fixes;
  for (const { doc, path } of documentsFor(analysis, target.path)) {
    try {
      const proposals = fixes(target.fix, { doc, path });
      if (proposals.length > 0 || !doc.template) return doc.template ? inTemplate(doc, proposals) : proposals;
    } catch {
      // A fix that throws on odd input must not take the other code actions down with it.
      return [];
    }
  }
  return [];
}

/** A fix that throws on odd input must not take the other code actions down with it. */
function guardedProposals(proposals: () => FixProposal[]): FixProposal[] {
  try {
    return proposals();
  } catch {
    return [];
  }
}

/** A resource rule's proposals: on the resource whose object holds the finding's path, in the document's own terms. */
function resourceFixProposals(analysis: Analysis, rule: ResourceRule, target: FixTarget): FixProposal[] {
  const { path } = target;
  const resource = analysis.resources.find((candidate) => candidate.properties.path.every((segment, index) => path[index] === segment));
  const { fix } = target;
  const fixes = rule.fixes;
  if (!fix || !fixes || !resource) return [];
  return guardedProposals(() => fixes(fix, { resource, path }));
}

/**
 * The task definitions a finding's path may belong to, with the path in their terms: the document's one, or
 * in a template the resource's variants, those that read the value at the path first (the branch of an
 * `Fn::If` a finding is on), then those that contain it, the template's defaults first. Exported for the test
 * that proves looking only at the path's resource gives what looking at every task definition gives.
 */
export function documentsFor(analysis: Analysis, path: JSONPath): { doc: TaskDefinitionDocument; path: JSONPath }[] {
  const candidates = taskDefinitionsAt(analysis, path);
  const located = (exact: boolean) =>
    candidates.flatMap((doc) => {
      if (!doc.template) return exact ? [{ doc, path }] : [];
      const apiPath = doc.template.apiPath(path, exact);
      return apiPath ? [{ doc, path: apiPath }] : [];
    });
  return [...located(true), ...located(false)];
}

/**
 * The task definitions a path may be in, in their order: in a template only the variants of the resource whose
 * key under `Resources` the path names (its second segment: a variant reads no path outside its resource's
 * `Properties`), found in an index built once per analysis; a template holds hundreds of task definitions and
 * "fix all" asks for every finding's proposals.
 */
function taskDefinitionsAt(analysis: Analysis, path: JSONPath): readonly TaskDefinitionDocument[] {
  if (!resourceIndexes.has(analysis)) resourceIndexes.set(analysis, resourceIndex(analysis.taskDefinitions));
  const index = resourceIndexes.get(analysis);
  return index ? (index.get(path[1]) ?? []) : analysis.taskDefinitions;
}

const resourceIndexes = new WeakMap<Analysis, Map<unknown, TaskDefinitionDocument[]> | undefined>();

/** Template variants by their resource's key; undefined when a document is not a template's. */
function resourceIndex(docs: readonly TaskDefinitionDocument[]): Map<unknown, TaskDefinitionDocument[]> | undefined {
  const index = new Map<unknown, TaskDefinitionDocument[]>();
  for (const doc of docs) {
    const propertiesPath = doc.template?.propertiesPath;
    if (!propertiesPath || propertiesPath.length < 2) return undefined;
    const variants = index.get(propertiesPath[1]);
    if (variants) variants.push(doc);
    else index.set(propertiesPath[1], [doc]);
  }
  return index;
}

/** Proposals in the template's terms; a proposal that would write over an intrinsic function is dropped. */
function inTemplate(doc: TaskDefinitionDocument, proposals: FixProposal[]): FixProposal[] {
  const source = doc.template!;
  return proposals.flatMap((proposal) => {
    const edits = proposal.edits.map((edit) => source.templateEdit(edit));
    return edits.every((edit) => edit !== undefined) ? [{ ...proposal, title: source.wording(proposal.title), edits }] : [];
  });
}

/** The text after the proposal's edits; undefined when they no longer apply or would break the JSON. */
export function applyProposal(analysis: Analysis, proposal: FixProposal): string | undefined {
  return appliedProposal(analysis, proposal)?.text;
}

/** A proposal made on the text: the new text, and the span of the old text outside which nothing changed. */
export interface AppliedProposal {
  readonly text: string;
  /** Offsets in the old text: it and the new text agree before `from` and after `to`. */
  readonly from: number;
  readonly to: number;
}

/**
 * `applyProposal` with where the text changed. Whether the JSON stays valid is decided on the smallest
 * object or array around the changes when it can be (a light bulb on a large file must not parse it all
 * again for every fix), by analysing the whole new text otherwise; both answer the same.
 */
export function appliedProposal(analysis: Analysis, proposal: FixProposal): AppliedProposal | undefined {
  const { parsed } = analysis;
  const changes = editChanges(parsed, proposal.edits, formattingOf(parsed));
  if (!changes || changes.length === 0) return undefined;
  const fixed = applyTextChanges(parsed.text, changes);
  if (!changesKeepSyntax(parsed, changes) && reanalyze(analysis, fixed).parsed.syntaxErrors.length > parsed.syntaxErrors.length) return undefined;
  return { text: fixed, from: Math.min(...changes.map((change) => change.offset)), to: Math.max(...changes.map((change) => change.offset + change.length)) };
}

/** A JSON document's indentation and line ending, detected once per parsed text (it reads every line); YAML edits keep their own. */
const formattings = new WeakMap<ParsedJson, FormattingOptions>();
function formattingOf(parsed: ParsedJson): FormattingOptions | undefined {
  if (parsed.language === 'yaml') return undefined;
  let formatting = formattings.get(parsed);
  if (!formatting) formattings.set(parsed, (formatting = detectFormatting(parsed.text)));
  return formatting;
}

/** The proposal "fix all" and `--fix` apply: the preferred one if it is safe, else the first safe one. */
export function safeProposal(proposals: readonly FixProposal[]): FixProposal | undefined {
  return proposals.find((proposal) => proposal.safe && proposal.preferred) ?? proposals.find((proposal) => proposal.safe);
}

/**
 * How many of the findings (of one rule, or all) have a safe proposal, counting no further than `upTo`:
 * enough to decide whether to offer "fix all" on every light bulb. It builds proposals and applies none,
 * so it costs a small part of `fixAll`, but can differ from its count: a proposal whose edits no longer
 * resolve counts here, a problem only a fix reveals does not. A document with syntax errors has none, as
 * `fixAll` leaves it alone.
 */
export function countSafeFixes(analysis: Analysis, findings: readonly LintFinding[], options: { readonly ruleId?: string; readonly upTo?: number } = {}): number {
  const { syntaxErrors, root } = analysis.parsed;
  if (syntaxErrors.length > 0 || !root) return 0;
  const upTo = options.upTo ?? Infinity;
  let count = 0;
  for (const finding of findings) {
    if (count >= upTo) break;
    if (options.ruleId !== undefined && finding.ruleId !== options.ruleId) continue;
    if (safeProposal(fixProposals(analysis, finding))) count++;
  }
  return count;
}

export interface FixAllOptions {
  readonly validate?: ValidateOptions;
  /** Only this rule's findings; all rules when absent. */
  readonly ruleId?: string;
  /** The analysis's findings with the same validate options, when the caller has them already. */
  readonly findings?: readonly LintFinding[];
  /** Fixing one problem can reveal another; passes stop when nothing changes or after this many. */
  readonly maxPasses?: number;
}

export interface FixAllResult {
  readonly text: string;
  /** The findings whose safe fix was applied, over all passes. */
  readonly fixed: readonly LintFinding[];
}

/**
 * Applies every safe fix, pass after pass. A pass resolves all its fixes on the same text and makes them in
 * one sweep, so a large file costs a parse and a validation per pass, not per fix; a fix whose changes
 * collide with one already taken waits for the next pass. A document with JSON syntax errors is left
 * alone (its tree is a guess), and a pass that would break the JSON is dropped.
 */
export function fixAll(analysis: Analysis, options: FixAllOptions = {}): FixAllResult {
  const fixed: LintFinding[] = [];
  let current = analysis;
  let findings = options.findings;
  for (let pass = 0; pass < (options.maxPasses ?? 5); pass++) {
    const { text, root, syntaxErrors } = current.parsed;
    if (syntaxErrors.length > 0 || !root) break;
    const formatting = formattingOf(current.parsed);
    const taken: TextChange[] = [];
    // Two findings can ask for the same property (a template's variants do): added twice it would be a duplicate key.
    const pathsTaken = new Set<string>();
    const fixedInPass: LintFinding[] = [];
    for (const finding of findings ?? validate(current, options.validate)) {
      if (options.ruleId !== undefined && finding.ruleId !== options.ruleId) continue;
      const proposal = safeProposal(fixProposals(current, finding));
      const changes = proposal && editChanges(current.parsed, proposal.edits, formatting);
      const paths = proposal?.edits.filter((edit) => edit.kind !== 'append').map((edit) => JSON.stringify(edit.path)) ?? [];
      if (!changes || paths.some((path) => pathsTaken.has(path)) || changes.some((change) => taken.some((other) => collide(change, other)))) continue;
      taken.push(...changes);
      paths.forEach((path) => pathsTaken.add(path));
      fixedInPass.push(finding);
    }
    if (taken.length === 0) break;
    const next = reanalyze(current, applyTextChanges(text, taken));
    if (next.parsed.syntaxErrors.length > 0) break;
    fixed.push(...fixedInPass);
    current = next;
    findings = undefined;
  }
  return { text: current.parsed.text, fixed };
}

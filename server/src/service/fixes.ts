import { JSONPath } from 'jsonc-parser';
import { applyJsonEdits } from '../document/jsonEdit';
import { contentRules } from '../rules';
import { FixData, FixProposal } from '../rules/rule';
import { analyzeText, Analysis } from './analysis';
import { LintFinding, validate, ValidateOptions } from './validate';

/** What a fix needs to know about a finding: a `LintFinding`, or the `data` of a published diagnostic. */
export interface FixTarget {
  readonly ruleId: string;
  readonly path: JSONPath;
  readonly fix?: FixData;
}

/** The owning rule's proposals for a finding, best first; none when the rule has no fix or its fix fails. */
export function fixProposals(analysis: Analysis, target: FixTarget): FixProposal[] {
  const doc = analysis.taskDefinition;
  const rule = contentRules.find((candidate) => candidate.meta.id === target.ruleId);
  if (!doc || !target.fix || !rule?.fixes) return [];
  try {
    return rule.fixes(target.fix, { doc, path: target.path });
  } catch {
    // A fix that throws on odd input must not take the other code actions down with it.
    return [];
  }
}

/** The text after the proposal's edits; undefined when they no longer apply or would break the JSON. */
export function applyProposal(text: string, proposal: FixProposal): string | undefined {
  const fixed = applyJsonEdits(text, proposal.edits);
  if (fixed === undefined || fixed === text) return undefined;
  return analyzeText(fixed).parsed.syntaxErrors.length > analyzeText(text).parsed.syntaxErrors.length ? undefined : fixed;
}

/** The proposal "fix all" and `--fix` apply: the preferred one if it is safe, else the first safe one. */
export function safeProposal(proposals: readonly FixProposal[]): FixProposal | undefined {
  return proposals.find((proposal) => proposal.safe && proposal.preferred) ?? proposals.find((proposal) => proposal.safe);
}

export interface FixAllOptions {
  readonly validate?: ValidateOptions;
  /** Only this rule's findings; all rules when absent. */
  readonly ruleId?: string;
  /** Fixing one problem can reveal another; passes stop when nothing changes or after this many. */
  readonly maxPasses?: number;
}

export interface FixAllResult {
  readonly text: string;
  /** The findings whose safe fix was applied, over all passes. */
  readonly fixed: readonly LintFinding[];
}

/**
 * Applies every safe fix, pass after pass on the text each pass left. Within a pass the fixes go from the
 * end of the document to its start: paths are re-resolved for each edit, and an edit never shifts the path
 * of anything before it (insertions go at the end of an object or array, removals only renumber later items).
 * A document with JSON syntax errors is left alone: its tree is a guess.
 */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const fixed: LintFinding[] = [];
  let current = text;
  for (let pass = 0; pass < (options.maxPasses ?? 5); pass++) {
    const analysis = analyzeText(current);
    if (analysis.parsed.syntaxErrors.length > 0 || analysis.parsed.root === undefined) break;
    const findings = validate(analysis, options.validate).filter((finding) => options.ruleId === undefined || finding.ruleId === options.ruleId);
    let changed = false;
    for (const finding of [...findings].reverse()) {
      const proposal = safeProposal(fixProposals(analysis, finding));
      const next = proposal && applyProposal(current, proposal);
      if (next === undefined) continue;
      current = next;
      fixed.push(finding);
      changed = true;
    }
    if (!changed) break;
  }
  return { text: current, fixed };
}

import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/service/analysis';
import { LintFinding, validate, ValidateOptions } from '../../server/src/service/validate';
import { expectSameInTemplates } from './asTemplate';
import { markedDocument } from './markedDocument';

/** Lints a text; `uri` names the file (its extension picks JSON or YAML). */
export function lintText(text: string, options: ValidateOptions = {}, uri?: string): LintFinding[] {
  return validate(analyzeText(text, uri), {
    ...options,
    onRuleError: (ruleId, error) => {
      throw new Error(`rule ${ruleId} threw: ${String(error)}`);
    },
  });
}

/** An expected finding: its message (exact text, or a pattern), and optionally its JSON path. */
export type Expected = string | RegExp | { message: string | RegExp; path?: (string | number)[] };

/**
 * Lints a marked document and checks the findings of one rule: one per `«range»`, in document order,
 * with the given messages. An unmarked document expects none.
 */
export function expectFindings(ruleId: string, marked: string, expected: Expected[] = [], options: ValidateOptions & { uri?: string } = {}): LintFinding[] {
  const { text, ranges } = markedDocument(marked);
  const findings = lintText(text, options, options.uri).filter((finding) => finding.ruleId === ruleId);
  const actual = findings.map((f) => `${JSON.stringify(text.slice(f.offset, f.offset + f.length))} @${f.offset}: ${f.message}`);
  assert.equal(findings.length, ranges.length, `expected ${ranges.length} ${ruleId} finding(s), got:\n${actual.join('\n')}`);
  assert.equal(expected.length, ranges.length, 'give one expected message per marked range');
  findings.forEach((finding, i) => {
    const range = ranges[i];
    assert.deepEqual(
      { text: text.slice(finding.offset, finding.offset + finding.length), offset: finding.offset },
      { text: text.slice(range.offset, range.offset + range.length), offset: range.offset },
      `range of finding ${i + 1}: ${actual[i]}`,
    );
    const want =
      typeof expected[i] === 'object' && !(expected[i] instanceof RegExp) ? (expected[i] as { message: string | RegExp; path?: (string | number)[] }) : { message: expected[i] as string | RegExp };
    if (want.message instanceof RegExp) assert.match(finding.message, want.message);
    else assert.equal(finding.message, want.message);
    if (want.path) assert.deepEqual(finding.path, want.path);
  });
  if (!options.uri) expectSameInTemplates(ruleId, text, findings, options);
  return findings;
}

/** The document has no finding of this rule. */
export function expectNoFindings(ruleId: string, text: string, options: ValidateOptions = {}): void {
  expectFindings(ruleId, text, [], options);
}

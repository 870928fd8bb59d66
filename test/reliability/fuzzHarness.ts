// Properties every engine entry point keeps on any input, and the mutations of real files that probe them.
// Shared by the bounded run in `npm test` (fuzz.test.ts) and the long one (`npm run fuzz -- --runs 100000`).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analysis,
  analyzeText,
  codeActions,
  complete,
  documentSymbols,
  fixAll,
  fixAllDataOf,
  hover,
  LintFinding,
  resolveCodeAction,
  toDiagnostic,
  validate,
  ValidateOptions,
} from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../..');

/** Real files to start from: the bundled examples and the shared corpus, JSON and CloudFormation YAML. */
export function seedFiles(): { name: string; text: string }[] {
  const folders = [path.join(ROOT, 'examples'), path.resolve(ROOT, '../shared/corpus')];
  const files = folders.flatMap((folder) => walk(folder)).filter((file) => /\.(json|ya?ml|template)$/i.test(file) && !file.endsWith('MANIFEST.json'));
  return files.map((file) => ({ name: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));
}

function walk(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
}

/** Values no task definition should hold, and values parsers get wrong. */
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -0, 1e308, -1, 0.5, '', ' ', '0', 'x'.repeat(1000), [], {}, [null], { __proto__: null }, '\uD800', '\uDFFF', 'a\u0000b', '<placeholder>', '${VAR}'),
  fc.jsonValue({ maxDepth: 3 }),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A text mutation: what an editor in mid-typing, a bad merge or a broken tool leaves. */
type Mutation = (text: string) => string;

const offsetIn = (text: string, fraction: number) => Math.floor(fraction * (text.length + 1));

const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Truncated anywhere.
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (text: string) => text.slice(0, offsetIn(text, at))),
  // A range deleted.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(200)).map(
    ([at, length]) =>
      (text: string) =>
        text.slice(0, offsetIn(text, at)) + text.slice(offsetIn(text, at) + length),
  ),
  // Random characters inserted: JSON punctuation, control characters, lone surrogates, any unicode.
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.oneof(
        fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '/', '*', '\r', '\n', '\t', '\u0000', '\uD800', '\uDC00', '\u2028', '\uFEFF'), maxLength: 8 }),
        fc.string({ unit: 'binary', maxLength: 8 }),
      ),
    )
    .map(
      ([at, inserted]) =>
        (text: string) =>
          text.slice(0, offsetIn(text, at)) + inserted + text.slice(offsetIn(text, at)),
    ),
  // Numbers parsers get wrong.
  fc.constantFrom('1e309', '-0', '1e-400', '00', '0x10', '9007199254740993', 'NaN', '-Infinity').chain((number) =>
    fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (text: string) => {
      const match = /-?\d+(\.\d+)?/g;
      const numbers = [...text.matchAll(match)];
      if (numbers.length === 0) return text;
      const target = numbers[Math.floor(at * numbers.length) % numbers.length];
      return text.slice(0, target.index) + number + text.slice(target.index! + target[0].length);
    }),
  ),
  // Line endings: all CRLF, all CR, or mixed.
  fc.constantFrom<Mutation>(
    (text) => text.replace(/\r?\n/g, '\r\n'),
    (text) => text.replace(/\r?\n/g, '\r'),
    (text) =>
      text
        .split('\n')
        .map((line, i) => (i % 2 ? line + '\r' : line))
        .join('\n'),
  ),
  // A duplicate key, __proto__ or constructor in the first object.
  fc
    .constantFrom('"family": "dup", ', '"__proto__": { "polluted": true }, ', '"constructor": "x", ', '"containerDefinitions": {}, ', '"cpu": "256", "cpu": 512, ')
    .map((inserted) => (text: string) => text.replace('{', `{ ${inserted}`)),
  // Deep nesting in a value. Only in JSON: a 100,000-deep YAML flow sequence takes the YAML parser about a
  // second per parse, and code actions parse once per fix (see docs/RELIABILITY.md, open items).
  fc.integer({ min: 500, max: 100_000 }).map((depth) => (text: string) => (/^\s*[{[]/.test(text) ? text.replace(/:\s*/, `: ${'['.repeat(depth)}`) : text)),
);

/** A structural mutation: a value somewhere in the parsed file replaced by a hostile one. */
function replaceSomewhere(value: Json, pick: number, replacement: unknown): Json {
  const containers: { holder: Json[] | { [key: string]: Json }; key: string | number }[] = [];
  const visit = (node: Json) => {
    if (Array.isArray(node)) node.forEach((child, index) => (containers.push({ holder: node, key: index }), visit(child)));
    else if (node && typeof node === 'object') Object.keys(node).forEach((key) => (containers.push({ holder: node, key }), visit(node[key])));
  };
  visit(value);
  if (containers.length === 0) return value;
  const { holder, key } = containers[pick % containers.length];
  (holder as Record<string | number, unknown>)[key] = replacement;
  return value;
}

export interface FuzzCase {
  readonly seed: number;
  readonly structural?: { readonly pick: number; readonly value: unknown; readonly indent: number };
  readonly mutations: readonly Mutation[];
}

export function fuzzCase(seedCount: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    seed: fc.nat(seedCount - 1),
    structural: fc.option(fc.record({ pick: fc.nat(), value: hostileValue, indent: fc.constantFrom(0, 1, 2, 4) }), { nil: undefined }),
    mutations: fc.array(textMutation, { maxLength: 2 }),
  });
}

/** The document a case describes; JSON seeds that parse get the structural mutation first. */
export function caseText(seeds: readonly { name: string; text: string }[], fuzz: FuzzCase): { name: string; text: string } {
  const seed = seeds[fuzz.seed];
  let text = seed.text;
  if (fuzz.structural && /\.json$/.test(seed.name)) {
    try {
      const value = replaceSomewhere(JSON.parse(text) as Json, fuzz.structural.pick, fuzz.structural.value);
      text = JSON.stringify(value, null, fuzz.structural.indent);
    } catch {
      // Not strict JSON: the text mutations alone.
    }
  }
  for (const mutate of fuzz.mutations) text = mutate(text);
  return { name: seed.name, text };
}

export interface Figures {
  cases: number;
  casesWithFixes: number;
  findings: number;
  quickFixesChecked: number;
  fixAllChecked: number;
  slowestMs: number;
  slowestCall: string;
}

export function newFigures(): Figures {
  return { cases: 0, casesWithFixes: 0, findings: 0, quickFixesChecked: 0, fixAllChecked: 0, slowestMs: 0, slowestCall: '' };
}

/**
 * Runs every entry point on one document and checks what must always hold: no throw (a rule that throws counts),
 * every call within `budgetMs`, every range inside the document, every quick fix of valid JSON gives valid JSON
 * and removes its finding without touching another container, "fix all" reaches a fixed point and its resolved
 * action gives the same text.
 */
export function checkDocument(name: string, text: string, figures: Figures, budgetMs: number, { withFixes = true } = {}): void {
  const uri = `file:///fuzz/${path.basename(name)}`;
  const timed = <T>(call: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    const elapsed = performance.now() - started;
    if (elapsed > figures.slowestMs) Object.assign(figures, { slowestMs: elapsed, slowestCall: `${call} on ${name} (${text.length} characters)` });
    assert.ok(elapsed < budgetMs, `${call} took ${Math.round(elapsed)} ms (budget ${budgetMs} ms) on ${name}`);
    return result;
  };
  figures.cases++;
  const analysis = timed('analyze', () => analyzeText(text, uri));
  const document = analysis.document;
  const ruleErrors: string[] = [];
  const options: ValidateOptions = { assumeTaskDefinition: true, onRuleError: (ruleId, error) => ruleErrors.push(`${ruleId}: ${error instanceof Error ? error.stack : String(error)}`) };
  const findings = timed('validate', () => validate(analysis, options));
  assert.deepEqual(ruleErrors, [], 'no rule throws');
  figures.findings += findings.length;
  for (const finding of findings) assertInside(document, finding.range, `${finding.ruleId} range`);

  for (const position of probePositions(document)) {
    const shown = timed('hover', () => hover(analysis, position, { findings, assumeTaskDefinition: true }));
    if (shown?.range) assertInside(document, shown.range, 'hover range');
    for (const item of timed('complete', () => complete(analysis, position, { assumeTaskDefinition: true }))) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertInside(document, edit.range, `completion ${item.label}`);
      if (edit && 'insert' in edit) assertInside(document, edit.insert, `completion ${item.label}`);
    }
  }
  for (const symbol of timed('documentSymbols', () => documentSymbols(analysis))) assertInside(document, symbol.range, `symbol ${symbol.name}`);

  if (!withFixes) return;
  figures.casesWithFixes++;
  // The light bulb as VS Code asks for it (fix-all edits deferred to resolve), on the first few findings.
  const diagnostics = findings.slice(0, MAX_DIAGNOSTICS_CHECKED).map(toDiagnostic);
  const actions = timed('codeActions', () => codeActions(analysis, diagnostics, { validate: options, findings, deferFixAllEdits: true }));
  const strict = isStrictJson(text);
  const before = strict ? findings : [];
  for (const action of actions) {
    if (action.edit) {
      checkAction(analysis, action, before, options, figures);
    } else if (fixAllDataOf(action.data)) {
      const resolved = timed('resolveCodeAction', () => resolveCodeAction(analysis, action, { validate: options, findings }));
      for (const edit of editsOf(resolved, uri)) assertInside(document, edit.range, `resolved ${resolved.title}`);
    }
  }

  // "Fix all" ends: a second run on its output finds nothing more to fix.
  const once = timed('fixAll', () => fixAll(analysis, { validate: options, findings }));
  if (once.fixed.length > 0) {
    figures.fixAllChecked++;
    if (strict) assert.doesNotThrow(() => JSON.parse(once.text), 'fix all keeps strict JSON strict');
    const twice = timed('fixAll again', () => fixAll(analyzeText(once.text, uri), { validate: options }));
    assert.equal(twice.text, once.text, `fix all reaches a fixed point on ${name}; the second run fixed ${twice.fixed.map((f) => f.ruleId).join(', ')}`);
  }
}

/** Quick fixes are checked (applied, re-validated) on this many findings per document. */
const MAX_DIAGNOSTICS_CHECKED = 4;

function checkAction(analysis: Analysis, action: CodeAction, findingsBefore: readonly LintFinding[], options: ValidateOptions, figures: Figures): void {
  const { document } = analysis;
  const edits = editsOf(action, document.uri);
  for (const edit of edits) assertInside(document, edit.range, `"${action.title}" edit`);
  const [claimed] = action.diagnostics ?? [];
  if (action.kind !== 'quickfix' || !claimed || edits.length === 0) return;
  // Only on strict JSON: a fix on a broken file is a best effort, and its validity is the json-syntax rule's.
  if (findingsBefore.length === 0) return;
  const fixedText = TextDocument.applyEdits(document, edits);
  figures.quickFixesChecked++;
  let fixedValue: unknown;
  assert.doesNotThrow(() => (fixedValue = JSON.parse(fixedText)), `"${action.title}" gives strict JSON`);
  const fixedFindings = validate(analyzeText(fixedText, document.uri), options);
  const data = claimed.data as { ruleId: string; path: (string | number)[] };
  const isFixAll = fixAllDataOf(action.data) !== undefined || action.title.startsWith('Fix all');
  // Counted by rule and message, not path: removing an array item moves the next one to its path. "Fix all"
  // shows on every finding of its rule, fixable or not, and claims only to fix some of them.
  const claimedHere = (finding: LintFinding) => finding.ruleId === data.ruleId && (isFixAll || finding.message === claimed.message);
  assert.ok(fixedFindings.filter(claimedHere).length < findingsBefore.filter(claimedHere).length, `"${action.title}" removes the ${data.ruleId} finding at ${JSON.stringify(data.path)}`);
  // Nothing else: other containers keep their exact values.
  const valueBefore = JSON.parse(document.getText()) as Record<string, unknown>;
  const containerIndex = data.path[0] === 'containerDefinitions' && typeof data.path[1] === 'number' ? data.path[1] : undefined;
  const containersBefore = containersOf(valueBefore);
  const containersAfter = containersOf(fixedValue);
  if (!isFixAll && containerIndex !== undefined && containersBefore && containersAfter && containersBefore.length === containersAfter.length) {
    containersBefore.forEach((container, index) => {
      if (index !== containerIndex) assert.deepEqual(containersAfter[index], container, `"${action.title}" leaves container ${index} alone`);
    });
  }
}

function containersOf(value: unknown): unknown[] | undefined {
  const containers = (value as { containerDefinitions?: unknown } | null)?.containerDefinitions;
  return Array.isArray(containers) ? containers : undefined;
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const fromChanges = action.edit?.changes?.[uri] ?? [];
  const fromDocumentChanges = (action.edit?.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? (change.edits as TextEdit[]) : []));
  return [...fromChanges, ...fromDocumentChanges];
}

function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A few cursor positions: the start, the end, inside the first key and value, and a line past the end. */
function probePositions(document: TextDocument): Position[] {
  const text = document.getText();
  const offsets = [0, text.length, text.indexOf('"') + 1, text.indexOf(':') + 2, Math.floor(text.length / 2)];
  return [...offsets.filter((offset) => offset >= 0).map((offset) => document.positionAt(offset)), { line: document.lineCount + 3, character: 7 }];
}

function assertInside(document: TextDocument, range: Range, what: string): void {
  const lastLine = document.lineCount - 1;
  for (const position of [range.start, range.end]) {
    assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character) && position.line >= 0 && position.character >= 0, `${what}: ${JSON.stringify(range)}`);
    assert.ok(position.line <= lastLine, `${what} ends past the last line: ${JSON.stringify(range)}`);
    // positionAt clamps; an exact round trip means the position names a real place.
    const back = document.positionAt(document.offsetAt(position));
    assert.deepEqual(back, position, `${what} is inside its line: ${JSON.stringify(range)}`);
  }
  assert.ok(document.offsetAt(range.start) <= document.offsetAt(range.end), `${what} starts before it ends: ${JSON.stringify(range)}`);
}

export type { Diagnostic };

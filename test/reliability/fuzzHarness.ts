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
import { isStrictJson } from '../support/oracles';

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

/**
 * Where in a text, as a fraction of it: uniform, and now and then its very start or end. (fc.double draws among
 * representable doubles: nine in ten below 0.001, so nearly every mutation hit a text's first line or its end.)
 */
const fraction = fc.oneof({ weight: 5, arbitrary: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000) }, fc.constantFrom(0, 1));

const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Truncated anywhere.
  fraction.map((at) => (text: string) => text.slice(0, offsetIn(text, at))),
  // A range deleted.
  fc.tuple(fraction, fc.nat(200)).map(
    ([at, length]) =>
      (text: string) =>
        text.slice(0, offsetIn(text, at)) + text.slice(offsetIn(text, at) + length),
  ),
  // Random characters inserted: JSON punctuation, control characters, lone surrogates, any unicode.
  fc
    .tuple(
      fraction,
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
    fraction.map((at) => (text: string) => {
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
  // Deep nesting in a value, JSON or YAML (both stop at the same depth guard).
  fc.integer({ min: 500, max: 100_000 }).map((depth) => (text: string) => text.replace(/:\s*/, `: ${'['.repeat(depth)}`)),
);

/** The lines of a YAML text that hold a key (`Key: value`, `- Key: value`, `Key:` opening a block), as offsets. */
interface KeyLine {
  readonly start: number;
  readonly end: number;
  readonly indent: string;
  /** Where the value starts: just past `: ` (or `:` at the end of the line). */
  readonly valueStart: number;
}

const KEY_LINE = /^( *)(?:- +)?(?:[A-Za-z_<][\w.<-]*|"[^"\n]*"|'[^'\n]*'):(?: +|$)/gm;

function keyLines(text: string): KeyLine[] {
  return [...text.matchAll(KEY_LINE)].map((match) => {
    const start = match.index!;
    const lineEnd = text.indexOf('\n', start);
    return { start, end: lineEnd < 0 ? text.length : lineEnd, indent: match[1], valueStart: start + match[0].length };
  });
}

/** The key line at `fraction` of the text's key lines, if it has any. */
function keyLineAt(text: string, fraction: number): KeyLine | undefined {
  const lines = keyLines(text);
  return lines.length > 0 ? lines[Math.floor(fraction * lines.length) % lines.length] : undefined;
}

/** The text with the value of the key line at `fraction` replaced (`replace` gets the old value). */
function withValue(text: string, fraction: number, replace: (value: string, line: KeyLine) => string): string {
  const line = keyLineAt(text, fraction);
  if (!line) return text;
  // A trailing `\r` stays where it is: the line ending is not the value's.
  const valueEnd = text[line.end - 1] === '\r' ? line.end - 1 : line.end;
  return text.slice(0, line.valueStart) + replace(text.slice(line.valueStart, valueEnd), line) + text.slice(valueEnd);
}

/** The text with `inserted` as a line of its own before the key line at `fraction` (at its indentation when `indent`). */
function withLineBefore(text: string, fraction: number, inserted: string, indent = true): string {
  const line = keyLineAt(text, fraction) ?? { start: 0, indent: '' };
  return text.slice(0, line.start) + (indent ? line.indent : '') + inserted + '\n' + text.slice(line.start);
}

/** Tags CloudFormation knows, tags it does not, YAML's own, and malformed ones. */
const YAML_TAGS = [
  '!Ref',
  '!Sub',
  '!GetAtt',
  '!If',
  '!Join',
  '!Select',
  '!FindInMap',
  '!Base64',
  '!Condition',
  '!GetAZs',
  '!Foo',
  '!',
  '!!binary',
  '!!str',
  '!!int',
  '!!map',
  '!!seq',
  '!!null',
  '!!timestamp',
  '!<tag:yaml.org,2002:str>',
  '!Ref!Ref',
  '!%41',
];

/** What YAML has and JSON has not: anchors, aliases (and alias bombs), tags, merge keys, streams, block scalars, tabs. */
const yamlMutation: fc.Arbitrary<Mutation> = fc.oneof(
  // An anchor on one value and an alias of it in place of another (or of an anchor never defined).
  fc.tuple(fraction, fraction, fc.constantFrom('fz', 'undefinedAnchor')).map(([anchored, aliased, name]) => (text: string) => {
    const withAnchor = withValue(text, anchored, (value) => `&fz ${value}`.trimEnd());
    return withValue(withAnchor, aliased, () => `*${name}`);
  }),
  // An alias bomb: `width` aliases of `width` aliases, `depth` levels, used in place of a value.
  fc.tuple(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 2, max: 9 }), fraction).map(([width, depth, at]) => (text: string) => {
    const anchors = Array.from({ length: depth }, (_, i) => `Fz${i}: &fz${i} [${Array.from({ length: width }, () => (i === 0 ? 'lol' : `*fz${i - 1}`)).join(', ')}]`);
    const resources = text.search(/^Resources:/m);
    const bombed = resources < 0 ? anchors.join('\n') + '\n' + text : text.slice(0, resources) + anchors.join('\n') + '\n' + text.slice(resources);
    return withValue(bombed, at, () => `*fz${depth - 1}`);
  }),
  // A tag before a value (or before the block a key opens).
  fc.tuple(fraction, fc.constantFrom(...YAML_TAGS)).map(
    ([at, tag]) =>
      (text: string) =>
        withValue(text, at, (value) => `${tag} ${value}`.trimEnd()),
  ),
  // A merge key among a mapping's keys, merging an alias, a flow mapping, a list of both, or nothing.
  fc.tuple(fraction, fraction, fc.constantFrom('*fz', '{ Privileged: true, Image: "x", Cpu: 99999 }', '[*fz, { User: root }]', 'null', '!Ref Merge', '*fz\n<<: *fz')).map(
    ([anchored, at, merged]) =>
      (text: string) =>
        withLineBefore(
          withValue(text, anchored, (value) => `&fz ${value}`.trimEnd()),
          at,
          `<<: ${merged}`,
        ),
  ),
  // A stream of documents: a marker line, directives, or the document twice.
  fc.tuple(fraction, fc.constantFrom('---', '...', '--- !Foo', '%YAML 1.2\n---', '%TAG ! tag:example.com,2000:\n---', '--- |\n  block document', '---\n---')).map(
    ([at, marker]) =>
      (text: string) =>
        withLineBefore(text, at, marker, false),
  ),
  fc.constant<Mutation>((text) => `${text}\n---\n${text}`),
  // A block scalar in place of a value: literal or folded, chomping and indentation indicators, good or bad.
  fc.tuple(fraction, fc.constantFrom('|', '>', '|-', '>+', '|2', '>9', '|0', '>-1', '|+ # comment'), fc.constantFrom(0, 1, 2, 4)).map(
    ([at, header, extra]) =>
      (text: string) =>
        withValue(text, at, (value, line) => `${header}\n${line.indent}${' '.repeat(extra)}${value || '[x]'}\n${line.indent}${' '.repeat(extra)}  more: "text"`),
  ),
  // Deep YAML nesting in a value: flow, tagged, anchored or block, around the limit or far past it.
  fc.tuple(fraction, fc.oneof(fc.integer({ min: 500, max: 530 }), fc.integer({ min: 500, max: 100_000 })), fc.constantFrom('[', '{a: ', '!Ref [', '&a [', '- ')).map(
    ([at, depth, unit]) =>
      (text: string) =>
        withValue(text, at, (_value, line) => (unit === '- ' ? `\n${line.indent}  ${unit.repeat(depth)}x` : unit.repeat(depth))),
  ),
  // Tabs: indenting one line, every line, or after a colon.
  fc.tuple(fraction, fc.constantFrom('line', 'all', 'value')).map(([at, where]) => (text: string) => {
    if (where === 'all') return text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
    if (where === 'value') return withValue(text, at, (value) => `\t${value}`);
    const line = keyLineAt(text, at);
    return line ? text.slice(0, line.start) + '\t' + text.slice(line.start + line.indent.length) : text;
  }),
  // Very long lines: a long plain or quoted scalar, a flow sequence of many items, a long comment.
  fc.tuple(fraction, fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom('plain', 'quoted', 'flow', 'comment')).map(
    ([at, length, kind]) =>
      (text: string) =>
        withValue(text, at, (value) => {
          if (kind === 'plain') return 'x'.repeat(length);
          if (kind === 'quoted') return `"${'a\\n\\u0041'.repeat(length / 10)}"`;
          // Up to 66,000 items: a light bulb took 3 to 4.8 s on them when every proposed fix re-analysed the text whole.
          if (kind === 'flow') return `[${'1, '.repeat(length / 3)}2]`;
          return `${value} # ${'#'.repeat(length)}`;
        }),
  ),
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
  /** YAML mutations, for YAML seeds: applied before the text mutations. */
  readonly yaml: readonly Mutation[];
  readonly mutations: readonly Mutation[];
}

export function fuzzCase(seedCount: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    seed: fc.nat(seedCount - 1),
    structural: fc.option(fc.record({ pick: fc.nat(), value: hostileValue, indent: fc.constantFrom(0, 1, 2, 4) }), { nil: undefined }),
    yaml: fc.array(yamlMutation, { maxLength: 3 }),
    mutations: fc.array(textMutation, { maxLength: 2 }),
  });
}

/** Whether a seed is read as YAML: the extensions `analyze` reads as YAML, and a `.template` not starting with `{`. */
function isYamlSeed(seed: { name: string; text: string }): boolean {
  return /\.ya?ml$/i.test(seed.name) || (/\.template$/i.test(seed.name) && !/^\s*[{[]/.test(seed.text));
}

/** The document a case describes; JSON seeds that parse get the structural mutation first, YAML seeds the YAML ones. */
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
  if (isYamlSeed(seed)) for (const mutate of fuzz.yaml) text = mutate(text);
  for (const mutate of fuzz.mutations) text = mutate(text);
  return { name: seed.name, text };
}

export interface Figures {
  cases: number;
  /** Cases read as YAML, and those of them whose YAML had no error (their fixes are checked). */
  yamlCases: number;
  cleanYamlCases: number;
  casesWithFixes: number;
  findings: number;
  quickFixesChecked: number;
  fixAllChecked: number;
  slowestMs: number;
  slowestCall: string;
}

export function newFigures(): Figures {
  return { cases: 0, yamlCases: 0, cleanYamlCases: 0, casesWithFixes: 0, findings: 0, quickFixesChecked: 0, fixAllChecked: 0, slowestMs: 0, slowestCall: '' };
}

/**
 * Runs every entry point on one document and checks what must always hold: no throw (a rule that throws counts),
 * the text kept as it is, every call within `budgetMs`, every range inside the document, every quick fix of
 * valid JSON gives valid JSON and removes its finding without touching another container, every quick fix of
 * YAML without errors gives YAML without errors and removes its finding, "fix all" keeps either valid and
 * reaches a fixed point, and its resolved action gives the same text.
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
  assert.ok(document.getText() === text && analysis.parsed.text === text, 'the analysis keeps the text as it is');
  if (analysis.parsed.language === 'yaml') figures.yamlCases++;
  if (isCleanYaml(analysis)) figures.cleanYamlCases++;
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
  const cleanYaml = isCleanYaml(analysis);
  const before = strict || cleanYaml ? findings : [];
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
    if (cleanYaml) assert.deepEqual(analyzeText(once.text, uri).parsed.syntaxErrors, [], 'fix all keeps YAML free of errors');
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
  // Only on strict JSON and on YAML without errors: a fix on a broken file is a best effort, and its validity is
  // the json-syntax rule's (the YAML extension's in YAML).
  if (findingsBefore.length === 0) return;
  const fixedText = TextDocument.applyEdits(document, edits);
  figures.quickFixesChecked++;
  const fixed = analyzeText(fixedText, document.uri);
  const yaml = analysis.parsed.language === 'yaml';
  let fixedValue: unknown;
  if (yaml) assert.deepEqual(fixed.parsed.syntaxErrors, [], `"${action.title}" keeps the YAML free of errors:\n${fixedText}`);
  else assert.doesNotThrow(() => (fixedValue = JSON.parse(fixedText)), `"${action.title}" gives strict JSON`);
  const fixedFindings = validate(fixed, options);
  const data = claimed.data as { ruleId: string; path: (string | number)[] };
  const isFixAll = fixAllDataOf(action.data) !== undefined || action.title.startsWith('Fix all');
  // Counted by rule and message, not path: removing an array item moves the next one to its path. "Fix all"
  // shows on every finding of its rule, fixable or not, and claims only to fix some of them.
  const claimedHere = (finding: LintFinding) => finding.ruleId === data.ruleId && (isFixAll || finding.message === claimed.message);
  assert.ok(fixedFindings.filter(claimedHere).length < findingsBefore.filter(claimedHere).length, `"${action.title}" removes the ${data.ruleId} finding at ${JSON.stringify(data.path)}`);
  // Nothing else: other containers keep their exact values.
  if (yaml) return;
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

/** A YAML text the `yaml` package reads without an error, with a tree: its fixes must keep it so. */
function isCleanYaml(analysis: Analysis): boolean {
  return analysis.parsed.language === 'yaml' && analysis.parsed.root !== undefined && analysis.parsed.syntaxErrors.length === 0;
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

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { Node } from 'jsonc-parser';
import { MAX_NESTING_DEPTH, parseJson, parseJsonTolerantly } from '../../server/src/document/parse';
import { parseStrictJson } from '../../server/src/document/strictJson';
import { isStrictJson } from '../support/oracles';
import { displayName, realTaskDefinitionFiles } from '../support/realFiles';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Every field of jsonc-parser's `Node`, read as the engine reads them. */
const NODE_FIELDS = ['type', 'offset', 'length', 'value', 'colonOffset'] as const;

/**
 * Fails unless both trees read the same at every node: each field (`Object.is`, so -0 is not 0), the number of
 * children, and the parent links (each child's `parent` is the node that lists it; the roots have none).
 */
function assertSameTree(actual: Node | undefined, expected: Node | undefined, label: string): void {
  if (actual === undefined || expected === undefined) {
    assert.equal(actual, expected, `${label}: one tree is missing`);
    return;
  }
  assert.equal(actual.parent, undefined, `${label}: the root has a parent`);
  assert.equal(expected.parent, undefined, `${label}: parseTree's root has a parent`);
  const pending: [Node, Node, string][] = [[actual, expected, '$']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [mine, theirs, where] = next;
    for (const field of NODE_FIELDS) {
      assert.ok(Object.is(mine[field], theirs[field]), `${label} at ${where}: ${field} is ${String(mine[field])}, parseTree's ${String(theirs[field])}`);
    }
    assert.equal(mine.children === undefined, theirs.children === undefined, `${label} at ${where}: children present in one tree only`);
    if (!mine.children || !theirs.children) continue;
    assert.equal(mine.children.length, theirs.children.length, `${label} at ${where}: number of children`);
    mine.children.forEach((child, index) => {
      assert.equal(child.parent, mine, `${label} at ${where}/${index}: parent link`);
      assert.equal(theirs.children![index].parent, theirs, `${label} at ${where}/${index}: parseTree's parent link`);
      pending.push([child, theirs.children![index], `${where}/${index}`]);
    });
  }
}

/**
 * The property the fast path rests on: whenever it answers, the tolerant parse of the same text has no error,
 * is not too deep, and builds a tree equal to it at every node. Returns whether it answered.
 */
function checkAgainstTolerantParse(text: string, label = JSON.stringify(text.slice(0, 80))): boolean {
  const fast = parseStrictJson(text, MAX_NESTING_DEPTH).root;
  const plain = parseJsonTolerantly(text);
  const viaParseJson = parseJson(text);
  if (fast === undefined) {
    // Not strict: parseJson is the tolerant parse itself, errors and recovery included.
    assert.deepEqual(viaParseJson.syntaxErrors, plain.syntaxErrors, label);
    assert.equal(viaParseJson.tooDeepAt, plain.tooDeepAt, label);
    assertSameTree(viaParseJson.root, plain.root, label);
    return false;
  }
  assert.deepEqual(plain.syntaxErrors, [], `${label}: the fast path accepted a text parseTree finds errors in`);
  assert.equal(plain.tooDeepAt, undefined, `${label}: the fast path accepted a text nested too deep`);
  assertSameTree(fast, plain.root, label);
  assert.deepEqual(viaParseJson.syntaxErrors, [], label);
  assertSameTree(viaParseJson.root, plain.root, label);
  return true;
}

// Texts rendered from generated values, with the liberties strict JSON allows: any whitespace of the four
// kinds between tokens, any character escaped or raw, numbers written in every form, keys repeated.
const whitespace = fc.constantFrom('', '', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n    ', ' \t\r\n ');
const hex = (unit: number, upper: boolean) => (upper ? unit.toString(16).toUpperCase() : unit.toString(16)).padStart(4, '0');
const stringPiece = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replace(/["\\\u0000-\u001f]/g, '')) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0x20, max: 0xffff })
      .filter((unit) => unit !== 0x22 && unit !== 0x5c)
      .map((unit) => String.fromCharCode(unit)),
  },
  { weight: 2, arbitrary: fc.constantFrom('\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t') },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.boolean()).map(([unit, upper]) => `\\u${hex(unit, upper)}`) },
  { weight: 1, arbitrary: fc.constantFrom('\\uD83D\\uDE00', '\\uD800', '\\uDFFF', '\uD800', '\uDC00', '\u2028', '\u007f', '\u00a0', '\ufeff') },
);
const stringText = fc.array(stringPiece, { maxLength: 6 }).map((pieces) => `"${pieces.join('')}"`);
const keyText = fc.oneof(stringText, fc.constantFrom('"name"', '"image"', '"__proto__"', '"constructor"', '""', '"a"', '"n\\u0061me"'));
const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const numberText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '-'),
      fc.oneof(
        fc.constant('0'),
        fc.tuple(fc.integer({ min: 1, max: 9 }), digits(0, 20)).map(([first, rest]) => `${first}${rest}`),
      ),
      fc.option(
        digits(1, 20).map((d) => `.${d}`),
        { nil: '' },
      ),
      fc.option(
        fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 4)).map((parts) => parts.join('')),
        { nil: '' },
      ),
    )
    .map((parts) => parts.join('')),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('1e400', '-1e400', '1e-400', '-0', '-0.0', '0e0', '9007199254740993', '999999999999999', '1000000000000000', '-123456789012345', '0.1', '1E+2'),
);
const jsonText = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom('true', 'false', 'null'), numberText, stringText, tie('array'), tie('object')),
  array: fc
    .tuple(whitespace, fc.array(fc.tuple(whitespace, tie('value'), whitespace), { maxLength: 5 }))
    .map(([empty, items]) => `[${items.length === 0 ? empty : items.map((item) => item.join('')).join(',')}]`),
  object: fc
    .tuple(whitespace, fc.array(fc.tuple(whitespace, keyText, whitespace, whitespace, tie('value'), whitespace), { maxLength: 5 }))
    .map(([empty, members]) => `{${members.length === 0 ? empty : members.map(([a, key, b, c, value, d]) => `${a}${key}${b}:${c}${value}${d}`).join(',')}}`),
}));
const documentText = fc.tuple(whitespace, jsonText.value, whitespace).map((parts) => parts.join(''));

/** Small edits that break strictness in every way a user or a tool does, and some that keep it. */
const mutation = fc.constantFrom(
  ...['', ' ', ',', ':', '{', '}', '[', ']', '"', '\\', '//', '/*', '*/', '// note\n', '/* note */', '\n', '\r', '\t'],
  ...['\v', '\f', '\u00a0', '\ufeff', '\u2028', '\u0000', '\u001f', "'", '+', '-', '.', 'e', 'E', '0', '01', '1.', '.5', 'x', 'NaN', 'Infinity'],
  ...['true', 'tru', 'truex', 'null', 'nul', 'False', '\\u12', '\\uZZZZ', '\\x', '\\u0041', '"k": 1', ', "k": true', ',]', ',}', '{}', '[]', '\uD800'],
);
const mutate = (text: string) =>
  fc
    .array(fc.record({ at: fc.nat({ max: Math.max(0, text.length) }), remove: fc.nat({ max: 3 }), insert: mutation }), { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce((current, edit) => current.slice(0, Math.min(edit.at, current.length)) + edit.insert + current.slice(Math.min(edit.at, current.length) + edit.remove), text));

describe('strict JSON fast path: the very tree parseTree builds, or nothing', () => {
  it('matches parseTree at every node of every real file (examples, the corpus, its CloudFormation templates)', () => {
    const files = realTaskDefinitionFiles();
    assert.ok(files.length >= 5, 'the examples at least');
    for (const file of files) {
      const label = displayName(file);
      assert.ok(checkAgainstTolerantParse(fs.readFileSync(file, 'utf8'), label), `${label} is strict JSON: the fast path must take it`);
    }
  });

  it('matches parseTree on generated JSON: any whitespace, escapes, lone surrogates, number forms, repeated keys', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        assert.ok(checkAgainstTolerantParse(text), `strict JSON the fast path did not take: ${JSON.stringify(text)}`);
      }),
      { numRuns: 1_500 },
    );
  });

  it('falls back exactly when the text is not strict JSON: mutated generated and real texts', () => {
    const real = realTaskDefinitionFiles()
      .slice(0, 8)
      .map((file) => fs.readFileSync(file, 'utf8'));
    const source = fc.oneof(documentText, fc.constantFrom(...real));
    let taken = 0;
    let fellBack = 0;
    fc.assert(
      fc.property(
        source.chain((text) => mutate(text)),
        (text) => {
          const answered = checkAgainstTolerantParse(text);
          // The fast path covers all of strict JSON: what JSON.parse reads, it reads too (these stay shallow).
          assert.equal(answered, isStrictJson(text) && text.trim() !== '', `fast path ${answered ? 'took' : 'refused'} ${JSON.stringify(text.slice(0, 200))}`);
          if (answered) taken++;
          else fellBack++;
        },
      ),
      { numRuns: 1_500 },
    );
    assert.ok(taken > 50 && fellBack > 500, `both paths exercised: ${taken} taken, ${fellBack} fell back`);
  });

  it('falls back on each way of leaving strict JSON, with parseTree its errors and recovery', () => {
    const notStrict = [
      ...['', '   ', '\n', '\ufeff{}', '{}\u00a0', '\v{}', '{}\f', '{"a":1,}', '[1,]', '[,1]', '// c\n{}', '{} /* c */', '{"a":1}{}', '{"a":1} x'],
      ...['{"a":01}', '[1.]', '[.5]', '[-]', '[+1]', '[1e]', '[1e+]', '[0x1]', '[1.5.3]', '[tru]', '[truex]', '[nul]', '[True]', '[NaN]', '[Infinity]'],
      ...['["\\x"]', '["\\u12"]', '["\\u12G4"]', '["a\nb"]', '["a\rb"]', '["\t"]', '["\u0000"]', '["\u001f"]', '["abc', '["abc\\', '["\\u00'],
      ...['{"a" 1}', '{"a":}', '{a:1}', "{'a':1}", '{"a":1 "b":2}', '[1 2]', '{"a":1', '[1', '{', '[', '}', ']', ':', ','],
    ];
    for (const text of notStrict) assert.equal(checkAgainstTolerantParse(text), false, `took ${JSON.stringify(text)}`);
  });

  it('takes the strict texts at the edges: scalars at the top, -0, 1e400, lone surrogates, duplicate keys, CR line ends', () => {
    const strict = ['0', '-0', '1e400', '-1e400', '1e-400', '"x"', 'true', 'null', '[]', '{}', ' [ ] ', '"\\uD800"', '"\uDFFF"', '{"a":1,"a":2}'];
    const more = ['{\r  "a": [\r    1\r  ]\r}', '{\r\n\t"a": {"b": [true, false, null, "\\"\\\\\\/\\b\\f\\n\\r\\t"]}\r\n}', '123456789012345678901234567890', '[9007199254740993]'];
    // Integers of 16 digits and more are not exact: adding up digits would round twice where Number() rounds once.
    const longIntegers = ['71226478279605692', '-99999999999999999', '1234567890123456', '[47824312988597144, 18234468580967633]'];
    for (const text of [...strict, ...more, ...longIntegers]) assert.equal(checkAgainstTolerantParse(text), true, `refused ${JSON.stringify(text)}`);
  });

  it(`takes nesting ${MAX_NESTING_DEPTH} deep and leaves deeper nesting to the depth guard, which says where`, () => {
    const nested = (depth: number) => '{"a":['.repeat(depth / 2) + ']}'.repeat(depth / 2);
    assert.equal(checkAgainstTolerantParse(nested(MAX_NESTING_DEPTH)), true);
    assert.equal(checkAgainstTolerantParse('['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH)), true);
    const tooDeep = '['.repeat(MAX_NESTING_DEPTH + 1) + ']'.repeat(MAX_NESTING_DEPTH + 1);
    assert.equal(checkAgainstTolerantParse(tooDeep), false);
    assert.equal(parseJson(tooDeep).tooDeepAt, MAX_NESTING_DEPTH);
    assert.equal(parseJson(`{"a":${'['.repeat(100_000)}`).tooDeepAt, 5 + MAX_NESTING_DEPTH - 1);
  });

  it('starts the depth scan where the fast path stopped, and finds what a scan from the start finds', () => {
    // Strict nesting around the limit, some finished values inside, then what breaks strictness: comments,
    // strings and line breaks holding brackets, mismatched closers, more openers.
    const opener = fc.constantFrom('[', '{"k":', '[ ', '{ "k" : ', '[1, "a", {"x": []}, ', '{"a": {}, "k": ');
    const junk = fc.constantFrom(...['[', '{', ']', '}', '{"a":', '"[{"', '// [[{\n', '/* {[ */', '// " [\n', '"ab\r[', '"ab\r\n{', ',', ':', 'x', '1', '[}', '{]', ',]', '\v']);
    const text = fc
      .tuple(
        fc.oneof(fc.integer({ min: 0, max: MAX_NESTING_DEPTH }), fc.integer({ min: MAX_NESTING_DEPTH - 30, max: MAX_NESTING_DEPTH + 5 })),
        opener,
        fc.array(junk, { minLength: 1, maxLength: 30 }),
        fc.boolean(),
      )
      .map(([depth, open, tail, close]) => open.repeat(depth) + tail.join('') + (close ? ']'.repeat(depth) : ''));
    let tooDeep = 0;
    fc.assert(
      fc.property(text, (candidate) => {
        checkAgainstTolerantParse(candidate);
        if (parseJson(candidate).tooDeepAt !== undefined) tooDeep++;
      }),
      { numRuns: 300 },
    );
    assert.ok(tooDeep > 20 && tooDeep < 280, `both outcomes exercised: ${tooDeep} of 300 too deep`);
  });

  it('is compared field by field: a tree differing in one field, a child or a parent link fails the check', () => {
    const text = '{"a": [1, {"b": null}]}';
    const reference = parseJsonTolerantly(text).root!;
    // The property `a`, the array in it, its items: writable, to spoil one thing at a time.
    const parts = (root: Node) => {
      const property = root.children![0] as Writable<Node>;
      const items = property.children![1].children! as Writable<Node>[];
      return { root, property, items };
    };
    const spoilers: ((tree: ReturnType<typeof parts>) => void)[] = [
      ({ property }) => (property.colonOffset = 5),
      ({ items }) => (items[0].value = '1'),
      ({ items }) => (items[1].length = 0),
      ({ items }) => items.pop(),
      ({ root, items }) => (items[1].parent = root),
    ];
    for (const spoil of spoilers) {
      const tree = parseStrictJson(text, MAX_NESTING_DEPTH).root!;
      assertSameTree(tree, reference, 'unchanged');
      spoil(parts(tree));
      assert.throws(() => assertSameTree(tree, reference, 'changed'), assert.AssertionError);
    }
  });
});

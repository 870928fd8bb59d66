import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareNames } from '../../cli/src/lint/nameOrder';

const english = new Intl.Collator('en').compare;
const sign = (value: number) => Math.sign(value);

/** Every ASCII character, with the ones file names mix most weighted up. */
const asciiCharacter = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)), weight: 2 },
  { arbitrary: fc.constantFrom('a', 'A', 'b', 'B', 'z', 'Z', '0', '9', '-', '_', '.', ' ', '/', '\t', '\u0001', '\u007f'), weight: 3 },
);
const asciiName = fc.array(asciiCharacter, { maxLength: 12 }).map((characters) => characters.join(''));

// The report's order is the English collation's; ASCII names skip the collator (its set-up costs a short run ~5 ms).
describe('ecs-guard lint: the order of file names', () => {
  it('orders ASCII names exactly as the English collation does', () => {
    fc.assert(
      fc.property(asciiName, asciiName, (a, b) => sign(compareNames(a, b)) === sign(english(a, b))),
      { numRuns: 20_000 },
    );
  });

  it('orders names that share a prefix, differ in case only or in ignored controls as the collation does', () => {
    const names = ['a', 'A', 'ab', 'aB', 'Ab', 'AB', 'a-b', 'a_b', 'a b', 'a.b', 'a\u0001b', 'ab\u0001', '', '\u0001', 'B.json', 'b.json', '10.json', '9.json', 'a~', 'a$', 'a0'];
    for (const a of names) for (const b of names) assert.equal(sign(compareNames(a, b)), sign(english(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  });

  it('hands other names to the collation', () => {
    const names = ['ä.json', 'a.json', 'z.json', 'Ä.json', 'é', 'e', 'f', '日本.json', 'ﬁ.json', 'fi.json'];
    assert.deepEqual([...names].sort(compareNames), [...names].sort(english));
  });

  it('sorts a folder listing as the collation does', () => {
    fc.assert(
      fc.property(fc.array(asciiName, { maxLength: 30 }), (names) => assert.deepEqual([...names].sort(compareNames), [...names].sort(english))),
      { numRuns: 500 },
    );
  });
});

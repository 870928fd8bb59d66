import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { positionFinder } from '../../server/src/document/lines';

describe('positionFinder', () => {
  it("gives exactly TextDocument.positionAt's position for every offset (random texts with \\n, \\r\\n and \\r)", () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\u2028', '😀'), maxLength: 40 });
    fc.assert(
      fc.property(text, (value) => {
        const document = TextDocument.create('file:///a.json', 'json', 0, value);
        const positionAt = positionFinder(value);
        for (let offset = -2; offset <= value.length + 2; offset++) assert.deepEqual(positionAt(offset), document.positionAt(offset), `offset ${offset}`);
      }),
      { numRuns: 500 },
    );
  });

  it('places offsets on a line break before it, as the editor does', () => {
    const positionAt = positionFinder('{\r\n  "a": 1\r\n}');
    assert.deepEqual(positionAt(1), { line: 0, character: 1 });
    assert.deepEqual(positionAt(2), { line: 0, character: 1 });
    assert.deepEqual(positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(positionAt(100), { line: 2, character: 1 });
  });
});

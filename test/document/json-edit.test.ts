import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { appendItem, applyJsonEdits, collide, detectFormatting, jsonEditChanges, removeValue, setValue } from '../../server/src/document/jsonEdit';

describe('layout-preserving JSON edits', () => {
  describe('detectFormatting', () => {
    it('reads the indent unit and line ending from the text', () => {
      assert.deepEqual(detectFormatting('{\n  "a": {\n    "b": 1\n  }\n}'), { insertSpaces: true, tabSize: 2, eol: '\n' });
      assert.deepEqual(detectFormatting('{\r\n    "a": 1\r\n}'), { insertSpaces: true, tabSize: 4, eol: '\r\n' });
      assert.deepEqual(detectFormatting('{\n\t"a": {\n\t\t"b": 1\n\t}\n}'), { insertSpaces: false, tabSize: 4, eol: '\n' });
    });

    it('falls back to two spaces for a one-line document', () => {
      assert.deepEqual(detectFormatting('{ "a": 1 }'), { insertSpaces: true, tabSize: 2, eol: '\n' });
    });

    it('reads the lines exactly as splitting the text at /\\r?\\n/ does (random texts)', () => {
      // The plain definition it replaced, which made a string per line.
      const bySplitting = (text: string) => {
        let tabLines = 0;
        let spaceLines = 0;
        let smallestSpaces = Infinity;
        for (const line of text.split(/\r?\n/)) {
          const indent = /^[ \t]*/.exec(line)![0];
          if (indent === '' || indent.length === line.length) continue;
          if (indent[0] === '\t') tabLines++;
          else {
            spaceLines++;
            smallestSpaces = Math.min(smallestSpaces, indent.length);
          }
        }
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        return tabLines > spaceLines ? { insertSpaces: false, tabSize: 4, eol } : { insertSpaces: true, tabSize: spaceLines > 0 ? smallestSpaces : 2, eol };
      };
      const text = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', 'a', '{'), maxLength: 30 });
      fc.assert(
        fc.property(text, (value) => assert.deepEqual(detectFormatting(value), bySplitting(value))),
        { numRuns: 3000 },
      );
    });
  });

  describe('set', () => {
    it('adds a property after the last one, at its indentation, with nested values one level deeper', () => {
      const text = '{\n    "a": 1,\n    "b": [1, 2]\n}';
      assert.equal(applyJsonEdits(text, [setValue(['c'], { d: true, e: [] })]), '{\n    "a": 1,\n    "b": [1, 2],\n    "c": {\n        "d": true,\n        "e": []\n    }\n}');
    });

    it('indents with tabs in a tab-indented document', () => {
      const text = '{\n\t"a": {\n\t\t"b": 1\n\t}\n}';
      assert.equal(applyJsonEdits(text, [setValue(['a', 'c'], { d: 'x' })]), '{\n\t"a": {\n\t\t"b": 1,\n\t\t"c": {\n\t\t\t"d": "x"\n\t\t}\n\t}\n}');
    });

    it('keeps a one-line object on one line', () => {
      const text = '[\n  { "name": "app", "image": "nginx" }\n]';
      assert.equal(applyJsonEdits(text, [setValue([0, 'logConfiguration'], { logDriver: 'awslogs' })]), '[\n  { "name": "app", "image": "nginx", "logConfiguration": { "logDriver": "awslogs" } }\n]');
    });

    it('replaces a value in place, keeping the key order', () => {
      const text = '{\n  "a": null,\n  "b": 2\n}';
      assert.equal(applyJsonEdits(text, [setValue(['a'], { c: 1 })]), '{\n  "a": {\n    "c": 1\n  },\n  "b": 2\n}');
      assert.equal(applyJsonEdits('[1, 2, 3]', [setValue([1], 'two')]), '[1, "two", 3]');
    });

    it('fills an empty object in the shape of the object around it', () => {
      assert.equal(applyJsonEdits('{\n  "a": {}\n}', [setValue(['a', 'b'], 1)]), '{\n  "a": {\n    "b": 1\n  }\n}');
      assert.equal(applyJsonEdits('{ "a": {} }', [setValue(['a', 'b'], 1)]), '{ "a": { "b": 1 } }');
      assert.equal(applyJsonEdits('{}', [setValue(['b'], 1)]), '{\n  "b": 1\n}');
    });

    it('keeps CRLF line endings', () => {
      assert.equal(applyJsonEdits('{\r\n  "a": 1\r\n}\r\n', [setValue(['b'], { c: 2 })]), '{\r\n  "a": 1,\r\n  "b": {\r\n    "c": 2\r\n  }\r\n}\r\n');
    });

    it('gives up when the parent is missing or of another type', () => {
      assert.equal(applyJsonEdits('{ "a": 1 }', [setValue(['x', 'y'], 1)]), undefined);
      assert.equal(applyJsonEdits('{ "a": 1 }', [setValue(['a', 'y'], 1)]), undefined);
      assert.equal(applyJsonEdits('{ "a": [] }', [setValue(['a', 'y'], 1)]), undefined);
    });
  });

  describe('remove', () => {
    const text = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}';

    it('removes the first, a middle and the last property with their separating comma', () => {
      assert.equal(applyJsonEdits(text, [removeValue(['a'])]), '{\n  "b": 2,\n  "c": 3\n}');
      assert.equal(applyJsonEdits(text, [removeValue(['b'])]), '{\n  "a": 1,\n  "c": 3\n}');
      assert.equal(applyJsonEdits(text, [removeValue(['c'])]), '{\n  "a": 1,\n  "b": 2\n}');
    });

    it('leaves an empty object or array when the only member goes, and neighbours on one line stay on one line', () => {
      assert.equal(applyJsonEdits('{\n  "a": [\n    { "n": 1 }\n  ]\n}', [removeValue(['a', 0])]), '{\n  "a": []\n}');
      assert.equal(applyJsonEdits('[{ "n": 1 }, { "n": 2 }, { "n": 3 }]', [removeValue([1])]), '[{ "n": 1 }, { "n": 3 }]');
    });

    it('gives up on a path that is not there', () => {
      assert.equal(applyJsonEdits(text, [removeValue(['z'])]), undefined);
    });
  });

  describe('append', () => {
    it('adds an item like the one before it: one line after a one-line item', () => {
      const text = '{\n  "secrets": [\n    { "name": "A", "valueFrom": "a" }\n  ]\n}';
      assert.equal(
        applyJsonEdits(text, [appendItem(['secrets'], { name: 'B', valueFrom: 'b' })]),
        '{\n  "secrets": [\n    { "name": "A", "valueFrom": "a" },\n    { "name": "B", "valueFrom": "b" }\n  ]\n}',
      );
    });

    it('adds several properties after the same member, in the order given', () => {
      assert.equal(applyJsonEdits('{\n  "a": 1\n}', [setValue(['b'], 2), setValue(['c'], 3)]), '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}');
    });

    it('makes several edits resolved on the same text', () => {
      const text = '{ "environment": [{ "name": "A" }, { "name": "B" }], "secrets": [] }';
      const edits = [appendItem(['secrets'], { name: 'A' }), removeValue(['environment', 0])];
      assert.equal(applyJsonEdits(text, edits), '{ "environment": [{ "name": "B" }], "secrets": [{ "name": "A" }] }');
    });
  });

  describe('collisions', () => {
    it('refuses edits whose changes overlap or touch', () => {
      const text = '{ "a": { "b": 1 }, "c": 2 }';
      assert.equal(jsonEditChanges(text, [setValue(['a'], 1), setValue(['a', 'b'], 2)]), undefined);
      // Removing the last member and adding after it would fight over the comma.
      assert.equal(jsonEditChanges(text, [removeValue(['c']), setValue(['d'], 3)]), undefined);
      // Two additions to an empty object would each need the other's comma.
      assert.equal(jsonEditChanges('{ "a": {} }', [setValue(['a', 'b'], 1), setValue(['a', 'c'], 2)]), undefined);
    });

    it('lets changes apart from each other, and additions after the same member, go together', () => {
      const [first, second] = jsonEditChanges('{ "a": 1, "b": 2 }', [setValue(['c'], 3), setValue(['d'], 4)])!;
      assert.equal(collide(first, second), false);
      const [value, other] = jsonEditChanges('{ "a": 1, "b": 2 }', [setValue(['a'], 0), setValue(['b'], 0)])!;
      assert.equal(collide(value, other), false);
    });
  });
});

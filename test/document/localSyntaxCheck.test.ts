import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { applyTextChanges, TextChange } from '../../server/src/document/jsonEdit';
import { changesKeepSyntax } from '../../server/src/document/localSyntaxCheck';
import { parseJson } from '../../server/src/document/parse';
import { realTaskDefinitionFiles } from '../support/realFiles';

const TASK = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "privileged": true, "environment": [ { "name": "A", "value": "1" } ] }
  ]
}`;

const change = (text: string, from: string, content: string, occurrence = 0): TextChange => {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(from, offset + 1);
  assert.ok(offset >= 0, `"${from}" is not in the text`);
  return { offset, length: from.length, content };
};

describe('changesKeepSyntax: a fix checked on the edited object instead of the whole text', () => {
  it('accepts a value replaced inside a container without parsing the rest', () => {
    assert.equal(changesKeepSyntax(parseJson(TASK), [change(TASK, 'true', 'false')]), true);
  });

  it('accepts a property added to a container', () => {
    assert.equal(changesKeepSyntax(parseJson(TASK), [change(TASK, '"privileged": true', '"privileged": true, "user": "1000"')]), true);
  });

  it('cannot tell when the new text of the object breaks (the caller then parses everything)', () => {
    assert.equal(changesKeepSyntax(parseJson(TASK), [change(TASK, '"privileged": true', '"privileged": true,')]), undefined);
    assert.equal(changesKeepSyntax(parseJson(TASK), [change(TASK, '}', '')]), undefined);
    assert.equal(changesKeepSyntax(parseJson(TASK), [change(TASK, '"nginx"', '"nginx')]), undefined);
  });

  it('cannot tell when the enclosing object already had a syntax error', () => {
    const broken = TASK.replace('"image": "nginx",', '"image": "nginx",,');
    assert.equal(changesKeepSyntax(parseJson(broken), [change(broken, 'true', 'false')]), undefined);
  });

  it("cannot tell for a change touching the document's outer brackets", () => {
    assert.equal(changesKeepSyntax(parseJson(TASK), [{ offset: 0, length: 1, content: '{ ' }]), undefined);
  });

  // The property the fast path rests on: whenever it answers, the whole new text has exactly the old errors.
  it('answers only when parsing the whole new text finds exactly the old syntax errors (random edits of real files)', () => {
    const texts = [
      TASK,
      TASK.replace('"A",', '"A",,'),
      ...realTaskDefinitionFiles()
        .slice(0, 12)
        .map((file) => fs.readFileSync(file, 'utf8')),
    ];
    const token = fc.constantFrom('', ' ', ',', ':', '{', '}', '[', ']', '"', '"x"', '"k": 1', ', "k": true', '1', 'true', 'null', '{}', '[]', '\\', '//', '\n');
    const edit = (length: number) => fc.record({ offset: fc.nat({ max: length }), length: fc.nat({ max: 12 }), content: fc.array(token, { maxLength: 4 }).map((parts) => parts.join('')) });
    let answered = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...texts).chain((text) => fc.tuple(fc.constant(text), fc.array(edit(text.length), { minLength: 1, maxLength: 3 }))),
        ([text, raw]) => {
          // Non-overlapping changes within the text, as jsonEditChanges makes them.
          const changes: TextChange[] = [];
          for (const candidate of raw) {
            const length = Math.min(candidate.length, text.length - candidate.offset);
            const made = { ...candidate, length };
            if (changes.every((other) => made.offset + made.length < other.offset || other.offset + other.length < made.offset)) changes.push(made);
          }
          const parsed = parseJson(text);
          if (changesKeepSyntax(parsed, changes) !== true) return;
          answered++;
          assert.equal(parseJson(applyTextChanges(text, changes)).syntaxErrors.length, parsed.syntaxErrors.length);
        },
      ),
      { numRuns: 3000 },
    );
    assert.ok(answered > 100, `the fast path answered only ${answered} times: the property says little`);
  });
});

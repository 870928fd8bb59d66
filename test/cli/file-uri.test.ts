import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { fileUri } from '../../cli/src/lint/fileLinter';

const segment = fc
  .array(fc.oneof(fc.constantFrom('a', 'Z', '0', '.', '-', '_', ' ', '#', '%', '?', '\\', '\n', 'ä', '日', '+', '@', '~', ':', ';', '='), fc.string({ maxLength: 1 })), { minLength: 1, maxLength: 8 })
  .map((characters) => characters.join(''))
  .filter((name) => name !== '.' && name !== '..' && !name.includes('/') && name.length > 0);

// The CLI gives the engine each file's URI (its extension tells YAML from JSON), made once per folder.
describe('ecs-guard lint: file URIs', () => {
  it('are what pathToFileURL makes, for any folder and name', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), segment, (folders, name) => {
        const file = path.join('/', ...folders, name);
        assert.equal(fileUri(file), pathToFileURL(file).href);
      }),
      { numRuns: 3_000 },
    );
  });

  it('of files at the root and beside each other', () => {
    for (const file of ['/task.json', '/srv/a/task.json', '/srv/a/other.yaml', '/srv/a/b c.json', '/srv/a#/task.json']) assert.equal(fileUri(file), pathToFileURL(file).href);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../support/lint';

/**
 * Real public task definitions (../shared/corpus, provenance in its MANIFEST.json) linted with the
 * default severities. The expected findings in corpus-expected.json were each checked by hand against the
 * AWS documents (see the notes in that file). The corpus stays outside the project; where it is absent the
 * suite is skipped. After a deliberate rule change: UPDATE_CORPUS=1 npx mocha test/corpus/corpus.test.ts,
 * then review the diff finding by finding.
 */
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const EXPECTED_FILE = path.join(__dirname, 'corpus-expected.json');

interface ExpectedCorpus {
  readonly notes: Record<string, string>;
  readonly findings: Record<string, string[]>;
}

function findingsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  return lintText(text).map((f) => `${f.ruleId} ${f.severity} ${JSON.stringify(f.path)} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

describe('real task definitions (shared corpus)', function () {
  if (!fs.existsSync(CORPUS)) {
    it.skip('../shared/corpus is not present');
    return;
  }
  const files = fs
    .readdirSync(CORPUS)
    .filter((file) => file.endsWith('.json') && file !== 'MANIFEST.json')
    .sort();
  const expected: ExpectedCorpus = fs.existsSync(EXPECTED_FILE) ? JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')) : { notes: {}, findings: {} };

  if (process.env.UPDATE_CORPUS) {
    const findings = Object.fromEntries(files.map((file) => [file, findingsOf(file)]));
    fs.writeFileSync(EXPECTED_FILE, JSON.stringify({ notes: expected.notes, findings }, null, 2) + '\n');
  }

  it('every corpus file is recognised as a task definition or deliberately not', () => {
    assert.deepEqual(Object.keys(expected.findings).sort(), files);
  });

  for (const file of files) {
    it(file, () => {
      assert.deepEqual(findingsOf(file), expected.findings[file] ?? []);
    });
  }
});

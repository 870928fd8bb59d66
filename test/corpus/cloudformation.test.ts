import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../support/lint';

/**
 * Real public CloudFormation templates (../shared/corpus/cloudformation, provenance in its MANIFEST.json) linted
 * with the default severities, as the CLI reads them (YAML or JSON by extension). The expected findings in
 * cloudformation-expected.json were checked by hand (see its notes). Where the corpus is absent the suite is
 * skipped. After a deliberate change: UPDATE_CORPUS=1 npx mocha test/corpus/cloudformation.test.ts, then review the diff.
 */
const CORPUS = path.resolve(__dirname, '../../../shared/corpus/cloudformation');
const EXPECTED_FILE = path.join(__dirname, 'cloudformation-expected.json');

interface ExpectedCorpus {
  readonly notes: Record<string, string>;
  readonly findings: Record<string, string[]>;
}

function findingsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  return lintText(text, {}, `file:///corpus/${file}`).map((f) => `${f.ruleId} ${f.severity} ${JSON.stringify(f.path)} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

describe('real CloudFormation templates (shared corpus)', function () {
  if (!fs.existsSync(CORPUS)) {
    it.skip('../shared/corpus/cloudformation is not present');
    return;
  }
  const files = fs
    .readdirSync(CORPUS)
    .filter((file) => /\.(json|ya?ml|template)$/.test(file) && file !== 'MANIFEST.json')
    .sort();
  const expected: ExpectedCorpus = fs.existsSync(EXPECTED_FILE) ? JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')) : { notes: {}, findings: {} };

  if (process.env.UPDATE_CORPUS) {
    const findings = Object.fromEntries(files.map((file) => [file, findingsOf(file)]));
    fs.writeFileSync(EXPECTED_FILE, JSON.stringify({ notes: expected.notes, findings }, null, 2) + '\n');
  }

  it('every corpus template has its expected findings recorded', () => {
    assert.deepEqual(Object.keys(expected.findings).sort(), files);
  });

  for (const file of files) {
    it(file, () => {
      assert.deepEqual(findingsOf(file), expected.findings[file] ?? []);
    });
  }
});

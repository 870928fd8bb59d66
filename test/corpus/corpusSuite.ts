import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../support/lint';

interface ExpectedCorpus {
  readonly notes: Record<string, string>;
  readonly findings: Record<string, string[]>;
}

export interface CorpusSuite {
  /** The describe title. */
  readonly title: string;
  /** The corpus folder, and how the skip names it when it is absent. */
  readonly folder: string;
  readonly folderName: string;
  /** The hand-checked findings, rewritten under UPDATE_CORPUS=1 (keeping its notes). */
  readonly expectedFile: string;
  /** Which of the folder's files are linted. */
  readonly accepts: (file: string) => boolean;
  /** The title of the test that every file has its findings recorded. */
  readonly everyFileRecorded: string;
  /** The uri each file is linted under (its extension picks JSON or YAML); none for JSON without a name. */
  readonly uriOf?: (file: string) => string;
}

/**
 * A corpus of real files linted with the default severities, each file's findings (rule, severity, path,
 * line:column) compared with the expected file; the suite is skipped where the corpus is absent.
 */
export function describeCorpus(suite: CorpusSuite): void {
  const findingsOf = (file: string): string[] => {
    const text = fs.readFileSync(path.join(suite.folder, file), 'utf8');
    return lintText(text, {}, suite.uriOf?.(file)).map((f) => `${f.ruleId} ${f.severity} ${JSON.stringify(f.path)} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
  };

  describe(suite.title, function () {
    if (!fs.existsSync(suite.folder)) {
      it.skip(`${suite.folderName} is not present`);
      return;
    }
    const files = fs.readdirSync(suite.folder).filter(suite.accepts).sort();
    const expected: ExpectedCorpus = fs.existsSync(suite.expectedFile) ? JSON.parse(fs.readFileSync(suite.expectedFile, 'utf8')) : { notes: {}, findings: {} };

    if (process.env.UPDATE_CORPUS) {
      const findings = Object.fromEntries(files.map((file) => [file, findingsOf(file)]));
      fs.writeFileSync(suite.expectedFile, JSON.stringify({ notes: expected.notes, findings }, null, 2) + '\n');
    }

    it(suite.everyFileRecorded, () => {
      assert.deepEqual(Object.keys(expected.findings).sort(), files);
    });

    for (const file of files) {
      it(file, () => {
        assert.deepEqual(findingsOf(file), expected.findings[file] ?? []);
      });
    }
  });
}

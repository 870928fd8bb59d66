import * as path from 'node:path';
import { describeCorpus } from './corpusSuite';

/**
 * Real public task definitions (../shared/corpus, provenance in its MANIFEST.json) linted with the
 * default severities. The expected findings in corpus-expected.json were each checked by hand against the
 * AWS documents (see the notes in that file). The corpus stays outside the project; where it is absent the
 * suite is skipped. After a deliberate rule change: UPDATE_CORPUS=1 npx mocha test/corpus/corpus.test.ts,
 * then review the diff finding by finding.
 */
describeCorpus({
  title: 'real task definitions (shared corpus)',
  folder: path.resolve(__dirname, '../../../shared/corpus'),
  folderName: '../shared/corpus',
  expectedFile: path.join(__dirname, 'corpus-expected.json'),
  accepts: (file) => file.endsWith('.json') && file !== 'MANIFEST.json',
  everyFileRecorded: 'every corpus file is recognised as a task definition or deliberately not',
});

import * as path from 'node:path';
import { describeCorpus } from './corpusSuite';

/**
 * Real public CloudFormation templates (../shared/corpus/cloudformation, provenance in its MANIFEST.json) linted
 * with the default severities, as the CLI reads them (YAML or JSON by extension). The expected findings in
 * cloudformation-expected.json were checked by hand (see its notes). Where the corpus is absent the suite is
 * skipped. After a deliberate change: UPDATE_CORPUS=1 npx mocha test/corpus/cloudformation.test.ts, then review the diff.
 */
describeCorpus({
  title: 'real CloudFormation templates (shared corpus)',
  folder: path.resolve(__dirname, '../../../shared/corpus/cloudformation'),
  folderName: '../shared/corpus/cloudformation',
  expectedFile: path.join(__dirname, 'cloudformation-expected.json'),
  accepts: (file) => /\.(json|ya?ml|template)$/.test(file) && file !== 'MANIFEST.json',
  everyFileRecorded: 'every corpus template has its expected findings recorded',
  uriOf: (file) => `file:///corpus/${file}`,
});

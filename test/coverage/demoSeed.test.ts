import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyIssue } from '../../client/src/coverage/issues/classifyIssue';
import { ISSUE_CATALOG, IssueKind } from '../../client/src/coverage/issues/issueCatalog';
import { demoSeed } from '../../client/src/coverage/testing/fakeGuardDuty/demoSeed';

// `npm start` and the e2e run show the fake GuardDuty's demo data: every case the view knows must be in it.
describe('demo seed of the fake GuardDuty', () => {
  const seed = demoSeed();
  const ecsIssues = Object.entries(seed).flatMap(([region, data]) =>
    data.resources.flatMap((resource) => {
      const cluster = resource.resourceDetails.ecsClusterDetails;
      return (cluster?.fargateDetails?.issues ?? []).map((text) => ({ region, cluster: cluster?.clusterName, text }));
    }),
  );

  it('has an ECS cluster issue for every kind of the issue catalog, the unrecognised fallback included', () => {
    const shown = new Set(ecsIssues.map((issue) => classifyIssue(issue.text).kind));
    const missing = (Object.keys(ISSUE_CATALOG) as IssueKind[]).filter((kind) => !shown.has(kind));
    assert.deepEqual(missing, [], `add a sample issue for ${missing.join(', ')} to sampleIssues.ts and demoSeed.ts`);
  });

  it('names a task definition family that a file in examples/ defines, so "Open Task Definition" shows', () => {
    const families = new Set(ecsIssues.map((issue) => classifyIssue(issue.text).taskDefinition?.family).filter((family) => family !== undefined));
    const defined = exampleFiles(EXAMPLES).map((file) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { family?: unknown }).family);
    assert.ok(
      defined.some((family) => typeof family === 'string' && families.has(family)),
      `families named: ${[...families].join(', ')}`,
    );
  });

  it('has healthy and unhealthy clusters, and a region without a detector', () => {
    const ecsClusters = Object.values(seed).flatMap((data) => data.resources.filter((resource) => resource.resourceDetails.ecsClusterDetails));
    const statuses = new Set(ecsClusters.map((resource) => resource.coverageStatus));
    assert.ok(statuses.has('HEALTHY') && statuses.has('UNHEALTHY'), [...statuses].join(', '));
    assert.ok(
      Object.values(seed).some((data) => data.detectorId === undefined),
      'a region where GuardDuty is not enabled',
    );
    assert.ok(Object.keys(seed).length >= 3, 'several regions');
  });
});

const EXAMPLES = path.resolve(__dirname, '../../examples');

function exampleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? exampleFiles(file) : entry.name.endsWith('.json') ? [file] : [];
  });
}

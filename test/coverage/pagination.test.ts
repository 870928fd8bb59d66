import * as assert from 'node:assert/strict';
import { loadRegionCoverage } from '../../client/src/coverage/model/loadCoverage';
import { COVERAGE_PAGE_SIZE, coveragePageLimit, MAX_COVERAGE_PAGES } from '../../client/src/coverage/guardDuty/guardDutyCoverageApi';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { ecsClusterResource } from '../../client/src/coverage/testing/fakeGuardDuty/resourceBuilders';
import { DETECTOR, manyClusters } from './support/fakeData';
import { TEST_CREDENTIALS, useIsolatedAwsEnvironment } from './support/isolatedAwsEnvironment';

// A service (or a proxy in front of it) whose page tokens never end must not hold a refresh forever, and a
// list that cannot be completed must say so instead of passing for the whole list.
describe('ListCoverage pagination that goes wrong', () => {
  useIsolatedAwsEnvironment();
  let fake: FakeGuardDuty;

  beforeEach(async () => {
    fake = await startFakeGuardDuty({ regions: { 'us-east-1': manyClusters(120) } });
  });
  afterEach(() => fake.close());

  const load = () => loadRegionCoverage({ region: 'us-east-1', endpoint: fake.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  const listCalls = () => fake.requests.filter((request) => request.operation === 'ListCoverage').length;

  it('a token the service already gave fails the region instead of ending quietly with duplicates', async () => {
    fake.addFault({ kind: 'repeat-token', operation: 'ListCoverage' });
    const region = await load();
    assert.equal(region.error?.kind, 'malformed-response');
    assert.match(region.error?.message ?? '', /ListCoverage repeated a page token after 2 pages/);
    assert.deepEqual(region.clusters, [], 'an incomplete list is not shown as if it were whole');
    assert.equal(listCalls(), 2);
  });

  it('alternating tokens end at the first repeat', async () => {
    fake.addFault({ kind: 'alternating-tokens', operation: 'ListCoverage' });
    const region = await load();
    assert.equal(region.error?.kind, 'malformed-response');
    assert.match(region.error?.message ?? '', /repeated a page token after 3 pages/);
    assert.equal(listCalls(), 3);
  });

  it('ever-new tokens end at the page bound that the statistics allow', async () => {
    fake.addFault({ kind: 'endless-tokens', operation: 'ListCoverage' });
    const region = await load();
    assert.equal(region.error?.kind, 'malformed-response');
    assert.match(region.error?.message ?? '', /still returning pages after 16 pages/);
    assert.equal(coveragePageLimit(120), 16);
    assert.equal(listCalls(), 16);
  });

  it('the page bound: twice the pages the statistics call for, plus 10, at most MAX_COVERAGE_PAGES', () => {
    assert.equal(coveragePageLimit(0), 10);
    assert.equal(coveragePageLimit(COVERAGE_PAGE_SIZE), 12);
    assert.equal(coveragePageLimit(10_000), 410);
    assert.equal(coveragePageLimit(10_000_000), MAX_COVERAGE_PAGES);
  });

  it('a cluster the service lists twice (the list changed between pages) is shown once, as last listed', async () => {
    const data = manyClusters(60);
    const again = ecsClusterResource({ clusterName: 'cluster-001', accountId: '444455556666', detectorId: DETECTOR, issues: ['Agent not reporting'] });
    data.resources.push(again);
    fake.setRegion('us-east-1', data);
    const region = await load();
    assert.equal(region.error, null);
    assert.equal(region.clusters.length, 60);
    assert.equal(region.clusters.filter((cluster) => cluster.clusterName === 'cluster-001').length, 1);
    assert.equal(region.clusters.find((cluster) => cluster.clusterName === 'cluster-001')?.coverageStatus, 'UNHEALTHY');
  });

  it('10,000 clusters load completely, each once, in 200 pages', async function () {
    this.timeout(60_000);
    fake.setRegion('us-east-1', manyClusters(10_000));
    const region = await load();
    assert.equal(region.error, null);
    assert.equal(region.clusters.length, 10_000);
    assert.equal(new Set(region.clusters.map((cluster) => cluster.clusterName)).size, 10_000);
    assert.deepEqual(region.statistics, { HEALTHY: 6666, UNHEALTHY: 3334 });
    assert.equal(listCalls(), 200);
  });
});

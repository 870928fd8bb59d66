import * as assert from 'node:assert/strict';
import { CoverageTransition } from '../../client/src/coverage';
import { demoSeed } from '../../client/src/coverage/testing/fakeGuardDuty/demoSeed';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { SAMPLE_ISSUES } from '../../client/src/coverage/testing/fakeGuardDuty/sampleIssues';
import { buildCoverageTree } from '../../client/src/coverageView/model/coverageTreeModel';
import { transitionNotice } from '../../client/src/coverageView/model/transitionNotice';
import { coverageLoader } from '../../client/src/coverageView/refresh/coverageLoader';
import { CoverageRefreshController } from '../../client/src/coverageView/refresh/refreshController';
import { useIsolatedAwsEnvironment } from '../coverage/support/isolatedAwsEnvironment';
import { labels, nodeAt, treeInput } from './support/treeInput';

const REGIONS = ['us-east-1', 'eu-west-1', 'sa-east-1'];

// The real loadCoverage and AWS SDK against the local fake (loopback only, fake keys from the environment).
describe('coverage view against the fake GuardDuty', () => {
  useIsolatedAwsEnvironment();
  let fake: FakeGuardDuty;
  let transitions: CoverageTransition[][];
  let controller: CoverageRefreshController;

  beforeEach(async () => {
    fake = await startFakeGuardDuty({ regions: demoSeed() });
    transitions = [];
    controller = new CoverageRefreshController({
      load: coverageLoader(() => ({ regions: REGIONS, endpoint: fake.url, useConfiguredEndpointUrls: false })),
      canLoad: () => true,
      onDidChange: () => undefined,
      onNewlyUnhealthy: (found) => transitions.push(found),
    });
  });
  afterEach(async () => {
    controller.dispose();
    await fake.close();
  });

  const tree = () => buildCoverageTree(treeInput({ regions: REGIONS, snapshot: controller.state.snapshot, refreshing: controller.state.refreshing, connection: { endpoint: fake.url } }));

  it('loads every region into the tree; the region without GuardDuty shows its error, the others load', async () => {
    assert.equal(await controller.refresh(), 'applied');
    const roots = tree();
    assert.deepEqual(labels(roots), REGIONS);
    assert.match(roots[0].description ?? '', /^\d+\/\d+ healthy · \d+%$/);
    assert.equal(roots[1].description, '1/4 healthy · 25%');
    assert.equal(roots[2].description, 'GuardDuty not enabled');
    assert.match(roots[2].children[0].label, /GuardDuty is not enabled in sa-east-1/);
    const issue = nodeAt(roots, 'us-east-1', 'task-execution-role-missing-cluster').children[0];
    assert.equal(issue.label, 'Task execution role missing');
    assert.equal(issue.description, 'legacy-api:9');
    assert.match(nodeAt(roots, 'us-east-1').awsCliCommand ?? '', new RegExp(`--endpoint-url ${fake.url.replace(/[.]/g, '\\.')}$`));
    assert.ok(
      fake.requests.every((request) => ['ListDetectors', 'ListCoverage', 'GetCoverageStatistics'].includes(request.operation)),
      'read-only calls only',
    );
  });

  it('a region that fails after it loaded keeps every cluster it showed, once, under the error, marked stale', async () => {
    await controller.refresh();
    const before = labels(nodeAt(tree(), 'us-east-1').children);
    fake.addFault({ kind: 'throttling', region: 'us-east-1' });
    assert.equal(await controller.refresh(), 'applied');
    const region = nodeAt(tree(), 'us-east-1');
    assert.equal(region.description, 'stale · throttled');
    assert.match(region.tooltipMarkdown ?? '', /Showing the clusters as loaded at \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    const [error, ...clusters] = region.children;
    assert.match(error.label, /^GuardDuty in us-east-1 throttled the requests/);
    assert.deepEqual(labels(clusters), before);
    assert.equal(new Set(clusters.map((node) => node.id)).size, clusters.length, 'no cluster twice');
    assert.equal(nodeAt(tree(), 'eu-west-1').description, '1/4 healthy · 25%', 'the other regions refreshed');
    fake.clearFaults();
    await controller.refresh();
    assert.equal(nodeAt(tree(), 'us-east-1').description?.startsWith('stale'), false);
  });

  it('shows each region as soon as it loads, while one region still hangs', async () => {
    fake.addFault({ kind: 'slow', region: 'us-east-1', delayMs: 60_000 });
    const refresh = controller.refresh();
    const deadline = Date.now() + 10_000;
    while (!(controller.state.snapshot?.some((region) => region.region === 'eu-west-1') && controller.state.snapshot.some((region) => region.region === 'sa-east-1'))) {
      if (Date.now() > deadline) assert.fail('the answering regions were not shown while us-east-1 hung');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(controller.state.refreshing, true);
    const roots = tree();
    assert.equal(roots[0].description, 'loading…', 'the hanging region is still loading');
    assert.equal(nodeAt(roots, 'eu-west-1').description, '1/4 healthy · 25%');
    assert.equal(nodeAt(roots, 'sa-east-1').description, 'GuardDuty not enabled');
    assert.deepEqual(transitions, []);
    controller.cancel();
    assert.equal(await refresh, 'cancelled');
  });

  it('notices a cluster that turned unhealthy between two refreshes', async () => {
    await controller.refresh();
    assert.ok(fake.setCoverageStatus({ region: 'us-east-1', clusterName: 'storefront', coverageStatus: 'UNHEALTHY', issues: [SAMPLE_ISSUES.imagePull] }));
    await controller.refresh();
    assert.equal(transitions.length, 1);
    assert.equal(transitionNotice(transitions[0]), 'GuardDuty coverage: ECS cluster storefront (us-east-1, account 111122223333) became UNHEALTHY: GuardDuty agent image could not be pulled.');
  });

  it('aborts a slow refresh when a new one starts, without waiting for it', async () => {
    fake.addFault({ kind: 'slow', region: 'us-east-1', operation: 'ListDetectors', delayMs: 10_000, times: 1 });
    const started = Date.now();
    const slowRequest = fake.nextRequest((request) => request.region === 'us-east-1');
    const slow = controller.refresh();
    await slowRequest;
    const fresh = controller.refresh();
    assert.equal(await slow, 'cancelled');
    assert.equal(await fresh, 'applied');
    assert.ok(Date.now() - started < 5_000, 'the slow answer was not awaited');
    assert.equal(controller.state.snapshot?.[0].error, null);
  });

  it('cancels a refresh in flight and keeps showing the previous data', async () => {
    await controller.refresh();
    fake.addFault({ kind: 'slow', delayMs: 10_000 });
    const slowRequest = fake.nextRequest();
    const slow = controller.refresh();
    await slowRequest;
    assert.equal(controller.cancel(), true);
    assert.equal(await slow, 'cancelled');
    assert.equal(controller.state.refreshing, false);
    assert.equal(controller.state.snapshot?.length, 3);
  });
});

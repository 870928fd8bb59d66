import * as assert from 'node:assert/strict';
import { CoverageTransition, RegionCoverage } from '../../client/src/coverage';
import { CoverageLoader } from '../../client/src/coverageView/refresh/coverageLoader';
import { CoverageRefreshController, REFRESH_SOON_DELAY_MS, RefreshState } from '../../client/src/coverageView/refresh/refreshController';
import { cluster, region } from '../coverage/support/clusters';
import { FakeScheduler } from './support/fakeScheduler';

interface PendingLoad {
  readonly signal: AbortSignal;
  readonly onRegion?: (region: RegionCoverage) => void;
  resolve(regions: RegionCoverage[]): void;
}

/** A loader whose loads the test finishes by hand, in any order. */
function manualLoader(): { load: CoverageLoader; pending: PendingLoad[] } {
  const pending: PendingLoad[] = [];
  const load: CoverageLoader = (signal, onRegion) => new Promise((resolve) => pending.push({ signal, onRegion, resolve }));
  return { load, pending };
}

const healthy = () => [region('us-east-1', [cluster('web', 'HEALTHY'), cluster('api', 'HEALTHY')])];
const webUnhealthy = () => [region('us-east-1', [cluster('web', 'UNHEALTHY', { issues: ["TaskExecutionRole missing in TaskDefinition - 'web:3'"] }), cluster('api', 'HEALTHY')])];
const failed = () => [region('us-east-1', [], { kind: 'throttling', message: 'throttled', nextStep: 'wait' })];

describe('coverage refresh controller', () => {
  let scheduler: FakeScheduler;
  let states: RefreshState[];
  let transitions: CoverageTransition[][];
  let allowed: boolean;

  const controllerWith = (load: CoverageLoader) =>
    new CoverageRefreshController({
      load,
      canLoad: () => allowed,
      onDidChange: (state) => states.push(state),
      onNewlyUnhealthy: (found) => transitions.push(found),
      scheduler,
    });

  beforeEach(() => {
    scheduler = new FakeScheduler();
    states = [];
    transitions = [];
    allowed = true;
  });

  it('applies a refresh and records when it completed', async () => {
    const controller = controllerWith(async () => healthy());
    assert.equal(await controller.refresh(), 'applied');
    assert.deepEqual(
      states.map((state) => state.refreshing),
      [true, false],
    );
    assert.equal(controller.state.snapshot?.[0].clusters.length, 2);
    assert.equal(controller.state.lastRefreshedAt?.toISOString(), '2024-06-10T14:00:00.000Z');
  });

  it('aborts the refresh in flight when a new one starts, and never shows its late result', async () => {
    const { load, pending } = manualLoader();
    const controller = controllerWith(load);
    const first = controller.refresh();
    const second = controller.refresh();
    assert.equal(pending[0].signal.aborted, true);
    assert.equal(pending[1].signal.aborted, false);
    pending[1].resolve(healthy());
    assert.equal(await second, 'applied');
    pending[0].resolve(failed());
    assert.equal(await first, 'cancelled');
    assert.equal(controller.state.snapshot?.[0].error, null);
    assert.equal(controller.state.refreshing, false);
  });

  it('cancels on request and keeps the data it had', async () => {
    const { load, pending } = manualLoader();
    const controller = controllerWith(load);
    const first = controller.refresh();
    pending[0].resolve(healthy());
    await first;
    const second = controller.refresh();
    assert.equal(controller.state.refreshing, true);
    assert.equal(controller.cancel(), true);
    assert.equal(pending[1].signal.aborted, true);
    assert.equal(controller.state.refreshing, false);
    pending[1].resolve(webUnhealthy());
    assert.equal(await second, 'cancelled');
    assert.equal(controller.state.snapshot?.[0].clusters[0].coverageStatus, 'HEALTHY');
    assert.equal(controller.cancel(), false, 'nothing left to cancel');
  });

  it('makes no call while loading is not allowed (untrusted workspace, no region)', async () => {
    let calls = 0;
    const controller = controllerWith(async () => (calls++, healthy()));
    allowed = false;
    assert.equal(await controller.refresh(), 'skipped');
    controller.setIntervalMinutes(1);
    scheduler.advance(60_000);
    assert.equal(calls, 0);
    assert.deepEqual(states, []);
    allowed = true;
    assert.equal(await controller.refresh('trust'), 'applied');
    assert.equal(calls, 1);
  });

  describe('interval', () => {
    it('refreshes every N minutes, and a new interval replaces the old', async () => {
      let calls = 0;
      const controller = controllerWith(async () => (calls++, healthy()));
      controller.setIntervalMinutes(5);
      assert.deepEqual(scheduler.activeIntervals, [300_000]);
      scheduler.advance(300_000);
      await Promise.resolve();
      assert.equal(calls, 1);
      controller.setIntervalMinutes(10);
      assert.deepEqual(scheduler.activeIntervals, [600_000]);
      controller.setIntervalMinutes(0);
      assert.deepEqual(scheduler.activeIntervals, []);
      scheduler.advance(3_600_000);
      assert.equal(calls, 1);
    });

    it('lets a tick yield to a refresh in flight instead of aborting it', async () => {
      const { load, pending } = manualLoader();
      const controller = controllerWith(load);
      controller.setIntervalMinutes(1);
      const manual = controller.refresh('manual');
      scheduler.advance(60_000);
      assert.equal(pending.length, 1);
      assert.equal(pending[0].signal.aborted, false);
      pending[0].resolve(healthy());
      assert.equal(await manual, 'applied');
      // With nothing in flight, the next tick does refresh.
      scheduler.advance(60_000);
      assert.equal(pending.length, 2);
      assert.equal(controller.state.refreshing, true);
      pending[1].resolve(webUnhealthy());
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(controller.state.refreshing, false);
      assert.equal(controller.state.snapshot?.[0].clusters[0].coverageStatus, 'UNHEALTHY');
    });

    it('stops with dispose, aborting what is in flight', () => {
      const { load, pending } = manualLoader();
      const controller = controllerWith(load);
      controller.setIntervalMinutes(1);
      void controller.refresh();
      controller.dispose();
      assert.equal(pending[0].signal.aborted, true);
      assert.deepEqual(scheduler.activeIntervals, []);
    });
  });

  it('gathers a burst of refreshSoon calls (credential file events) into one refresh', async () => {
    let calls = 0;
    const controller = controllerWith(async () => (calls++, healthy()));
    controller.refreshSoon('credentials');
    scheduler.advance(REFRESH_SOON_DELAY_MS - 1);
    controller.refreshSoon('credentials');
    controller.refreshSoon('credentials');
    assert.equal(calls, 0);
    scheduler.advance(REFRESH_SOON_DELAY_MS);
    assert.equal(calls, 1);
  });

  describe('transitions', () => {
    it('reports clusters that went from HEALTHY to UNHEALTHY between two refreshes', async () => {
      const results = [healthy(), webUnhealthy()];
      const controller = controllerWith(async () => results.shift() ?? []);
      await controller.refresh();
      assert.equal(transitions.length, 0);
      await controller.refresh();
      assert.deepEqual(
        transitions.map((found) => found.map((transition) => [transition.region, transition.clusterName, transition.from, transition.to])),
        [[['us-east-1', 'web', 'HEALTHY', 'UNHEALTHY']]],
      );
    });

    it('compares with the last successful load of a region, across a failed one', async () => {
      const results = [healthy(), failed(), webUnhealthy()];
      const controller = controllerWith(async () => results.shift() ?? []);
      await controller.refresh();
      await controller.refresh();
      assert.equal(controller.state.snapshot?.[0].error?.kind, 'throttling');
      await controller.refresh();
      assert.equal(transitions.length, 1);
    });

    it('forgets history after a change of account (profile or endpoint)', async () => {
      const results = [healthy(), webUnhealthy()];
      const controller = controllerWith(async () => results.shift() ?? []);
      await controller.refresh();
      controller.forgetHistory();
      await controller.refresh();
      assert.deepEqual(transitions, []);
    });
  });

  it('shows regions as they finish, and ignores those of a refresh that was replaced', async () => {
    const { load, pending } = manualLoader();
    const controller = controllerWith(load);
    const first = controller.refresh();
    pending[0].onRegion?.(region('eu-west-1', [cluster('old', 'HEALTHY')]));
    assert.deepEqual(
      controller.state.snapshot?.map((shown) => shown.region),
      ['eu-west-1'],
    );
    assert.equal(controller.state.refreshing, true);
    assert.equal(controller.state.lastRefreshedAt, undefined, 'the refresh time waits for the whole load');
    const second = controller.refresh();
    pending[0].onRegion?.(region('us-east-1', [cluster('late', 'HEALTHY')]));
    assert.deepEqual(
      controller.state.snapshot?.map((shown) => shown.region),
      ['eu-west-1'],
      'a replaced refresh shows nothing more',
    );
    pending[0].resolve([]);
    pending[1].resolve(healthy());
    assert.equal(await first, 'cancelled');
    assert.equal(await second, 'applied');
    assert.deepEqual(
      controller.state.snapshot?.map((shown) => shown.region),
      ['us-east-1'],
    );
  });

  describe('stale data', () => {
    it('a region that fails after it loaded keeps its clusters, marked stale with the error and their load time', async () => {
      const results = [healthy(), failed(), healthy()];
      const controller = controllerWith(async () => results.shift() ?? []);
      await controller.refresh();
      const loadedAt = scheduler.now();
      scheduler.advance(60_000);
      await controller.refresh();
      const [shown] = controller.state.snapshot ?? [];
      assert.equal(shown.error?.kind, 'throttling');
      assert.deepEqual(
        shown.clusters.map((item) => item.clusterName),
        ['web', 'api'],
      );
      assert.deepEqual(shown.statistics, { HEALTHY: 2, UNHEALTHY: 0 });
      assert.equal(shown.stale?.loadedAt.getTime(), loadedAt.getTime());
      await controller.refresh();
      assert.equal(controller.state.snapshot?.[0].stale, undefined, 'fresh again once it loads');
      assert.equal(controller.state.snapshot?.[0].error, null);
    });

    it('no stale data for a region that never loaded, that has no detector any more, or after a change of account', async () => {
      const noDetector = () => [region('us-east-1', [], { kind: 'no-detector', message: 'not enabled', nextStep: 'enable' })];
      const results = [failed(), healthy(), noDetector(), healthy(), failed()];
      const controller = controllerWith(async () => results.shift() ?? []);
      await controller.refresh();
      assert.deepEqual(controller.state.snapshot?.[0].clusters, []);
      await controller.refresh();
      await controller.refresh();
      assert.deepEqual(controller.state.snapshot?.[0].clusters, [], 'GuardDuty turned off: its clusters are gone, not stale');
      await controller.refresh();
      controller.forgetHistory();
      await controller.refresh();
      assert.deepEqual(controller.state.snapshot?.[0].clusters, [], 'another account: the old clusters are not its clusters');
    });
  });

  it('keeps the time of the last refresh that loaded something when every region fails', async () => {
    const results = [healthy(), failed()];
    const controller = controllerWith(async () => results.shift() ?? []);
    await controller.refresh();
    const loadedAt = controller.state.lastRefreshedAt;
    scheduler.advance(60_000);
    await controller.refresh();
    assert.equal(controller.state.snapshot?.[0].error?.kind, 'throttling', 'the failure is shown');
    assert.equal(controller.state.lastRefreshedAt, loadedAt);
  });
});

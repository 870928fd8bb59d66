import * as assert from 'node:assert/strict';
import { floorMs, measureCliCold, measureInProcess, sequentialRoundTrips } from '../../client/src/coverage/testing/coverageBenchmark';
import { MAX_CONCURRENT_REGIONS } from '../../client/src/coverage/model/loadCoverage';
import { useIsolatedAwsEnvironment } from './support/isolatedAwsEnvironment';

// The benchmark's entry point (bench/ reports coverage_vs_floor with it): its floor, and that a measured
// refresh makes exactly the minimum of requests, never beats the floor and keeps requests in flight bounded.
describe('coverage benchmark entry point', () => {
  useIsolatedAwsEnvironment();
  it('the floor is the longest region chain: ListDetectors, then one page after the other', () => {
    assert.equal(sequentialRoundTrips(500), 11);
    assert.equal(sequentialRoundTrips(0), 2);
    assert.equal(floorMs({ clustersPerRegion: { 'us-east-1': 500, 'eu-west-1': 20 }, latencyMs: 50 }), 550);
  });

  it('in process: 500 clusters in 12 requests (the minimum), not below the floor', async function () {
    this.timeout(30_000);
    const result = await measureInProcess({ clustersPerRegion: { 'us-east-1': 500 }, latencyMs: 20 });
    assert.deepEqual(result.failedRegions, []);
    assert.equal(result.requests, 12);
    assert.ok(result.ratio >= 1, `ratio ${result.ratio}`);
    assert.equal(result.maxInFlight, 2, 'GetCoverageStatistics beside the first page, nothing more');
  });

  it('the CLI from cold, over 17 regions: every region loads, requests in flight bounded', async function () {
    this.timeout(60_000);
    const clustersPerRegion = Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`xx-bench-${index + 1}`, index === 0 ? 120 : 60]));
    const result = await measureCliCold({ clustersPerRegion, latencyMs: 20 });
    assert.deepEqual(result.failedRegions, []);
    assert.equal(result.requests, 17 * 2 + 3 + 16 * 2);
    assert.ok(result.maxInFlight <= 2 * MAX_CONCURRENT_REGIONS);
  });
});

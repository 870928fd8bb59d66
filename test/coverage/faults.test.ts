import * as assert from 'node:assert/strict';
import { CoverageErrorKind } from '../../client/src/coverage/errors/coverageError';
import { coveragePageLimit } from '../../client/src/coverage/guardDuty/guardDutyCoverageApi';
import { loadCoverage, LoadOptions, MAX_CONCURRENT_REGIONS } from '../../client/src/coverage/model/loadCoverage';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { Fault } from '../../client/src/coverage/testing/fakeGuardDuty/faults';
import { manyClusters } from './support/fakeData';
import { TEST_CREDENTIALS, useIsolatedAwsEnvironment } from './support/isolatedAwsEnvironment';
import { startNotHttpServer } from './support/notHttpServer';

/** The SDK's default: every call is tried at most 3 times. */
const ATTEMPTS = 3;
/** The requests one region may send: ListDetectors, GetCoverageStatistics and the pages, each at most ATTEMPTS times. */
const requestBound = (clusters: number) => (2 + coveragePageLimit(clusters)) * ATTEMPTS;

// The real SDK with its default retries against the fake, one fault at a time: every load ends (by the
// deadline at the latest), says what failed and why, and stays under the stated request bound.
describe('loading coverage under injected faults', () => {
  useIsolatedAwsEnvironment();
  let fake: FakeGuardDuty;
  /** The deadline of the faults that end by it: short, so that they end quickly. */
  const TIMEOUT_MS = 2500;
  /**
   * The deadline of the faults that must end on their own: long enough that the SDK's retry back-off (up to
   * about 1.5 s for throttling) never meets it on a busy CI machine, so the error is the fault's own.
   */
  const RELAXED_TIMEOUT_MS = 15_000;
  const options = (timeoutMs = TIMEOUT_MS): LoadOptions => ({ endpoint: fake.url, credentials: TEST_CREDENTIALS, requestTimeoutMs: 500, timeoutMs });

  beforeEach(async () => {
    fake = await startFakeGuardDuty({ regions: { 'us-east-1': manyClusters(120), 'eu-west-1': manyClusters(30, 'd-eu'), 'ap-south-1': manyClusters(5, 'd-ap') } });
  });
  afterEach(() => fake.close());

  const cases: { name: string; fault: Fault; kind: CoverageErrorKind; message: RegExp }[] = [
    { name: 'a throttling storm', fault: { kind: 'throttling' }, kind: 'throttling', message: /throttled the requests \(3 attempts\)/ },
    { name: 'a throttling storm on the pages only', fault: { kind: 'throttling', operation: 'ListCoverage' }, kind: 'throttling', message: /throttled/ },
    { name: '500s', fault: { kind: 'internal-error' }, kind: 'service', message: /InternalServerErrorException \(HTTP 500\)/ },
    { name: 'connections reset mid-body', fault: { kind: 'reset-mid-body', operation: 'ListCoverage' }, kind: 'network', message: /ECONNRESET/ },
    { name: 'answers that never finish', fault: { kind: 'never-finish', operation: 'ListCoverage' }, kind: 'timeout', message: /did not finish loading within 2\.5 s/ },
    { name: 'answers at one byte per second', fault: { kind: 'trickle', operation: 'GetCoverageStatistics' }, kind: 'timeout', message: /did not (?:answer in time|finish loading)/ },
    { name: 'truncated JSON', fault: { kind: 'malformed', operation: 'ListCoverage' }, kind: 'malformed-response', message: /could not be read/ },
    { name: 'ISO dates where epoch seconds belong', fault: { kind: 'malformed', malformed: 'iso-timestamp', operation: 'ListCoverage' }, kind: 'malformed-response', message: /could not be read/ },
    { name: 'a nextToken that repeats forever', fault: { kind: 'repeat-token' }, kind: 'malformed-response', message: /repeated a page token/ },
    { name: 'ever-new nextTokens', fault: { kind: 'endless-tokens' }, kind: 'malformed-response', message: /still returning pages/ },
    { name: 'expired credentials', fault: { kind: 'expired-token' }, kind: 'credentials', message: /have expired/ },
    { name: 'AccessDenied', fault: { kind: 'access-denied', operation: 'GetCoverageStatistics' }, kind: 'access-denied', message: /not authorized to perform: guardduty:GetCoverageStatistics/ },
  ];

  for (const { name, fault, kind, message } of cases) {
    it(`${name}: ${kind}, the other regions load, requests bounded`, async () => {
      fake.addFault({ ...fault, region: 'us-east-1' });
      const deadline = kind === 'timeout' ? TIMEOUT_MS : RELAXED_TIMEOUT_MS;
      const started = Date.now();
      const [failed, ...others] = await loadCoverage(['us-east-1', 'eu-west-1', 'ap-south-1'], options(deadline));
      const elapsed = Date.now() - started;
      assert.equal(failed.error?.kind, kind, JSON.stringify(failed.error));
      assert.match(failed.error?.message ?? '', message);
      assert.ok(failed.error?.nextStep, 'says what to do next');
      assert.deepEqual(failed.clusters, [], 'a partial list is not shown as the list');
      assert.deepEqual(
        others.map((region) => [region.region, region.error, region.clusters.length]),
        [
          ['eu-west-1', null, 30],
          ['ap-south-1', null, 5],
        ],
      );
      assert.ok(elapsed < deadline + 1500, `ended after ${elapsed} ms`);
      const sent = fake.requests.filter((request) => request.region === 'us-east-1').length;
      assert.ok(sent <= requestBound(120), `${sent} requests, bound ${requestBound(120)}`);
    });
  }

  it('an answer whose body never ends: malformed-response once 16 MB were read, not the memory of the extension host', async () => {
    fake.addFault({ kind: 'endless-body', region: 'us-east-1', operation: 'ListCoverage' });
    const [region] = await loadCoverage(['us-east-1'], options(RELAXED_TIMEOUT_MS));
    assert.equal(region.error?.kind, 'malformed-response', JSON.stringify(region.error));
    assert.match(region.error?.message ?? '', /larger than 16 MB/);
  });

  it('AWS_MAX_ATTEMPTS set for other tools does not raise the bound: still 3 attempts per call', async () => {
    process.env.AWS_MAX_ATTEMPTS = '10';
    try {
      fake.addFault({ kind: 'internal-error', region: 'us-east-1' });
      const [region] = await loadCoverage(['us-east-1'], options(RELAXED_TIMEOUT_MS));
      assert.equal(region.error?.kind, 'service');
      assert.equal(fake.requests.length, ATTEMPTS, 'ListDetectors, 3 attempts');
    } finally {
      delete process.env.AWS_MAX_ATTEMPTS;
    }
  });

  it('an endpoint that is not HTTP: malformed-response naming the endpoint, at once', async () => {
    const notHttp = await startNotHttpServer();
    try {
      const [region] = await loadCoverage(['us-east-1'], { ...options(), endpoint: notHttp.url });
      assert.equal(region.error?.kind, 'malformed-response');
      assert.equal(region.error?.message, `The answer of GuardDuty in us-east-1 at ${notHttp.url} is not HTTP (HPE_INVALID_CONSTANT).`);
      assert.match(region.error?.nextStep ?? '', /host, port, and http or https/);
    } finally {
      await notHttp.close();
    }
  });

  it('a region that hangs while the others answer: they are shown, it times out at the deadline', async () => {
    fake.addFault({ kind: 'slow', region: 'us-east-1', delayMs: 60_000 });
    const started = Date.now();
    const regions = await loadCoverage(['us-east-1', 'eu-west-1', 'ap-south-1'], { ...options(), requestTimeoutMs: 60_000 });
    assert.ok(Date.now() - started < TIMEOUT_MS + 1500);
    assert.deepEqual(
      regions.map((region) => [region.region, region.error?.kind ?? null]),
      [
        ['us-east-1', 'timeout'],
        ['eu-west-1', null],
        ['ap-south-1', null],
      ],
    );
    assert.equal(regions[0].error?.message, 'GuardDuty in us-east-1 did not finish loading within 2.5 s.');
  });

  it(`a throttling storm over 30 regions: at most ${MAX_CONCURRENT_REGIONS} regions (2 requests each) in flight, 3 attempts per call`, async () => {
    const regions = Array.from({ length: 30 }, (_, index) => `xx-test-${index + 1}`);
    regions.forEach((region, index) => fake.setRegion(region, manyClusters(3, `d-${index}`)));
    fake.addFault({ kind: 'throttling', operation: 'ListCoverage' });
    // A long per-request time-out: on a busy machine a 500 ms one expires now and then, and its retry is a request
    // this count is not about.
    const results = await loadCoverage(regions, { ...options(), requestTimeoutMs: 10_000, timeoutMs: 20_000 });
    assert.ok(results.every((region) => region.error?.kind === 'throttling'));
    assert.ok(fake.maxInFlight <= 2 * MAX_CONCURRENT_REGIONS, `${fake.maxInFlight} in flight`);
    // ListDetectors and GetCoverageStatistics once each, the first page 3 times.
    assert.equal(fake.requests.length, regions.length * (2 + ATTEMPTS));
  });

  it('a refresh cut short by the caller is cancelled, not timed out', async () => {
    fake.addFault({ kind: 'never-finish', operation: 'ListCoverage' });
    const controller = new AbortController();
    void fake.nextRequest((request) => request.operation === 'ListCoverage').then(() => controller.abort());
    const [region] = await loadCoverage(['us-east-1'], { ...options(), signal: controller.signal });
    assert.equal(region.error?.kind, 'cancelled');
  });
});

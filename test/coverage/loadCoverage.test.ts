import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCoverage, loadRegionCoverage } from '../../client/src/coverage/model/loadCoverage';
import { RegionCoverage } from '../../client/src/coverage/model/coverageModel';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { Fault } from '../../client/src/coverage/testing/fakeGuardDuty/faults';
import { DETECTOR, manyClusters } from './support/fakeData';
import { TEST_CREDENTIALS, useIsolatedAwsEnvironment } from './support/isolatedAwsEnvironment';

describe('loading region coverage', () => {
  const environment = useIsolatedAwsEnvironment();
  let fake: FakeGuardDuty;

  beforeEach(async () => {
    fake = await startFakeGuardDuty({ regions: { 'us-east-1': manyClusters(60), 'eu-west-1': manyClusters(4, 'd-eu') } });
  });
  afterEach(() => fake.close());

  const load = (options: Partial<Parameters<typeof loadRegionCoverage>[0]> = {}) =>
    loadRegionCoverage({ region: 'us-east-1', endpoint: fake.url, credentials: TEST_CREDENTIALS, maxAttempts: 1, ...options });
  const loadWithFault = (fault: Fault, options: Partial<Parameters<typeof loadRegionCoverage>[0]> = {}) => {
    fake.addFault(fault);
    return load(options);
  };

  it('loads detector, statistics and classified clusters', async () => {
    const region = await load();
    assert.equal(region.error, null);
    assert.equal(region.detectorId, DETECTOR);
    assert.deepEqual(region.statistics, { HEALTHY: 40, UNHEALTHY: 20 });
    assert.equal(region.clusters.length, 60);
    const unhealthy = region.clusters.find((cluster) => cluster.clusterName === 'cluster-003');
    assert.equal(unhealthy?.coverageStatus, 'UNHEALTHY');
    assert.equal(unhealthy?.accountId, '444455556666');
    assert.equal(unhealthy?.managementType, 'AUTO_MANAGED');
    assert.deepEqual(unhealthy?.containerInstances, { covered: 0, compatible: 0 });
    assert.equal(unhealthy?.updatedAt?.getTime(), (1718000000 + 3) * 1000);
    // `issue` repeats the first Fargate issue; the model keeps it once.
    assert.equal(unhealthy?.issues.length, 1);
    assert.equal(unhealthy?.issues[0].kind, 'agent-not-reporting');
    assert.equal(unhealthy?.issues[0].taskDefinition?.reference, 'cluster-003-task:4');
  });

  it('asks for unhealthy clusters only when told to; statistics still count all', async () => {
    const region = await load({ unhealthyOnly: true });
    assert.equal(region.clusters.length, 20);
    assert.ok(region.clusters.every((cluster) => cluster.coverageStatus === 'UNHEALTHY'));
    assert.deepEqual(region.statistics, { HEALTHY: 40, UNHEALTHY: 20 });
  });

  it('asks for the first page on the connection ListDetectors opened: only the statistics, off the chain of pages, wait for a new one', async () => {
    const region = await load();
    assert.equal(region.error, null);
    const first = (operation: string) => fake.requests.find((request) => request.operation === operation)!;
    assert.equal(first('ListCoverage').connection, first('ListDetectors').connection);
    assert.notEqual(first('GetCoverageStatistics').connection, first('ListDetectors').connection);
  });

  it('asks for every page on that one connection, the pages asked for early too (a new one would mean a TLS handshake)', async () => {
    const region = await loadRegionCoverage({ region: 'us-east-1', endpoint: fake.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    assert.equal(region.clusters.length, 60);
    const connections = (operation: string) => fake.requests.filter((request) => request.operation === operation).map((request) => request.connection);
    assert.equal(connections('ListCoverage').length, 2);
    assert.deepEqual(connections('ListCoverage'), connections('ListDetectors').concat(connections('ListDetectors')));
  });

  it('loads regions concurrently, in the order asked, and one failing region does not stop the others', async () => {
    fake.addFault({ kind: 'slow', region: 'us-east-1', operation: 'ListDetectors', delayMs: 300 });
    fake.addFault({ kind: 'access-denied', region: 'eu-west-1' });
    const regions = await loadCoverage(['us-east-1', 'eu-west-1', 'sa-east-1'], { endpoint: fake.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    assert.deepEqual(
      regions.map((region) => [region.region, region.error?.kind ?? null]),
      [
        ['us-east-1', null],
        ['eu-west-1', 'access-denied'],
        ['sa-east-1', 'no-detector'],
      ],
    );
    // The other regions were asked while slow us-east-1 was still loading: they did not queue behind it.
    const firstOther = fake.requests.findIndex((request) => request.region !== 'us-east-1');
    const lastUsEast = fake.requests.map((request) => request.region).lastIndexOf('us-east-1');
    assert.ok(firstOther < lastUsEast);
  });

  describe('error kinds', () => {
    const expectError = (region: RegionCoverage, kind: string, message: RegExp, nextStep?: RegExp) => {
      assert.equal(region.error?.kind, kind, JSON.stringify(region.error));
      assert.match(region.error?.message ?? '', message);
      if (nextStep) assert.match(region.error?.nextStep ?? '', nextStep);
      assert.deepEqual(region.clusters, []);
      assert.equal(region.statistics, null);
    };

    it('no-detector when GuardDuty is not enabled in the region', async () => {
      const region = await loadWithFault({ kind: 'no-detectors' });
      expectError(region, 'no-detector', /not enabled in us-east-1/, /Enable GuardDuty/);
      assert.equal(region.detectorId, null);
    });

    it('access-denied naming the three IAM actions', async () => {
      const region = await loadWithFault({ kind: 'access-denied', operation: 'ListCoverage' });
      expectError(region, 'access-denied', /not authorized to perform: guardduty:ListCoverage/, /guardduty:ListDetectors, guardduty:ListCoverage, guardduty:GetCoverageStatistics/);
      assert.equal(region.detectorId, DETECTOR, 'the detector found before the failure is kept');
      assert.match(region.error?.requestId ?? '', /^[0-9a-f-]{36}$/);
    });

    it('throttling after the SDK gave up, for both throttling error names', async () => {
      expectError(await loadWithFault({ kind: 'throttling', times: 1 }), 'throttling', /throttled/, /Wait/);
      expectError(await loadWithFault({ kind: 'throttling', throttlingName: 'ThrottlingException', times: 1 }), 'throttling', /throttled/);
    });

    it('service for a 500, as an AWS-side problem', async () => {
      expectError(await loadWithFault({ kind: 'internal-error' }), 'service', /InternalServerErrorException \(HTTP 500\)/, /AWS side/);
    });

    it('malformed-response for cut-off JSON and for ISO timestamps', async () => {
      expectError(await loadWithFault({ kind: 'malformed', operation: 'ListCoverage', times: 1 }), 'malformed-response', /could not be read/);
      expectError(await loadWithFault({ kind: 'malformed', malformed: 'iso-timestamp', operation: 'ListCoverage', times: 1 }), 'malformed-response', /could not be read/);
    });

    it('timeout when an answer is slower than the request timeout', async () => {
      const started = Date.now();
      const region = await loadWithFault({ kind: 'slow', delayMs: 5000, operation: 'ListCoverage' }, { requestTimeoutMs: 200 });
      expectError(region, 'timeout', /did not answer in time/);
      assert.ok(Date.now() - started < 3000, 'gave up well before the slow answer');
    });

    it('network when nothing listens at the endpoint', async () => {
      const closed = await startFakeGuardDuty();
      const url = closed.url;
      await closed.close();
      const region = await load({ endpoint: url });
      expectError(region, 'network', /ECONNREFUSED/, /network/);
    });

    it('cancelled when the caller aborts, without waiting for the slow answer', async () => {
      fake.addFault({ kind: 'slow', delayMs: 10_000, operation: 'ListCoverage' });
      const controller = new AbortController();
      void fake.nextRequest((request) => request.operation === 'ListCoverage').then(() => controller.abort());
      const started = Date.now();
      const region = await load({ signal: controller.signal });
      expectError(region, 'cancelled', /cancelled/);
      assert.ok(Date.now() - started < 3000);
    });

    it('credentials when the service says the token expired', async () => {
      expectError(await loadWithFault({ kind: 'expired-token' }), 'credentials', /expired/);
    });

    it('credentials when the profile does not exist', async () => {
      const region = await load({ credentials: undefined, profile: 'nope' });
      expectError(region, 'credentials', /\(profile "nope"\)/, /aws configure --profile nope/);
      assert.equal(fake.requests.length, 0, 'nothing was sent without credentials');
    });

    it('credentials with `aws sso login --profile` for an SSO profile that is not signed in', async () => {
      fs.writeFileSync(
        environment.configFile,
        [
          '[profile sso-dev]',
          'sso_session = corp',
          'sso_account_id = 111122223333',
          'sso_role_name = ReadOnly',
          'region = us-east-1',
          '[sso-session corp]',
          'sso_start_url = https://example.awsapps.com/start',
          'sso_region = us-east-1',
          '',
        ].join('\n'),
      );
      const region = await load({ credentials: undefined, profile: 'sso-dev' });
      expectError(region, 'credentials', /SSO/, /aws sso login --profile sso-dev/);
    });

    it('re-reads the credentials file on each load (a fixed profile works without a restart)', async () => {
      const first = await load({ credentials: undefined, profile: 'late' });
      assert.equal(first.error?.kind, 'credentials');
      fs.writeFileSync(environment.credentialsFile, '[late]\naws_access_key_id = test\naws_secret_access_key = test\n');
      const second = await load({ credentials: undefined, profile: 'late' });
      assert.equal(second.error, null);
    });

    it('resolves the credentials once for all the regions of a load, and anew for the next load', async () => {
      // A credential_process that counts its runs (as a role assumption or an SSO exchange would be counted).
      const runs = path.join(environment.home, 'runs');
      const script = path.join(environment.home, 'credentials.js');
      fs.writeFileSync(script, `require('fs').appendFileSync(${JSON.stringify(runs)}, 'x'); process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'test', SecretAccessKey: 'test' }));`);
      fs.writeFileSync(environment.configFile, `[profile counted]\ncredential_process = "${process.execPath}" "${script}"\n`);
      const loadCounted = () => loadCoverage(['us-east-1', 'eu-west-1', 'sa-east-1'], { endpoint: fake.url, profile: 'counted', maxAttempts: 1 });
      assert.deepEqual(
        (await loadCounted()).map((region) => region.error?.kind ?? null),
        [null, null, 'no-detector'],
      );
      assert.equal(fs.readFileSync(runs, 'utf8'), 'x');
      await loadCounted();
      assert.equal(fs.readFileSync(runs, 'utf8'), 'xx');
    });

    it('puts no secret into any message', async () => {
      const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
      const token = 'IQoJb3JpZ2luX2VjEJr'.repeat(20);
      fs.writeFileSync(environment.credentialsFile, `[leaky]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\naws_session_token = ${token}\n`);
      for (const fault of ['access-denied', 'expired-token', 'internal-error', 'malformed'] as const) {
        fake.clearFaults();
        const region = await loadWithFault({ kind: fault }, { credentials: undefined, profile: 'leaky' });
        const text = JSON.stringify(region.error);
        for (const leaked of ['AKIAIOSFODNN7EXAMPLE', secret, token.slice(0, 40), 'Signature=', 'Credential=']) assert.ok(!text.includes(leaked), `${fault} leaked ${leaked}: ${text}`);
      }
    });
  });
});

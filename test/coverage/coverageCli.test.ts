import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CliIO, main } from '../../cli/src/main';
import { demoSeed } from '../../client/src/coverage/testing/fakeGuardDuty/demoSeed';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { manyClusters } from './support/fakeData';
import { useIsolatedAwsEnvironment } from './support/isolatedAwsEnvironment';

interface Captured extends CliIO {
  readonly out: string[];
  readonly err: string[];
}

function capturedIO(isTTY = false): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd: process.cwd(), isTTY, out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
}

interface CoverageJson {
  regions: {
    region: string;
    detectorId: string | null;
    statistics: { HEALTHY: number; UNHEALTHY: number } | null;
    clusters: Record<string, unknown>[];
    error: { kind: string; message: string } | null;
  }[];
}

describe('ecs-guard coverage', () => {
  const environment = useIsolatedAwsEnvironment();
  let fake: FakeGuardDuty;

  beforeEach(async () => {
    fake = await startFakeGuardDuty({ regions: demoSeed() });
  });
  afterEach(() => fake.close());

  const run = async (args: string[], io = capturedIO()) => ({ code: await main(['coverage', ...args, '--endpoint-url', fake.url], io), io });
  const runJson = async (args: string[]) => {
    const { code, io } = await run([...args, '--format', 'json']);
    return { code, json: JSON.parse(io.out.join('')) as CoverageJson, io };
  };

  it('prints the documented JSON shape and exits 0 when every region loaded', async () => {
    const { code, json } = await runJson(['--region', 'eu-west-1,ap-southeast-2']);
    assert.equal(code, 0);
    assert.deepEqual(Object.keys(json), ['regions']);
    assert.deepEqual(
      json.regions.map((region) => region.region),
      ['eu-west-1', 'ap-southeast-2'],
    );
    const [eu] = json.regions;
    assert.deepEqual(Object.keys(eu), ['region', 'detectorId', 'statistics', 'clusters', 'error']);
    assert.equal(eu.detectorId, demoSeed()['eu-west-1'].detectorId);
    assert.deepEqual(eu.statistics, { HEALTHY: 1, UNHEALTHY: 3 });
    assert.equal(eu.error, null);
    const pulled = eu.clusters.find((cluster) => cluster.accountId === '444455556666');
    assert.deepEqual(Object.keys(pulled ?? {}), ['clusterName', 'accountId', 'coverageStatus', 'managementType', 'issues', 'updatedAt']);
    assert.equal(pulled?.clusterName, 'storefront-eu');
    assert.equal(pulled?.coverageStatus, 'UNHEALTHY');
    assert.equal(pulled?.managementType, 'AUTO_MANAGED');
    assert.equal(pulled?.updatedAt, '2024-06-10T06:13:20.000Z');
    const [issue] = pulled?.issues as Record<string, unknown>[];
    assert.equal(issue.kind, 'agent-image-pull-failed');
    assert.match(String(issue.text), /CannotPullContainerError/);
    assert.ok(Array.isArray(issue.steps));
  });

  it('exits 1 when a region fails, still printing the others, with error kind and message', async () => {
    fake.addFault({ kind: 'access-denied', region: 'eu-west-1' });
    const { code, json } = await runJson(['--region', 'us-east-1,eu-west-1,sa-east-1']);
    assert.equal(code, 1);
    const [us, eu, sa] = json.regions;
    assert.equal(us.error, null);
    assert.equal(us.clusters.length, 22);
    assert.equal(eu.error?.kind, 'access-denied');
    assert.match(eu.error?.message ?? '', /guardduty:ListDetectors, guardduty:ListCoverage, guardduty:GetCoverageStatistics/);
    assert.deepEqual(Object.keys(eu.error ?? {}), ['kind', 'message']);
    assert.deepEqual({ detectorId: eu.detectorId, statistics: eu.statistics, clusters: eu.clusters }, { detectorId: null, statistics: null, clusters: [] });
    assert.equal(sa.error?.kind, 'no-detector');
  });

  it('ends within --timeout when a region trickles one byte per second, printing the regions that loaded', async () => {
    fake.addFault({ kind: 'trickle', region: 'us-east-1' });
    const started = Date.now();
    const { code, json } = await runJson(['--region', 'us-east-1,eu-west-1', '--timeout', '1.5']);
    assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
    assert.equal(code, 1);
    assert.equal(json.regions[0].error?.kind, 'timeout');
    assert.match(json.regions[0].error?.message ?? '', /did not finish loading within 1\.5 s/);
    assert.equal(json.regions[1].error, null);
    assert.equal(json.regions[1].clusters.length, 4);
  });

  it('exits 1 when paging never ends or repeats, instead of 0 with a duplicated cluster', async () => {
    for (const kind of ['repeat-token', 'alternating-tokens', 'endless-tokens'] as const) {
      fake.clearFaults();
      fake.setRegion('eu-west-1', manyClusters(120, 'd-eu'));
      fake.addFault({ kind, region: 'eu-west-1', operation: 'ListCoverage' });
      const { code, json } = await run(['--region', 'eu-west-1', '--format', 'json']).then(({ code, io }) => ({ code, json: JSON.parse(io.out.join('')) as CoverageJson }));
      assert.equal(code, 1, kind);
      assert.equal(json.regions[0].error?.kind, 'malformed-response', kind);
      assert.deepEqual(json.regions[0].clusters, []);
    }
  });

  it('lists unhealthy clusters only with --unhealthy', async () => {
    const { json } = await runJson(['--region', 'us-east-1', '--unhealthy']);
    const statuses = new Set(json.regions[0].clusters.map((cluster) => cluster.coverageStatus));
    assert.deepEqual([...statuses], ['UNHEALTHY']);
    assert.deepEqual(json.regions[0].statistics, { HEALTHY: 2, UNHEALTHY: 20 });
  });

  it('uses the credentials of --profile', async () => {
    fs.writeFileSync(environment.credentialsFile, '[audit]\naws_access_key_id = test\naws_secret_access_key = test\n');
    assert.equal((await runJson(['--region', 'us-east-1', '--profile', 'audit'])).code, 0);
    const missing = await runJson(['--region', 'us-east-1', '--profile', 'missing']);
    assert.equal(missing.code, 1);
    assert.equal(missing.json.regions[0].error?.kind, 'credentials');
  });

  it('prints a readable table: coverage per region, a row per cluster, errors with their next step', async () => {
    const { code, io } = await run(['--region', 'eu-west-1,sa-east-1']);
    assert.equal(code, 1);
    const text = io.out.join('');
    assert.doesNotMatch(text, /\x1b\[/, 'no colours when stdout is not a terminal');
    assert.match(text, /^eu-west-1 {2}detector \w+ {2}ECS coverage 25% \(1 healthy, 3 unhealthy\)$/m);
    assert.match(text, /^ {2}STATUS +CLUSTER +ACCOUNT +AGENT +INSTANCES +UPDATED \(UTC\) +ISSUE$/m);
    assert.match(text, /^ {2}UNHEALTHY +storefront-eu +444455556666 +AUTO_MANAGED +0\/0 +2024-06-10 06:13 +GuardDuty agent image could not be pulled$/m);
    assert.match(text, /^sa-east-1 {2}no-detector: GuardDuty is not enabled in sa-east-1/m);
    assert.match(text, /^ +Next: Enable GuardDuty/m);
    assert.match(text, /^2 regions: 1 loaded, 1 failed; 3 unhealthy clusters listed\.$/m);
    const header = text.split('\n').findIndex((line) => line.trimStart().startsWith('STATUS'));
    const rows = text.split('\n').slice(header, header + 5);
    const clusterColumn = rows.map((line) => line.indexOf(line.trimStart().split(/\s+/)[1], 4));
    assert.equal(new Set(clusterColumn).size, 1, `columns line up:\n${rows.join('\n')}`);
  });

  it('colours statuses on a terminal without breaking alignment', async () => {
    const { io } = await run(['--region', 'ap-southeast-2'], capturedIO(true));
    const text = io.out.join('');
    assert.match(text, /\x1b\[32mHEALTHY\x1b\[0m/);
    const plain = text.replace(/\x1b\[\d+m/g, '');
    assert.match(plain, /^ {2}HEALTHY +syd-jobs +444455556666/m);
  });

  it('exits 2 on usage errors, before any request', async () => {
    const cases: [string[], RegExp][] = [
      [[], /--region is required/],
      [['--region', 'Mars'], /not a region name/],
      [['--region', 'us-east-1', '--format', 'xml'], /unknown format "xml"/],
      [['--region', 'us-east-1', '--bogus'], /unknown option --bogus/],
      [['--region', 'us-east-1', 'extra'], /unexpected argument "extra"/],
      [['--region', 'us-east-1', '--timeout', '0'], /--timeout must be a positive number of seconds/],
      [['--region', 'us-east-1', '--timeout', 'soon'], /--timeout must be a positive number of seconds/],
    ];
    for (const [args, message] of cases) {
      const io = capturedIO();
      assert.equal(await main(['coverage', ...args], io), 2, args.join(' '));
      assert.match(io.err.join(''), message);
    }
    const badEndpoint = capturedIO();
    assert.equal(await main(['coverage', '--region', 'us-east-1', '--endpoint-url', 'ftp://x'], badEndpoint), 2);
    assert.match(badEndpoint.err.join(''), /http\(s\) URL/);
    assert.equal(fake.requests.length, 0);
  });

  it('is listed in the help', async () => {
    const io = capturedIO();
    assert.equal(await main(['coverage', '--help'], io), 0);
    assert.match(io.out.join(''), /coverage --region <r1,r2,\.\.\.>/);
    assert.match(io.out.join(''), /--endpoint-url <url>/);
  });
});

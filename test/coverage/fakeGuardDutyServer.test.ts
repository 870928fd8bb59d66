import * as assert from 'node:assert/strict';
import { GetCoverageStatisticsCommand, GuardDutyClient, ListCoverageCommand, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { demoSeed } from '../../client/src/coverage/testing/fakeGuardDuty/demoSeed';
import { DETECTOR, manyClusters } from './support/fakeData';
import { TEST_CREDENTIALS, useIsolatedAwsEnvironment } from './support/isolatedAwsEnvironment';

// The fake's own protocol behaviour, checked with the real SDK client and with raw HTTP where the SDK hides it.
describe('fake GuardDuty server', () => {
  useIsolatedAwsEnvironment();
  let fake: FakeGuardDuty;
  let client: GuardDutyClient;

  beforeEach(async () => {
    fake = await startFakeGuardDuty({ regions: { 'us-east-1': manyClusters(3) } });
    client = new GuardDutyClient({ region: 'us-east-1', endpoint: fake.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  });
  afterEach(async () => {
    client.destroy();
    await fake.close();
  });

  const errorOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error as Error & { $metadata?: { httpStatusCode?: number } };
    }
    assert.fail('expected the call to fail');
  };

  it('listens on 127.0.0.1 only and answers ListDetectors per signed region', async () => {
    assert.match(fake.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual((await client.send(new ListDetectorsCommand({}))).DetectorIds, [DETECTOR]);
    const other = new GuardDutyClient({ region: 'eu-west-1', endpoint: fake.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    try {
      assert.deepEqual((await other.send(new ListDetectorsCommand({}))).DetectorIds, []);
    } finally {
      other.destroy();
    }
    assert.deepEqual(
      fake.requests.map((request) => [request.operation, request.region]),
      [
        ['ListDetectors', 'us-east-1'],
        ['ListDetectors', 'eu-west-1'],
      ],
    );
  });

  it('sends timestamps as epoch seconds, which the SDK turns into dates', async () => {
    const response = await fetch(`${fake.url}/detector/${DETECTOR}/coverage`, { method: 'POST', headers: signedHeaders(), body: '{}' });
    const body = (await response.json()) as { resources: { updatedAt: unknown }[] };
    assert.equal(typeof body.resources[0].updatedAt, 'number');
    const parsed = await client.send(new ListCoverageCommand({ DetectorId: DETECTOR }));
    assert.ok(parsed.Resources?.[0].UpdatedAt instanceof Date);
  });

  it('refuses maxResults outside 1..50 with a 400 BadRequestException', async () => {
    for (const maxResults of [0, 51]) {
      const error = await errorOf(client.send(new ListCoverageCommand({ DetectorId: DETECTOR, MaxResults: maxResults })));
      assert.equal(error.name, 'BadRequestException');
      assert.equal(error.$metadata?.httpStatusCode, 400);
      assert.match(error.message, /maxResults/);
    }
  });

  it('refuses GetCoverageStatistics without statisticsType', async () => {
    const error = await errorOf(client.send(new GetCoverageStatisticsCommand({ DetectorId: DETECTOR } as never)));
    assert.equal(error.name, 'BadRequestException');
    assert.match(error.message, /statisticsType/);
  });

  it('answers an unknown detector like GuardDuty: 400 BadRequestException with an InvalidInputException body', async () => {
    const response = await fetch(`${fake.url}/detector/nope/coverage`, { method: 'POST', headers: signedHeaders(), body: '{}' });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('x-amzn-errortype'), 'BadRequestException');
    assert.match(response.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(await response.json(), {
      message: 'The request is rejected because the input detectorId is not owned by the current account.',
      __type: 'InvalidInputException',
    });
  });

  it('requires a SigV4 Authorization header but does not verify it', async () => {
    const response = await fetch(`${fake.url}/detector`);
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
  });

  it('filters by ECS_CLUSTER_NAME, COVERAGE_STATUS and ACCOUNT_ID, and sorts', async () => {
    fake.setRegion('us-east-1', demoSeed()['eu-west-1']);
    const detectorId = demoSeed()['eu-west-1'].detectorId as string;
    const names = async (input: Omit<ConstructorParameters<typeof ListCoverageCommand>[0], 'DetectorId'>) =>
      ((await client.send(new ListCoverageCommand({ DetectorId: detectorId, ...input }))).Resources ?? []).map(
        (resource) => `${resource.ResourceDetails?.EcsClusterDetails?.ClusterName}/${resource.AccountId}/${resource.CoverageStatus}`,
      );
    const criterion = (key: string, value: string) => ({ FilterCriteria: { FilterCriterion: [{ CriterionKey: key as 'ACCOUNT_ID', FilterCondition: { Equals: [value] } }] } });
    assert.deepEqual(await names(criterion('ECS_CLUSTER_NAME', 'storefront-eu')), ['storefront-eu/111122223333/HEALTHY', 'storefront-eu/444455556666/UNHEALTHY']);
    assert.deepEqual(await names(criterion('COVERAGE_STATUS', 'HEALTHY')), ['storefront-eu/111122223333/HEALTHY']);
    assert.deepEqual(await names(criterion('ACCOUNT_ID', '777788889999')), ['gdpr-exports/777788889999/UNHEALTHY', 'ml-inference/777788889999/UNHEALTHY']);
    assert.deepEqual(await names({ SortCriteria: { AttributeName: 'ECS_CLUSTER_NAME', OrderBy: 'DESC' }, MaxResults: 2 }), [
      'storefront-eu/111122223333/HEALTHY',
      'storefront-eu/444455556666/UNHEALTHY',
    ]);
  });

  it('pages with an opaque nextToken that is refused for another query', async () => {
    fake.setRegion('us-east-1', manyClusters(7));
    const first = await client.send(new ListCoverageCommand({ DetectorId: DETECTOR, MaxResults: 5 }));
    assert.equal(first.Resources?.length, 5);
    assert.ok(first.NextToken);
    const second = await client.send(new ListCoverageCommand({ DetectorId: DETECTOR, MaxResults: 5, NextToken: first.NextToken }));
    assert.equal(second.Resources?.length, 3); // 7 ECS clusters and one EKS cluster
    assert.equal(second.NextToken, undefined);
    const error = await errorOf(client.send(new ListCoverageCommand({ DetectorId: DETECTOR, NextToken: first.NextToken, SortCriteria: { AttributeName: 'ACCOUNT_ID', OrderBy: 'ASC' } })));
    assert.match(error.message, /nextToken/);
  });

  it('switches faults by region and operation, and clears counted ones', async () => {
    fake.addFault({ kind: 'internal-error', region: 'us-east-1', operation: 'ListCoverage', times: 1 });
    assert.equal((await client.send(new ListDetectorsCommand({}))).DetectorIds?.length, 1);
    const error = await errorOf(client.send(new ListCoverageCommand({ DetectorId: DETECTOR })));
    assert.equal(error.name, 'InternalServerErrorException');
    assert.equal((await client.send(new ListCoverageCommand({ DetectorId: DETECTOR }))).Resources?.length, 4);
  });

  it('lets a running demo add faults and flip a cluster through /__fake', async () => {
    const added = await fetch(`${fake.url}/__fake/faults`, { method: 'POST', body: JSON.stringify({ kind: 'no-detectors', region: 'us-east-1' }) });
    assert.equal(added.status, 200);
    assert.deepEqual((await client.send(new ListDetectorsCommand({}))).DetectorIds, []);
    assert.equal((await fetch(`${fake.url}/__fake/faults`, { method: 'DELETE' })).status, 200);
    const refused = await fetch(`${fake.url}/__fake/faults`, { method: 'POST', body: JSON.stringify({ kind: 'meteor' }) });
    assert.equal(refused.status, 400);

    const flipped = await fetch(`${fake.url}/__fake/coverage-status`, {
      method: 'POST',
      body: JSON.stringify({ region: 'us-east-1', clusterName: 'cluster-001', coverageStatus: 'UNHEALTHY', issues: ["TaskExecutionRole missing in TaskDefinition - 'web:3'"] }),
    });
    assert.equal(flipped.status, 200);
    const resources = (await client.send(new ListCoverageCommand({ DetectorId: DETECTOR }))).Resources ?? [];
    const cluster = resources.find((resource) => resource.ResourceId === 'cluster-001');
    assert.equal(cluster?.CoverageStatus, 'UNHEALTHY');
    assert.deepEqual(cluster?.ResourceDetails?.EcsClusterDetails?.FargateDetails?.Issues, ["TaskExecutionRole missing in TaskDefinition - 'web:3'"]);
  });
});

/** Enough of a SigV4 header for the fake, which only reads the credential scope. */
function signedHeaders(): Record<string, string> {
  return { Authorization: 'AWS4-HMAC-SHA256 Credential=test/20240610/us-east-1/guardduty/aws4_request, SignedHeaders=host, Signature=0', 'Content-Type': 'application/json' };
}

import * as assert from 'node:assert/strict';
import * as diagnosticsChannel from 'node:diagnostics_channel';
import { CoverageResource, GuardDutyClient, paginateListCoverage } from '@aws-sdk/client-guardduty';
import { createGuardDutyClient } from '../../client/src/coverage/guardDuty/createClient';
import { COVERAGE_PAGE_SIZE, GuardDutyCoverageApi } from '../../client/src/coverage/guardDuty/guardDutyCoverageApi';
import { ecsCoverageCriteria } from '../../client/src/coverage/guardDuty/ecsCoverageCriteria';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { DETECTOR, manyClusters } from './support/fakeData';
import { TEST_CREDENTIALS, useIsolatedAwsEnvironment } from './support/isolatedAwsEnvironment';

describe('GuardDuty coverage access (real SDK against the fake)', () => {
  useIsolatedAwsEnvironment();
  let fake: FakeGuardDuty;
  let api: GuardDutyCoverageApi;

  beforeEach(async () => {
    fake = await startFakeGuardDuty({ regions: { 'us-east-1': manyClusters(120) } });
    api = new GuardDutyCoverageApi({ region: 'us-east-1', endpoint: fake.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  });
  afterEach(async () => {
    api.destroy();
    await fake.close();
  });

  it('finds the region detector', async () => {
    assert.equal(await api.findDetectorId(), DETECTOR);
  });

  it('pages through more than 50 clusters, 50 at a time, keeping ECS resources only', async () => {
    const resources = await api.listEcsCoverage(DETECTOR);
    assert.equal(resources.length, 120);
    assert.ok(resources.every((resource) => resource.ResourceDetails?.ResourceType === 'ECS'));
    assert.equal(new Set(resources.map((resource) => resource.ResourceId)).size, 120);
    const calls = fake.requests.filter((request) => request.operation === 'ListCoverage');
    assert.equal(calls.length, 3);
    for (const call of calls) {
      assert.equal((call.body as { maxResults: number }).maxResults, COVERAGE_PAGE_SIZE);
      assert.deepEqual((call.body as { filterCriteria: unknown }).filterCriteria, {
        filterCriterion: [{ criterionKey: 'RESOURCE_TYPE', filterCondition: { equals: ['ECS'] } }],
      });
    }
    assert.equal((calls[0].body as { nextToken?: string }).nextToken, undefined);
    assert.ok((calls[2].body as { nextToken?: string }).nextToken);
  });

  it('hands each page over once the request for the next one is out, so handling a page never delays the chain of pages', async () => {
    // Node announces every HTTP request it creates: by then the SDK has serialised and signed it.
    const created: string[] = [];
    const onRequest = (message: unknown) => created.push((message as { request: { path: string } }).request.path);
    diagnosticsChannel.subscribe('http.client.request.start', onRequest);
    try {
      const requestsAtEachPage: number[] = [];
      await api.listEcsCoverage(DETECTOR, {}, undefined, () => requestsAtEachPage.push(created.filter((path) => path.endsWith('/coverage')).length));
      // 120 clusters: three pages; while the first two are handled, the request for the next one exists.
      assert.deepEqual(requestsAtEachPage, [2, 3, 3]);
    } finally {
      diagnosticsChannel.unsubscribe('http.client.request.start', onRequest);
    }
  });

  it('asks for the next page as soon as an answer shows its token, before the SDK has parsed that page', async () => {
    const created: string[] = [];
    const onRequest = (message: unknown) => created.push((message as { request: { path: string } }).request.path);
    diagnosticsChannel.subscribe('http.client.request.start', onRequest);
    // Outside the SDK's deserializer, it sees each page parsed (ListCoverage is the call with MaxResults).
    // The real client of the API, reached for this test.
    const requestsWhenParsed: number[] = [];
    const client: GuardDutyClient = api['client'];
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        if ('MaxResults' in args.input) requestsWhenParsed.push(created.filter((path) => path.endsWith('/coverage')).length);
        return result;
      },
      { step: 'deserialize', priority: 'high', name: 'testPageParsed' },
    );
    try {
      const resources = await api.listEcsCoverage(DETECTOR);
      assert.equal(new Set(resources.map((resource) => resource.ResourceId)).size, 120);
      // Three pages: the first two were parsed with the request for the next one already made.
      assert.deepEqual(requestsWhenParsed, [2, 3, 3]);
      assert.equal(fake.requests.filter((request) => request.operation === 'ListCoverage').length, 3);
    } finally {
      diagnosticsChannel.unsubscribe('http.client.request.start', onRequest);
    }
  });

  it("lists exactly what the SDK's own paginator lists, page by page, though it asks for each page early", async () => {
    const client: GuardDutyClient = api['client'];
    const query = { DetectorId: DETECTOR, MaxResults: COVERAGE_PAGE_SIZE, FilterCriteria: { FilterCriterion: ecsCoverageCriteria() } };
    const plain: CoverageResource[][] = [];
    for await (const page of paginateListCoverage({ client }, query)) plain.push(page.Resources ?? []);
    const early: CoverageResource[][] = [];
    await api.listEcsCoverage(DETECTOR, {}, undefined, (page) => early.push(page));
    assert.equal(plain.length, 3);
    assert.deepEqual(early, plain);
  });

  it('asks the service for unhealthy clusters, one account or one cluster', async () => {
    assert.equal((await api.listEcsCoverage(DETECTOR, { coverageStatus: 'UNHEALTHY' })).length, 40);
    assert.equal((await api.listEcsCoverage(DETECTOR, { accountId: '444455556666' })).length, 60);
    const one = await api.listEcsCoverage(DETECTOR, { clusterName: 'cluster-042' });
    assert.deepEqual(
      one.map((resource) => resource.ResourceId),
      ['cluster-042'],
    );
  });

  it('reads ECS statistics by coverage status', async () => {
    assert.deepEqual(await api.getEcsStatistics(DETECTOR), { HEALTHY: 80, UNHEALTHY: 40 });
    const call = fake.requests.find((request) => request.operation === 'GetCoverageStatistics');
    assert.deepEqual((call?.body as { statisticsType: string[] }).statisticsType, ['COUNT_BY_COVERAGE_STATUS']);
  });

  it('counts a status the service leaves out as 0', async () => {
    fake.setRegion('us-east-1', { detectorId: DETECTOR, resources: manyClusters(2).resources.filter((resource) => resource.coverageStatus === 'HEALTHY') });
    assert.deepEqual(await api.getEcsStatistics(DETECTOR), { HEALTHY: 1, UNHEALTHY: 0 });
  });

  it('retries a server error within maxAttempts, then succeeds', async () => {
    const patient = new GuardDutyCoverageApi({ region: 'us-east-1', endpoint: fake.url, credentials: TEST_CREDENTIALS, maxAttempts: 2 });
    try {
      fake.addFault({ kind: 'internal-error', operation: 'ListDetectors', times: 1 });
      assert.equal(await patient.findDetectorId(), DETECTOR);
      assert.equal(fake.requests.filter((request) => request.operation === 'ListDetectors').length, 2);
    } finally {
      patient.destroy();
    }
  });

  it('never lets AWS_ENDPOINT_URL redirect the calls unless asked to', async () => {
    process.env.AWS_ENDPOINT_URL_GUARDDUTY = fake.url;
    try {
      assert.equal(createGuardDutyClient({ region: 'us-east-1', credentials: TEST_CREDENTIALS }).config.ignoreConfiguredEndpointUrls, true);
      // Opted in, the variable is honoured: the call reaches the fake without an explicit endpoint.
      const configured = new GuardDutyCoverageApi({ region: 'us-east-1', credentials: TEST_CREDENTIALS, maxAttempts: 1, useConfiguredEndpointUrls: true });
      try {
        assert.equal(await configured.findDetectorId(), DETECTOR);
      } finally {
        configured.destroy();
      }
    } finally {
      delete process.env.AWS_ENDPOINT_URL_GUARDDUTY;
    }
  });

  it('combines a custom endpoint with FIPS settings from the environment', async () => {
    process.env.AWS_USE_FIPS_ENDPOINT = 'true';
    const fips = new GuardDutyCoverageApi({ region: 'us-east-1', endpoint: fake.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    try {
      assert.equal(await fips.findDetectorId(), DETECTOR);
    } finally {
      fips.destroy();
      delete process.env.AWS_USE_FIPS_ENDPOINT;
    }
  });
});

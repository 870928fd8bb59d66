import { pageOf, Parsed, parseListCoverageBody, parseMaxResults, parseStatisticsTypes } from './coverageQuery';
import { FakeOperation } from './faults';
import { WireError } from './httpWire';
import { statisticsFor } from './statistics';
import { FakeRegionData } from './wireTypes';
import { invalidParameter, unknownDetector } from './wireErrors';

export interface OperationRequest {
  readonly operation: FakeOperation;
  readonly region: FakeRegionData;
  readonly detectorId?: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

/** Answers one GuardDuty operation from a region's data: the 200 body, or the error to send. */
export function answer(request: OperationRequest): Parsed<unknown> {
  switch (request.operation) {
    case 'ListDetectors':
      return listDetectors(request);
    case 'ListCoverage':
      return withOwnDetector(request, () => listCoverage(request));
    case 'GetCoverageStatistics':
      return withOwnDetector(request, () => getCoverageStatistics(request));
  }
}

function listDetectors(request: OperationRequest): Parsed<unknown> {
  const maxResults = parseMaxResults(request.query.get('maxResults') ?? undefined);
  if (!maxResults.ok) return maxResults;
  const nextToken = request.query.get('nextToken');
  // At most one detector per account and region exists, so any token is past the end.
  if (nextToken) return failure(invalidParameter('nextToken'));
  return { ok: true, value: { detectorIds: request.region.detectorId ? [request.region.detectorId] : [] } };
}

function listCoverage(request: OperationRequest): Parsed<unknown> {
  const query = parseListCoverageBody(request.body);
  if (!query.ok) return query;
  const page = pageOf(request.region.resources, query.value);
  if (!page.ok) return page;
  return { ok: true, value: { resources: page.value.page, ...(page.value.nextToken ? { nextToken: page.value.nextToken } : {}) } };
}

function getCoverageStatistics(request: OperationRequest): Parsed<unknown> {
  const types = parseStatisticsTypes(request.body);
  if (!types.ok) return types;
  const query = parseListCoverageBody({ filterCriteria: (request.body as { filterCriteria?: unknown }).filterCriteria });
  if (!query.ok) return query;
  const resources = request.region.resources.filter(query.value.filter);
  return { ok: true, value: { coverageStatistics: statisticsFor(resources, types.value) } };
}

function withOwnDetector(request: OperationRequest, then: () => Parsed<unknown>): Parsed<unknown> {
  if (!request.region.detectorId || request.detectorId !== request.region.detectorId) return failure(unknownDetector());
  return then();
}

function failure(error: WireError): Parsed<never> {
  return { ok: false, error };
}

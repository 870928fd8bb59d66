import { WireError } from './httpWire';
import { WireCoverageResource } from './wireTypes';
import { invalidParameter, missingParameter } from './wireErrors';

/** The criterion keys the fake evaluates, each with how to read it from a resource. */
const CRITERION_VALUES: Record<string, (resource: WireCoverageResource) => string | undefined> = {
  ACCOUNT_ID: (r) => r.accountId,
  RESOURCE_TYPE: (r) => r.resourceDetails.resourceType,
  COVERAGE_STATUS: (r) => r.coverageStatus,
  ECS_CLUSTER_NAME: (r) => r.resourceDetails.ecsClusterDetails?.clusterName,
  EKS_CLUSTER_NAME: (r) => r.resourceDetails.eksClusterDetails?.clusterName,
  MANAGEMENT_TYPE: (r) =>
    r.resourceDetails.ecsClusterDetails?.fargateDetails?.managementType ?? r.resourceDetails.eksClusterDetails?.managementType ?? r.resourceDetails.ec2InstanceDetails?.managementType,
  INSTANCE_ID: (r) => r.resourceDetails.ec2InstanceDetails?.instanceId,
  CLUSTER_ARN: (r) => r.resourceDetails.ec2InstanceDetails?.clusterArn,
};

const SORT_VALUES: Record<string, (resource: WireCoverageResource) => string | number> = {
  ACCOUNT_ID: (r) => r.accountId,
  COVERAGE_STATUS: (r) => r.coverageStatus,
  ISSUE: (r) => r.issue ?? '',
  UPDATED_AT: (r) => r.updatedAt,
  ECS_CLUSTER_NAME: (r) => r.resourceDetails.ecsClusterDetails?.clusterName ?? '',
  EKS_CLUSTER_NAME: (r) => r.resourceDetails.eksClusterDetails?.clusterName ?? '',
  INSTANCE_ID: (r) => r.resourceDetails.ec2InstanceDetails?.instanceId ?? '',
};

export type ResourcePredicate = (resource: WireCoverageResource) => boolean;

export interface ListCoverageQuery {
  readonly filter: ResourcePredicate;
  readonly compare?: (a: WireCoverageResource, b: WireCoverageResource) => number;
  readonly maxResults: number;
  readonly nextToken?: string;
  /** Identifies filter+sort, so a token from another query is refused. */
  readonly fingerprint: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: WireError };

const DEFAULT_MAX_RESULTS = 50;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates `maxResults` the way the model constrains it: an integer from 1 to 50. */
export function parseMaxResults(value: unknown): Parsed<number> {
  if (value === undefined) return { ok: true, value: DEFAULT_MAX_RESULTS };
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 50) return { ok: false, error: invalidParameter('maxResults') };
  return { ok: true, value: number };
}

export function parseFilterCriteria(value: unknown): Parsed<ResourcePredicate> {
  if (value === undefined) return { ok: true, value: () => true };
  if (!isRecord(value)) return { ok: false, error: invalidParameter('filterCriteria') };
  const criteria = value.filterCriterion ?? [];
  if (!Array.isArray(criteria) || criteria.length > 50) return { ok: false, error: invalidParameter('filterCriterion') };
  const predicates: ResourcePredicate[] = [];
  for (const criterion of criteria) {
    if (!isRecord(criterion) || typeof criterion.criterionKey !== 'string' || !(criterion.criterionKey in CRITERION_VALUES)) {
      return { ok: false, error: invalidParameter('criterionKey') };
    }
    const read = CRITERION_VALUES[criterion.criterionKey];
    const condition = criterion.filterCondition;
    if (!isRecord(condition)) return { ok: false, error: invalidParameter('filterCondition') };
    const equals = stringList(condition.equals);
    const notEquals = stringList(condition.notEquals);
    if (equals === null || notEquals === null || (equals === undefined && notEquals === undefined)) {
      return { ok: false, error: invalidParameter('filterCondition') };
    }
    predicates.push((resource) => {
      const actual = read(resource);
      if (equals && !(actual !== undefined && equals.includes(actual))) return false;
      if (notEquals && actual !== undefined && notEquals.includes(actual)) return false;
      return true;
    });
  }
  return { ok: true, value: (resource) => predicates.every((predicate) => predicate(resource)) };
}

export function parseListCoverageBody(body: unknown): Parsed<ListCoverageQuery> {
  if (!isRecord(body)) return { ok: false, error: invalidParameter('body') };
  const maxResults = parseMaxResults(body.maxResults);
  if (!maxResults.ok) return maxResults;
  const filter = parseFilterCriteria(body.filterCriteria);
  if (!filter.ok) return filter;
  let compare: ListCoverageQuery['compare'];
  if (body.sortCriteria !== undefined) {
    const sort = body.sortCriteria;
    if (!isRecord(sort) || typeof sort.attributeName !== 'string' || !(sort.attributeName in SORT_VALUES)) return { ok: false, error: invalidParameter('attributeName') };
    if (sort.orderBy !== undefined && sort.orderBy !== 'ASC' && sort.orderBy !== 'DESC') return { ok: false, error: invalidParameter('orderBy') };
    const read = SORT_VALUES[sort.attributeName];
    const direction = sort.orderBy === 'DESC' ? -1 : 1;
    compare = (a, b) => direction * compareValues(read(a), read(b));
  }
  if (body.nextToken !== undefined && typeof body.nextToken !== 'string') return { ok: false, error: invalidParameter('nextToken') };
  const fingerprint = JSON.stringify([body.filterCriteria ?? null, body.sortCriteria ?? null]);
  return { ok: true, value: { filter: filter.value, compare, maxResults: maxResults.value, nextToken: body.nextToken || undefined, fingerprint } };
}

export function parseStatisticsTypes(body: unknown): Parsed<string[]> {
  if (!isRecord(body) || body.statisticsType === undefined) return { ok: false, error: missingParameter('statisticsType') };
  const types = stringList(body.statisticsType);
  const known = ['COUNT_BY_RESOURCE_TYPE', 'COUNT_BY_COVERAGE_STATUS'];
  if (!types || types.length === 0 || types.some((type) => !known.includes(type))) return { ok: false, error: invalidParameter('statisticsType') };
  return { ok: true, value: types };
}

/** One page of a query; the token is opaque to clients but carries the offset and the query it belongs to. */
export function pageOf(resources: readonly WireCoverageResource[], query: ListCoverageQuery): Parsed<{ page: WireCoverageResource[]; nextToken?: string }> {
  let offset = 0;
  if (query.nextToken !== undefined) {
    const decoded = decodeToken(query.nextToken);
    if (!decoded || decoded.fingerprint !== query.fingerprint) return { ok: false, error: invalidParameter('nextToken') };
    offset = decoded.offset;
  }
  const matching = resources.filter(query.filter);
  if (query.compare) matching.sort(query.compare);
  const page = matching.slice(offset, offset + query.maxResults);
  const end = offset + page.length;
  return { ok: true, value: { page, nextToken: end < matching.length ? encodeToken(end, query.fingerprint) : undefined } };
}

function encodeToken(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ offset, fingerprint })).toString('base64url');
}

function decodeToken(token: string): { offset: number; fingerprint: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (isRecord(value) && typeof value.offset === 'number' && typeof value.fingerprint === 'string') return { offset: value.offset, fingerprint: value.fingerprint };
  } catch {
    // Falls through: an unreadable token is an invalid parameter.
  }
  return undefined;
}

/** A list of strings; undefined when absent, null when present but not a string list. */
function stringList(value: unknown): string[] | undefined | null {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return null;
  return value as string[];
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

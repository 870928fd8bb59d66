import type { CoverageFilterCriterion } from '@aws-sdk/client-guardduty';

/** Server-side narrowing of an ECS coverage query (exact matches, as the API supports). */
export interface EcsCoverageQuery {
  readonly clusterName?: string;
  readonly accountId?: string;
  readonly coverageStatus?: 'HEALTHY' | 'UNHEALTHY';
}

/**
 * Filter criteria for ECS clusters only, plus the query's exact matches. The SDK's input shape uses the
 * same member names as the AWS CLI's JSON, so the CLI copy reuses it.
 */
export function ecsCoverageCriteria(query: EcsCoverageQuery = {}): CoverageFilterCriterion[] {
  const criteria: CoverageFilterCriterion[] = [{ CriterionKey: 'RESOURCE_TYPE', FilterCondition: { Equals: ['ECS'] } }];
  if (query.clusterName !== undefined) criteria.push({ CriterionKey: 'ECS_CLUSTER_NAME', FilterCondition: { Equals: [query.clusterName] } });
  if (query.accountId !== undefined) criteria.push({ CriterionKey: 'ACCOUNT_ID', FilterCondition: { Equals: [query.accountId] } });
  if (query.coverageStatus !== undefined) criteria.push({ CriterionKey: 'COVERAGE_STATUS', FilterCondition: { Equals: [query.coverageStatus] } });
  return criteria;
}

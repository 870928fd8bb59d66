import { ClusterCoverage, ClusterCoverageStatus, RegionCoverage } from '../../../client/src/coverage/model/coverageModel';
import { classifyIssues } from '../../../client/src/coverage/issues/classifyIssue';

/** A model cluster for view and transition tests. */
export function cluster(clusterName: string, coverageStatus: ClusterCoverageStatus, extra: { accountId?: string; updatedAt?: string | null; issues?: string[] } = {}): ClusterCoverage {
  return {
    clusterName,
    accountId: extra.accountId ?? '111122223333',
    coverageStatus,
    managementType: 'AUTO_MANAGED',
    issues: classifyIssues(extra.issues ?? []),
    containerInstances: { covered: 0, compatible: 0 },
    updatedAt: extra.updatedAt === null ? null : new Date(extra.updatedAt ?? '2024-06-10T00:00:00Z'),
  };
}

export function region(name: string, clusters: ClusterCoverage[], error: RegionCoverage['error'] = null): RegionCoverage {
  const count = (status: string) => clusters.filter((c) => c.coverageStatus === status).length;
  return { region: name, detectorId: error ? null : 'd1', statistics: error ? null : { HEALTHY: count('HEALTHY'), UNHEALTHY: count('UNHEALTHY') }, clusters, error };
}

import { ClusterCoverage, ClusterCoverageStatus } from './coverageModel';

export interface ClusterFilter {
  readonly unhealthyOnly?: boolean;
  /** Case-insensitive part of the cluster name. */
  readonly clusterNameContains?: string;
  readonly accountId?: string;
}

/** `status`: unhealthy first; `name`: A to Z; `updated`: most recently updated first. Ties go by name, then account. */
export type ClusterSort = 'status' | 'name' | 'updated';

export function filterClusters(clusters: readonly ClusterCoverage[], filter: ClusterFilter = {}): ClusterCoverage[] {
  const needle = filter.clusterNameContains?.trim().toLowerCase();
  const account = filter.accountId?.trim();
  return clusters.filter(
    (cluster) => (!filter.unhealthyOnly || cluster.coverageStatus === 'UNHEALTHY') && (!needle || cluster.clusterName.toLowerCase().includes(needle)) && (!account || cluster.accountId === account),
  );
}

const STATUS_ORDER: Record<ClusterCoverageStatus, number> = { UNHEALTHY: 0, UNKNOWN: 1, HEALTHY: 2 };

export function sortClusters(clusters: readonly ClusterCoverage[], sort: ClusterSort = 'status'): ClusterCoverage[] {
  const byName = (a: ClusterCoverage, b: ClusterCoverage) => a.clusterName.localeCompare(b.clusterName) || a.accountId.localeCompare(b.accountId);
  const compare: Record<ClusterSort, (a: ClusterCoverage, b: ClusterCoverage) => number> = {
    status: (a, b) => STATUS_ORDER[a.coverageStatus] - STATUS_ORDER[b.coverageStatus] || byName(a, b),
    name: byName,
    updated: (a, b) => (b.updatedAt?.getTime() ?? -Infinity) - (a.updatedAt?.getTime() ?? -Infinity) || byName(a, b),
  };
  return [...clusters].sort(compare[sort]);
}

/** The clusters a view shows: filtered, then sorted. */
export function viewClusters(clusters: readonly ClusterCoverage[], filter: ClusterFilter = {}, sort: ClusterSort = 'status'): ClusterCoverage[] {
  return sortClusters(filterClusters(clusters, filter), sort);
}

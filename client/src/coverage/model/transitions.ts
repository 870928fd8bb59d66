import { ClusterCoverage, clusterKey, RegionCoverage } from './coverageModel';

export interface CoverageTransition {
  readonly region: string;
  readonly accountId: string;
  readonly clusterName: string;
  readonly from: 'HEALTHY' | 'UNHEALTHY';
  readonly to: 'HEALTHY' | 'UNHEALTHY';
  /** The cluster as it is now (issues to show in the notification). */
  readonly cluster: ClusterCoverage;
}

/**
 * Clusters whose status flipped between two snapshots (HEALTHY → UNHEALTHY, and back), per region,
 * account and cluster name. A region that failed in either snapshot is skipped: its clusters are unknown,
 * not changed. Clusters that appear or disappear are not transitions, so compare snapshots loaded
 * without `unhealthyOnly` (a recovered cluster would otherwise just vanish).
 */
export function detectTransitions(previous: readonly RegionCoverage[], current: readonly RegionCoverage[]): CoverageTransition[] {
  const before = new Map<string, ClusterCoverage>();
  for (const region of previous) {
    if (region.error) continue;
    for (const cluster of region.clusters) before.set(keyOf(region.region, cluster), cluster);
  }
  const transitions: CoverageTransition[] = [];
  for (const region of current) {
    if (region.error) continue;
    for (const cluster of region.clusters) {
      const earlier = before.get(keyOf(region.region, cluster));
      if (!earlier || earlier.coverageStatus === cluster.coverageStatus) continue;
      if (earlier.coverageStatus === 'UNKNOWN' || cluster.coverageStatus === 'UNKNOWN') continue;
      transitions.push({ region: region.region, accountId: cluster.accountId, clusterName: cluster.clusterName, from: earlier.coverageStatus, to: cluster.coverageStatus, cluster });
    }
  }
  return transitions;
}

/** Only the clusters that became unhealthy: what a notification warns about. */
export function newlyUnhealthy(previous: readonly RegionCoverage[], current: readonly RegionCoverage[]): CoverageTransition[] {
  return detectTransitions(previous, current).filter((transition) => transition.to === 'UNHEALTHY');
}

function keyOf(region: string, cluster: ClusterCoverage): string {
  return `${region} ${clusterKey(cluster)}`;
}

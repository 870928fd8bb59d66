import { ClusterFilter, ClusterSort, CoverageStatusCounts, coveragePercentage, formatPercentage, RegionCoverage } from '../../coverage';

/** The sort choices, in QuickPick order. */
export const SORT_CHOICES: readonly { readonly sort: ClusterSort; readonly label: string; readonly detail: string }[] = [
  { sort: 'status', label: 'Status', detail: 'Unhealthy first, then by name' },
  { sort: 'name', label: 'Name', detail: 'A to Z, then by account' },
  { sort: 'updated', label: 'Update time', detail: 'Most recently updated first' },
];

export const DEFAULT_SORT: ClusterSort = 'status';

export function isFiltered(filter: ClusterFilter): boolean {
  return Boolean(filter.unhealthyOnly || filter.clusterNameContains?.trim() || filter.accountId?.trim());
}

/** The view's description: when the data was last refreshed, in the user's local time. */
export function viewDescription(state: { readonly refreshing: boolean; readonly lastRefreshedAt: Date | undefined }, formatTime: (date: Date) => string): string | undefined {
  if (state.lastRefreshedAt) return `refreshed ${formatTime(state.lastRefreshedAt)}`;
  return state.refreshing ? 'loading…' : undefined;
}

/**
 * The view's message: the filters and sort in force, so a short list never looks like all there is, and
 * any setting that was ignored.
 */
export function viewMessage(filter: ClusterFilter, sort: ClusterSort, settingProblems: readonly string[] = []): string | undefined {
  const filters = [
    filter.unhealthyOnly ? 'unhealthy only' : undefined,
    filter.clusterNameContains?.trim() ? `name contains "${filter.clusterNameContains.trim()}"` : undefined,
    filter.accountId?.trim() ? `account ${filter.accountId.trim()}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const sentences = [];
  if (filters.length) sentences.push(`Filtered: ${filters.join(' · ')}.`);
  if (sort !== DEFAULT_SORT) sentences.push(`Sorted by ${SORT_CHOICES.find((choice) => choice.sort === sort)?.label.toLowerCase()}.`);
  if (settingProblems.length) sentences.push(`Settings ignored: ${settingProblems.join('; ')}.`);
  return sentences.length ? sentences.join(' ') : undefined;
}

/** Healthy and unhealthy clusters summed over the regions that loaded; null when none did. */
export function overallStatistics(snapshot: readonly RegionCoverage[] | undefined): CoverageStatusCounts | null {
  const loaded = (snapshot ?? []).filter((region) => region.statistics);
  if (loaded.length === 0) return null;
  return loaded.reduce((sum, region) => ({ HEALTHY: sum.HEALTHY + (region.statistics?.HEALTHY ?? 0), UNHEALTHY: sum.UNHEALTHY + (region.statistics?.UNHEALTHY ?? 0) }), { HEALTHY: 0, UNHEALTHY: 0 });
}

/** The status-bar item: overall coverage, with what it is made of in the tooltip. */
export function statusBarSummary(snapshot: readonly RegionCoverage[] | undefined, refreshing: boolean): { readonly text: string; readonly tooltip: string } {
  if (!snapshot) return { text: refreshing ? '$(sync~spin) GuardDuty' : '$(shield) GuardDuty', tooltip: 'GuardDuty Runtime Monitoring coverage of ECS clusters: not loaded yet.' };
  const statistics = overallStatistics(snapshot);
  const failed = snapshot.filter((region) => region.error).length;
  const lines = ['GuardDuty Runtime Monitoring coverage of ECS clusters'];
  if (statistics) {
    const loaded = snapshot.length - failed;
    lines.push(`${statistics.HEALTHY} of ${statistics.HEALTHY + statistics.UNHEALTHY} clusters healthy in ${plural(loaded, 'region')}.`);
  }
  if (failed) lines.push(`${plural(failed, 'region')} could not be loaded.`);
  lines.push('Click to show the coverage view.');
  const warning = failed || (statistics?.UNHEALTHY ?? 0) > 0 ? '$(warning) ' : '';
  return { text: `$(shield) ${warning}${formatPercentage(coveragePercentage(statistics))}`, tooltip: lines.join('\n') };
}

/** Unhealthy clusters in the loaded regions, for the view's badge; 0 hides it. */
export function unhealthyCount(snapshot: readonly RegionCoverage[] | undefined): number {
  return (snapshot ?? []).reduce((sum, region) => sum + region.clusters.filter((cluster) => cluster.coverageStatus === 'UNHEALTHY').length, 0);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

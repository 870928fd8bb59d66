import { WireCoverageResource } from './wireTypes';

/** GetCoverageStatistics counts. Zero counts are left out of the maps (the client must not rely on every key). */
export function statisticsFor(resources: readonly WireCoverageResource[], types: readonly string[]): Record<string, Record<string, number>> {
  const statistics: Record<string, Record<string, number>> = {};
  if (types.includes('COUNT_BY_COVERAGE_STATUS')) statistics.countByCoverageStatus = countBy(resources, (r) => r.coverageStatus);
  if (types.includes('COUNT_BY_RESOURCE_TYPE')) statistics.countByResourceType = countBy(resources, (r) => r.resourceDetails.resourceType);
  return statistics;
}

function countBy(resources: readonly WireCoverageResource[], key: (resource: WireCoverageResource) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) counts[key(resource)] = (counts[key(resource)] ?? 0) + 1;
  return counts;
}

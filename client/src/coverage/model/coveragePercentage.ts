import { CoverageStatusCounts } from './coverageModel';

/** (healthy clusters / all clusters) × 100, GuardDuty's own definition; undefined when there are no clusters. */
export function coveragePercentage(statistics: CoverageStatusCounts | null): number | undefined {
  if (!statistics) return undefined;
  const all = statistics.HEALTHY + statistics.UNHEALTHY;
  return all === 0 ? undefined : (statistics.HEALTHY / all) * 100;
}

/** "87%" (rounded down, so a region is never shown at 100% while one cluster is unhealthy), or "–". */
export function formatPercentage(percentage: number | undefined): string {
  return percentage === undefined ? '–' : `${Math.floor(percentage)}%`;
}

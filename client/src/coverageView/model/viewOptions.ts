import type { ClusterFilter, ClusterSort } from '../../coverage';
import { DEFAULT_SORT, SORT_CHOICES } from './viewSummary';

/**
 * Filter and sort are kept in the workspace state between sessions; what comes back is checked, since
 * an older version (or a hand-edited state) may have stored something else.
 */
export function restoreFilter(value: unknown): ClusterFilter {
  if (typeof value !== 'object' || value === null) return {};
  const stored = value as Record<string, unknown>;
  const text = (key: string) => (typeof stored[key] === 'string' && (stored[key] as string).trim() ? (stored[key] as string).trim() : undefined);
  const clusterNameContains = text('clusterNameContains');
  const accountId = text('accountId');
  return {
    ...(stored.unhealthyOnly === true ? { unhealthyOnly: true } : {}),
    ...(clusterNameContains ? { clusterNameContains } : {}),
    ...(accountId ? { accountId } : {}),
  };
}

export function restoreSort(value: unknown): ClusterSort {
  return SORT_CHOICES.find((choice) => choice.sort === value)?.sort ?? DEFAULT_SORT;
}

/** The filter with one part changed; an empty text removes that part. */
export function withFilter(filter: ClusterFilter, change: ClusterFilter): ClusterFilter {
  return restoreFilter({ ...filter, ...change });
}

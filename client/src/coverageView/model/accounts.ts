import type { RegionCoverage } from '../../coverage';

/**
 * The account that is most likely the caller's in a region's results: the most common one. A delegated
 * GuardDuty administrator also sees its members' clusters, and only the clusters of other accounts should
 * carry an account id. Asking STS would be exact, but the view makes read-only GuardDuty calls only and
 * needs no sts:GetCallerIdentity permission; the administrator usually owns the most clusters it sees,
 * and when it does not, the cost is an account id shown where it was not needed.
 * Undefined on a tie (or no clusters): then every cluster shows its account.
 */
export function likelyCallerAccount(region: RegionCoverage): string | undefined {
  const counts = new Map<string, number>();
  for (const cluster of region.clusters) counts.set(cluster.accountId, (counts.get(cluster.accountId) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) return undefined;
  return ranked[0][0];
}

/** The accounts in the loaded regions with their cluster counts, most clusters first (for the account filter). */
export function accountsIn(snapshot: readonly RegionCoverage[] | undefined): { accountId: string; clusters: number }[] {
  const counts = new Map<string, number>();
  for (const region of snapshot ?? []) for (const cluster of region.clusters) counts.set(cluster.accountId, (counts.get(cluster.accountId) ?? 0) + 1);
  return [...counts.entries()].map(([accountId, clusters]) => ({ accountId, clusters })).sort((a, b) => b.clusters - a.clusters || a.accountId.localeCompare(b.accountId));
}

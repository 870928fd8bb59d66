import { ecsCoverageCriteria } from '../guardDuty/ecsCoverageCriteria';
import { shellQuote } from './shellQuote';

export interface ListCoverageCommandTarget {
  readonly region: string;
  readonly detectorId: string;
  /** Narrow to one cluster (a cluster node); the whole region's ECS clusters otherwise. */
  readonly clusterName?: string;
  /** With clusterName: the cluster's account (the same name can exist in several member accounts). */
  readonly accountId?: string;
  readonly unhealthyOnly?: boolean;
  readonly profile?: string;
  /** The endpoint override in use, so the command asks the same endpoint. */
  readonly endpoint?: string;
}

/**
 * "Copy as AWS CLI command": the `aws guardduty list-coverage` line that asks what the node shows, for a
 * POSIX shell. The filter JSON uses the CLI's member names, which the SDK's input shape shares.
 */
export function listCoverageCommand(target: ListCoverageCommandTarget): string {
  const criteria = ecsCoverageCriteria({
    clusterName: target.clusterName,
    accountId: target.accountId,
    coverageStatus: target.unhealthyOnly ? 'UNHEALTHY' : undefined,
  });
  const args = [
    'aws',
    'guardduty',
    'list-coverage',
    '--region',
    target.region,
    '--detector-id',
    target.detectorId,
    '--filter-criteria',
    JSON.stringify({ FilterCriterion: criteria }),
    ...(target.profile ? ['--profile', target.profile] : []),
    ...(target.endpoint ? ['--endpoint-url', target.endpoint] : []),
  ];
  return args.map(shellQuote).join(' ');
}

/** The command for a region node, or for a cluster node when `cluster` is given; undefined without a detector. */
export function listCoverageCommandForNode(
  region: { readonly region: string; readonly detectorId: string | null },
  cluster?: { readonly clusterName: string; readonly accountId: string },
  connection: { readonly profile?: string; readonly endpoint?: string } = {},
): string | undefined {
  if (!region.detectorId) return undefined;
  return listCoverageCommand({ region: region.region, detectorId: region.detectorId, clusterName: cluster?.clusterName, accountId: cluster?.accountId, ...connection });
}

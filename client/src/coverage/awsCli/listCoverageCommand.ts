import { ecsCoverageCriteria } from '../guardDuty/ecsCoverageCriteria';
import type { CoverageFilterCriterion } from '@aws-sdk/client-guardduty';
import { commandLine, ShellKind } from './shellQuote';

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
  /** The shell to quote for; POSIX (bash, zsh) by default. */
  readonly shell?: ShellKind;
}

/**
 * "Copy as AWS CLI command": the `aws guardduty list-coverage` line that asks what the node shows, quoted
 * for the user's shell. The filter JSON uses the CLI's member names, which the SDK's input shape shares.
 * PowerShell before 7.3 mangles double quotes inside arguments to native programs, and cmd.exe has no
 * quoting of its own for them: there the filter is written in the CLI's shorthand syntax, which needs none.
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
    (target.shell ?? 'posix') === 'posix' ? JSON.stringify({ FilterCriterion: criteria }) : shorthand(criteria),
    ...(target.profile ? ['--profile', target.profile] : []),
    ...(target.endpoint ? ['--endpoint-url', target.endpoint] : []),
  ];
  return commandLine(args, target.shell ?? 'posix');
}

/** `FilterCriterion=[{CriterionKey=…,FilterCondition={Equals=[…]}},…]`, the AWS CLI's shorthand syntax. */
function shorthand(criteria: readonly CoverageFilterCriterion[]): string {
  const value = (text: string) => (/^[A-Za-z0-9_.:/@-]+$/.test(text) ? text : `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
  const criterion = (item: CoverageFilterCriterion) => `{CriterionKey=${item.CriterionKey},FilterCondition={Equals=[${(item.FilterCondition?.Equals ?? []).map(value).join(',')}]}}`;
  return `FilterCriterion=[${criteria.map(criterion).join(',')}]`;
}

/** The command for a region node, or for a cluster node when `cluster` is given; undefined without a detector. */
export function listCoverageCommandForNode(
  region: { readonly region: string; readonly detectorId: string | null },
  cluster?: { readonly clusterName: string; readonly accountId: string },
  connection: { readonly profile?: string; readonly endpoint?: string; readonly shell?: ShellKind } = {},
): string | undefined {
  if (!region.detectorId) return undefined;
  return listCoverageCommand({ region: region.region, detectorId: region.detectorId, clusterName: cluster?.clusterName, accountId: cluster?.accountId, ...connection });
}

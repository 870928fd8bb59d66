import {
  ClusterFilter,
  ClusterSort,
  commandLine,
  CoverageError,
  CoverageErrorKind,
  coveragePercentage,
  formatPercentage,
  listCoverageCommandForNode,
  RegionCoverage,
  viewClusters,
} from '../../coverage';
import type { CoverageStatusCounts } from '../../coverage';
import { COMMANDS, CONTEXT_VALUES } from '../ids';
import { likelyCallerAccount } from './accounts';
import { clusterNode } from './clusterNodes';
import { escapeMarkdown } from './markdown';
import { messageNode } from './messageNodes';
import { CommandConnection, CoverageTreeNode, TaskDefinitionLocation } from './treeNode';

export interface RegionNodeContext {
  readonly filter: ClusterFilter;
  readonly sort: ClusterSort;
  readonly connection: CommandConnection;
  readonly taskDefinitions: ReadonlyMap<string, TaskDefinitionLocation>;
}

/** Short words for a failed region's description; the error node under it says the rest. */
const ERROR_SUMMARIES: Record<CoverageErrorKind, string> = {
  'no-detector': 'GuardDuty not enabled',
  'access-denied': 'access denied',
  credentials: 'credentials problem',
  throttling: 'throttled',
  network: 'unreachable',
  timeout: 'timed out',
  cancelled: 'cancelled',
  service: 'GuardDuty error',
  'malformed-response': 'unreadable answer',
  unexpected: 'failed',
};

export function regionNodeId(region: string): string {
  return `region/${region}`;
}

/** "3/4 healthy · 75%": GuardDuty's own statistics, which count every cluster whatever the filters. */
export function statisticsLabel(statistics: CoverageStatusCounts | null): string {
  if (!statistics) return 'no statistics';
  const all = statistics.HEALTHY + statistics.UNHEALTHY;
  if (all === 0) return 'no ECS clusters';
  return `${statistics.HEALTHY}/${all} healthy · ${formatPercentage(coveragePercentage(statistics))}`;
}

/**
 * A configured region before its first load: loading, or waiting for a refresh. Its id differs from the
 * loaded region's: VS Code keeps the collapse state it first saw for an id, so a node that began
 * childless would stay collapsed once loaded instead of opening as `expanded` asks.
 */
export function pendingRegionNode(region: string, refreshing: boolean): CoverageTreeNode {
  return {
    id: `${regionNodeId(region)}/pending`,
    label: region,
    description: refreshing ? 'loading…' : 'not loaded yet',
    icon: refreshing ? 'loading~spin' : 'globe',
    contextValue: CONTEXT_VALUES.regionWithoutDetector,
    collapsible: 'none',
    children: [],
  };
}

export function regionNode(region: RegionCoverage, context: RegionNodeContext): CoverageTreeNode {
  const id = regionNodeId(region.region);
  const awsCliCommand = listCoverageCommandForNode(region, undefined, context.connection);
  const common = {
    id,
    label: region.region,
    contextValue: awsCliCommand ? CONTEXT_VALUES.region : CONTEXT_VALUES.regionWithoutDetector,
    collapsible: 'expanded' as const,
    ...(awsCliCommand ? { awsCliCommand } : {}),
  };
  const shown = viewClusters(region.clusters, context.filter, context.sort);
  if (region.error && region.stale) {
    // The last good load stays below the error, so nothing shown before disappears; the region says it is stale.
    const loadedAt = `${region.stale.loadedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    return {
      ...common,
      description: `stale · ${ERROR_SUMMARIES[region.error.kind]}`,
      tooltipMarkdown: `${errorTooltip(region.region, region.error)}\n\nShowing the clusters as loaded at ${loadedAt}.`,
      icon: 'warning',
      color: 'problemsWarningIcon.foreground',
      children: [errorNode(id, region.error, context.connection), ...(shown.length ? clusterNodes(region, shown, id, context) : [emptyRegionNode(id, region)])],
    };
  }
  if (region.error) {
    return {
      ...common,
      description: ERROR_SUMMARIES[region.error.kind],
      tooltipMarkdown: errorTooltip(region.region, region.error),
      icon: 'error',
      color: 'problemsErrorIcon.foreground',
      children: [errorNode(id, region.error, context.connection)],
    };
  }
  return {
    ...common,
    description: statisticsLabel(region.statistics),
    tooltipMarkdown: regionTooltip(region, shown.length),
    icon: 'globe',
    children: shown.length ? clusterNodes(region, shown, id, context) : [emptyRegionNode(id, region)],
  };
}

function clusterNodes(region: RegionCoverage, shown: RegionCoverage['clusters'], id: string, context: RegionNodeContext): CoverageTreeNode[] {
  const clusterContext = { regionNodeId: id, region, callerAccount: likelyCallerAccount(region), connection: context.connection, taskDefinitions: context.taskDefinitions };
  return shown.map((cluster) => clusterNode(cluster, clusterContext));
}

function emptyRegionNode(id: string, region: RegionCoverage): CoverageTreeNode {
  return region.clusters.length
    ? messageNode(`${id}/no-match`, 'No cluster matches the filters', 'filter', { description: `${region.clusters.length} hidden` })
    : messageNode(`${id}/no-clusters`, 'No ECS clusters in this region', 'info');
}

/** The core's message, with its next step and what can be done about it as children (all also in the tooltip). */
function errorNode(regionId: string, error: CoverageError, connection: CommandConnection): CoverageTreeNode {
  const id = `${regionId}/error`;
  const nextStep = messageNode(`${id}/next-step`, `Next: ${error.nextStep}`, 'lightbulb', { tooltipMarkdown: escapeMarkdown(error.nextStep) });
  const requestId = error.requestId ? [messageNode(`${id}/request-id`, `Request id: ${error.requestId}`, 'info')] : [];
  const actions = errorActions(id, error, connection);
  return {
    id,
    label: error.message,
    icon: 'error',
    color: 'problemsErrorIcon.foreground',
    tooltipMarkdown: escapeMarkdown(error.message),
    contextValue: CONTEXT_VALUES.regionError,
    collapsible: 'expanded',
    children: [nextStep, ...actions, ...requestId],
  };
}

/**
 * What a failed region offers besides its next step: Retry always; for credentials and access errors the
 * profile picker; for an expired SSO session the `aws sso login` command to copy, quoted for the user's shell.
 */
export function errorActions(errorId: string, error: CoverageError, connection: CommandConnection): CoverageTreeNode[] {
  const action = (
    suffix: string,
    label: string,
    icon: 'refresh' | 'account' | 'copy',
    command: { command: string; title: string; passNode?: boolean },
    extra: Partial<CoverageTreeNode> = {},
  ): CoverageTreeNode => ({
    id: `${errorId}/action/${suffix}`,
    label,
    icon,
    contextValue: CONTEXT_VALUES.errorAction,
    collapsible: 'none',
    children: [],
    command,
    ...extra,
  });
  const actions: CoverageTreeNode[] = [];
  if (error.ssoProfile) {
    const signIn = commandLine(['aws', 'sso', 'login', '--profile', error.ssoProfile], connection.shell ?? 'posix');
    actions.push(
      action(
        'sso-login',
        'Copy SSO sign-in command',
        'copy',
        { command: COMMANDS.copyAwsCliCommand, title: 'Copy', passNode: true },
        { description: signIn, awsCliCommand: signIn, tooltipMarkdown: `Copies the command to paste into a terminal:\n\n${escapeMarkdown(signIn)}` },
      ),
    );
  }
  if (error.kind === 'credentials' || error.kind === 'access-denied') {
    actions.push(action('profile', 'Select AWS Profile…', 'account', { command: COMMANDS.pickProfile, title: 'Select AWS Profile' }));
  }
  actions.push(action('retry', 'Retry', 'refresh', { command: COMMANDS.refresh, title: 'Retry' }));
  return actions;
}

function errorTooltip(region: string, error: CoverageError): string {
  const lines = [`**${region}**: ${escapeMarkdown(error.message)}`, '', `Next: ${escapeMarkdown(error.nextStep)}`];
  if (error.requestId) lines.push('', `Request id: ${escapeMarkdown(error.requestId)}`);
  return lines.join('\n');
}

function regionTooltip(region: RegionCoverage, shownCount: number): string {
  const statistics = region.statistics;
  const lines = [`**${region.region}** · ECS coverage ${formatPercentage(coveragePercentage(statistics))}`, ''];
  if (statistics) lines.push(`${statistics.HEALTHY} healthy and ${statistics.UNHEALTHY} unhealthy ECS clusters (healthy clusters / all clusters × 100).`, '');
  if (region.detectorId) lines.push(`Detector ${escapeMarkdown(region.detectorId)}`, '');
  if (shownCount !== region.clusters.length) lines.push(`Showing ${shownCount} of ${region.clusters.length} clusters (filters are on).`);
  return lines.join('\n').trimEnd();
}

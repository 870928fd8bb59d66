import { ClusterCoverage, listCoverageCommandForNode, RegionCoverage } from '../../coverage';
import { CONTEXT_VALUES } from '../ids';
import { issueNode } from './issueNodes';
import { clusterDescription } from './labels';
import { escapeMarkdown, formatUtc } from './markdown';
import { messageNode } from './messageNodes';
import { CommandConnection, CoverageColorId, CoverageIconId, CoverageTreeNode, TaskDefinitionLocation } from './treeNode';

export interface ClusterNodeContext {
  readonly regionNodeId: string;
  readonly region: RegionCoverage;
  /** The account taken for the caller's own (see likelyCallerAccount); other accounts are named. */
  readonly callerAccount: string | undefined;
  readonly connection: CommandConnection;
  readonly taskDefinitions: ReadonlyMap<string, TaskDefinitionLocation>;
}

const STATUS_ICONS: Record<ClusterCoverage['coverageStatus'], { icon: CoverageIconId; color: CoverageColorId }> = {
  HEALTHY: { icon: 'pass-filled', color: 'testing.iconPassed' },
  UNHEALTHY: { icon: 'error', color: 'testing.iconFailed' },
  UNKNOWN: { icon: 'question', color: 'problemsWarningIcon.foreground' },
};

/** An ECS cluster of one account: status icon, management type and foreign account, issues as children. */
export function clusterNode(cluster: ClusterCoverage, context: ClusterNodeContext): CoverageTreeNode {
  // The account is part of the id: a member account can have a cluster of the same name.
  const id = `${context.regionNodeId}/cluster/${cluster.accountId}/${cluster.clusterName}`;
  const foreignAccount = cluster.accountId !== context.callerAccount;
  const description = clusterDescription(cluster.managementType, foreignAccount ? cluster.accountId : undefined);
  const children = clusterChildren(id, cluster, context);
  const awsCliCommand = listCoverageCommandForNode(context.region, cluster, context.connection);
  return {
    id,
    label: cluster.clusterName,
    ...(description ? { description } : {}),
    tooltipMarkdown: clusterTooltip(cluster, foreignAccount),
    ...STATUS_ICONS[cluster.coverageStatus],
    contextValue: CONTEXT_VALUES.cluster,
    collapsible: children.length ? 'collapsed' : 'none',
    children,
    accountId: cluster.accountId,
    ...(awsCliCommand ? { awsCliCommand } : {}),
  };
}

function clusterChildren(id: string, cluster: ClusterCoverage, context: ClusterNodeContext): CoverageTreeNode[] {
  if (cluster.issues.length) return cluster.issues.map((issue, index) => issueNode(id, index, issue, context.taskDefinitions));
  if (cluster.coverageStatus !== 'UNHEALTHY') return [];
  // GuardDuty reports EC2 container instances' issues on the instances, not on the cluster.
  const { covered, compatible } = cluster.containerInstances;
  return [
    messageNode(`${id}/no-issue`, 'No issue reported for the cluster', 'info', {
      description: compatible ? `${covered}/${compatible} container instances covered` : undefined,
      tooltipMarkdown:
        'GuardDuty marks a cluster unhealthy when one of its EC2 container instances has no healthy agent; the reason is then reported on the instance. Look at the EC2 instances of this cluster in the Runtime coverage tab of the GuardDuty console.',
    }),
  ];
}

function clusterTooltip(cluster: ClusterCoverage, foreignAccount: boolean): string {
  const { covered, compatible } = cluster.containerInstances;
  const lines = [
    `**${escapeMarkdown(cluster.clusterName)}** · ${cluster.coverageStatus}`,
    '',
    `Account: ${cluster.accountId}${foreignAccount ? '' : ' (yours, as far as ECS Guard can tell)'}  `,
    `Agent management: ${cluster.managementType ?? 'not reported'}  `,
    `Container instances covered: ${covered}/${compatible}${compatible === 0 ? ' (no EC2 container instances: Fargate only)' : ''}  `,
    `Updated: ${cluster.updatedAt ? formatUtc(cluster.updatedAt) : 'not reported'}`,
  ];
  for (const issue of cluster.issues) {
    lines.push('', `**Issue:** ${escapeMarkdown(issue.title)}`, '', `> ${escapeMarkdown(issue.text)}`);
  }
  return lines.join('\n');
}

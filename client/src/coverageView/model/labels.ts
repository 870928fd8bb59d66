import type { IssueKind } from '../../coverage';

/**
 * Tree labels must stay readable in the default 300 px side bar, where an issue row (three levels deep)
 * shows about 32 characters. These are the issue cases' labels there; the case's full title heads the
 * tooltip, and the CLI and notifications keep using it.
 */
export const MAX_ISSUE_LABEL_LENGTH = 32;

export const ISSUE_LABELS: Readonly<Record<IssueKind, string>> = {
  'agent-not-reporting': 'Agent not reporting',
  'agent-vpc-issue': 'Agent not reporting: VPC',
  'agent-exited': 'Agent exited',
  'agent-image-pull-failed': 'Agent image not pulled',
  'vpc-endpoint-creation-failed': 'VPC endpoint not created',
  'unsupported-invocation': 'Started by unsupported service',
  'unsupported-cpu-architecture': 'Unsupported CPU architecture',
  'task-execution-role-missing': 'Task execution role missing',
  'network-configuration-missing': 'Network configuration missing',
  'excluded-by-tag-tasks': 'Tasks excluded by tag',
  'excluded-by-tag-services': 'Services excluded by tag',
  'tasks-before-agent-automation': 'Tasks predate agent automation',
  'services-before-agent-automation': 'Services predate automation',
  'service-needs-new-deployment': 'Service needs new deployment',
  'tasks-need-relaunch': 'Tasks need a relaunch',
  'old-task-arn-format': 'Old taskArn format',
  unidentified: 'Unidentified issue',
  unrecognized: 'Issue not recognised',
};

/**
 * A cluster's description: only what differs from the usual case, so the name keeps its room. The agent's
 * management type when it is not automatic, and the account when it is not the caller's.
 */
export function clusterDescription(managementType: string | null, foreignAccount: string | undefined): string | undefined {
  const management = managementType === 'MANUAL' ? 'manual agent' : managementType === 'DISABLED' ? 'agent off' : undefined;
  return [management, foreignAccount].filter(Boolean).join(' · ') || undefined;
}

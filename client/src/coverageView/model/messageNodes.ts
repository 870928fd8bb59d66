import { CONTEXT_VALUES } from '../ids';
import { CoverageIconId, CoverageTreeNode, NodeCommand } from './treeNode';

/** A leaf that says something instead of showing data: untrusted workspace, no clusters, no match. */
export function messageNode(id: string, label: string, icon: CoverageIconId, extra: { description?: string; tooltipMarkdown?: string; command?: NodeCommand } = {}): CoverageTreeNode {
  return { id, label, icon, contextValue: CONTEXT_VALUES.message, collapsible: 'none', children: [], ...extra };
}

export const UNTRUSTED_MESSAGE = 'Trust this workspace to load GuardDuty coverage';

/** The only node of an untrusted workspace: no AWS call is made until trust is granted. */
export function untrustedWorkspaceNode(): CoverageTreeNode {
  return messageNode('message/untrusted', UNTRUSTED_MESSAGE, 'workspace-untrusted', {
    description: 'no AWS calls are made',
    tooltipMarkdown:
      'ECS Guard makes no AWS calls in a workspace you have not trusted: a workspace could otherwise choose the profile your credentials are used with.\n\nTrust the workspace to load the coverage of your ECS clusters.',
    command: { command: 'workbench.trust.manage', title: 'Manage Workspace Trust' },
  });
}

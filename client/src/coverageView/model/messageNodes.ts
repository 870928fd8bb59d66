import { CONTEXT_VALUES } from '../ids';
import { CoverageIconId, CoverageTreeNode, NodeCommand } from './treeNode';

/** A leaf that says something instead of showing data: no clusters, no match. */
export function messageNode(id: string, label: string, icon: CoverageIconId, extra: { description?: string; tooltipMarkdown?: string; command?: NodeCommand } = {}): CoverageTreeNode {
  return { id, label, icon, contextValue: CONTEXT_VALUES.message, collapsible: 'none', children: [], ...extra };
}

import { CoverageTreeInput } from '../../../client/src/coverageView/model/coverageTreeModel';
import { CoverageTreeNode } from '../../../client/src/coverageView/model/treeNode';

/** A trusted tree input with no filter, default sort and no workspace task definitions, plus changes. */
export function treeInput(change: Partial<CoverageTreeInput> = {}): CoverageTreeInput {
  return {
    trusted: true,
    regions: [],
    snapshot: undefined,
    refreshing: false,
    filter: {},
    sort: 'status',
    connection: {},
    taskDefinitions: new Map(),
    ...change,
  };
}

/** The node at a path of labels, failing loudly when one is missing. */
export function nodeAt(roots: readonly CoverageTreeNode[], ...labels: string[]): CoverageTreeNode {
  let nodes = roots;
  let found: CoverageTreeNode | undefined;
  for (const label of labels) {
    found = nodes.find((node) => node.label === label);
    if (!found) throw new Error(`no node "${label}" among ${JSON.stringify(nodes.map((node) => node.label))}`);
    nodes = found.children;
  }
  if (!found) throw new Error('no label given');
  return found;
}

export const labels = (nodes: readonly CoverageTreeNode[]) => nodes.map((node) => node.label);

/** Every id in the tree, depth first. */
export function allIds(nodes: readonly CoverageTreeNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...allIds(node.children)]);
}

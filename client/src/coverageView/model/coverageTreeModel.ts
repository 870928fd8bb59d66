import type { ClusterFilter, ClusterSort, RegionCoverage } from '../../coverage';
import { pendingRegionNode, regionNode } from './regionNodes';
import { CommandConnection, CoverageTreeNode, TaskDefinitionLocation } from './treeNode';

/** Everything the coverage tree shows, gathered by the session; the tree is a pure function of it. */
export interface CoverageTreeInput {
  /** Workspace trust: no AWS call, and no node (the welcome view explains), until it is granted. */
  readonly trusted: boolean;
  /** The regions to show, in the order the user chose them. */
  readonly regions: readonly string[];
  /** The last refresh that completed; undefined before the first. */
  readonly snapshot: readonly RegionCoverage[] | undefined;
  readonly refreshing: boolean;
  readonly filter: ClusterFilter;
  readonly sort: ClusterSort;
  /** How the data was loaded, so "Copy as AWS CLI command" asks the same profile and endpoint, for the user's shell. */
  readonly connection: CommandConnection;
  /** Workspace files defining task definition families, by family. */
  readonly taskDefinitions: ReadonlyMap<string, TaskDefinitionLocation>;
}

/**
 * The root nodes: one per chosen region. An untrusted workspace or no region gives no node, so that VS Code
 * shows the view's welcome content for that case (trust the workspace; pick regions).
 */
export function buildCoverageTree(input: CoverageTreeInput): CoverageTreeNode[] {
  if (!input.trusted) return [];
  const loaded = new Map((input.snapshot ?? []).map((region) => [region.region, region]));
  return input.regions.map((name) => {
    const region = loaded.get(name);
    return region ? regionNode(region, input) : pendingRegionNode(name, input.refreshing);
  });
}

import * as vscode from 'vscode';
import { COMMANDS, CoverageCommandId, SETTINGS } from '../ids';
import { CoverageTreeNode } from '../model/treeNode';
import { readAwsProfiles } from '../profiles/awsProfiles';
import { CoverageViewSession } from './coverageViewSession';
import { inputClusterName, pickAccount, pickProfile, pickRegions, pickSort } from './pickers';
import { updateCoverageSetting } from './readCoverageSettings';

/** Menu actions on a node receive the node; from the palette or the title bar they receive nothing. */
type NodeArgument = CoverageTreeNode | undefined;

export type CoverageCommandHandlers = Record<CoverageCommandId, (node: NodeArgument) => unknown>;

/**
 * What each coverage command does. The commands are registered at activation, before this bundle is
 * loaded (see lazyCoverageView), and call these once it is.
 */
export function coverageCommandHandlers(session: CoverageViewSession): CoverageCommandHandlers {
  return {
    [COMMANDS.refresh]: () => session.refresh(),
    [COMMANDS.cancelRefresh]: () => session.cancelRefresh(),
    [COMMANDS.pickRegions]: async () => {
      const regions = await pickRegions(session.settings.regions);
      if (regions) await updateCoverageSetting(SETTINGS.regions, regions);
    },
    [COMMANDS.pickProfile]: async () => {
      const choice = await pickProfile(await readAwsProfiles(), session.settings.profile);
      // "" is the default chain; removing the value instead could let a lower-level profile show through.
      if (choice) await updateCoverageSetting(SETTINGS.profile, choice.profile ?? '');
    },
    [COMMANDS.showUnhealthyOnly]: () => session.setFilter({ unhealthyOnly: true }),
    [COMMANDS.showAllStatuses]: () => session.setFilter({ unhealthyOnly: false }),
    [COMMANDS.filterByClusterName]: async () => {
      const text = await inputClusterName(session.clusterFilter.clusterNameContains);
      if (text !== undefined) session.setFilter({ clusterNameContains: text });
    },
    [COMMANDS.filterByAccount]: async (node) => {
      const accountId = node?.accountId ?? (await pickAccount(session.accounts(), session.clusterFilter.accountId));
      if (accountId) session.setFilter({ accountId });
    },
    [COMMANDS.clearFilters]: () => session.clearFilters(),
    [COMMANDS.sortBy]: async () => {
      const sort = await pickSort(session.clusterSort);
      if (sort) session.setSort(sort);
    },
    [COMMANDS.copyAwsCliCommand]: async (node) => {
      if (!node?.awsCliCommand) return;
      await vscode.env.clipboard.writeText(node.awsCliCommand);
      vscode.window.setStatusBarMessage('$(copy) AWS CLI command copied', 3000);
    },
    [COMMANDS.openTaskDefinition]: async (node) => {
      const location = node?.taskDefinition;
      if (!location) return;
      const position = new vscode.Position(location.line, 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: new vscode.Range(position, position) });
    },
  };
}

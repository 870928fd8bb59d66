import * as vscode from 'vscode';
import { COMMANDS, CoverageCommandId, SETTINGS } from '../ids';
import { CoverageTreeNode } from '../model/treeNode';
import { readAwsProfiles } from '../profiles/awsProfiles';
import { CoverageViewSession } from './coverageViewSession';
import { inputClusterName, pickAccount, pickProfile, pickRegions, pickSort } from './pickers';
import { updateCoverageSetting } from './readCoverageSettings';

/** Menu actions on a node receive the node; from the palette or the title bar they receive nothing. */
type NodeArgument = CoverageTreeNode | undefined;

export function registerCoverageCommands(session: CoverageViewSession): vscode.Disposable[] {
  const register = (id: CoverageCommandId, run: (node: NodeArgument) => unknown) => vscode.commands.registerCommand(id, run);
  return [
    register(COMMANDS.refresh, () => session.refresh()),
    register(COMMANDS.cancelRefresh, () => session.cancelRefresh()),
    register(COMMANDS.pickRegions, async () => {
      const regions = await pickRegions(session.settings.regions);
      if (regions) await updateCoverageSetting(SETTINGS.regions, regions);
    }),
    register(COMMANDS.pickProfile, async () => {
      const choice = await pickProfile(await readAwsProfiles(), session.settings.profile);
      // "" is the default chain; removing the value instead could let a lower-level profile show through.
      if (choice) await updateCoverageSetting(SETTINGS.profile, choice.profile ?? '');
    }),
    register(COMMANDS.showUnhealthyOnly, () => session.setFilter({ unhealthyOnly: true })),
    register(COMMANDS.showAllStatuses, () => session.setFilter({ unhealthyOnly: false })),
    register(COMMANDS.filterByClusterName, async () => {
      const text = await inputClusterName(session.clusterFilter.clusterNameContains);
      if (text !== undefined) session.setFilter({ clusterNameContains: text });
    }),
    register(COMMANDS.filterByAccount, async (node) => {
      const accountId = node?.accountId ?? (await pickAccount(session.accounts(), session.clusterFilter.accountId));
      if (accountId) session.setFilter({ accountId });
    }),
    register(COMMANDS.clearFilters, () => session.clearFilters()),
    register(COMMANDS.sortBy, async () => {
      const sort = await pickSort(session.clusterSort);
      if (sort) session.setSort(sort);
    }),
    register(COMMANDS.copyAwsCliCommand, async (node) => {
      if (!node?.awsCliCommand) return;
      await vscode.env.clipboard.writeText(node.awsCliCommand);
      vscode.window.setStatusBarMessage('$(copy) AWS CLI command copied', 3000);
    }),
    register(COMMANDS.openTaskDefinition, async (node) => {
      const location = node?.taskDefinition;
      if (!location) return;
      const position = new vscode.Position(location.line, 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: new vscode.Range(position, position) });
    }),
  ];
}

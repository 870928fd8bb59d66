import * as vscode from 'vscode';
import { SETTINGS_SECTION } from './ids';
import { CoverageTreeNode } from './model/treeNode';
import { watchAwsFiles } from './vscode/awsFileWatcher';
import { CoverageCommandHandlers, coverageCommandHandlers } from './vscode/coverageViewCommands';
import { CoverageViewSession } from './vscode/coverageViewSession';

/** What the coverage bundle hands back to the activation code that loaded it. */
export interface LoadedCoverageView {
  readonly session: CoverageViewSession;
  readonly commands: CoverageCommandHandlers;
}

/**
 * The entry point of the coverage bundle (dist/client/coverageView.js), loaded the first time the view or
 * its status-bar item is needed: the session with its status-bar item, and the listeners that keep them
 * current. `view` was created at activation. Everything is disposed with the extension.
 */
export function registerCoverageView(context: Pick<vscode.ExtensionContext, 'subscriptions' | 'workspaceState'>, view: vscode.TreeView<CoverageTreeNode>): LoadedCoverageView {
  const session = new CoverageViewSession(context.workspaceState, view);
  context.subscriptions.push(
    session,
    watchAwsFiles(() => session.onAwsFilesChanged()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) session.onSettingsChanged();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => session.onTrustGranted()),
  );
  session.start();
  return { session, commands: coverageCommandHandlers(session) };
}

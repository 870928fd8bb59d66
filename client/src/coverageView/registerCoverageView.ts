import * as vscode from 'vscode';
import { SETTINGS_SECTION } from './ids';
import { watchAwsFiles } from './vscode/awsFileWatcher';
import { registerCoverageCommands } from './vscode/coverageViewCommands';
import { CoverageViewSession } from './vscode/coverageViewSession';

/**
 * The GuardDuty coverage view: tree, commands, status-bar item and the listeners that keep them current.
 * Everything it creates is disposed with the extension. Returns the session for tests.
 */
export function registerCoverageView(context: vscode.ExtensionContext): CoverageViewSession {
  const session = new CoverageViewSession(context.workspaceState);
  context.subscriptions.push(
    session,
    ...registerCoverageCommands(session),
    watchAwsFiles(() => session.onAwsFilesChanged()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) session.onSettingsChanged();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => session.onTrustGranted()),
  );
  session.start();
  return session;
}

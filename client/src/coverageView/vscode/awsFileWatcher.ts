import * as path from 'node:path';
import * as vscode from 'vscode';
import { awsProfileFiles } from '../profiles/awsProfiles';

/**
 * Calls `onChange` when the shared config or credentials file is created, changed or deleted (new keys,
 * a new profile), so the view re-reads them without a manual refresh. The files are usually outside the
 * workspace, hence one watcher per file on its folder.
 */
export function watchAwsFiles(onChange: () => void): vscode.Disposable {
  const files = awsProfileFiles();
  const disposables: vscode.Disposable[] = [];
  for (const file of [files.configFile, files.credentialsFile]) {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
    disposables.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
  }
  return vscode.Disposable.from(...disposables);
}

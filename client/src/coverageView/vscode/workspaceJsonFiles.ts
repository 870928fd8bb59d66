import * as vscode from 'vscode';
import { WorkspaceJsonFile, WorkspaceJsonFiles } from '../taskDefinitions/taskDefinitionIndex';

/** Folders that hold generated or third-party JSON, never a team's own task definitions. */
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/.terraform/**}';
/** Files listed at most; the search then reads only the most promising of them. */
const MAX_FILES_LISTED = 5000;
/** Task definitions are small; a bigger JSON file is data, not worth reading. */
const MAX_FILE_BYTES = 512 * 1024;

/** The workspace's *.json files through VS Code's file system (works for remote workspaces too). */
export const workspaceJsonFiles: WorkspaceJsonFiles = {
  async list(): Promise<WorkspaceJsonFile[]> {
    const uris = await vscode.workspace.findFiles('**/*.json', EXCLUDE, MAX_FILES_LISTED);
    return uris.map((uri) => ({ uri: uri.toString(), displayPath: vscode.workspace.asRelativePath(uri) }));
  },
  async read(uri: string): Promise<string | undefined> {
    try {
      const parsed = vscode.Uri.parse(uri);
      if ((await vscode.workspace.fs.stat(parsed)).size > MAX_FILE_BYTES) return undefined;
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(parsed));
    } catch {
      return undefined;
    }
  },
};

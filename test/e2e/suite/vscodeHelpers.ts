// Helpers for the extension-host suite: the examples folder, ECS Guard's diagnostics, and polling
// with a time-out instead of fixed sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'ecs-guard.ecs-guard';
const SOURCE = 'ecs-guard';

export function exampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples folder is open as the workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(exampleUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Leaves the window as the harness expects to find it: no editors, nothing dirty, nothing to confirm. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isUntitled && !document.isClosed) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

export function targetOf(diagnostic: vscode.Diagnostic): vscode.Uri | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined;
}

export function ecsGuardDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

/** Polls (no fixed sleep) until ECS Guard's diagnostics for `uri` satisfy `done`, and returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, done: (codes: string[]) => boolean): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  await waitFor(
    () => {
      last = ecsGuardDiagnostics(uri);
      return done(last.map((diagnostic) => codeOf(diagnostic) ?? ''));
    },
    () => `diagnostics on ${uri.toString()}; last seen: ${JSON.stringify(last.map(codeOf))}`,
  );
  return last;
}

export async function waitFor(condition: () => boolean, what: string | (() => string), timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

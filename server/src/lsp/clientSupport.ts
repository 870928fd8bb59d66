import { ClientCapabilities } from 'vscode-languageserver/node';
import type { InitializationOptions } from '../engine/protocol';

/** What the server may ask of this client; asking for anything else fails or, for folder events, throws. */
export interface ClientSupport {
  /** Settings are asked for with `workspace/configuration`; otherwise they come with `didChangeConfiguration`. */
  readonly pullSettings: boolean;
  /** Register for `ecsGuard` setting changes, so a pulling client announces them. */
  readonly registerSettingsChanges: boolean;
  /** Register a `.ecs-guard.json` file watcher: editors other than VS Code watch only what the server asks for. */
  readonly registerConfigFileWatcher: boolean;
  readonly workspaceFolderEvents: boolean;
  /** Workspace edits may create files: needed to disable a rule when there is no config file yet. */
  readonly createFiles: boolean;
  /**
   * Code actions may go out without their edit, computed in `codeAction/resolve` once one is chosen. Needs
   * `data` kept between the two requests too: it says which edit to compute.
   */
  readonly resolveCodeActionEdits: boolean;
  /** The hover explains the findings under the cursor: not when the client shows them in its own hover. */
  readonly findingsInHover: boolean;
}

export function clientSupport(capabilities: ClientCapabilities, initializationOptions?: unknown): ClientSupport {
  const options = (typeof initializationOptions === 'object' && initializationOptions !== null ? initializationOptions : {}) as InitializationOptions;
  const workspace = capabilities.workspace;
  const pullSettings = workspace?.configuration === true;
  const codeAction = capabilities.textDocument?.codeAction;
  return {
    pullSettings,
    registerSettingsChanges: pullSettings && workspace?.didChangeConfiguration?.dynamicRegistration === true,
    registerConfigFileWatcher: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolderEvents: workspace?.workspaceFolders === true,
    createFiles: workspace?.workspaceEdit?.documentChanges === true && (workspace.workspaceEdit.resourceOperations ?? []).includes('create'),
    resolveCodeActionEdits: codeAction?.dataSupport === true && (codeAction.resolveSupport?.properties ?? []).includes('edit'),
    findingsInHover: options.diagnosticsInHover !== true,
  };
}

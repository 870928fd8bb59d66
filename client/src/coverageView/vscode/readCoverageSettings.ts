import * as vscode from 'vscode';
import { SETTINGS, SETTINGS_SECTION } from '../ids';
import { CoverageSettings, normalizeCoverageSettings } from '../settings/coverageSettings';

/**
 * The coverage settings. The endpoint override and `useConfiguredEndpointUrls` are taken from the user's
 * own settings only (globalValue), never from a workspace or folder: a cloned repository must not be able
 * to send requests signed with the user's credentials to a server of its choosing.
 */
export function readCoverageSettings(): CoverageSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return normalizeCoverageSettings({
    regions: config.get<unknown>(SETTINGS.regions),
    profile: config.get<unknown>(SETTINGS.profile),
    refreshIntervalMinutes: config.get<unknown>(SETTINGS.refreshIntervalMinutes),
    endpointUrl: config.inspect<unknown>(SETTINGS.endpointUrl)?.globalValue,
    useConfiguredEndpointUrls: config.inspect<unknown>(SETTINGS.useConfiguredEndpointUrls)?.globalValue,
  });
}

/** Writes where the value currently comes from: the workspace when it sets one, else the user settings. */
export async function updateCoverageSetting(key: typeof SETTINGS.regions | typeof SETTINGS.profile, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const inspected = config.inspect(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}

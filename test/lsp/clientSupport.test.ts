import * as assert from 'node:assert/strict';
import { clientSupport } from '../../server/src/lsp/clientSupport';

describe('clientSupport', () => {
  it('asks nothing of a client that announces nothing', () => {
    assert.deepEqual(clientSupport({}), { pullSettings: false, registerSettingsChanges: false, registerConfigFileWatcher: false, workspaceFolderEvents: false });
  });

  it('asks VS Code-like clients for everything the server uses', () => {
    const support = clientSupport({
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
    });
    assert.deepEqual(support, { pullSettings: true, registerSettingsChanges: true, registerConfigFileWatcher: true, workspaceFolderEvents: true });
  });

  it('registers for setting changes only when the client can both be asked for settings and register dynamically', () => {
    assert.equal(clientSupport({ workspace: { configuration: true } }).registerSettingsChanges, false);
    assert.equal(clientSupport({ workspace: { didChangeConfiguration: { dynamicRegistration: true } } }).registerSettingsChanges, false);
  });
});

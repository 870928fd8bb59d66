import * as assert from 'node:assert/strict';
import { CodeActionClientCapabilities } from 'vscode-languageserver/node';
import { clientSupport } from '../../server/src/lsp/clientSupport';

describe('clientSupport', () => {
  it('asks nothing of a client that announces nothing', () => {
    assert.deepEqual(clientSupport({}), {
      pullSettings: false,
      registerSettingsChanges: false,
      registerConfigFileWatcher: false,
      workspaceFolderEvents: false,
      createFiles: false,
      resolveCodeActionEdits: false,
      findingsInHover: true,
    });
  });

  it('leaves findings out of the hover only for a client that says it shows diagnostics in hovers', () => {
    assert.equal(clientSupport({}, { diagnosticsInHover: true }).findingsInHover, false);
    assert.equal(clientSupport({}, { diagnosticsInHover: false }).findingsInHover, true);
    assert.equal(clientSupport({}, 'nonsense').findingsInHover, true);
    assert.equal(clientSupport({}, null).findingsInHover, true);
  });

  it('asks VS Code-like clients for everything the server uses', () => {
    const support = clientSupport({
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      },
      textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } },
    });
    assert.deepEqual(support, {
      pullSettings: true,
      registerSettingsChanges: true,
      registerConfigFileWatcher: true,
      workspaceFolderEvents: true,
      createFiles: true,
      resolveCodeActionEdits: true,
      findingsInHover: true,
    });
  });

  it('registers for setting changes only when the client can both be asked for settings and register dynamically', () => {
    assert.equal(clientSupport({ workspace: { configuration: true } }).registerSettingsChanges, false);
    assert.equal(clientSupport({ workspace: { didChangeConfiguration: { dynamicRegistration: true } } }).registerSettingsChanges, false);
  });

  it('creates files only when workspace edits carry resource operations, create among them', () => {
    assert.equal(clientSupport({ workspace: { workspaceEdit: { documentChanges: true } } }).createFiles, false);
    assert.equal(clientSupport({ workspace: { workspaceEdit: { resourceOperations: ['create'] } } }).createFiles, false);
    assert.equal(clientSupport({ workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['rename'] } } }).createFiles, false);
  });

  it('defers code action edits only when the client resolves the edit and keeps data until then', () => {
    const can = (codeAction: CodeActionClientCapabilities) => clientSupport({ textDocument: { codeAction } }).resolveCodeActionEdits;
    assert.equal(can({ dataSupport: true, resolveSupport: { properties: ['edit'] } }), true);
    assert.equal(can({ dataSupport: true, resolveSupport: { properties: ['command'] } }), false);
    assert.equal(can({ resolveSupport: { properties: ['edit'] } }), false);
    assert.equal(can({ dataSupport: true }), false);
  });
});

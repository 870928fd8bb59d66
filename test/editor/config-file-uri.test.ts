import * as assert from 'node:assert/strict';
import { WorkspaceConfigs } from '../../server/src/lsp/workspaceConfig';

describe('the config file a "disable" action edits', () => {
  const configs = new WorkspaceConfigs(
    async () => undefined,
    () => undefined,
  );
  configs.setFolders(['file:///work/shop', 'file:///work/shop/services/api']);

  it('is the .ecs-guard.json of the innermost workspace folder holding the document', () => {
    assert.equal(configs.configFileUriFor('file:///work/shop/deploy/web.json'), 'file:///work/shop/.ecs-guard.json');
    assert.equal(configs.configFileUriFor('file:///work/shop/services/api/task.json'), 'file:///work/shop/services/api/.ecs-guard.json');
  });

  it('does not exist outside the workspace folders or for unsaved documents', () => {
    assert.equal(configs.configFileUriFor('file:///work/other/task.json'), undefined);
    assert.equal(configs.configFileUriFor('untitled:Untitled-1'), undefined);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { ClientSettings, problemsNotice, WorkspaceConfigs } from '../../server/src/lsp/workspaceConfig';

describe('WorkspaceConfigs', () => {
  let folder: string;
  let settings: ClientSettings | undefined;
  let problems: string[];
  let configs: WorkspaceConfigs;
  let settingsAskedFor: string[];

  const uriOf = (fsPath: string): string => URI.file(fsPath).toString();
  const documentIn = (relativePath: string): string => uriOf(path.join(folder, relativePath));
  const writeConfig = (value: unknown, inFolder = folder): void => fs.writeFileSync(path.join(inFolder, '.ecs-guard.json'), typeof value === 'string' ? value : JSON.stringify(value));

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-config-'));
    settings = undefined;
    problems = [];
    settingsAskedFor = [];
    configs = new WorkspaceConfigs(
      async (uri) => {
        settingsAskedFor.push(uri);
        return settings;
      },
      (found) => problems.push(...found),
    );
    configs.setFolders([uriOf(folder)]);
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('without settings or a file: every rule at its default, decided by content, enabled', async () => {
    assert.deepEqual(await configs.forDocument(documentIn('task.json')), {
      enabled: true,
      config: { rules: {}, include: [], ignore: [], requiredTagKeys: [] },
      selection: 'by-content',
    });
    assert.deepEqual(problems, []);
  });

  it('asks for the settings of the document being configured', async () => {
    await configs.forDocument(documentIn('deploy/task.json'));
    assert.deepEqual(settingsAskedFor, [documentIn('deploy/task.json')]);
  });

  it("merges the folder's .ecs-guard.json over the settings, rule by rule, with the globs of both", async () => {
    settings = { rules: { 'privileged-container': 'info', 'json-syntax': 'warning' }, include: ['deploy/**'] };
    writeConfig({ rules: { 'privileged-container': 'error' }, include: ['services/**'], ignore: ['services/legacy/**'] });
    const { config } = await configs.forDocument(documentIn('deploy/task.json'));
    assert.deepEqual(config, {
      rules: { 'privileged-container': 'error', 'json-syntax': 'warning' },
      include: ['deploy/**', 'services/**'],
      ignore: ['services/legacy/**'],
      requiredTagKeys: [],
    });
  });

  it('selects files by the globs, relative to the workspace folder', async () => {
    settings = { include: ['deploy/**'] };
    writeConfig({ ignore: ['deploy/legacy/**'] });
    assert.equal((await configs.forDocument(documentIn('deploy/web.json'))).selection, 'included');
    assert.equal((await configs.forDocument(documentIn('deploy/legacy/web.json'))).selection, 'ignored');
    assert.equal((await configs.forDocument(documentIn('package.json'))).selection, 'ignored');
  });

  it('decides by content, with the settings alone, for documents outside every folder or not on disk', async () => {
    settings = { rules: { 'privileged-container': 'off' }, include: ['deploy/**'] };
    writeConfig({ rules: { 'privileged-container': 'error' } });
    const elsewhere = uriOf(path.join(os.tmpdir(), 'elsewhere', 'task.json'));
    const sibling = uriOf(`${folder}-sibling/deploy/task.json`);
    for (const uri of [elsewhere, sibling, 'untitled:Untitled-1']) {
      const { config, selection } = await configs.forDocument(uri);
      assert.equal(selection, 'by-content', uri);
      assert.deepEqual(config.rules, { 'privileged-container': 'off' }, uri);
    }
  });

  it('uses the innermost workspace folder that holds the document', async () => {
    const inner = path.join(folder, 'services', 'web');
    fs.mkdirSync(inner, { recursive: true });
    writeConfig({ rules: { 'privileged-container': 'info' } });
    writeConfig({ rules: { 'privileged-container': 'error' }, include: ['deploy/**'] }, inner);
    configs.setFolders([uriOf(folder), uriOf(inner)]);
    const { config, selection } = await configs.forDocument(uriOf(path.join(inner, 'deploy', 'task.json')));
    assert.deepEqual(config.rules, { 'privileged-container': 'error' });
    assert.equal(selection, 'included', 'the path is relative to the inner folder');
    assert.deepEqual((await configs.forDocument(documentIn('task.json'))).config.rules, { 'privileged-container': 'info' });
  });

  it('accepts a folder URI with a trailing slash', async () => {
    writeConfig({ rules: { 'privileged-container': 'error' }, include: ['deploy/**'] });
    configs.setFolders([`${uriOf(folder)}/`]);
    const { config, selection } = await configs.forDocument(documentIn('deploy/task.json'));
    assert.deepEqual(config.rules, { 'privileged-container': 'error' });
    assert.equal(selection, 'included');
  });

  it('ignores folders that are not on disk', async () => {
    configs.setFolders(['vscode-vfs://github/ecs-guard/ecs-guard', uriOf(folder)]);
    writeConfig({ rules: { 'privileged-container': 'error' } });
    assert.deepEqual((await configs.forDocument(documentIn('task.json'))).config.rules, { 'privileged-container': 'error' });
    assert.equal((await configs.forDocument('vscode-vfs://github/ecs-guard/ecs-guard/task.json')).selection, 'by-content');
  });

  it('is disabled only by enable: false', async () => {
    for (const [enable, enabled] of [
      [false, false],
      [true, true],
      [undefined, true],
    ] as const) {
      settings = { enable };
      configs.invalidate();
      assert.equal((await configs.forDocument(documentIn('task.json'))).enabled, enabled, String(enable));
    }
  });

  it('keeps reading the file it cached until invalidate()', async () => {
    writeConfig({ rules: { 'privileged-container': 'error' } });
    const uri = documentIn('task.json');
    assert.deepEqual((await configs.forDocument(uri)).config.rules, { 'privileged-container': 'error' });
    writeConfig({ rules: { 'privileged-container': 'off' } });
    assert.deepEqual((await configs.forDocument(uri)).config.rules, { 'privileged-container': 'error' });
    configs.invalidate();
    assert.deepEqual((await configs.forDocument(uri)).config.rules, { 'privileged-container': 'off' });
    fs.rmSync(path.join(folder, '.ecs-guard.json'));
    configs.invalidate();
    assert.deepEqual((await configs.forDocument(uri)).config.rules, {});
  });

  it('asks for the settings once per document, and again after a change is announced (didChangeConfiguration)', async () => {
    const uri = documentIn('task.json');
    let requests = 0;
    const counting = new WorkspaceConfigs(
      async () => {
        requests++;
        return settings;
      },
      () => undefined,
    );
    counting.setFolders([uriOf(folder)]);
    settings = { rules: { 'privileged-container': 'off' } };
    assert.deepEqual((await counting.forDocument(uri)).config.rules, { 'privileged-container': 'off' });
    settings = { rules: { 'privileged-container': 'error' } };
    assert.deepEqual((await counting.forDocument(uri)).config.rules, { 'privileged-container': 'off' });
    assert.equal(requests, 1);
    counting.invalidate();
    assert.deepEqual((await counting.forDocument(uri)).config.rules, { 'privileged-container': 'error' });
    counting.forget(uri);
    await counting.forDocument(uri);
    assert.equal(requests, 3);
  });

  it('reports each problem of the file and the settings once, until invalidate()', async () => {
    settings = { rules: { 'no-such-rule': 'off' } };
    writeConfig('{ "rules": ');
    await configs.forDocument(documentIn('a.json'));
    await configs.forDocument(documentIn('b.json'));
    assert.deepEqual(problems, ['ecsGuard settings: unknown rule "no-such-rule".', '.ecs-guard.json is not valid JSON (at offset 11); it is ignored.']);
    configs.invalidate();
    await configs.forDocument(documentIn('a.json'));
    assert.equal(problems.length, 4);
  });

  it('applies the valid parts of settings with problems', async () => {
    settings = { rules: { 'privileged-container': 'error', 'json-syntax': 'loud' }, include: 'deploy/**' };
    const { config } = await configs.forDocument(documentIn('task.json'));
    assert.deepEqual(config, { rules: { 'privileged-container': 'error' }, include: [], ignore: [], requiredTagKeys: [] });
    assert.deepEqual(problems, [
      'ecsGuard settings: rule "json-syntax" has severity "loud"; use "off", "info", "warning" or "error".',
      'ecsGuard settings: "include" must be an array of glob strings.',
    ]);
  });

  it('keeps linting when a setting holds an empty glob, as the settings editor adds one', async () => {
    settings = { include: ['deploy/**', ''] };
    assert.equal((await configs.forDocument(documentIn('deploy/task.json'))).selection, 'included');
    assert.deepEqual(problems, ['ecsGuard settings: "include" has an empty glob; it is ignored.']);
  });

  it('treats null settings (a client that does not know the section) as none', async () => {
    configs = new WorkspaceConfigs(
      async () => null as unknown as ClientSettings,
      (found) => problems.push(...found),
    );
    assert.deepEqual((await configs.forDocument('untitled:Untitled-1')).config, { rules: {}, include: [], ignore: [], requiredTagKeys: [] });
    assert.deepEqual(problems, []);
  });

  it('reports a .ecs-guard.json that is a folder, and applies the settings', async () => {
    fs.mkdirSync(path.join(folder, '.ecs-guard.json'));
    settings = { rules: { 'privileged-container': 'off' } };
    assert.deepEqual((await configs.forDocument(documentIn('task.json'))).config.rules, { 'privileged-container': 'off' });
    assert.match(problems[0], /\.ecs-guard\.json is not a file; it is ignored\.$/);
  });

  it('follows workspace folders as they are added and removed', async () => {
    const added = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-added-'));
    try {
      writeConfig({ rules: { 'privileged-container': 'error' } }, added);
      const uri = uriOf(path.join(added, 'task.json'));
      assert.deepEqual((await configs.forDocument(uri)).config.rules, {});
      configs.changeFolders([uriOf(added)], []);
      assert.deepEqual((await configs.forDocument(uri)).config.rules, { 'privileged-container': 'error' });
      configs.changeFolders([], [uriOf(added)]);
      assert.deepEqual((await configs.forDocument(uri)).config.rules, {});
      writeConfig({ include: ['deploy/**'] });
      assert.equal((await configs.forDocument(documentIn('task.json'))).selection, 'ignored', 'the first folder stays');
    } finally {
      fs.rmSync(added, { recursive: true, force: true });
    }
  });

  it('reports the problems of one source in one call, once until something changes', async () => {
    const reports: (readonly string[])[] = [];
    const counting = new WorkspaceConfigs(
      async () => ({ rules: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`nope-${i}`, 'off'])) }),
      (found) => reports.push(found),
    );
    await counting.forDocument('untitled:Untitled-1');
    await counting.forDocument('untitled:Untitled-2');
    assert.equal(reports.length, 1);
    assert.equal(reports[0].length, 5000);
  });

  it('summarises many problems in one notice, and keeps a few as they are', () => {
    assert.equal(problemsNotice(['one.', 'two.']), 'one. two.');
    assert.equal(problemsNotice(['a.', 'b.', 'c.', 'd.', 'e.']), '5 configuration problems: a. b. c. …and 2 more (all listed in the ECS Guard output).');
  });
});

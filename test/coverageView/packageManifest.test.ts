import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, CONTEXT_KEYS, CONTEXT_VALUES, SETTINGS, SETTINGS_SECTION, VIEW_CONTAINER_ID, VIEW_ID } from '../../client/src/coverageView/ids';

const ROOT = path.join(__dirname, '..', '..');

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}

interface Manifest {
  readonly activationEvents: string[];
  readonly capabilities: { readonly untrustedWorkspaces: { readonly supported: string; readonly description: string; readonly restrictedConfigurations: string[] } };
  readonly contributes: {
    readonly configuration: { readonly properties: Record<string, { readonly markdownDescription?: string; readonly scope?: string }> };
    readonly viewsContainers: { readonly activitybar: { readonly id: string; readonly title: string; readonly icon: string }[] };
    readonly views: Record<string, { readonly id: string; readonly name: string }[]>;
    readonly viewsWelcome: { readonly view: string; readonly contents: string; readonly when?: string }[];
    readonly commands: { readonly command: string; readonly title: string; readonly category?: string; readonly icon?: string }[];
    readonly menus: Record<string, MenuEntry[]>;
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const contributes = manifest.contributes;
const coverageSettings = Object.keys(contributes.configuration.properties).filter((key) => key.startsWith(`${SETTINGS_SECTION}.`));

describe('package.json contributions of the coverage view', () => {
  it('declares the ECS Guard activity-bar container with an icon, and the GuardDuty Coverage view in it', () => {
    const [container] = contributes.viewsContainers.activitybar.filter((entry) => entry.id === VIEW_CONTAINER_ID);
    assert.equal(container.title, 'ECS Guard');
    assert.ok(fs.existsSync(path.join(ROOT, container.icon)), container.icon);
    assert.ok(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').includes(`!${path.dirname(container.icon)}/*.svg`), 'the icon is packaged');
    assert.deepEqual(
      contributes.views[VIEW_CONTAINER_ID].map((view) => [view.id, view.name]),
      [[VIEW_ID, 'GuardDuty Coverage']],
    );
  });

  it('declares every command with the ECS Guard category and a codicon, and no coverage command it does not register', () => {
    const declared = new Map(contributes.commands.map((command) => [command.command, command]));
    for (const id of Object.values(COMMANDS)) {
      const command = declared.get(id);
      assert.ok(command, `${id} is declared`);
      assert.equal(command.category, 'ECS Guard', id);
      assert.match(command.icon ?? '', /^\$\([a-z-]+\)$/, id);
    }
    const registered = new Set<string>(Object.values(COMMANDS));
    for (const id of declared.keys()) if (id.startsWith('ecsGuard.coverage.')) assert.ok(registered.has(id), `${id} is registered`);
  });

  it('uses only declared commands, known context values and known context keys in menus', () => {
    const declared = new Set(contributes.commands.map((command) => command.command));
    const contextValues = new Set<string>(Object.values(CONTEXT_VALUES));
    const contextKeys = new Set<string>(Object.values(CONTEXT_KEYS));
    for (const [menu, entries] of Object.entries(contributes.menus)) {
      for (const entry of entries) {
        assert.ok(declared.has(entry.command), `${menu}: ${entry.command}`);
        const when = entry.when ?? '';
        for (const match of when.matchAll(/viewItem == (\w+)/g)) assert.ok(contextValues.has(match[1]), `${menu}: ${match[1]}`);
        for (const match of when.matchAll(/ecsGuard\.coverage\.\w+/g)) assert.ok(contextKeys.has(match[0]) || match[0] === VIEW_ID, `${menu}: ${match[0]}`);
        if (menu.startsWith('view/')) assert.ok(entry.command.startsWith('ecsGuard.coverage.') ? when.includes(`view == ${VIEW_ID}`) : true, `${menu}: ${entry.command} is scoped to the view`);
      }
    }
  });

  it('puts the node actions on the right nodes and keeps them out of the command palette', () => {
    const itemMenu = contributes.menus['view/item/context'];
    const open = itemMenu.find((entry) => entry.command === COMMANDS.openTaskDefinition && entry.group === 'inline');
    assert.match(open?.when ?? '', new RegExp(`viewItem == ${CONTEXT_VALUES.issueWithTaskDefinition}\\b`));
    const copy = itemMenu.find((entry) => entry.command === COMMANDS.copyAwsCliCommand);
    const copyPattern = new RegExp(/viewItem =~ \/(.+)\//.exec(copy?.when ?? '')?.[1] ?? '^$');
    assert.ok(copyPattern.test(CONTEXT_VALUES.region) && copyPattern.test(CONTEXT_VALUES.cluster));
    for (const value of Object.values(CONTEXT_VALUES).filter((value) => value !== CONTEXT_VALUES.region && value !== CONTEXT_VALUES.cluster)) {
      assert.ok(!copyPattern.test(value), value);
    }
    const hidden = contributes.menus.commandPalette.filter((entry) => entry.when === 'false').map((entry) => entry.command);
    assert.deepEqual(hidden.sort(), [COMMANDS.copyAwsCliCommand, COMMANDS.openTaskDefinition].sort());
  });

  const buttonsOf = (contents: string) => [...contents.matchAll(/\[[^\]]+\]\(command:([\w.]+)\)/g)].map((match) => match[1]);

  it('welcomes with buttons to pick regions and a profile, when the workspace is trusted and no region is set', () => {
    const welcome = contributes.viewsWelcome.filter((entry) => entry.view === VIEW_ID && entry.when?.includes(CONTEXT_KEYS.noRegions));
    const declared = new Set(contributes.commands.map((command) => command.command));
    const buttons = welcome.flatMap((entry) => buttonsOf(entry.contents));
    assert.ok(buttons.includes(COMMANDS.pickRegions) && buttons.includes(COMMANDS.pickProfile));
    assert.ok(buttons.every((command) => declared.has(command)));
    assert.ok(welcome.every((entry) => /^isWorkspaceTrusted && /.test(entry.when ?? '')));
  });

  it('explains an untrusted workspace in a welcome view with the trust button, not in a tree item', () => {
    const untrusted = contributes.viewsWelcome.filter((entry) => entry.view === VIEW_ID && entry.when === '!isWorkspaceTrusted');
    assert.equal(untrusted.length, 1);
    assert.deepEqual(buttonsOf(untrusted[0].contents), ['workbench.trust.manage']);
  });

  it('keeps welcome texts short: at most two sentences besides the buttons', () => {
    for (const entry of contributes.viewsWelcome) {
      const text = entry.contents
        .split('\n')
        .filter((line) => !/^\[.*\]\(command:/.test(line))
        .join(' ');
      assert.ok(text.length <= 120, `${text.length} characters: ${text}`);
    }
  });

  it('documents every coverage setting with a scope; the endpoint settings are machine-scoped', () => {
    assert.deepEqual(
      coverageSettings.sort(),
      Object.values(SETTINGS)
        .map((key) => `${SETTINGS_SECTION}.${key}`)
        .sort(),
    );
    for (const key of coverageSettings) {
      const setting = contributes.configuration.properties[key];
      assert.ok(setting.markdownDescription, key);
      assert.ok(setting.scope, key);
    }
    assert.equal(contributes.configuration.properties[`${SETTINGS_SECTION}.${SETTINGS.endpointUrl}`].scope, 'machine');
    assert.equal(contributes.configuration.properties[`${SETTINGS_SECTION}.${SETTINGS.useConfiguredEndpointUrls}`].scope, 'machine');
  });

  it('supports untrusted workspaces in a limited way, restricting every coverage setting', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.match(untrusted.description, /no AWS calls until the workspace is trusted/);
    assert.deepEqual([...untrusted.restrictedConfigurations].sort(), [...coverageSettings].sort());
  });

  it('still activates on JSON files; the view activates through its implicit onView event', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:json'));
  });
});

describe('coverage view layering', () => {
  it('keeps vscode out of everything but the adapter, so the model runs in plain Node', () => {
    const pure = path.join(ROOT, 'client', 'src', 'coverageView');
    const files = fs.readdirSync(pure, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.startsWith(`vscode${path.sep}`) && file !== 'registerCoverageView.ts');
    assert.ok(files.length > 10);
    for (const file of files) assert.doesNotMatch(fs.readFileSync(path.join(pure, file), 'utf8'), /from 'vscode'|require\('vscode'\)/, file);
  });
});

describe('where the extension runs', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('runs beside the workspace (remote, WSL, Codespaces): the server reads its files, the view its ~/.aws', () => {
    assert.deepEqual(manifest.extensionKind, ['workspace']);
  });

  it('declares virtual workspaces limited, since only files on disk are linted, and has no web entry point', () => {
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.virtualWorkspaces.description, /coverage view works/);
    assert.equal(manifest.browser, undefined, 'vscode.dev runs only web extensions: README says ECS Guard is not one');
  });
});

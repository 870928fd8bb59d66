import * as assert from 'node:assert/strict';
import { demoSeed } from '../../client/src/coverage/testing/fakeGuardDuty/demoSeed';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { SAMPLE_ISSUES } from '../../client/src/coverage/testing/fakeGuardDuty/sampleIssues';
import { COMMANDS, CONTEXT_KEYS, VIEW_ID } from '../../client/src/coverageView/ids';
import { CoverageTreeNode } from '../../client/src/coverageView/model/treeNode';
import { useIsolatedAwsEnvironment } from '../coverage/support/isolatedAwsEnvironment';
import { FakeVscodeHost, installFakeVscode } from './support/fakeVscode';
import { labels, nodeAt } from './support/treeInput';

type LazyModule = typeof import('../../client/src/coverageView/vscode/lazyCoverageView');
type RegisterModule = typeof import('../../client/src/coverageView/registerCoverageView');
type SettingsModule = typeof import('../../client/src/coverageView/vscode/readCoverageSettings');
type Lazy = InstanceType<LazyModule['LazyCoverageView']>;
type Session = ReturnType<Lazy['session']>;

/** Polls until `check` holds: the adapter refreshes in the background. */
async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// The adapter's wiring, on a stand-in for the vscode API and the real core against the fake GuardDuty.
describe('coverage view adapter (on a stand-in vscode API)', () => {
  useIsolatedAwsEnvironment();
  const host = new FakeVscodeHost();
  let uninstall: () => void;
  let lazyModule: LazyModule;
  let settingsReader: SettingsModule;
  let fake: FakeGuardDuty;
  let subscriptions: { dispose(): unknown }[];

  before(() => {
    uninstall = installFakeVscode(host);
    // Loaded only now, so that their `import * as vscode` gets the stand-in.
    /* eslint-disable @typescript-eslint/no-require-imports */
    lazyModule = require('../../client/src/coverageView/vscode/lazyCoverageView') as LazyModule;
    settingsReader = require('../../client/src/coverageView/vscode/readCoverageSettings') as SettingsModule;
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  after(() => uninstall());

  beforeEach(async () => {
    host.reset();
    fake = await startFakeGuardDuty({ regions: demoSeed() });
    subscriptions = [];
  });
  afterEach(async () => {
    subscriptions.forEach((subscription) => subscription.dispose());
    await fake.close();
  });

  let bundleLoads = 0;
  /** Activation as extension.ts does it, the coverage bundle being the TypeScript module here. */
  const activate = (): Lazy => {
    const state = new Map<string, unknown>();
    const context = { subscriptions, workspaceState: { get: (key: string) => state.get(key), update: async (key: string, value: unknown) => void state.set(key, value) } };
    bundleLoads = 0;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loader = () => (bundleLoads++, require('../../client/src/coverageView/registerCoverageView') as RegisterModule);
    const lazy = new lazyModule.LazyCoverageView(context as unknown as ConstructorParameters<LazyModule['LazyCoverageView']>[0], loader);
    subscriptions.push(lazy);
    return lazy;
  };
  const register = (): Session => activate().session();
  const afterActivation = () => new Promise((resolve) => setImmediate(resolve));
  const configure = (regions: string[]) => {
    host.globalSettings.set('ecsGuard.coverage.regions', regions);
    host.globalSettings.set('ecsGuard.coverage.endpointUrl', fake.url);
    host.globalSettings.set('ecsGuard.coverage.refreshIntervalMinutes', 0);
  };
  const loaded = (session: Session, region: string) => () => session.roots.some((node) => node.label === region && node.icon !== 'loading~spin');
  const view = () => host.views.get(VIEW_ID);
  const statusBar = () => host.statusBarItems[0];

  it('loads the coverage bundle only when the view is opened, without regions', async () => {
    const lazy = activate();
    await afterActivation();
    assert.equal(bundleLoads, 0);
    assert.equal(host.statusBarItems.length, 0);
    assert.ok(host.commands.has(COMMANDS.pickRegions), 'the commands are there before the bundle');
    await host.setViewVisible(VIEW_ID, true);
    assert.equal(bundleLoads, 1);
    assert.equal(lazy.isLoaded, true);
    assert.equal(host.contextKeys.get(CONTEXT_KEYS.noRegions), true);
    assert.equal(fake.requests.length, 0);
  });

  it('loads the coverage bundle for a command run from the palette', async () => {
    activate();
    await afterActivation();
    host.quickPickAnswers.push(() => undefined);
    await host.run(COMMANDS.sortBy);
    assert.equal(bundleLoads, 1);
  });

  it('loads the coverage bundle at start when the status-bar item has regions to show', async () => {
    configure(['us-east-1']);
    const lazy = activate();
    assert.equal(lazy.isLoaded, false, 'not while activating');
    await afterActivation();
    assert.equal(bundleLoads, 1);
    await until(loaded(lazy.session(), 'us-east-1'), 'us-east-1');
    assert.equal(statusBar().visible, true);
  });

  it('loads the coverage bundle when regions are chosen later, or when the workspace is trusted', async () => {
    host.isTrusted = false;
    configure(['us-east-1']);
    activate();
    await afterActivation();
    assert.equal(bundleLoads, 0, 'untrusted: nothing to show');
    host.grantTrust();
    assert.equal(bundleLoads, 1);

    subscriptions.forEach((subscription) => subscription.dispose());
    subscriptions = [];
    host.reset();
    activate();
    await afterActivation();
    assert.equal(bundleLoads, 0);
    host.setSetting('ecsGuard.coverage.regions', ['eu-west-1']);
    assert.equal(bundleLoads, 1);
  });

  it('polls only while the view is visible or the window with the status-bar item has focus', async () => {
    configure(['us-east-1']);
    host.globalSettings.set('ecsGuard.coverage.refreshIntervalMinutes', 15);
    const lazy = activate();
    await afterActivation();
    const session = lazy.session();
    await until(loaded(session, 'us-east-1'), 'us-east-1');
    assert.equal(session.isPolling, true, 'status-bar item in a focused window');
    host.setWindowFocused(false);
    assert.equal(session.isPolling, false, 'window in the background');
    await host.setViewVisible(VIEW_ID, true);
    assert.equal(session.isPolling, true, 'the view is visible (a second monitor)');
    await host.setViewVisible(VIEW_ID, false);
    assert.equal(session.isPolling, false);
    const requests = fake.requests.length;
    host.setWindowFocused(true);
    assert.equal(session.isPolling, true);
    assert.equal(fake.requests.length, requests, 'data refreshed a moment ago is not stale');
  });

  it('makes no AWS call in an untrusted workspace, and loads once trust is granted', async () => {
    configure(['us-east-1', 'sa-east-1']);
    host.isTrusted = false;
    const session = register();
    assert.deepEqual(labels(session.roots), [], 'the welcome content explains');
    assert.equal(statusBar().visible, false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(fake.requests.length, 0);

    host.grantTrust();
    await until(loaded(session, 'sa-east-1'), 'the regions to load');
    assert.deepEqual(labels(session.roots), ['us-east-1', 'sa-east-1']);
    assert.ok(fake.requests.length > 0);
    assert.equal(statusBar().visible, true);
  });

  it('shows regions, the refresh time, the badge, the status bar and the context keys', async () => {
    configure(['us-east-1', 'eu-west-1', 'sa-east-1']);
    const session = register();
    assert.equal(host.contextKeys.get(CONTEXT_KEYS.refreshing), true);
    await until(() => host.contextKeys.get(CONTEXT_KEYS.refreshing) === false, 'the first refresh');
    assert.deepEqual(labels(session.roots), ['us-east-1', 'eu-west-1', 'sa-east-1']);
    assert.equal(session.roots[1].description, '1/4 healthy · 25%');
    assert.equal(session.roots[2].description, 'GuardDuty not enabled');
    assert.match(view()?.description ?? '', /^refreshed /);
    assert.ok((view()?.badge?.value ?? 0) > 0);
    assert.match(statusBar().text, /^\$\(shield\) \$\(warning\) \d+%$/);
    assert.equal(statusBar().command, `${VIEW_ID}.focus`);
    assert.deepEqual(host.progressTitles, ['Loading GuardDuty coverage']);
    assert.equal(host.contextKeys.get(CONTEXT_KEYS.noRegions), false);
    assert.equal(host.contextKeys.get(CONTEXT_KEYS.noProfile), true);

    const item = view()?.provider.getTreeItem(session.roots[0]);
    assert.equal(item?.id, 'region/us-east-1');
    assert.equal(item?.iconPath?.id, 'globe');
    assert.equal(item?.collapsibleState, 2);
    assert.equal(item?.tooltip?.isTrusted, false);
  });

  it('leaves the tree empty without regions, so the welcome content shows', async () => {
    const session = register();
    assert.deepEqual(session.roots, []);
    assert.equal(host.contextKeys.get(CONTEXT_KEYS.noRegions), true);
    assert.equal(statusBar().visible, false);
    assert.equal(fake.requests.length, 0);
  });

  it('filters, sorts and clears from commands, and says so in the view message', async () => {
    configure(['eu-west-1']);
    const session = register();
    await until(loaded(session, 'eu-west-1'), 'eu-west-1');
    await host.run(COMMANDS.showUnhealthyOnly);
    assert.equal(host.contextKeys.get(CONTEXT_KEYS.unhealthyOnly), true);
    assert.equal(view()?.message, 'Filtered: unhealthy only.');
    assert.ok(session.roots[0].children.every((node) => node.icon === 'error'));

    host.inputBoxAnswers.push('storefront');
    await host.run(COMMANDS.filterByClusterName);
    const cluster = nodeAt(session.roots, 'eu-west-1', 'storefront-eu');
    await host.run(COMMANDS.filterByAccount, cluster);
    assert.equal(view()?.message, `Filtered: unhealthy only · name contains "storefront" · account ${cluster.accountId}.`);

    host.quickPickAnswers.push((items) => items.find((item) => item.label === 'Name'));
    await host.run(COMMANDS.sortBy);
    assert.match(view()?.message ?? '', /Sorted by name\.$/);

    await host.run(COMMANDS.clearFilters);
    assert.equal(host.contextKeys.get(CONTEXT_KEYS.filtered), false);
    assert.equal(view()?.message, 'Sorted by name.');
    assert.deepEqual(labels(session.roots[0].children), ['gdpr-exports', 'ml-inference', 'storefront-eu', 'storefront-eu']);
  });

  it('copies a node as an AWS CLI command and opens the task definition of an issue', async () => {
    configure(['us-east-1']);
    const session = register();
    await until(loaded(session, 'us-east-1'), 'us-east-1');
    await host.run(COMMANDS.copyAwsCliCommand, nodeAt(session.roots, 'us-east-1', 'storefront'));
    assert.match(host.clipboard[0], /^aws guardduty list-coverage --region us-east-1 .*ECS_CLUSTER_NAME.*storefront.* --endpoint-url http:\/\/127\.0\.0\.1:\d+$/);
    await host.run(COMMANDS.copyAwsCliCommand, undefined);
    assert.equal(host.clipboard.length, 1, 'nothing to copy without a node');

    const issue: Partial<CoverageTreeNode> = { taskDefinition: { uri: 'file:///ws/deploy/web.json', line: 4, displayPath: 'deploy/web.json' } };
    await host.run(COMMANDS.openTaskDefinition, issue);
    assert.deepEqual(host.shownDocuments, [{ uri: 'file:///ws/deploy/web.json', line: 4 }]);
  });

  it('warns when a cluster turns unhealthy between two refreshes', async () => {
    configure(['us-east-1']);
    const session = register();
    await until(loaded(session, 'us-east-1'), 'us-east-1');
    fake.setCoverageStatus({ region: 'us-east-1', clusterName: 'storefront', coverageStatus: 'UNHEALTHY', issues: [SAMPLE_ISSUES.agentNotReporting] });
    await host.run(COMMANDS.refresh);
    assert.deepEqual(host.warnings, ['GuardDuty coverage: ECS cluster storefront (us-east-1, account 111122223333) became UNHEALTHY: GuardDuty agent not reporting.']);
  });

  it('cancels a refresh in flight from the Cancel command, keeping the data shown', async () => {
    configure(['us-east-1']);
    const session = register();
    await until(loaded(session, 'us-east-1'), 'us-east-1');
    const before = session.roots;
    fake.addFault({ kind: 'slow', delayMs: 10_000 });
    const refresh = host.run(COMMANDS.refresh);
    assert.equal(host.contextKeys.get(CONTEXT_KEYS.refreshing), true);
    await host.run(COMMANDS.cancelRefresh);
    assert.equal(host.contextKeys.get(CONTEXT_KEYS.refreshing), false);
    assert.equal(await refresh, 'cancelled');
    assert.deepEqual(labels(session.roots[0].children), labels(before[0].children));
  });

  it('picks regions into the settings and loads the new ones', async () => {
    configure(['us-east-1']);
    const session = register();
    await until(loaded(session, 'us-east-1'), 'us-east-1');
    host.quickPickAnswers.push((items) => items.filter((item) => item.label === 'us-east-1' || item.label === 'ap-southeast-2'));
    await host.run(COMMANDS.pickRegions);
    assert.deepEqual(host.globalSettings.get('ecsGuard.coverage.regions'), ['us-east-1', 'ap-southeast-2']);
    await until(loaded(session, 'ap-southeast-2'), 'ap-southeast-2');
    assert.equal(session.roots[1].description, '2/2 healthy · 100%');
  });

  it('reads the endpoint override from user settings only, never from the workspace', () => {
    host.workspaceSettings.set('ecsGuard.coverage.endpointUrl', 'http://attacker.example');
    host.workspaceSettings.set('ecsGuard.coverage.useConfiguredEndpointUrls', true);
    const fromWorkspace = settingsReader.readCoverageSettings();
    assert.equal(fromWorkspace.endpoint, undefined);
    assert.equal(fromWorkspace.useConfiguredEndpointUrls, false);
    host.globalSettings.set('ecsGuard.coverage.endpointUrl', 'http://127.0.0.1:4566');
    assert.equal(settingsReader.readCoverageSettings().endpoint, 'http://127.0.0.1:4566');
  });
});

import * as vscode from 'vscode';
import { ClusterFilter, ClusterSort, CoverageTransition, RegionCoverage, shellKindOf } from '../../coverage';
import { CONTEXT_KEYS, FOCUS_VIEW_COMMAND, VIEW_ID } from '../ids';
import { accountsIn } from '../model/accounts';
import { buildCoverageTree } from '../model/coverageTreeModel';
import { transitionNotice } from '../model/transitionNotice';
import { CoverageTreeNode, TaskDefinitionLocation } from '../model/treeNode';
import { restoreFilter, restoreSort, withFilter } from '../model/viewOptions';
import { isStale, shouldPoll, showsStatusBar } from '../model/polling';
import { isFiltered, plural, statusBarSummary, unhealthyCount, viewDescription, viewMessage } from '../model/viewSummary';
import { coverageLoader } from '../refresh/coverageLoader';
import { CoverageRefreshController, RefreshOutcome, RefreshState } from '../refresh/refreshController';
import { CoverageSettings } from '../settings/coverageSettings';
import { familiesNamedIn, findTaskDefinitionFiles } from '../taskDefinitions/taskDefinitionIndex';
import { CoverageStatusBar } from './coverageStatusBar';
import { CoverageTreeProvider } from './coverageTreeProvider';
import { readCoverageSettings } from './readCoverageSettings';
import { workspaceJsonFiles } from './workspaceJsonFiles';

const FILTER_STATE_KEY = 'ecsGuard.coverage.filter';
const SORT_STATE_KEY = 'ecsGuard.coverage.sort';

/**
 * The coverage view while the extension runs: settings, filter and sort, the refresh controller, and
 * everything that shows their state (tree, view description and message, badge, status bar, context keys).
 */
export class CoverageViewSession implements vscode.Disposable {
  private currentSettings: CoverageSettings = readCoverageSettings();
  private filter: ClusterFilter;
  private sort: ClusterSort;
  private taskDefinitions: ReadonlyMap<string, TaskDefinitionLocation> = new Map();
  private taskDefinitionSearch = 0;
  private searchedSnapshot: readonly RegionCoverage[] | undefined;
  private endProgress: (() => void) | undefined;
  private readonly contextKeys = new Map<string, boolean>();
  /** The tree's data; the view created at activation serves it once this bundle is loaded. */
  readonly provider = new CoverageTreeProvider();
  private readonly statusBar = new CoverageStatusBar();
  private readonly controller: CoverageRefreshController;
  private readonly listeners: vscode.Disposable[] = [];
  private polling = false;
  /** When the last refresh ended, whatever its outcome: a failing region must not be retried on every focus. */
  private lastAttemptAt: Date | undefined;
  private wasRefreshing = false;

  /** `view` was created at activation (so that VS Code can ask for its children); the session shows in it. */
  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly view: vscode.TreeView<CoverageTreeNode>,
  ) {
    this.filter = restoreFilter(workspaceState.get(FILTER_STATE_KEY));
    this.sort = restoreSort(workspaceState.get(SORT_STATE_KEY));
    this.listeners.push(
      view.onDidChangeVisibility(() => this.updatePolling()),
      vscode.window.onDidChangeWindowState(() => this.updatePolling()),
    );
    this.controller = new CoverageRefreshController({
      // Settings are read at each refresh through `currentSettings`, which follows every change.
      load: coverageLoader(() => ({
        regions: this.currentSettings.regions,
        profile: this.currentSettings.profile,
        endpoint: this.currentSettings.endpoint,
        useConfiguredEndpointUrls: this.currentSettings.useConfiguredEndpointUrls,
      })),
      canLoad: () => vscode.workspace.isTrusted && this.currentSettings.regions.length > 0,
      onDidChange: (state) => this.onRefreshStateChanged(state),
      onNewlyUnhealthy: (transitions) => void this.notifyNewlyUnhealthy(transitions),
    });
  }

  get settings(): CoverageSettings {
    return this.currentSettings;
  }

  get clusterFilter(): ClusterFilter {
    return this.filter;
  }

  get clusterSort(): ClusterSort {
    return this.sort;
  }

  /** The tree as shown, for tests and the e2e harness. */
  get roots(): readonly CoverageTreeNode[] {
    return this.provider.getRoots();
  }

  /** Whether automatic refreshes run now (see model/polling). */
  get isPolling(): boolean {
    return this.polling;
  }

  start(): void {
    this.render();
    void this.controller.refresh('settings');
    this.updatePolling();
  }

  refresh(): Promise<RefreshOutcome> {
    return this.controller.refresh('manual');
  }

  cancelRefresh(): boolean {
    return this.controller.cancel();
  }

  onSettingsChanged(): void {
    const before = this.currentSettings;
    const after = readCoverageSettings();
    this.currentSettings = after;
    if (before.profile !== after.profile || before.endpoint !== after.endpoint) this.controller.forgetHistory();
    if (before.refreshIntervalMinutes !== after.refreshIntervalMinutes && this.polling) this.controller.setIntervalMinutes(after.refreshIntervalMinutes);
    const connectionChanged = before.profile !== after.profile || before.endpoint !== after.endpoint || before.useConfiguredEndpointUrls !== after.useConfiguredEndpointUrls;
    const regionsAdded = after.regions.some((region) => !before.regions.includes(region));
    this.render();
    // A region removed needs no call: it just disappears from the tree.
    if (connectionChanged || regionsAdded) void this.controller.refresh('settings');
    this.updatePolling();
  }

  onTrustGranted(): void {
    this.render();
    void this.controller.refresh('trust');
    this.updatePolling();
  }

  onAwsFilesChanged(): void {
    this.controller.refreshSoon('credentials');
  }

  setFilter(change: ClusterFilter): void {
    this.filter = withFilter(this.filter, change);
    void this.workspaceState.update(FILTER_STATE_KEY, this.filter);
    this.render();
  }

  clearFilters(): void {
    this.filter = {};
    void this.workspaceState.update(FILTER_STATE_KEY, undefined);
    this.render();
  }

  setSort(sort: ClusterSort): void {
    this.sort = sort;
    void this.workspaceState.update(SORT_STATE_KEY, sort);
    this.render();
  }

  accounts(): { accountId: string; clusters: number }[] {
    return accountsIn(this.shownSnapshot());
  }

  dispose(): void {
    this.listeners.forEach((listener) => listener.dispose());
    this.controller.dispose();
    this.endProgress?.();
    this.provider.dispose();
    this.statusBar.dispose();
  }

  /** Starts or stops the interval as the view and the window come and go; stale data is refreshed on return. */
  private updatePolling(): void {
    const wanted = shouldPoll({
      viewVisible: this.view.visible,
      statusBarShown: showsStatusBar(vscode.workspace.isTrusted, this.currentSettings.regions),
      windowFocused: vscode.window.state.focused,
    });
    if (wanted === this.polling) return;
    this.polling = wanted;
    this.controller.setIntervalMinutes(wanted ? this.currentSettings.refreshIntervalMinutes : 0);
    const state = this.controller.state;
    if (wanted && !state.refreshing && isStale(this.lastAttemptAt, this.currentSettings.refreshIntervalMinutes, new Date())) void this.controller.refresh('interval');
  }

  private onRefreshStateChanged(state: RefreshState): void {
    if (this.wasRefreshing && !state.refreshing) this.lastAttemptAt = new Date();
    this.wasRefreshing = state.refreshing;
    this.showProgress(state.refreshing);
    if (state.snapshot && state.snapshot !== this.searchedSnapshot) {
      this.searchedSnapshot = state.snapshot;
      void this.searchTaskDefinitions(state.snapshot);
    }
    this.render();
  }

  /** The snapshot's regions that are still chosen (a region removed from the settings disappears at once). */
  private shownSnapshot(): RegionCoverage[] | undefined {
    return this.controller.state.snapshot?.filter((region) => this.currentSettings.regions.includes(region.region));
  }

  private render(): void {
    const state = this.controller.state;
    const trusted = vscode.workspace.isTrusted;
    const snapshot = this.shownSnapshot();
    const { regions, profile, endpoint, problems } = this.currentSettings;
    this.provider.setRoots(
      buildCoverageTree({
        trusted,
        regions,
        snapshot,
        refreshing: state.refreshing,
        filter: this.filter,
        sort: this.sort,
        connection: { profile, endpoint, shell: shellKindOf(vscode.env.shell, process.platform) },
        taskDefinitions: this.taskDefinitions,
      }),
    );
    this.view.description = trusted ? viewDescription(state, formatLocalTime) : undefined;
    this.view.message = trusted ? viewMessage(this.filter, this.sort, problems) : undefined;
    const unhealthy = trusted ? unhealthyCount(snapshot) : 0;
    this.view.badge = unhealthy ? { value: unhealthy, tooltip: `${plural(unhealthy, 'unhealthy ECS cluster')}` } : undefined;
    if (showsStatusBar(trusted, regions)) this.statusBar.show(statusBarSummary(snapshot, state.refreshing));
    else this.statusBar.hide();
    this.setContextKey(CONTEXT_KEYS.noRegions, regions.length === 0);
    this.setContextKey(CONTEXT_KEYS.noProfile, profile === undefined);
    this.setContextKey(CONTEXT_KEYS.refreshing, state.refreshing);
    this.setContextKey(CONTEXT_KEYS.unhealthyOnly, this.filter.unhealthyOnly === true);
    this.setContextKey(CONTEXT_KEYS.filtered, isFiltered(this.filter));
  }

  /** Progress in the view itself while a refresh runs; it ends with the refresh, applied or cancelled. */
  private showProgress(refreshing: boolean): void {
    if (refreshing && !this.endProgress) {
      // The promise exists before withProgress runs its task, which it may do later than the refresh ends.
      let end = () => {};
      const done = new Promise<void>((resolve) => (end = resolve));
      this.endProgress = end;
      void vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: 'Loading GuardDuty coverage' }, () => done);
    } else if (!refreshing && this.endProgress) {
      this.endProgress();
      this.endProgress = undefined;
    }
  }

  private async searchTaskDefinitions(snapshot: readonly RegionCoverage[]): Promise<void> {
    const search = ++this.taskDefinitionSearch;
    let found: ReadonlyMap<string, TaskDefinitionLocation>;
    try {
      found = await findTaskDefinitionFiles(familiesNamedIn(snapshot), workspaceJsonFiles);
    } catch {
      // Without the index the issues are still shown, only without "Open task definition".
      found = new Map();
    }
    if (search !== this.taskDefinitionSearch) return;
    this.taskDefinitions = found;
    this.render();
  }

  private async notifyNewlyUnhealthy(transitions: CoverageTransition[]): Promise<void> {
    const text = transitionNotice(transitions);
    if (!text) return;
    const show = 'Show Coverage';
    if ((await vscode.window.showWarningMessage(text, show)) === show) await vscode.commands.executeCommand(FOCUS_VIEW_COMMAND);
  }

  private setContextKey(key: string, value: boolean): void {
    if (this.contextKeys.get(key) === value) return;
    this.contextKeys.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}

function formatLocalTime(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

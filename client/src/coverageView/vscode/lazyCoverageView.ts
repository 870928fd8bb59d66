import * as vscode from 'vscode';
import { COMMANDS, CoverageCommandId, SETTINGS_SECTION, VIEW_ID } from '../ids';
import { showsStatusBar } from '../model/polling';
import type { CoverageTreeNode } from '../model/treeNode';
import type { LoadedCoverageView } from '../registerCoverageView';
import type { CoverageViewSession } from '../vscode/coverageViewSession';
import { readCoverageSettings } from '../vscode/readCoverageSettings';

/** Loads the coverage bundle (its `registerCoverageView`); called at most once. */
export type CoverageViewLoader = () => typeof import('../registerCoverageView');

/**
 * The part of the coverage view that runs at activation, kept small: the AWS SDK and the view's logic
 * are in their own bundle, loaded only when first needed — VS Code asks for the view's children (it is
 * visible), a coverage command runs, or the status-bar item has something to show (a trusted workspace
 * with regions chosen). Until then it only registers the view and the commands.
 */
export class LazyCoverageView implements vscode.Disposable {
  private loaded: LoadedCoverageView | undefined;
  private readonly provider = new DeferredTreeDataProvider(() => this.load().session.provider);
  private readonly view: vscode.TreeView<CoverageTreeNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: Pick<vscode.ExtensionContext, 'subscriptions' | 'workspaceState'>,
    private readonly loader: CoverageViewLoader,
  ) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(this.view, this.provider);
    for (const id of Object.values(COMMANDS)) {
      this.disposables.push(vscode.commands.registerCommand(id, (node?: CoverageTreeNode) => this.run(id, node)));
    }
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) this.loadIfStatusBarNeeded();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.loadIfStatusBarNeeded()),
    );
    // After activation returns: the language client starts first.
    setImmediate(() => this.loadIfStatusBarNeeded());
  }

  /** Whether the coverage bundle has been loaded. */
  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** The session, loading the bundle if it is not yet (the extension's API, for tests). */
  session(): CoverageViewSession {
    return this.load().session;
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private run(id: CoverageCommandId, node: CoverageTreeNode | undefined): unknown {
    return this.load().commands[id](node);
  }

  private loadIfStatusBarNeeded(): void {
    if (!this.loaded && showsStatusBar(vscode.workspace.isTrusted, readCoverageSettings().regions)) this.load();
  }

  private load(): LoadedCoverageView {
    if (!this.loaded) {
      this.loaded = this.loader().registerCoverageView(this.context, this.view);
      this.provider.attach(this.loaded.session.provider);
    }
    return this.loaded;
  }
}

/** A tree data provider whose first `getChildren` loads the real one; then it only forwards. */
class DeferredTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private target: vscode.TreeDataProvider<T> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private subscription: vscode.Disposable | undefined;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly whenNeeded: () => vscode.TreeDataProvider<T>) {}

  attach(target: vscode.TreeDataProvider<T>): void {
    if (this.target) return;
    this.target = target;
    this.subscription = target.onDidChangeTreeData?.(() => this.changed.fire());
  }

  getChildren(node?: T): vscode.ProviderResult<T[]> {
    return (this.target ?? this.whenNeeded()).getChildren(node);
  }

  getTreeItem(node: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    // VS Code asks for items only of nodes getChildren gave, so the target exists by then.
    return (this.target ?? this.whenNeeded()).getTreeItem(node);
  }

  getParent(node: T): vscode.ProviderResult<T> {
    return this.target?.getParent?.(node);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

import Module from 'node:module';
import * as path from 'node:path';

/**
 * An in-memory stand-in for the part of the `vscode` API the coverage view's adapter uses, so that the
 * adapter's wiring (settings → refresh → tree, commands, trust, notifications) runs in plain Node. It
 * records what the adapter shows; it does not imitate VS Code's rendering. The real thing is covered by
 * the e2e harness.
 */

type Listener<T> = (value: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((candidate) => candidate !== listener)));
  };
  fire(value: T): void {
    [...this.listeners].forEach((listener) => listener(value));
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Disposable {
  constructor(private readonly onDispose: () => void = () => undefined) {}
  static from(...disposables: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => disposables.forEach((disposable) => disposable.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly fsPath: string,
  ) {}
  static file(fsPath: string): Uri {
    return new Uri('file', fsPath);
  }
  static parse(text: string): Uri {
    return new Uri(text.split(':')[0], text.replace(/^file:\/\//, ''));
  }
  toString(): string {
    return `${this.scheme}://${this.fsPath}`;
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}
export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}
export class MarkdownString {
  isTrusted = false;
  constructor(readonly value = '') {}
}
export class TreeItem {
  id?: string;
  description?: string;
  contextValue?: string;
  iconPath?: ThemeIcon;
  tooltip?: MarkdownString;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}
export class RelativePattern {
  constructor(
    readonly base: Uri,
    readonly pattern: string,
  ) {}
}
export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };

export interface FakeTreeView {
  visible: boolean;
  readonly visibilityChanged: EventEmitter<{ visible: boolean }>;
  description?: string;
  message?: string;
  badge?: { value: number; tooltip: string };
  readonly provider: { getChildren(node?: unknown): unknown; getTreeItem(node: unknown): TreeItem };
}

export interface FakeStatusBarItem {
  text: string;
  tooltip: string;
  command?: string;
  name?: string;
  visible: boolean;
}

/** What the adapter did, and the levers a test pulls. */
export class FakeVscodeHost {
  readonly globalSettings = new Map<string, unknown>();
  readonly workspaceSettings = new Map<string, unknown>();
  readonly commands = new Map<string, (...args: unknown[]) => unknown>();
  readonly contextKeys = new Map<string, unknown>();
  readonly warnings: string[] = [];
  readonly clipboard: string[] = [];
  readonly shownDocuments: { uri: string; line: number | undefined }[] = [];
  readonly progressTitles: string[] = [];
  readonly statusBarItems: FakeStatusBarItem[] = [];
  readonly views = new Map<string, FakeTreeView>();
  /** The next QuickPick answers: a function choosing among the items offered. */
  quickPickAnswers: ((items: readonly { label: string }[]) => unknown)[] = [];
  inputBoxAnswers: (string | undefined)[] = [];
  isTrusted = true;
  windowFocused = true;
  readonly windowStateChanged = new EventEmitter<{ focused: boolean }>();
  readonly configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  readonly trustGranted = new EventEmitter<void>();

  /** Back to a fresh, trusted window with no settings (the module object itself is loaded once). */
  reset(): void {
    for (const collection of [this.globalSettings, this.workspaceSettings, this.commands, this.contextKeys, this.views]) collection.clear();
    for (const list of [this.warnings, this.clipboard, this.shownDocuments, this.progressTitles, this.statusBarItems]) list.length = 0;
    this.quickPickAnswers = [];
    this.inputBoxAnswers = [];
    this.isTrusted = true;
    this.windowFocused = true;
  }

  /** Opens or closes a view as the user would; VS Code then asks an opened view for its children. */
  async setViewVisible(id: string, visible: boolean): Promise<void> {
    const view = this.views.get(id);
    if (!view) throw new Error(`no view ${id}`);
    view.visible = visible;
    view.visibilityChanged.fire({ visible });
    if (visible) await view.provider.getChildren(undefined);
  }

  setWindowFocused(focused: boolean): void {
    this.windowFocused = focused;
    this.windowStateChanged.fire({ focused });
  }

  grantTrust(): void {
    this.isTrusted = true;
    this.trustGranted.fire();
  }

  /** Sets a user (global) or workspace setting, as the Settings editor would, and announces it. */
  setSetting(key: string, value: unknown, target: 'global' | 'workspace' = 'global'): void {
    (target === 'global' ? this.globalSettings : this.workspaceSettings).set(key, value);
    this.configurationChanged.fire({ affectsConfiguration: (section) => key === section || key.startsWith(`${section}.`) });
  }

  /** The `vscode` module object handed to the adapter. */
  module(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the module's functions are called without this host as `this`
    const host = this;
    const configuration = (section: string) => ({
      get: (key: string) => host.value(`${section}.${key}`),
      inspect: (key: string) => ({ key: `${section}.${key}`, globalValue: host.globalSettings.get(`${section}.${key}`), workspaceValue: host.workspaceSettings.get(`${section}.${key}`) }),
      update: async (key: string, value: unknown, target: number) => host.setSetting(`${section}.${key}`, value, target === ConfigurationTarget.Global ? 'global' : 'workspace'),
    });
    return {
      EventEmitter,
      Disposable,
      Uri,
      ThemeColor,
      ThemeIcon,
      MarkdownString,
      TreeItem,
      RelativePattern,
      Position,
      Range,
      TreeItemCollapsibleState,
      StatusBarAlignment,
      ConfigurationTarget,
      window: {
        createTreeView: (id: string, options: { treeDataProvider: FakeTreeView['provider'] }) => {
          const visibilityChanged = new EventEmitter<{ visible: boolean }>();
          const view: FakeTreeView & { dispose(): void; onDidChangeVisibility: unknown } = {
            provider: options.treeDataProvider,
            visible: false,
            visibilityChanged,
            onDidChangeVisibility: visibilityChanged.event,
            dispose: () => undefined,
          };
          host.views.set(id, view);
          return view;
        },
        createStatusBarItem: () => {
          const item: FakeStatusBarItem & { show(): void; hide(): void; dispose(): void } = {
            text: '',
            tooltip: '',
            visible: false,
            show: () => (item.visible = true),
            hide: () => (item.visible = false),
            dispose: () => (item.visible = false),
          };
          host.statusBarItems.push(item);
          return item;
        },
        get state() {
          return { focused: host.windowFocused };
        },
        onDidChangeWindowState: host.windowStateChanged.event,
        withProgress: (options: { title: string }, task: () => Promise<unknown>) => (host.progressTitles.push(options.title), task()),
        showWarningMessage: async (message: string) => (host.warnings.push(message), undefined),
        showQuickPick: async (items: readonly { label: string }[]) => host.quickPickAnswers.shift()?.(items),
        showInputBox: async () => host.inputBoxAnswers.shift(),
        setStatusBarMessage: () => new Disposable(),
        showTextDocument: async (uri: Uri, options?: { selection?: Range }) => host.shownDocuments.push({ uri: uri.toString(), line: options?.selection?.start.line }),
      },
      workspace: {
        get isTrusted() {
          return host.isTrusted;
        },
        getConfiguration: configuration,
        onDidChangeConfiguration: host.configurationChanged.event,
        onDidGrantWorkspaceTrust: host.trustGranted.event,
        createFileSystemWatcher: () => ({ onDidChange: () => new Disposable(), onDidCreate: () => new Disposable(), onDidDelete: () => new Disposable(), dispose: () => undefined }),
        findFiles: async () => [],
        asRelativePath: (uri: Uri) => path.basename(uri.fsPath),
        fs: { stat: async () => ({ size: 0 }), readFile: async () => new Uint8Array() },
      },
      commands: {
        registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
          host.commands.set(id, run);
          return new Disposable(() => host.commands.delete(id));
        },
        executeCommand: async (id: string, ...args: unknown[]) => {
          if (id === 'setContext') return host.contextKeys.set(String(args[0]), args[1]);
          return host.commands.get(id)?.(...args);
        },
      },
      env: { clipboard: { writeText: async (text: string) => host.clipboard.push(text) } },
    };
  }

  /** Runs a registered command as a menu would. */
  run(id: string, ...args: unknown[]): Promise<unknown> {
    const command = this.commands.get(id);
    if (!command) throw new Error(`command ${id} is not registered`);
    return Promise.resolve(command(...args));
  }

  private value(key: string): unknown {
    // Restricted settings: an untrusted workspace's values are not read.
    const workspace = this.isTrusted ? this.workspaceSettings.get(key) : undefined;
    return workspace !== undefined ? workspace : this.globalSettings.get(key);
  }
}

interface ModuleInternals {
  _resolveFilename(request: string, ...rest: unknown[]): string;
}

const FAKE_PATH = path.join(__dirname, '__fake_vscode__.js');

/** Makes `require('vscode')` return the host's module until the returned function is called. */
export function installFakeVscode(host: FakeVscodeHost): () => void {
  const internals = Module as unknown as ModuleInternals;
  const original = internals._resolveFilename;
  internals._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? FAKE_PATH : original.call(this, request, ...rest);
  };
  const cached = new Module(FAKE_PATH);
  cached.exports = host.module();
  cached.loaded = true;
  require.cache[FAKE_PATH] = cached;
  return () => {
    internals._resolveFilename = original;
    delete require.cache[FAKE_PATH];
  };
}

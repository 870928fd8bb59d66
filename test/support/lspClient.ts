import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ClientCapabilities,
  ConfigurationParams,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  LogMessageNotification,
  LogMessageParams,
  NotificationType,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Registration,
  RegistrationRequest,
  RequestType,
  ResponseError,
  ShowMessageNotification,
  ShowMessageParams,
  ShowMessageRequest,
  ShowMessageRequestParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  UnregistrationRequest,
  WorkspaceFolder,
  WorkspaceFoldersRequest,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

/** The bundle `npm run build` writes; the tests drive exactly what ships. */
const SERVER_BUNDLE = path.resolve(__dirname, '../../dist/server/server.js');

/** What VS Code announces for the features the server uses. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
  window: { showMessage: {} },
};

export interface StartOptions {
  readonly capabilities?: ClientCapabilities;
  readonly workspaceFolders?: WorkspaceFolder[] | null;
  /** The `ecsGuard` section answered to `workspace/configuration`. */
  readonly settings?: unknown;
  /** Sent with `initialize` (our VS Code client sends `{ diagnosticsInHover: true }`). */
  readonly initializationOptions?: unknown;
}

const DEFAULT_TIMEOUT_MS = 5000;

interface Waiter {
  readonly method: string;
  readonly accept: (params: unknown) => boolean;
  readonly resolve: (params: unknown) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A real LSP client for the real server bundle, run as a child process over stdio. It answers the
 * server's requests the way an editor would and lets tests wait for the next notification that
 * matches a predicate, so no test sleeps.
 */
export class LspTestClient {
  /** The `ecsGuard` section this client answers to `workspace/configuration`; tests change it. */
  settings: unknown;
  workspaceFolders: WorkspaceFolder[] | null;
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly registrations: Registration[] = [];
  readonly showMessages: ShowMessageParams[] = [];
  readonly showMessageRequests: ShowMessageRequestParams[] = [];
  readonly logMessages: LogMessageParams[] = [];
  /** Every publishDiagnostics received, by uri, oldest first. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  initializeResult: InitializeResult | undefined;

  private readonly waiters = new Set<Waiter>();
  private configurationHeld: Promise<void> = Promise.resolve();
  private readonly versions = new Map<string, number>();
  private stderr = '';
  private exitCode: number | null | undefined;
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings;
    this.workspaceFolders = options.workspaceFolders ?? null;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 64 * 1024) this.stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => {
      child.on('exit', (code) => {
        this.exitCode = code;
        for (const waiter of [...this.waiters]) waiter.reject(new Error(`the server exited (code ${code}) while a test waited for ${waiter.method}${this.stderrTail()}`));
        this.waiters.clear();
        resolve(code);
      });
    });

    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests.push(params);
      this.deliver(ConfigurationRequest.method, params);
      await this.configurationHeld;
      return params.items.map((item) => (item.section === 'ecsGuard' ? (this.settings ?? null) : null));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkspaceFoldersRequest.type, () => this.workspaceFolders);
    connection.onRequest(ShowMessageRequest.type, (params) => {
      this.showMessageRequests.push(params);
      return null;
    });
    connection.onNotification(LogMessageNotification.type, (params) => this.logMessages.push(params));
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.showMessages.push(params);
      this.deliver(ShowMessageNotification.method, params);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.deliver(PublishDiagnosticsNotification.method, params);
    });
    connection.listen();
  }

  /** Spawns `node dist/server/server.js --stdio`, then runs initialize and initialized. */
  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    if (!fs.existsSync(SERVER_BUNDLE)) {
      throw new Error(`${path.relative(process.cwd(), SERVER_BUNDLE)} is missing: run \`npm run build\` first (\`npm test\` builds before running mocha).`);
    }
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection, options);
    client.initializeResult = await client.within(
      'the initialize response',
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: options.capabilities ?? FULL_CAPABILITIES,
        workspaceFolders: options.workspaceFolders ?? null,
        initializationOptions: options.initializationOptions,
      }),
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get isRunning(): boolean {
    return this.exitCode === undefined;
  }

  /**
   * Holds every workspace/configuration answer until the returned function is called, as a busy editor
   * would: the server's work on a document waits meanwhile, and the messages sent after it race it.
   */
  holdConfiguration(): () => void {
    let release!: () => void;
    this.configurationHeld = new Promise((resolve) => (release = resolve));
    return () => {
      this.configurationHeld = Promise.resolve();
      release();
    };
  }

  /** Sends a request (hover, completion, code action, ...) and waits for its answer, with a timeout. */
  request<P, R, E>(type: RequestType<P, R, E>, params: P, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    return this.within(type.method, this.connection.sendRequest(type, params), timeoutMs);
  }

  notify<P>(type: NotificationType<P>, params: P): Promise<void> {
    return this.connection.sendNotification(type, params);
  }

  /** Opens a document and waits for the diagnostics of the version it opened. */
  open(uri: string, text: string, languageId = 'json', timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    const version = 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, (params) => params.version === version, `version ${version}`, timeoutMs);
    void this.notify(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return published;
  }

  /** Sends one didChange with these edits (incremental or full) and waits for the diagnostics of the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, (params) => params.version === version, `version ${version}`, timeoutMs);
    void this.notify(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return published;
  }

  /** Closes a document and waits for the diagnostics the server publishes for it. */
  close(uri: string): Promise<PublishDiagnosticsParams> {
    this.versions.delete(uri);
    const published = this.nextDiagnostics(uri, () => true, 'after didClose');
    void this.notify(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return published;
  }

  /** The next publishDiagnostics for `uri` (received after this call) that `accept` accepts. */
  nextDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, description = 'any', timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    return this.next<PublishDiagnosticsParams>(
      PublishDiagnosticsNotification.method,
      (params) => params.uri === uri && accept(params),
      `publishDiagnostics for ${uri} (${description})`,
      timeoutMs,
      () => {
        const last = this.published.get(uri)?.at(-1);
        return last ? `last for that uri: version ${last.version}, ${JSON.stringify(last.diagnostics.map((d) => `${d.code}: ${d.message}`))}` : 'none for that uri';
      },
    );
  }

  /** The next workspace/configuration request (received after this call) the server sends. */
  nextConfigurationRequest(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ConfigurationParams> {
    return this.next<ConfigurationParams>(
      ConfigurationRequest.method,
      () => true,
      'workspace/configuration',
      timeoutMs,
      () => `received ${this.configurationRequests.length}`,
    );
  }

  /** The next window/showMessage notification (received after this call) that `accept` accepts. */
  nextShowMessage(accept: (params: ShowMessageParams) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ShowMessageParams> {
    return this.next<ShowMessageParams>(ShowMessageNotification.method, accept, 'window/showMessage', timeoutMs, () => `received: ${JSON.stringify(this.showMessages.map((m) => m.message))}`);
  }

  /**
   * Sends a request the server has no handler for and expects its "method not found" answer: the
   * server is alive and has handled every message sent before it, in order.
   */
  async ping(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    try {
      await this.within('an answer to a ping request', this.connection.sendRequest('ecsGuard/ping'), timeoutMs);
    } catch (error) {
      if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) return;
      throw error;
    }
    throw new Error('the server answered ecsGuard/ping, which it should not know');
  }

  /** shutdown, exit, and the process's exit code; kills the process when it does not exit in time. */
  async stop(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    if (this.isRunning) {
      try {
        await this.within('the shutdown response', this.connection.sendRequest(ShutdownRequest.type), timeoutMs);
        await this.connection.sendNotification(ExitNotification.type);
        await this.within('the server to exit', this.exited, timeoutMs);
      } catch {
        this.child.kill();
      }
    }
    this.connection.dispose();
    return this.exited;
  }

  /** Kills the server without a shutdown; for after() hooks. */
  kill(): void {
    if (this.isRunning) this.child.kill();
    this.connection.dispose();
  }

  private next<P>(method: string, accept: (params: P) => boolean, description: string, timeoutMs: number, lastSeen: () => string): Promise<P> {
    if (!this.isRunning) return Promise.reject(new Error(`the server is not running (exit code ${this.exitCode}); cannot wait for ${description}${this.stderrTail()}`));
    return new Promise<P>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${description} within ${timeoutMs} ms; ${lastSeen()}${this.stderrTail()}`));
      }, timeoutMs);
      const waiter: Waiter = {
        method,
        accept: (params) => accept(params as P),
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params as P);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  private deliver(method: string, params: unknown): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.method === method && waiter.accept(params)) {
        this.waiters.delete(waiter);
        waiter.resolve(params);
      }
    }
  }

  private within<T>(description: string, promise: Promise<T>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${description} within ${timeoutMs} ms${this.stderrTail()}`)), timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  private stderrTail(): string {
    return this.stderr ? `\nserver stderr:\n${this.stderr.slice(-2000)}` : '';
  }
}

export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

/** The diagnostics one rule published; other rules (the set keeps growing) are left out. */
export function diagnosticsOf(params: PublishDiagnosticsParams, ruleId: string): PublishDiagnosticsParams['diagnostics'] {
  return params.diagnostics.filter((diagnostic) => diagnostic.code === ruleId);
}

import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import {
  ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  RequestType,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  WorkspaceFoldersRequest,
} from 'vscode-languageserver-protocol/node';

export interface SessionOptions {
  /** `[script, ...args]` run with this Node. */
  readonly command: readonly string[];
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** Answered to `workspace/configuration` for every item. */
  readonly settings?: unknown;
  /** Answered to `vscode/content` (the JSON server asks its client for schema files). */
  readonly content?: (uri: string) => string;
}

/**
 * A language server in a child process over stdio, driven the way an editor drives it; both ECS Guard's
 * server and the JSON language server are measured through it. Diagnostics are pushed (ECS Guard) or
 * pulled (`textDocument/diagnostic`, as VS Code asks the JSON server).
 */
export class LspSession {
  private readonly waiters: { uri: string; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  private readonly versions = new Map<string, number>();
  /** How many times diagnostics were published per URI (a burst of edits should publish once). */
  readonly publishCount = new Map<string, number>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  static async start(options: SessionOptions): Promise<LspSession> {
    const [script, ...args] = options.command;
    const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      session.publishCount.set(params.uri, (session.publishCount.get(params.uri) ?? 0) + 1);
      for (const waiter of session.waiters.filter((candidate) => candidate.uri === params.uri)) {
        session.waiters.splice(session.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings ?? null));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkspaceFoldersRequest.type, () => null);
    connection.onRequest(new RequestType<string, string, void>('vscode/content'), (uri) => options.content?.(uri) ?? '');
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: options.capabilities ?? {},
      workspaceFolders: null,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    if (options.settings !== undefined) await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: options.settings });
    return session;
  }

  request<P, R>(type: RequestType<P, R, unknown>, params: P): Promise<R> {
    return this.connection.sendRequest(type, params);
  }

  /** The next diagnostics the server pushes for `uri`. */
  nextPublished(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    const languageId = /\.ya?ml$/.test(uri) ? 'yaml' : 'json';
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one incremental change (the next version). */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Pulls the diagnostics of the document's current text. */
  pull(uri: string): Promise<unknown> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  }

  /** Peak and current resident memory of the server process, from /proc (Linux); undefined elsewhere. */
  memory(): { peakRssBytes: number; rssBytes: number } | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
      return { peakRssBytes: kib('VmHWM'), rssBytes: kib('VmRSS') };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill(), 2000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** The position of an offset in a text, as LSP counts it (UTF-16 code units per line). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

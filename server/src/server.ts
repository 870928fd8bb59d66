import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeResult,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './lsp/analysisCache';
import { clientSupport, ClientSupport } from './lsp/clientSupport';
import { registerCodeActions } from './lsp/codeActionHandler';
import { KeyedDebouncer } from './lsp/debounce';
import { HeapTrimmer, processHeap } from './lsp/heapTrimmer';
import { LintResults } from './lsp/lintResults';
import { lintTarget } from './lsp/lintTarget';
import { TruncationNotices } from './lsp/truncationNotices';
import { COMPLETION_TRIGGER_CHARACTERS, registerEditorHandlers } from './lsp/handlers';
import { ClientSettings, problemsNotice, WorkspaceConfigs } from './lsp/workspaceConfig';
import { CONFIG_FILE_NAME, LintFinding, SETTINGS_SECTION, toDiagnostic } from './engine';

// Speaks LSP over stdio (`--stdio`), node IPC (`--node-ipc`) or a socket, as the client asks.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
/** More than a task definition ever has: beyond it a list only slows the editor (and the wire) down. */
const MAX_DIAGNOSTICS_PER_RULE = 200;
const truncationNotices = new TruncationNotices(MAX_DIAGNOSTICS_PER_RULE, (message) => connection.console.warn(message));
const analyses = new AnalysisCache();
// A keystroke in an idle document is validated at once; edits during a validation and the hold after it (half as long, at least 30 ms) coalesce.
const debouncer = new KeyedDebouncer(30);
const lintResults = new LintResults((ruleId, error, uri) => connection.console.error(`rule ${ruleId} failed on ${uri}: ${error instanceof Error ? error.stack : String(error)}`));
const heap = processHeap();
const heapTrimmer = heap ? new HeapTrimmer(heap) : undefined;
let clientCan: ClientSupport = clientSupport({});
let pushedSettings: ClientSettings | undefined;

const configs = new WorkspaceConfigs(
  async (uri) => (clientCan.pullSettings ? ((await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })) as ClientSettings) : pushedSettings),
  (problems) => {
    problems.forEach((problem) => connection.console.warn(problem));
    // A notification: showWarningMessage would send window/showMessageRequest and await a choice there is none of.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `ECS Guard: ${problemsNotice(problems)}` });
  },
);
const codeActions = registerCodeActions(connection, { documents, analyses, configs, lintResults });

connection.onInitialize((params): InitializeResult => {
  clientCan = clientSupport(params.capabilities, params.initializationOptions);
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  configs.setFolders(folders);
  codeActions.initialize(clientCan);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
      documentSymbolProvider: true,
      codeActionProvider: codeActions.capability,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'ecs-guard-language-server' },
  };
});

connection.onInitialized(() => {
  // A failed registration is logged by the library; the server works without it.
  if (clientCan.registerSettingsChanges) connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
  if (clientCan.registerConfigFileWatcher) {
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(() => undefined);
  }
  if (clientCan.workspaceFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      configs.changeFolders(
        event.added.map((folder) => folder.uri),
        event.removed.map((folder) => folder.uri),
      );
      revalidateAll();
    });
  }
});

connection.onDidChangeConfiguration((change) => {
  pushedSettings = (change.settings as Record<string, ClientSettings | undefined> | undefined)?.[SETTINGS_SECTION];
  configs.invalidate();
  revalidateAll();
});

// `.ecs-guard.json` changed (the VS Code client watches it; other clients through the watcher registered above).
connection.onDidChangeWatchedFiles(() => {
  configs.invalidate();
  revalidateAll();
});

documents.onDidChangeContent((change) => schedulePublish(change.document));
documents.onDidClose((event) => {
  debouncer.cancel(event.document.uri);
  configs.forget(event.document.uri);
  truncationNotices.forget(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

function revalidateAll(): void {
  for (const document of documents.all()) schedulePublish(document);
}

function schedulePublish(document: TextDocument): void {
  debouncer.schedule(document.uri, () => publishDiagnostics(document));
}

/**
 * Publishes the findings of this open document, never of another one: if it is closed while its settings
 * are fetched (and maybe reopened under the same uri, as VS Code's `untitled:Untitled-1` is) nothing is
 * sent, and the reopened document's own publish is already scheduled.
 */
async function publishDiagnostics(document: TextDocument): Promise<void> {
  const { uri } = document;
  const isOpen = () => documents.get(uri) === document;
  let findings: LintFinding[] = [];
  try {
    const target = await lintTarget({ documents, analyses, configs }, document);
    if (target) findings = lintResults.findings(target.analysis, target.plan);
  } catch (error) {
    // For example a stack overflow on absurdly nested arrays: clear the diagnostics rather than leave stale ones.
    connection.console.error(`validating ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
  const shown = firstOfEachRule(findings, MAX_DIAGNOSTICS_PER_RULE);
  if (!isOpen()) return;
  // A failed send means the client is gone.
  await connection.sendDiagnostics({ uri, version: document.version, diagnostics: shown.map(toDiagnostic) }).catch(() => undefined);
  if (isOpen()) truncationNotices.published(uri, findings.length, shown.length);
  heapTrimmer?.afterPublish();
}

/** The first `limit` findings of each rule, in document order: every kind of problem stays visible. */
function firstOfEachRule(findings: LintFinding[], limit: number): LintFinding[] {
  const counts = new Map<string, number>();
  return findings.filter((finding) => {
    const count = (counts.get(finding.ruleId) ?? 0) + 1;
    counts.set(finding.ruleId, count);
    return count <= limit;
  });
}

registerEditorHandlers(connection, {
  documents,
  analyses,
  configs,
  lintResults,
  logError: (message) => connection.console.error(message),
  findingsInHover: () => clientCan.findingsInHover,
});

process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? String(error)}`));

documents.listen(connection);
connection.listen();

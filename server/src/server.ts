import {
  createConnection,
  DidChangeConfigurationNotification,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './lsp/analysisCache';
import { registerCodeActions } from './lsp/codeActionHandler';
import { KeyedDebouncer } from './lsp/debounce';
import { ClientSettings, WorkspaceConfigs } from './lsp/workspaceConfig';
import { toDiagnostic } from './service/diagnostics';
import { validate } from './service/validate';

// Speaks LSP over stdio (`--stdio`), node IPC (`--node-ipc`) or a socket, as the client asks.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyses = new AnalysisCache();
const debouncer = new KeyedDebouncer(150);
let pullSettings = false;
let pushedSettings: ClientSettings | undefined;

const configs = new WorkspaceConfigs(
  async (uri) => (pullSettings ? ((await connection.workspace.getConfiguration({ scopeUri: uri, section: 'ecsGuard' })) as ClientSettings) : pushedSettings),
  (problem) => {
    connection.console.warn(problem);
    void connection.window.showWarningMessage(`ECS Guard: ${problem}`);
  },
);
const codeActions = registerCodeActions(connection, { documents, analyses, configs });

connection.onInitialize((params): InitializeResult => {
  pullSettings = params.capabilities.workspace?.configuration === true;
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  configs.setFolders(folders);
  codeActions.initialize(params.capabilities);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      codeActionProvider: codeActions.capability,
    },
    serverInfo: { name: 'ecs-guard-language-server' },
  };
});

connection.onInitialized(() => {
  if (pullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ecsGuard' });
  connection.workspace.onDidChangeWorkspaceFolders(async () => {
    configs.setFolders(((await connection.workspace.getWorkspaceFolders()) ?? []).map((folder) => folder.uri));
    revalidateAll();
  });
});

connection.onDidChangeConfiguration((change) => {
  pushedSettings = (change.settings as { ecsGuard?: ClientSettings } | undefined)?.ecsGuard;
  configs.invalidate();
  revalidateAll();
});

// The client watches `.ecs-guard.json`; any change to it re-reads config and re-validates open documents.
connection.onDidChangeWatchedFiles(() => {
  configs.invalidate();
  revalidateAll();
});

documents.onDidChangeContent((change) => debouncer.schedule(change.document.uri, () => void publishDiagnostics(change.document.uri)));
documents.onDidClose((event) => {
  debouncer.cancel(event.document.uri);
  analyses.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

function revalidateAll(): void {
  for (const document of documents.all()) debouncer.schedule(document.uri, () => void publishDiagnostics(document.uri));
}

async function publishDiagnostics(uri: string): Promise<void> {
  try {
    const { enabled, config, selection } = await configs.forDocument(uri);
    const document = documents.get(uri);
    if (!document) return;
    const findings =
      enabled && selection !== 'ignored'
        ? validate(analyses.get(document), {
            rules: config.rules,
            assumeTaskDefinition: selection === 'included',
            onRuleError: (ruleId, error) => connection.console.error(`rule ${ruleId} failed on ${uri}: ${error instanceof Error ? error.stack : String(error)}`),
          })
        : [];
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: findings.map(toDiagnostic) });
  } catch (error) {
    connection.console.error(`validating ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? String(error)}`));

documents.listen(connection);
connection.listen();

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  MessageType,
  PublishDiagnosticsParams,
  Range,
  TextDocumentSyncKind,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsOf, fileUri, LspTestClient, StartOptions } from '../support/lspClient';

const PRIVILEGED = 'privileged-container';
const SYNTAX = 'json-syntax';

const PRIVILEGED_TASK = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx:latest", "privileged": true }
  ]
}`;

const NOT_A_TASK_DEFINITION = `{ "name": "my-package", "version": "1.0.0", "privileged": true }`;

/** The range of the first occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string): Range {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${JSON.stringify(needle)} is in the text`);
  const document = TextDocument.create('file:///range.json', 'json', 1, text);
  return { start: document.positionAt(offset), end: document.positionAt(offset + needle.length) };
}

function severityOf(published: PublishDiagnosticsParams, ruleId: string): DiagnosticSeverity | undefined {
  const [diagnostic] = diagnosticsOf(published, ruleId);
  return diagnostic?.severity;
}

function temporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-lsp-'));
}

describe('language server over stdio (dist/server/server.js)', () => {
  const servers: LspTestClient[] = [];
  const folders: string[] = [];

  async function startServer(options?: StartOptions): Promise<LspTestClient> {
    const server = await LspTestClient.start(options);
    servers.push(server);
    return server;
  }

  after(() => {
    for (const server of servers) server.kill();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  describe('lifecycle', () => {
    it('answers initialize with incremental sync, workspace folder support and its name', async () => {
      const server = await startServer();
      const result = server.initializeResult!;
      assert.equal(result.capabilities.textDocumentSync, TextDocumentSyncKind.Incremental);
      assert.deepEqual(result.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
      assert.equal(result.serverInfo?.name, 'ecs-guard-language-server');
    });

    it('registers for ecsGuard setting changes and .ecs-guard.json changes with a client that registers dynamically', async () => {
      const server = await startServer();
      await server.ping();
      const byMethod = new Map(server.registrations.map((registration) => [registration.method, registration.registerOptions]));
      assert.deepEqual(byMethod.get(DidChangeConfigurationNotification.method), { section: 'ecsGuard' });
      assert.deepEqual(byMethod.get(DidChangeWatchedFilesNotification.method), { watchers: [{ globPattern: '**/.ecs-guard.json' }] });
    });

    it('registers nothing and logs no error for a client without dynamic registration or workspace folders', async () => {
      const server = await startServer({ capabilities: { workspace: { configuration: true } } });
      await server.ping();
      assert.deepEqual(server.registrations, []);
      assert.deepEqual(
        server.logMessages.filter((log) => log.type === MessageType.Error),
        [],
      );
    });

    it('exits with code 0 after shutdown and exit', async () => {
      const server = await startServer();
      assert.equal(await server.stop(), 0);
    });
  });

  describe('diagnostics', () => {
    let server: LspTestClient;
    before(async () => {
      server = await startServer();
    });

    it('publishes privileged-container on didOpen with the rule id as code, its docs link and data', async () => {
      const uri = 'file:///workspace/open/task-definition.json';
      const published = await server.open(uri, PRIVILEGED_TASK);
      const [diagnostic, ...others] = diagnosticsOf(published, PRIVILEGED);
      assert.equal(others.length, 0);
      assert.equal(published.version, 1);
      assert.equal(diagnostic.source, 'ecs-guard');
      assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
      assert.match(diagnostic.codeDescription?.href ?? '', /\/docs\/rules\/privileged-container\.md$/);
      assert.deepEqual(diagnostic.range, rangeOf(PRIVILEGED_TASK, 'true'));
      assert.match(diagnostic.message, /Container "app" runs privileged/);
      assert.deepEqual(diagnostic.data, { ruleId: PRIVILEGED, path: ['containerDefinitions', 0, 'privileged'], fix: { replaceWith: false } });
      await server.close(uri);
    });

    it('publishes no privileged-container diagnostic once an incremental change fixes it', async () => {
      const uri = 'file:///workspace/change/task-definition.json';
      assert.equal(diagnosticsOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED).length, 1);
      const fixed = await server.change(uri, [{ range: rangeOf(PRIVILEGED_TASK, 'true'), text: 'false' }]);
      assert.equal(fixed.version, 2);
      assert.deepEqual(diagnosticsOf(fixed, PRIVILEGED), []);
      await server.close(uri);
    });

    it('applies several incremental changes of one didChange in order', async () => {
      const uri = 'file:///workspace/change/two-edits.json';
      await server.open(uri, PRIVILEGED_TASK);
      const published = await server.change(uri, [
        { range: rangeOf(PRIVILEGED_TASK, 'true'), text: 'false' },
        // Positions of the second edit are in the text the first edit produced.
        { range: rangeOf(PRIVILEGED_TASK.replace('true', 'false'), 'false'), text: 'true' },
      ]);
      assert.equal(diagnosticsOf(published, PRIVILEGED).length, 1);
      await server.close(uri);
    });

    it('publishes empty diagnostics for JSON that is not a task definition', async () => {
      const uri = 'file:///workspace/package.json';
      assert.deepEqual((await server.open(uri, NOT_A_TASK_DEFINITION)).diagnostics, []);
      await server.close(uri);
    });

    it('clears diagnostics on didClose', async () => {
      const uri = 'file:///workspace/close/task-definition.json';
      assert.equal(diagnosticsOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED).length, 1);
      assert.deepEqual((await server.close(uri)).diagnostics, []);
    });

    it('reports json-syntax on a truncated task definition', async () => {
      const uri = 'file:///workspace/truncated.json';
      const text = PRIVILEGED_TASK.slice(0, PRIVILEGED_TASK.indexOf('"privileged"'));
      const syntax = diagnosticsOf(await server.open(uri, text), SYNTAX);
      assert.ok(syntax.length > 0, 'a json-syntax diagnostic');
      assert.ok(syntax.every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error && diagnostic.source === 'ecs-guard'));
      await server.close(uri);
    });

    it('lints unsaved (untitled) documents by content', async () => {
      const uri = 'untitled:Untitled-1';
      assert.equal(diagnosticsOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED).length, 1);
      await server.close(uri);
    });
  });

  describe('settings from the client', () => {
    let server: LspTestClient;
    before(async () => {
      server = await startServer();
    });
    afterEach(() => {
      server.settings = undefined;
    });

    it('asks workspace/configuration for the ecsGuard section of the document and applies its severities', async () => {
      const uri = 'file:///settings/error.json';
      server.settings = { rules: { [PRIVILEGED]: 'error' } };
      assert.equal(severityOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED), DiagnosticSeverity.Error);
      assert.ok(server.configurationRequests.some((request) => request.items.some((item) => item.scopeUri === uri && item.section === 'ecsGuard')));
      await server.close(uri);
    });

    it('turns a rule off through workspace/configuration', async () => {
      const uri = 'file:///settings/off.json';
      server.settings = { rules: { [PRIVILEGED]: 'off' } };
      assert.deepEqual(diagnosticsOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED), []);
      await server.close(uri);
    });

    it('re-validates open documents on didChangeConfiguration, asking for the settings again', async () => {
      const uri = 'file:///settings/changed.json';
      assert.equal(severityOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED), DiagnosticSeverity.Warning);
      server.settings = { rules: { [PRIVILEGED]: 'off' } };
      const revalidated = server.nextDiagnostics(uri, (published) => diagnosticsOf(published, PRIVILEGED).length === 0, 'without privileged-container');
      await server.notify(DidChangeConfigurationNotification.type, { settings: null });
      await revalidated;
      await server.close(uri);
    });

    it('publishes no diagnostics when ecsGuard.enable is false', async () => {
      const uri = 'file:///settings/disabled.json';
      server.settings = { enable: false };
      assert.deepEqual((await server.open(uri, PRIVILEGED_TASK)).diagnostics, []);
      await server.close(uri);
    });

    it('reports invalid settings with window/showMessage and applies the valid ones', async () => {
      const uri = 'file:///settings/invalid.json';
      server.settings = { rules: { 'no-such-rule': 'error', [PRIVILEGED]: 'error', [SYNTAX]: 'loud' } };
      const unknownRule = server.nextShowMessage((message) => message.message.includes('unknown rule "no-such-rule"'));
      const badSeverity = server.nextShowMessage((message) => message.message.includes(`rule "${SYNTAX}" has severity "loud"`));
      assert.equal(severityOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED), DiagnosticSeverity.Error);
      assert.equal((await unknownRule).type, MessageType.Warning);
      await badSeverity;
      assert.deepEqual(server.showMessageRequests, [], 'nothing to choose, so no window/showMessageRequest');
      await server.close(uri);
    });

    it('takes settings pushed with didChangeConfiguration from a client that cannot be asked', async () => {
      const pushing = await startServer({ capabilities: {} });
      const uri = 'file:///settings/pushed.json';
      assert.equal(severityOf(await pushing.open(uri, PRIVILEGED_TASK), PRIVILEGED), DiagnosticSeverity.Warning);
      const revalidated = pushing.nextDiagnostics(uri, (published) => severityOf(published, PRIVILEGED) === DiagnosticSeverity.Error, 'privileged-container as error');
      await pushing.notify(DidChangeConfigurationNotification.type, { settings: { ecsGuard: { rules: { [PRIVILEGED]: 'error' } } } });
      await revalidated;
      assert.deepEqual(pushing.configurationRequests, []);
    });
  });

  describe('workspace folder with .ecs-guard.json', () => {
    let server: LspTestClient;
    let folder: string;
    let configFile: string;

    function writeConfig(text: string): void {
      fs.writeFileSync(configFile, text);
    }

    /** Tells the server the config file changed, as an editor's file watcher would. */
    function announceConfigChange(type: FileChangeType = FileChangeType.Changed): Promise<void> {
      return server.notify(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(configFile), type }] });
    }

    function documentIn(relativePath: string): string {
      return fileUri(path.join(folder, relativePath));
    }

    before(async () => {
      folder = temporaryFolder();
      folders.push(folder);
      configFile = path.join(folder, '.ecs-guard.json');
      // Settings say "info"; the workspace file wins where both set a rule.
      server = await startServer({ workspaceFolders: [{ uri: fileUri(folder), name: 'workspace' }], settings: { rules: { [PRIVILEGED]: 'info' } } });
    });

    beforeEach(async () => {
      writeConfig(JSON.stringify({ rules: { [PRIVILEGED]: 'error' } }));
      await announceConfigChange();
    });

    it("applies the severity the folder's .ecs-guard.json sets, over the settings", async () => {
      const uri = documentIn('task.json');
      assert.equal(severityOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED), DiagnosticSeverity.Error);
      await server.close(uri);
    });

    it('re-validates open documents when the rewritten file is announced with didChangeWatchedFiles', async () => {
      const uri = documentIn('rewritten.json');
      assert.equal(severityOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED), DiagnosticSeverity.Error);
      writeConfig(JSON.stringify({ rules: { [PRIVILEGED]: 'off' } }));
      const revalidated = server.nextDiagnostics(uri, (published) => diagnosticsOf(published, PRIVILEGED).length === 0, 'without privileged-container');
      await announceConfigChange();
      await revalidated;

      fs.rmSync(configFile);
      const withoutFile = server.nextDiagnostics(uri, (published) => severityOf(published, PRIVILEGED) === DiagnosticSeverity.Information, 'privileged-container as info, from settings');
      await announceConfigChange(FileChangeType.Deleted);
      await withoutFile;
      await server.close(uri);
    });

    it('lints included files even when unrecognised, and never ignored ones', async () => {
      writeConfig(JSON.stringify({ include: ['deploy/**', 'legacy/**'], ignore: ['legacy/**'] }));
      await announceConfigChange();
      const partial = documentIn('deploy/partial.json');
      assert.ok(diagnosticsOf(await server.open(partial, '{ "family": "web",'), SYNTAX).length > 0, 'json-syntax on an included, unrecognised file');
      const ignored = documentIn('legacy/task.json');
      assert.deepEqual((await server.open(ignored, PRIVILEGED_TASK)).diagnostics, []);
      const notIncluded = documentIn('other/task.json');
      assert.deepEqual((await server.open(notIncluded, PRIVILEGED_TASK)).diagnostics, []);
      await Promise.all([partial, ignored, notIncluded].map((uri) => server.close(uri)));
    });

    it('reports an invalid .ecs-guard.json with window/showMessage, falls back to the settings and keeps working', async () => {
      const uri = documentIn('invalid-config.json');
      assert.equal(severityOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED), DiagnosticSeverity.Error);

      writeConfig(`{ "rules": { "${PRIVILEGED}": "error" }, }`);
      const problem = server.nextShowMessage((message) => message.message.includes('.ecs-guard.json is not valid JSON'));
      const revalidated = server.nextDiagnostics(uri, (published) => severityOf(published, PRIVILEGED) === DiagnosticSeverity.Information, 'privileged-container as info, from settings');
      await announceConfigChange();
      assert.equal((await problem).type, MessageType.Warning);
      await revalidated;

      const edited = await server.change(uri, [{ range: rangeOf(PRIVILEGED_TASK, 'true'), text: 'false' }]);
      assert.deepEqual(diagnosticsOf(edited, PRIVILEGED), []);
      await server.ping();
      await server.close(uri);
    });

    it('applies the .ecs-guard.json of a workspace folder while it is in the workspace', async () => {
      const added = temporaryFolder();
      folders.push(added);
      fs.writeFileSync(path.join(added, '.ecs-guard.json'), JSON.stringify({ rules: { [PRIVILEGED]: 'error' } }));
      const uri = fileUri(path.join(added, 'task.json'));
      assert.equal(severityOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED), DiagnosticSeverity.Information);

      const addedFolder = { uri: fileUri(added), name: 'added' };
      server.workspaceFolders = [...(server.workspaceFolders ?? []), addedFolder];
      const revalidated = server.nextDiagnostics(uri, (published) => severityOf(published, PRIVILEGED) === DiagnosticSeverity.Error, 'privileged-container as error');
      await server.notify(DidChangeWorkspaceFoldersNotification.type, { event: { added: [addedFolder], removed: [] } });
      await revalidated;

      server.workspaceFolders = server.workspaceFolders.filter((folder) => folder !== addedFolder);
      const afterRemoval = server.nextDiagnostics(uri, (published) => severityOf(published, PRIVILEGED) === DiagnosticSeverity.Information, 'privileged-container as info, from settings');
      await server.notify(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [addedFolder] } });
      await afterRemoval;
      await server.close(uri);
    });
  });

  describe('malformed input', () => {
    let server: LspTestClient;
    before(async () => {
      server = await startServer();
    });
    afterEach(async () => {
      await server.ping();
      assert.ok(server.isRunning, 'the server process is still running');
    });

    it('answers truncated JSON with json-syntax diagnostics', async () => {
      const uri = 'file:///malformed/truncated.json';
      // Cut anywhere after `"containerDefinitions"`, so the content is still recognised as a task definition.
      const cuts = [PRIVILEGED_TASK.indexOf('[') + 1, PRIVILEGED_TASK.indexOf('"image"'), PRIVILEGED_TASK.indexOf('true') + 2, PRIVILEGED_TASK.length - 1];
      for (const [index, cut] of cuts.entries()) {
        const text = PRIVILEGED_TASK.slice(0, cut);
        const published = index === 0 ? await server.open(uri, text) : await server.change(uri, [{ text }]);
        assert.ok(diagnosticsOf(published, SYNTAX).length > 0, `json-syntax for ${JSON.stringify(text)}`);
      }
      await server.close(uri);
    });

    it('lints a 5 MB task definition', async () => {
      const uri = 'file:///malformed/huge.json';
      const padding = 'x'.repeat(1000);
      const containers = Array.from({ length: 5000 }, (_, index) => ({
        name: `c${index}`,
        image: 'nginx:latest',
        privileged: index % 1000 === 0,
        environment: [{ name: 'PADDING', value: padding }],
      }));
      const text = JSON.stringify({ family: 'huge', containerDefinitions: containers }, null, 1);
      assert.ok(text.length > 5 * 1024 * 1024, `the document is over 5 MB (${text.length} characters)`);
      const published = await server.open(uri, text, 'json', 15000);
      assert.equal(diagnosticsOf(published, PRIVILEGED).length, 5);
      await server.close(uri);
    });

    it('answers binary garbage, alone and inside a task definition', async () => {
      // Deterministic bytes 0-255 (NUL and control characters included) plus a lone surrogate.
      let seed = 42;
      const bytes = Array.from({ length: 64 * 1024 }, () => (seed = (seed * 48271) % 2147483647) % 256);
      const garbage = Buffer.from(bytes).toString('latin1') + '\uD800';
      const alone = 'file:///malformed/garbage.bin.json';
      assert.deepEqual((await server.open(alone, garbage)).diagnostics, []);
      const inside = 'file:///malformed/garbage-task.json';
      assert.ok(diagnosticsOf(await server.open(inside, `{ "containerDefinitions": [ ${garbage}`), SYNTAX).length > 0);
      await Promise.all([alone, inside].map((uri) => server.close(uri)));
    });

    it('answers 100 000 nested arrays with diagnostics', async () => {
      const uri = 'file:///malformed/nested.json';
      const depth = 100_000;
      // Before, the parser's stack overflow left the document without any publishDiagnostics.
      assert.equal((await server.open(uri, '['.repeat(depth) + ']'.repeat(depth))).version, 1);
      await server.close(uri);
    });

    it('clears earlier diagnostics when a document becomes too deeply nested to analyse', async () => {
      const uri = 'file:///malformed/becomes-nested.json';
      assert.equal(diagnosticsOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED).length, 1);
      const nested = PRIVILEGED_TASK.replace('true', '['.repeat(100_000) + ']'.repeat(100_000));
      assert.deepEqual(diagnosticsOf(await server.change(uri, [{ text: nested }]), PRIVILEGED), []);
      await server.close(uri);
    });
  });
});

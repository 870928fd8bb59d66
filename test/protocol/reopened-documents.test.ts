import * as assert from 'node:assert/strict';
import { CodeActionKind, CodeActionRequest, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { diagnosticsOf, LspTestClient } from '../support/lspClient';

const PRIVILEGED = 'privileged-container';
const PRIVILEGED_TASK = '{ "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": true } ] }';
const CLEAN_TASK = '{ "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": false } ] }';

// VS Code reuses `untitled:Untitled-1` once the first untitled editor is closed, and a new document starts at
// version 1 again: the server must tell the two documents apart by more than their uri and version.
describe('language server: a closed and reopened uri (same uri, same version)', () => {
  const servers: LspTestClient[] = [];
  after(() => servers.forEach((server) => server.kill()));

  async function startServer(): Promise<LspTestClient> {
    const server = await LspTestClient.start();
    servers.push(server);
    return server;
  }

  it("never publishes the closed document's findings for the reopened one, when a request on the closed one finishes late", async () => {
    const server = await startServer();
    const uri = 'untitled:Untitled-1';
    const release = server.holdConfiguration();
    const configurationAsked = server.nextConfigurationRequest();
    await server.notify(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text: PRIVILEGED_TASK } });
    // A light-bulb request on the first document waits for its settings...
    const lateCodeActions = server.request(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: [CodeActionKind.QuickFix] },
    });
    await configurationAsked;
    // ...while the editor closes it and opens a clean document under the same uri and version.
    const cleared = server.nextDiagnostics(uri, (params) => params.version === undefined, 'the clearing after didClose');
    await server.notify(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await cleared;
    const reopenedPublished = server.nextDiagnostics(uri, (params) => params.version === 1, 'the reopened document');
    await server.notify(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text: CLEAN_TASK } });
    release();
    await lateCodeActions;

    assert.deepEqual(diagnosticsOf(await reopenedPublished, PRIVILEGED), []);
    // And nothing later brings them back: hover and another publish see the clean document.
    const hover = await server.request(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: CLEAN_TASK.indexOf('"privileged"') + 2 } });
    assert.doesNotMatch(JSON.stringify(hover), /privileged-container/);
    await server.ping();
    const afterReopen = server.published.get(uri)!.slice(server.published.get(uri)!.findIndex((params) => params.version === undefined) + 1);
    assert.ok(afterReopen.length > 0);
    for (const params of afterReopen) assert.deepEqual(diagnosticsOf(params, PRIVILEGED), [], "no publish after the reopen carries the closed document's finding");
  });

  it("drops a publish computed for a document closed meanwhile, and publishes the reopened one's own", async () => {
    const server = await startServer();
    const uri = 'untitled:Untitled-1';
    const release = server.holdConfiguration();
    const configurationAsked = server.nextConfigurationRequest();
    await server.notify(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text: PRIVILEGED_TASK } });
    // The debounced publish of the first document has started and waits for its settings.
    await configurationAsked;
    await server.notify(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const reopenedPublished = server.nextDiagnostics(uri, (params) => params.version === 1, 'the reopened document');
    await server.notify(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text: CLEAN_TASK } });
    release();
    assert.deepEqual(diagnosticsOf(await reopenedPublished, PRIVILEGED), []);
  });
});

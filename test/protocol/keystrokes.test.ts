import * as assert from 'node:assert/strict';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../support/lspClient';

const TASK = `{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": false } ]
}`;

/** Validating a keystroke at once, and a burst of them coalesced, gives what validating the final text gives. */
describe('keystrokes over stdio (dist/server/server.js)', () => {
  let server: LspTestClient;
  before(async () => {
    server = await LspTestClient.start();
  });
  after(() => server.kill());

  it('publishes for a single keystroke, on the new version, what opening that text publishes', async () => {
    const uri = 'untitled:keystroke.json';
    await server.open(uri, TASK);
    const document = TextDocument.create(uri, 'json', 1, TASK);
    const at = TASK.indexOf('false');
    const edited = await server.change(uri, [{ range: { start: document.positionAt(at), end: document.positionAt(at + 5) }, text: 'true' }]);
    const fresh = await server.open('untitled:keystroke-fresh.json', TASK.replace('false', 'true'));
    assert.equal(edited.version, 2);
    assert.deepEqual(edited.diagnostics, fresh.diagnostics);
    assert.ok(edited.diagnostics.some((diagnostic) => diagnostic.code === 'privileged-container'));
  });

  it('coalesces a burst of edits, and ends on the diagnostics of the final text', async () => {
    const uri = 'untitled:burst.json';
    await server.open(uri, TASK);
    const publishedBefore = server.published.get(uri)?.length ?? 0;
    // Twenty keystrokes sent at once, as fast typing or a paste of many edits: toggling "privileged".
    const edits = 20;
    let text = TASK;
    const lastVersion = 1 + edits;
    const final = server.nextDiagnostics(uri, (params) => params.version === lastVersion, `version ${lastVersion}`);
    for (let version = 2; version <= lastVersion; version++) {
      const document = TextDocument.create(uri, 'json', version - 1, text);
      const [from, to] = text.includes('false') ? ['false', 'true'] : ['true', 'false'];
      const at = text.indexOf(from, text.indexOf('"privileged"'));
      void server.notify(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: document.positionAt(at), end: document.positionAt(at + from.length) }, text: to }],
      });
      text = text.slice(0, at) + to + text.slice(at + from.length);
    }
    const published = await final;
    const fresh = await server.open('untitled:burst-fresh.json', text);
    assert.deepEqual(published.diagnostics, fresh.diagnostics);
    const publishes = (server.published.get(uri)?.length ?? 0) - publishedBefore;
    assert.ok(publishes < edits / 2, `${publishes} publishes for ${edits} edits sent at once`);
  });
});

import * as assert from 'node:assert/strict';
import { CodeAction, CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../support/lspClient';

/** Documents far beyond any task definition get a bounded answer and a clear notice, and never freeze the server. */
describe('language server: documents far beyond any task definition', function () {
  this.timeout(60_000);
  let server: LspTestClient;
  before(async () => (server = await LspTestClient.start()));
  after(() => server.kill());

  it('a 10^6-item portMappings (45 MB) gets one notice at once, and the server keeps answering', async () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => `{ "containerPort": ${i % 65536}, "hostPort": "x" }`).join(',');
    const text = `{ "family": "x", "containerDefinitions": [ { "name": "a", "image": "x", "privileged": true, "portMappings": [${items}] } ] }`;
    const uri = 'file:///huge/ports.json';
    const started = Date.now();
    const published = await server.open(uri, text, 'json', 30_000);
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => diagnostic.code),
      ['json-syntax'],
    );
    assert.match(published.diagnostics[0].message, /The file is \d+\.\d MB, far beyond any task definition .* not analysed/);
    const hover = await server.request(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 80 } }, 10_000);
    assert.equal(hover, null);
    const actions = (await server.request(
      CodeActionRequest.type,
      { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } },
      10_000,
    )) as CodeAction[];
    assert.ok(Array.isArray(actions));
    await server.ping();
    assert.ok(Date.now() - started < 30_000, `answered in ${Date.now() - started} ms`);
    await server.close(uri);
  });

  it('a huge JSON file that is no task definition gets no notice', async () => {
    const text = JSON.stringify({ packages: Array.from({ length: 200_000 }, (_, i) => ({ name: `p${i}`, version: '1.0.0', integrity: 'sha512-x' })) });
    assert.ok(text.length > 8 * 1024 * 1024);
    assert.deepEqual((await server.open('file:///huge/package-lock.json', text, 'json', 30_000)).diagnostics, []);
    await server.close('file:///huge/package-lock.json');
  });

  it('publishes at most 200 diagnostics of each rule for a document with 5,000 privileged containers', async () => {
    const containers = Array.from({ length: 5_000 }, (_, i) => `{ "name": "c${i}", "image": "x", "privileged": true }`).join(',');
    const published = await server.open('file:///huge/many.json', `{ "family": "x", "containerDefinitions": [${containers}] }`, 'json', 30_000);
    const privileged = published.diagnostics.filter((diagnostic) => diagnostic.code === 'privileged-container');
    assert.equal(privileged.length, 200);
    assert.equal(privileged[0].range.start.character, 86, 'the first ones, in document order');
    await server.close('file:///huge/many.json');
  });

  it('says once in the log that diagnostics are capped, not on every keystroke', async () => {
    const uri = 'file:///huge/typed.json';
    const containers = Array.from({ length: 500 }, (_, i) => `{ "name": "c${i}", "image": "x", "privileged": true }`).join(',');
    const text = `{ "family": "x", "containerDefinitions": [${containers}] }`;
    const notices = () => server.logMessages.filter((message) => message.message.startsWith(`${uri} has `));
    await server.open(uri, text, 'json', 30_000);
    const at = text.indexOf('"x"') + 1;
    for (const family of ['y', 'z']) {
      const range = { start: { line: 0, character: at }, end: { line: 0, character: at + 1 } };
      await server.change(uri, [{ range, text: family }], 30_000);
    }
    await server.ping();
    assert.equal(
      notices().length,
      1,
      notices()
        .map((notice) => notice.message)
        .join('\n'),
    );
    assert.match(notices()[0].message, /has \d+ findings; the first 200 of each rule are shown/);
    await server.close(uri);
  });
});

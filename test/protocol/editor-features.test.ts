import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionRequest,
  CompletionItem,
  CompletionList,
  CompletionRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  HoverRequest,
  MarkupContent,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { markedDocument } from '../support/markedDocument';
import { diagnosticsOf, fileUri, LspTestClient } from '../support/lspClient';

/** Hover, completion, code actions and the outline, through a real client over stdio. */
describe('editor features over stdio (dist/server/server.js)', () => {
  let server: LspTestClient;
  let folder: string;
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-editor-'));
    // An existing config file: this client announces no file creation, so "Disable" edits this one.
    fs.writeFileSync(path.join(folder, '.ecs-guard.json'), '{\n  "rules": {}\n}\n');
    server = await LspTestClient.start({ workspaceFolders: [{ uri: fileUri(folder), name: 'workspace' }] });
  });
  after(() => {
    server.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Opens a document written with a `|` cursor; returns its uri, text and the cursor position. */
  async function openAtCursor(name: string, marked: string) {
    const { text, cursor } = markedDocument(marked, { cursor: true });
    const uri = fileUri(path.join(folder, name));
    const published = await server.open(uri, text);
    const position = TextDocument.create(uri, 'json', 1, text).positionAt(cursor!);
    return { uri, text, position, published };
  }

  it('hover on a key explains the field and what Security Hub requires of it', async () => {
    const { uri, position } = await openAtCursor('hover.json', `{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "nginx", "readonly|RootFilesystem": true } ]
}`);
    const hover = await server.request(HoverRequest.type, { textDocument: { uri }, position });
    const markdown = (hover?.contents as MarkupContent).value;
    assert.match(markdown, /readonlyRootFilesystem/);
    assert.match(markdown, /ECS\.5/);
    await server.close(uri);
  });

  it('completion offers the memory values that fit the task cpu', async () => {
    const { uri, position } = await openAtCursor('completion.json', `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "|",
  "containerDefinitions": []
}`);
    const result = await server.request(CompletionRequest.type, { textDocument: { uri }, position });
    const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
    const labels = items.map((item) => item.label);
    for (const memory of ['512', '1024', '2048']) assert.ok(labels.some((label) => label.includes(memory)), `${memory} in ${labels.join(', ')}`);
    assert.ok(!labels.some((label) => label.includes('4096')), 'no memory value that does not fit 256 cpu units');
    await server.close(uri);
  });

  it('a quick fix from the diagnostic data edits the document so the rule no longer fires', async () => {
    const { uri, text, published } = await openAtCursor('fix.json', `{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": true } ]
}`);
    const diagnostics = diagnosticsOf(published, 'privileged-container');
    assert.equal(diagnostics.length, 1);
    const actions = (await server.request(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as CodeAction[];
    const titles = actions.map((action) => action.title);
    const disable = actions.find((action) => /Disable privileged-container in \.ecs-guard\.json/.test(action.title));
    assert.ok(disable, titles.join('\n'));
    const configUri = fileUri(path.join(folder, '.ecs-guard.json'));
    const configEdits = (disable.edit?.changes?.[configUri] ?? disable.edit?.documentChanges?.flatMap((change) => ('edits' in change ? change.edits : []))) as TextEdit[];
    const config = TextDocument.applyEdits(TextDocument.create(configUri, 'json', 1, '{\n  "rules": {}\n}\n'), configEdits);
    assert.deepEqual(JSON.parse(config), { rules: { 'privileged-container': 'off' } });
    assert.ok(titles.some((title) => /Show documentation for privileged-container/.test(title)), titles.join('\n'));
    const fix = actions.find((action) => action.isPreferred && action.kind === 'quickfix');
    assert.ok(fix?.edit?.changes?.[uri], `a preferred quick fix with an edit: ${titles.join('\n')}`);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), fix.edit.changes[uri] as TextEdit[]);
    assert.equal(fixed, `{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": false } ]
}`);
    const after = await server.change(uri, [{ text: fixed }]);
    assert.deepEqual(diagnosticsOf(after, 'privileged-container'), []);
    await server.close(uri);
  });

  it('the outline names the task family and its containers', async () => {
    const { uri } = await openAtCursor('symbols.json', `{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "nginx" }, { "name": "sidecar", "image": "envoy" } ]
}`);
    const symbols = (await server.request(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, 'web');
    assert.deepEqual(symbols[0].children?.map((child) => child.name), ['app', 'sidecar']);
    await server.close(uri);
  });
});

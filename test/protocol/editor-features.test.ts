import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionKind,
  CodeActionRequest,
  CodeActionResolveRequest,
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
import { diagnosticsOf, fileUri, FULL_CAPABILITIES, LspTestClient } from '../support/lspClient';

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
    const { uri, position } = await openAtCursor(
      'hover.json',
      `{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "nginx", "readonly|RootFilesystem": true } ]
}`,
    );
    const hover = await server.request(HoverRequest.type, { textDocument: { uri }, position });
    const markdown = (hover?.contents as MarkupContent).value;
    assert.match(markdown, /readonlyRootFilesystem/);
    assert.match(markdown, /ECS\.5/);
    await server.close(uri);
  });

  const PRIVILEGED = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": tr|ue } ]
}`;

  it('hover on a finding explains it, for clients that do not show diagnostics in hovers', async () => {
    const { uri, position } = await openAtCursor('hover-finding.json', PRIVILEGED);
    const markdown = ((await server.request(HoverRequest.type, { textDocument: { uri }, position }))?.contents as MarkupContent).value;
    assert.match(markdown, /\*\*privileged-container\*\* \(error\)/, 'an error on Fargate');
    assert.match(markdown, /Security Hub ECS\.4/, 'and the field');
    await server.close(uri);
  });

  it('hover leaves the finding to a client that shows diagnostics in its own hover (VS Code), and keeps the field', async () => {
    const vscodeLike = await LspTestClient.start({ workspaceFolders: [{ uri: fileUri(folder), name: 'workspace' }], initializationOptions: { diagnosticsInHover: true } });
    try {
      const { text, cursor } = markedDocument(PRIVILEGED, { cursor: true });
      const uri = fileUri(path.join(folder, 'hover-finding-vscode.json'));
      const published = await vscodeLike.open(uri, text);
      assert.equal(diagnosticsOf(published, 'privileged-container').length, 1, 'the finding is still published');
      const position = TextDocument.create(uri, 'json', 1, text).positionAt(cursor!);
      const markdown = ((await vscodeLike.request(HoverRequest.type, { textDocument: { uri }, position }))?.contents as MarkupContent).value;
      assert.doesNotMatch(markdown, /privileged-container/);
      assert.match(markdown, /privileged/);
    } finally {
      vscodeLike.kill();
    }
  });

  it('completion offers the memory values that fit the task cpu', async () => {
    const { uri, position } = await openAtCursor(
      'completion.json',
      `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "|",
  "containerDefinitions": []
}`,
    );
    const result = await server.request(CompletionRequest.type, { textDocument: { uri }, position });
    const items: CompletionItem[] = Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
    const labels = items.map((item) => item.label);
    for (const memory of ['512', '1024', '2048'])
      assert.ok(
        labels.some((label) => label.includes(memory)),
        `${memory} in ${labels.join(', ')}`,
      );
    assert.ok(!labels.some((label) => label.includes('4096')), 'no memory value that does not fit 256 cpu units');
    await server.close(uri);
  });

  it('a quick fix from the diagnostic data edits the document so the rule no longer fires', async () => {
    const { uri, text, published } = await openAtCursor(
      'fix.json',
      `{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": true } ]
}`,
    );
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
    assert.ok(
      titles.some((title) => /Show documentation for privileged-container/.test(title)),
      titles.join('\n'),
    );
    const fix = actions.find((action) => action.isPreferred && action.kind === 'quickfix');
    assert.ok(fix?.edit?.changes?.[uri], `a preferred quick fix with an edit: ${titles.join('\n')}`);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), fix.edit.changes[uri] as TextEdit[]);
    assert.equal(
      fixed,
      `{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": false } ]
}`,
    );
    const after = await server.change(uri, [{ text: fixed }]);
    assert.deepEqual(diagnosticsOf(after, 'privileged-container'), []);
    await server.close(uri);
  });

  it('the outline names the task family and its containers', async () => {
    const { uri } = await openAtCursor(
      'symbols.json',
      `{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "nginx" }, { "name": "sidecar", "image": "envoy" } ]
}`,
    );
    const symbols = (await server.request(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, 'web');
    assert.deepEqual(
      symbols[0].children?.map((child) => child.name),
      ['app', 'sidecar'],
    );
    await server.close(uri);
  });
  describe('with a client that resolves code action edits (codeAction/resolve)', () => {
    let resolving: LspTestClient;
    before(async () => {
      resolving = await LspTestClient.start({
        workspaceFolders: [{ uri: fileUri(folder), name: 'workspace' }],
        capabilities: { ...FULL_CAPABILITIES, textDocument: { ...FULL_CAPABILITIES.textDocument, codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } },
      });
    });
    after(() => resolving.kill());

    const task = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx" },
    { "name": "sidecar", "image": "envoy" }
  ]
}
`;
    const fixAllTitle = 'Fix all readonly-root-filesystem problems in this file';

    async function fixAllAction(client: LspTestClient, uri: string, published: Awaited<ReturnType<LspTestClient['open']>>): Promise<CodeAction> {
      const diagnostics = diagnosticsOf(published, 'readonly-root-filesystem');
      assert.equal(diagnostics.length, 2);
      const actions = (await client.request(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } })) as CodeAction[];
      const action = actions.find((candidate) => candidate.title === fixAllTitle);
      assert.ok(action, actions.map((candidate) => candidate.title).join('\n'));
      return action;
    }

    const applied = (uri: string, text: string, action: CodeAction) => TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), (action.edit?.changes?.[uri] ?? []) as TextEdit[]);

    it('the server announces resolveProvider', () => {
      assert.equal((resolving.initializeResult?.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
    });

    it('"fix all" comes without its edit; resolved, it fixes the whole document as the edit a client without resolve gets', async () => {
      const uri = fileUri(path.join(folder, 'resolve.json'));
      const offered = await fixAllAction(resolving, uri, await resolving.open(uri, task));
      assert.equal(offered.edit, undefined);
      assert.deepEqual(offered.data, { fixAll: { uri, version: 1, ruleId: 'readonly-root-filesystem' } });
      const resolved = await resolving.request(CodeActionResolveRequest.type, offered);
      assert.equal(resolved.title, fixAllTitle);
      const fixed = applied(uri, task, resolved);
      assert.equal(
        fixed,
        `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "readonlyRootFilesystem": true },
    { "name": "sidecar", "image": "envoy", "readonlyRootFilesystem": true }
  ]
}
`,
      );
      const eagerUri = fileUri(path.join(folder, 'eager.json'));
      const eager = await fixAllAction(server, eagerUri, await server.open(eagerUri, task));
      assert.equal(eager.data, undefined);
      assert.equal(applied(eagerUri, task, eager), fixed);
      await server.close(eagerUri);
      assert.deepEqual(diagnosticsOf(await resolving.change(uri, [{ text: fixed }]), 'readonly-root-filesystem'), []);
      await resolving.close(uri);
    });

    it('an action offered before the document changed is resolved on its current text', async () => {
      const uri = fileUri(path.join(folder, 'stale.json'));
      const offered = await fixAllAction(resolving, uri, await resolving.open(uri, task));
      const current = task.replace('    { "name": "sidecar"', '    { "name": "worker", "image": "busybox" },\n    { "name": "sidecar"');
      await resolving.change(uri, [{ text: current }]);
      const resolved = await resolving.request(CodeActionResolveRequest.type, offered);
      assert.equal(
        applied(uri, current, resolved),
        `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "readonlyRootFilesystem": true },
    { "name": "worker", "image": "busybox", "readonlyRootFilesystem": true },
    { "name": "sidecar", "image": "envoy", "readonlyRootFilesystem": true }
  ]
}
`,
      );
      await resolving.close(uri);
    });

    it("source.fixAll comes without its edit and resolves to every rule's safe fixes", async () => {
      const uri = fileUri(path.join(folder, 'source-fix-all.json'));
      const text = '{ "family": "web", "pidMode": "host", "containerDefinitions": [{ "name": "app", "image": "nginx", "privileged": true }] }';
      await resolving.open(uri, text);
      const [offered, ...rest] = (await resolving.request(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] },
      })) as CodeAction[];
      assert.deepEqual(rest, []);
      assert.equal(offered.edit, undefined);
      const resolved = await resolving.request(CodeActionResolveRequest.type, offered);
      assert.equal(applied(uri, text, resolved), '{ "family": "web", "containerDefinitions": [{ "name": "app", "image": "nginx", "privileged": false, "readonlyRootFilesystem": true }] }');
      await resolving.close(uri);
    });
  });
});

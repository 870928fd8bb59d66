import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, CodeActionRequest, HoverRequest, MessageType } from 'vscode-languageserver-protocol/node';
import { diagnosticsOf, fileUri, LspTestClient } from '../support/lspClient';

const PRIVILEGED = 'privileged-container';
const PRIVILEGED_TASK = '{ "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": true } ] }';

/** A committed `.ecs-guard.json` may be anything: the server reads it through one guarded path, in every request. */
describe('language server: a workspace whose .ecs-guard.json is hostile', function () {
  if (process.platform === 'win32') return;
  const cleanup: (() => void)[] = [];
  after(() => cleanup.forEach((undo) => undo()));

  const targets: [string, (file: string) => void][] = [
    ['a symlink to /dev/zero', (file) => fs.symlinkSync('/dev/zero', file)],
    ['a symlink to /dev/stdin', (file) => fs.symlinkSync('/dev/stdin', file)],
    ['a FIFO nobody writes to', (file) => execFileSync('mkfifo', [file])],
  ];
  for (const [what, make] of targets) {
    it(`${what}: diagnostics, the light bulb and hover answer at once, with one warning`, async () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-hostile-'));
      cleanup.push(() => fs.rmSync(folder, { recursive: true, force: true }));
      make(path.join(folder, '.ecs-guard.json'));
      const server = await LspTestClient.start({ workspaceFolders: [{ uri: fileUri(folder), name: 'hostile' }] });
      cleanup.push(() => server.kill());

      const warning = server.nextShowMessage((message) => /\.ecs-guard\.json (is not a file|cannot be read \(\w+\)); it is ignored/.test(message.message));
      const uri = fileUri(path.join(folder, 'task.json'));
      const diagnostics = diagnosticsOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED);
      assert.equal(diagnostics.length, 1);
      assert.equal((await warning).type, MessageType.Warning);
      const actions = (await server.request(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }, 3000)) as CodeAction[];
      assert.ok(actions.some((action) => action.kind === 'quickfix' && action.isPreferred), 'the quick fix is offered');
      assert.ok(!actions.some((action) => /Disable .* in \.ecs-guard\.json/.test(action.title)), 'no edit of a config file that is not a file');
      await server.request(HoverRequest.type, { textDocument: { uri }, position: diagnostics[0].range.start }, 3000);
      await server.ping();
    });
  }
});

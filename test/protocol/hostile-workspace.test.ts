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
  const cleanup: (() => void)[] = [];
  after(() => cleanup.forEach((undo) => undo()));

  const targets: [string, (file: string) => void][] = [
    ['a symlink to /dev/zero', (file) => fs.symlinkSync('/dev/zero', file)],
    ['a symlink to /dev/stdin', (file) => fs.symlinkSync('/dev/stdin', file)],
    ['a FIFO nobody writes to', (file) => execFileSync('mkfifo', [file])],
  ];
  for (const [what, make] of targets) {
    (process.platform === 'win32' ? it.skip : it)(`${what}: diagnostics, the light bulb and hover answer at once, with one warning`, async () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-hostile-'));
      cleanup.push(() => fs.rmSync(folder, { recursive: true, force: true }));
      make(path.join(folder, '.ecs-guard.json'));
      const server = await LspTestClient.start({ workspaceFolders: [{ uri: fileUri(folder), name: 'hostile' }] });
      cleanup.push(() => server.kill());

      const warning = server.nextShowMessage((message) => /\.ecs-guard\.json (is not a file|cannot be read \(\w+\)|links to a file outside its folder); it is ignored/.test(message.message));
      const uri = fileUri(path.join(folder, 'task.json'));
      const diagnostics = diagnosticsOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED);
      assert.equal(diagnostics.length, 1);
      assert.equal((await warning).type, MessageType.Warning);
      const actions = (await server.request(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }, 3000)) as CodeAction[];
      assert.ok(
        actions.some((action) => action.kind === 'quickfix' && action.isPreferred),
        'the quick fix is offered',
      );
      assert.ok(!actions.some((action) => /Disable .* in \.ecs-guard\.json/.test(action.title)), 'no edit of a config file that is not a file');
      await server.request(HoverRequest.type, { textDocument: { uri }, position: diagnostics[0].range.start }, 3000);
      await server.ping();
    });
  }

  it('5,000 unknown rule ids raise one summarised notification, all of them logged', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-hostile-'));
    cleanup.push(() => fs.rmSync(folder, { recursive: true, force: true }));
    const rules = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`no-such-rule-${i}${'x'.repeat(i === 0 ? 100_000 : 0)}`, 'off']));
    fs.writeFileSync(path.join(folder, '.ecs-guard.json'), JSON.stringify({ rules }));
    const server = await LspTestClient.start({ workspaceFolders: [{ uri: fileUri(folder), name: 'hostile' }], settings: { rules } });
    cleanup.push(() => server.kill());
    const uri = fileUri(path.join(folder, 'task.json'));
    assert.equal(diagnosticsOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED).length, 1);
    await server.ping();
    // One for the settings, one for the file: each names the count and the first few.
    assert.equal(server.showMessages.length, 2, JSON.stringify(server.showMessages.map((message) => message.message.slice(0, 200))));
    for (const { message } of server.showMessages) {
      assert.match(message, /^ECS Guard: 5000 configuration problems: .*unknown rule "no-such-rule-0x+….*…and 4997 more \(all listed in the ECS Guard output\)\.$/);
      assert.ok(message.length < 1000, `a short notification (${message.length} characters)`);
    }
  });

  (process.platform === 'win32' ? it.skip : it)('a .ecs-guard.json linking outside the workspace folder is not read, by diagnostics or the light bulb', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-outside-'));
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-hostile-'));
    cleanup.push(() => [outside, folder].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
    fs.writeFileSync(path.join(outside, 'secret.json'), JSON.stringify({ rules: { [PRIVILEGED]: 'off' }, 'SECRET-CONTENT': 1 }));
    fs.symlinkSync(path.join(outside, 'secret.json'), path.join(folder, '.ecs-guard.json'));
    const server = await LspTestClient.start({ workspaceFolders: [{ uri: fileUri(folder), name: 'hostile' }] });
    cleanup.push(() => server.kill());

    const warning = server.nextShowMessage((message) => /links to a file outside its folder; it is ignored/.test(message.message));
    const uri = fileUri(path.join(folder, 'task.json'));
    const diagnostics = diagnosticsOf(await server.open(uri, PRIVILEGED_TASK), PRIVILEGED);
    assert.equal(diagnostics.length, 1, 'the outside file did not turn the rule off');
    await warning;
    const actions = (await server.request(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    assert.ok(!actions.some((action) => /Disable .* in \.ecs-guard\.json/.test(action.title)), 'no edit of the outside file');
    await server.ping();
    assert.ok(!JSON.stringify([server.showMessages, server.logMessages]).includes('SECRET-CONTENT'), 'nothing of the outside file is echoed');
  });
});

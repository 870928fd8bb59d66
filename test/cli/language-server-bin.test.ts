import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const bin = path.resolve(__dirname, '../../bin/ecs-guard-language-server.js');
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: '', timeout: 20_000 });

describe('ecs-guard-language-server bin', () => {
  it('without a transport, says which ones there are instead of a stack trace (exit 2)', () => {
    const result = run([]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^ecs-guard-language-server: no transport given\.\nUsage: ecs-guard-language-server --stdio\n/);
    assert.doesNotMatch(result.stderr, /at .*\.js:\d+/);
  });

  it('--help and --version', () => {
    assert.match(run(['--help']).stdout, /--stdio, --node-ipc, --socket=<port>, --pipe=<name>/);
    const { version } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
    assert.equal(run(['--version']).stdout, `${version}\n`);
  });
});

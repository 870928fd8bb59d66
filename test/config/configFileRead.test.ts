import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_CONFIG_BYTES, readConfigFile, readConfigFileText } from '../../server/src/config/configFile';

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('reading a config file the workspace controls (readConfigFileText)', () => {
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-config-read-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const file = (name = '.ecs-guard.json') => path.join(folder, name);

  it('reads a regular file', () => {
    fs.writeFileSync(file(), '{ "rules": {} }');
    assert.deepEqual(readConfigFileText(file()), { kind: 'text', text: '{ "rules": {} }' });
  });

  it('tells a missing file (one a "disable" action may create) from an unusable one', () => {
    assert.deepEqual(readConfigFileText(file()), { kind: 'missing' });
    assert.equal(readConfigFile(file()), undefined);
    fs.mkdirSync(file());
    assert.equal(readConfigFileText(file()).kind, 'unusable');
    assert.match(readConfigFile(file())!.problems[0], /is not a file; it is ignored/);
  });

  it('refuses a file over the limit without reading it', () => {
    fs.writeFileSync(file(), `{ "rules": {} }${' '.repeat(MAX_CONFIG_BYTES)}`);
    const read = readConfigFileText(file());
    assert.equal(read.kind, 'unusable');
    assert.match(read.kind === 'unusable' ? read.problem : '', /larger than 256 KiB/);
  });

  for (const device of ['/dev/zero', '/dev/urandom', '/dev/stdin']) {
    posixOnly(`refuses a symlink to ${device} at once, reading nothing`, function () {
      if (!fs.existsSync(device)) this.skip();
      fs.symlinkSync(device, file());
      const started = Date.now();
      assert.equal(readConfigFileText(file()).kind, 'unusable');
      assert.ok(Date.now() - started < 1000);
    });
  }

  posixOnly('refuses a FIFO nobody writes to without waiting for a writer', () => {
    execFileSync('mkfifo', [file()]);
    assert.equal(readConfigFileText(file()).kind, 'unusable');
  });
});

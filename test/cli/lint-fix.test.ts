import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

const LOGS = '"logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app" } }';

const WEB = `{
  "family": "web",
  "pidMode": "host",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "privileged": "true",
      ${LOGS}
    },
    { "name": "sidecar", "image": "envoy", "readonlyRootFilesystem": false }
  ]
}
`;

/** The safe fixes applied; the users are a decision, so they stay as findings. */
const WEB_FIXED = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "privileged": false,
      ${LOGS},
      "readonlyRootFilesystem": true
    },
    { "name": "sidecar", "image": "envoy", "readonlyRootFilesystem": true, "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "sidecar" } } }
  ]
}
`;

const BROKEN = '{ "family": "broken", "pidMode": "host", "containerDefinitions": [ { "name": "a", "image": "x" }, ] }\n';

describe('ecs-guard lint --fix', () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  beforeEach(() => {
    workspace = tempWorkspace({ 'deploy/web.json': WEB, 'deploy/broken.json': BROKEN });
  });
  afterEach(() => workspace.cleanup());

  const read = (file: string) => fs.readFileSync(path.join(workspace.dir, file), 'utf8');
  const found = (stdout: string) => (JSON.parse(stdout) as { file: string; ruleId: string; line: number }[]).map((f) => `${f.file}:${f.line} ${f.ruleId}`);

  it('writes the safe fixes, pass after pass, and reports what remains', async () => {
    const run = await runCli(['lint', '--fix', 'deploy/web.json', '--format', 'json'], workspace.dir);
    // "privileged": "true" is first made a boolean (value-type), which the next pass sets to false.
    assert.equal(read('deploy/web.json'), WEB_FIXED);
    assert.deepEqual(found(run.stdout), ['deploy/web.json:5 linux-non-root-user', 'deploy/web.json:11 linux-non-root-user']);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, 'ecs-guard: fixed deploy/web.json: 6 fixes (readonly-root-filesystem 2, log-configuration 1, pid-mode-host 1, privileged-container 1, value-type 1)\n');
  });

  it('is stable: a second run changes nothing', async () => {
    await runCli(['lint', '--fix', 'deploy/web.json'], workspace.dir);
    const second = await runCli(['lint', '--fix', 'deploy/web.json', '--format', 'json'], workspace.dir);
    assert.equal(read('deploy/web.json'), WEB_FIXED);
    assert.equal(found(second.stdout).length, 2);
  });

  it('leaves a file with JSON syntax errors alone, and still reports it', async () => {
    const run = await runCli(['lint', '--fix', 'deploy', '--format', 'json'], workspace.dir);
    assert.equal(read('deploy/broken.json'), BROKEN);
    assert.ok(found(run.stdout).includes('deploy/broken.json:1 pid-mode-host'));
    assert.equal(run.code, 1);
  });

  it('respects the config file: a rule that is off is not fixed', async () => {
    fs.writeFileSync(path.join(workspace.dir, '.ecs-guard.json'), '{ "rules": { "readonly-root-filesystem": "off", "pid-mode-host": "off" } }');
    await runCli(['lint', '--fix', 'deploy/web.json'], workspace.dir);
    const fixed = read('deploy/web.json');
    assert.ok(fixed.includes('"pidMode": "host"'));
    assert.ok(fixed.includes('"readonlyRootFilesystem": false'));
    assert.ok(fixed.includes('"privileged": false'));
  });

  it('without --fix writes nothing', async () => {
    await runCli(['lint', 'deploy/web.json'], workspace.dir);
    assert.equal(read('deploy/web.json'), WEB);
  });

  it('is in the help', async () => {
    assert.match((await runCli(['lint', '--help'], workspace.dir)).stdout, /--fix\s+Apply the safe fixes to the files, then report what remains/);
  });
});

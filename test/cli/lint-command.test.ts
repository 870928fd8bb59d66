import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMetas } from '../../server/src/rules';
import { runCli, tempWorkspace } from '../support/cli';

const PRIVILEGED = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "privileged": true }
  ]
}
`;
const TRAILING_COMMA = `{ "family": "broken", "containerDefinitions": [ { "name": "a", "image": "x" }, ] }\n`;
const NOT_A_TASK = `{ "compilerOptions": { "strict": true } }\n`;

describe('ecs-guard lint', () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  beforeEach(() => {
    workspace = tempWorkspace({
      'deploy/web.json': PRIVILEGED,
      'deploy/broken.json': TRAILING_COMMA,
      'tsconfig.json': NOT_A_TASK,
      'node_modules/pkg/task.json': PRIVILEGED,
    });
  });
  afterEach(() => workspace.cleanup());

  const ids = (stdout: string) => (JSON.parse(stdout) as { file: string; ruleId: string }[]).map((f) => `${f.file} ${f.ruleId}`);

  it('lints the folder by default, by content, skipping node_modules', async () => {
    const run = await runCli(['lint', '--format', 'json'], workspace.dir);
    const found = ids(run.stdout);
    assert.ok(found.includes('deploy/web.json privileged-container'));
    assert.ok(found.includes('deploy/broken.json json-syntax'));
    assert.ok(!found.some((line) => line.startsWith('tsconfig.json') || line.startsWith('node_modules')));
  });

  it('json output: 1-based positions and the JSON path of each finding', async () => {
    const run = await runCli(['lint', 'deploy/web.json', '--format=json'], workspace.dir);
    const [finding] = (JSON.parse(run.stdout) as Record<string, unknown>[]).filter((f) => f.ruleId === 'privileged-container');
    assert.deepEqual(finding, {
      file: 'deploy/web.json',
      ruleId: 'privileged-container',
      severity: 'warning',
      message: finding.message,
      line: 4,
      column: 54,
      endLine: 4,
      endColumn: 58,
      path: ['containerDefinitions', 0, 'privileged'],
    });
    assert.equal(PRIVILEGED.split('\n')[3].slice(53, 57), 'true');
  });

  it('exit code 1 when an error-severity finding exists, 0 when only warnings', async () => {
    assert.equal((await runCli(['lint', 'deploy/broken.json'], workspace.dir)).code, 1);
    const warningsOnly = await runCli(['lint', 'deploy/web.json', '--format', 'json'], workspace.dir);
    const severities = new Set((JSON.parse(warningsOnly.stdout) as { severity: string }[]).map((f) => f.severity));
    assert.equal(warningsOnly.code, severities.has('error') ? 1 : 0);
  });

  it('exit code 0 and no output for a clean file', async () => {
    fs.writeFileSync(path.join(workspace.dir, 'clean.json'), '{ "family": "x", "containerDefinitions": "${CONTAINERS}" }');
    fs.writeFileSync(path.join(workspace.dir, '.ecs-guard.json'), JSON.stringify({ rules: Object.fromEntries(allRuleMetas.map((m) => [m.id, 'off'])) }));
    const run = await runCli(['lint', 'clean.json'], workspace.dir);
    assert.deepEqual(run, { code: 0, stdout: '', stderr: '' });
  });

  it('exit code 2 for a missing file, and the other files are still linted', async () => {
    const run = await runCli(['lint', 'missing.json', 'deploy/web.json', '--format', 'json'], workspace.dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read "missing.json": no such file or folder/);
    assert.ok(ids(run.stdout).includes('deploy/web.json privileged-container'));
  });

  it('exit code 2 for usage errors, with a clear message', async () => {
    for (const args of [['lint', '--format', 'xml'], ['lint', '--colour'], ['frobnicate'], ['lint', '--format']]) {
      const run = await runCli(args, workspace.dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^ecs-guard: .+\nRun "ecs-guard (lint )?--help" for usage\.\n$/);
    }
  });

  it('a glob that matches nothing is reported; a glob that matches lints those files', async () => {
    const none = await runCli(['lint', 'nothing/**/*.json'], workspace.dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no files match "nothing\/\*\*\/\*.json"/);
    const some = await runCli(['lint', 'deploy/*.json', '--format', 'json'], workspace.dir);
    assert.deepEqual([...new Set(ids(some.stdout).map((line) => line.split(' ')[0]))].sort(), ['deploy/broken.json', 'deploy/web.json']);
  });

  it('names a file that is not a task definition instead of silently passing it', async () => {
    const run = await runCli(['lint', 'tsconfig.json'], workspace.dir);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /tsconfig.json is not an ECS task definition/);
  });

  it('fails a task definition wrapped in an array, which the AWS CLI rejects, with the one finding that says so', async () => {
    fs.writeFileSync(path.join(workspace.dir, 'wrapped.json'), '[ { "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx", "privileged": true } ] } ]\n');
    const run = await runCli(['lint', 'wrapped.json', '--format', 'json'], workspace.dir);
    assert.equal(run.code, 1);
    assert.deepEqual(
      (JSON.parse(run.stdout) as { ruleId: string; message: string }[]).map((finding) => [finding.ruleId, finding.message]),
      [
        [
          'task-definition-in-array',
          'This file is a task definition inside an array: the AWS CLI (--cli-input-json) and RegisterTaskDefinition take one task definition object, not an array, so remove the enclosing [ ]. Nothing else in it is checked until then.',
        ],
      ],
    );
  });

  it('reads .ecs-guard.json: severities, ignore and include globs', async () => {
    fs.writeFileSync(
      path.join(workspace.dir, '.ecs-guard.json'),
      JSON.stringify({
        rules: { 'privileged-container': 'error' },
        ignore: ['deploy/broken.json'],
      }),
    );
    const run = await runCli(['lint', '--format', 'json'], workspace.dir);
    const findings = JSON.parse(run.stdout) as { file: string; ruleId: string; severity: string }[];
    assert.ok(findings.some((f) => f.ruleId === 'privileged-container' && f.severity === 'error'));
    assert.ok(!findings.some((f) => f.file === 'deploy/broken.json'));
    assert.equal(run.code, 1);
  });

  it('include globs lint a file whose content is not recognised yet (for example, not valid JSON)', async () => {
    fs.writeFileSync(path.join(workspace.dir, 'deploy/draft.json'), '{ "family": ');
    fs.writeFileSync(path.join(workspace.dir, '.ecs-guard.json'), JSON.stringify({ include: ['deploy/**'] }));
    const run = await runCli(['lint', '--format', 'json'], workspace.dir);
    assert.ok(ids(run.stdout).includes('deploy/draft.json json-syntax'));
    assert.ok(!ids(run.stdout).some((line) => line.startsWith('tsconfig.json')));
  });

  it('warns about problems in .ecs-guard.json and applies its valid parts', async () => {
    fs.writeFileSync(path.join(workspace.dir, '.ecs-guard.json'), JSON.stringify({ rules: { 'no-such-rule': 'off', 'privileged-container': 'loud', 'json-syntax': 'off' } }));
    const run = await runCli(['lint', '--format', 'json'], workspace.dir);
    assert.match(run.stderr, /unknown rule "no-such-rule"/);
    assert.match(run.stderr, /rule "privileged-container" has severity "loud"/);
    assert.ok(!ids(run.stdout).some((line) => line.endsWith('json-syntax')));
  });

  it('--config names another config file; an unreadable one is a usage error', async () => {
    fs.writeFileSync(path.join(workspace.dir, 'strict.json'), JSON.stringify({ rules: { 'privileged-container': 'off' } }));
    const run = await runCli(['lint', 'deploy/web.json', '--config', 'strict.json', '--format', 'json'], workspace.dir);
    assert.ok(!ids(run.stdout).some((line) => line.endsWith('privileged-container')));
    assert.equal((await runCli(['lint', '--config', 'absent.json'], workspace.dir)).code, 2);
  });

  it('stylish output: a header per file, line:column, severity, message and rule id, and a summary', async () => {
    const run = await runCli(['lint', 'deploy/web.json'], workspace.dir);
    const lines = run.stdout.split('\n');
    assert.ok(lines.includes('deploy/web.json'));
    assert.ok(
      lines.some((line) => /^ {2}4:54 +warning +Container "app" runs privileged.* privileged-container$/.test(line)),
      run.stdout,
    );
    assert.match(run.stdout, /✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\)/);
  });

  it('sarif output: SARIF 2.1.0 with every rule in the driver and 1-based regions', async () => {
    const run = await runCli(['lint', 'deploy', '--format', 'sarif'], workspace.dir);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    const [sarifRun] = log.runs;
    const rules = sarifRun.tool.driver.rules as { id: string; helpUri: string }[];
    assert.deepEqual(
      rules.map((rule) => rule.id),
      allRuleMetas.map((meta) => meta.id),
    );
    for (const rule of rules) assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
    const privileged = sarifRun.results.find((result: { ruleId: string }) => result.ruleId === 'privileged-container');
    assert.equal(rules[privileged.ruleIndex].id, 'privileged-container');
    assert.equal(privileged.level, 'warning');
    assert.deepEqual(privileged.locations[0].physicalLocation.artifactLocation, { uri: 'deploy/web.json', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(privileged.locations[0].physicalLocation.region, { startLine: 4, startColumn: 54, endLine: 4, endColumn: 58 });
    const syntax = sarifRun.results.find((result: { ruleId: string }) => result.ruleId === 'json-syntax');
    assert.equal(syntax.level, 'error');
  });

  it('runs as the packaged bin with the same exit codes', function () {
    const bin = path.resolve(__dirname, '../../bin/ecs-guard.js');
    if (!fs.existsSync(path.resolve(__dirname, '../../dist/cli/ecs-guard.js'))) this.skip();
    assert.match(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }), /^\d+\.\d+\.\d+\n$/);
    const broken = spawnSync(process.execPath, [bin, 'lint', 'deploy/broken.json'], { cwd: workspace.dir, encoding: 'utf8' });
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /json-syntax/);
    const usage = spawnSync(process.execPath, [bin, 'lint', '--nope'], { cwd: workspace.dir, encoding: 'utf8' });
    assert.equal(usage.status, 2);
  });

  it('a reader that closes the pipe early (| head) ends the output quietly; the exit code stays', async function () {
    const bin = path.resolve(__dirname, '../../bin/ecs-guard.js');
    if (!fs.existsSync(path.resolve(__dirname, '../../dist/cli/ecs-guard.js'))) this.skip();
    const child = spawn(process.execPath, [bin, 'lint', '--format', 'json'], { cwd: workspace.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number];
    assert.equal(stderr, '');
    assert.equal(code, 1, 'deploy/broken.json has an error finding');
  });
});

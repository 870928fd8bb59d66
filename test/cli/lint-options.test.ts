import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMetas } from '../../server/src/rules';
import { runCli, tempWorkspace } from '../support/cli';

/** Warnings only: a privileged container (on EC2: on Fargate ECS rejects it, an error) and an AWS secret key in plain environment variables. */
const RISKY_TASK = `{
  "family": "web",
  "requiresCompatibilities": ["EC2"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "privileged": true,
      "environment": [{ "name": "AWS_SECRET_ACCESS_KEY", "value": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" }]
    }
  ]
}
`;
const BROKEN = '{ "family": "broken", "containerDefinitions": [ { "name": "a", "image": "x" }, ] }\n';

interface JsonFinding {
  file: string;
  ruleId: string;
  severity: string;
}

describe('ecs-guard lint options', () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  beforeEach(() => {
    workspace = tempWorkspace({ 'deploy/web.json': RISKY_TASK, 'deploy/broken.json': BROKEN });
  });
  afterEach(() => workspace.cleanup());

  const lint = (args: string[], options?: Parameters<typeof runCli>[2]) => runCli(['lint', ...args], workspace.dir, options);
  const findings = (stdout: string) => JSON.parse(stdout) as JsonFinding[];
  const warningsOf = (stdout: string) => findings(stdout).filter((f) => f.severity === 'warning').length;

  describe('help', () => {
    for (const args of [
      ['lint', '--help'],
      ['lint', '-h'],
      ['help', 'lint'],
      ['lint', 'deploy', '--help'],
    ]) {
      it(`${args.join(' ')} prints the lint options and exits 0`, async () => {
        const run = await runCli(args, workspace.dir);
        assert.equal(run.code, 0);
        assert.match(run.stdout, /^Usage: ecs-guard lint /);
        for (const option of ['--format', '--output-file', '--max-warnings', '--fail-on', '--quiet', '--stdin-filename', '--rule', '--list-rules', '--fix']) {
          assert.ok(run.stdout.includes(option), option);
        }
        assert.match(run.stdout, /Exit codes:\n {2}0 .*\n {2}1 .*\n/);
      });
    }

    it('coverage --help prints the coverage options without touching AWS', async () => {
      const run = await runCli(['coverage', '--help'], workspace.dir);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^Usage: ecs-guard coverage --region/);
      assert.match(run.stdout, /--endpoint-url <url>/);
    });

    it('a file called --help after -- is a file, not a request for help', async () => {
      const run = await lint(['--', '--help']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /cannot read "--help": no such file or folder/);
    });
  });

  it('usage errors name the option the way it is documented', async () => {
    const messages = async (args: string[]) => (await lint(args)).stderr.split('\n')[0];
    assert.equal(await messages(['-f']), 'ecs-guard: option --format needs a value');
    assert.equal(await messages(['--format']), 'ecs-guard: option --format needs a value');
    assert.equal(await messages(['--max-warnings', '-1']), 'ecs-guard: option --max-warnings needs a value; write --max-warnings=-value for one that starts with "-"');
    assert.equal(await messages(['--fix=yes']), 'ecs-guard: option --fix takes no value');
    assert.equal(await messages(['-x']), 'ecs-guard: unknown option -x');
  });

  it('short options: -f json and -o out.sarif are options, not file names', async () => {
    const json = await lint(['-f', 'json', 'deploy/web.json']);
    assert.ok(findings(json.stdout).some((f) => f.ruleId === 'privileged-container'));
    const sarif = await lint(['-f', 'sarif', '-o', 'reports/out.sarif', 'deploy']);
    assert.equal(sarif.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(workspace.dir, 'reports/out.sarif'), 'utf8')).version, '2.1.0');
    assert.equal(sarif.code, 1, 'the report went to the file, the exit code still tells');
  });

  describe('gating', () => {
    it('warnings alone pass by default', async () => {
      const run = await lint(['deploy/web.json', '-f', 'json']);
      assert.ok(warningsOf(run.stdout) >= 2);
      assert.equal(run.code, 0);
    });

    it('--fail-on warning fails on the privileged container and the secret key', async () => {
      const run = await lint(['deploy/web.json', '--fail-on', 'warning']);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /ecs-guard: \d+ findings at or above --fail-on warning\./);
      assert.match(run.stdout, /privileged-container/);
      assert.match(run.stdout, /environment-secrets/);
    });

    it('--fail-on none passes even with errors; --fail-on info fails on any finding', async () => {
      assert.equal((await lint(['deploy', '--fail-on', 'none'])).code, 0);
      assert.equal((await lint(['deploy/web.json', '--fail-on', 'info'])).code, 1);
      assert.equal((await lint(['deploy', '--fail-on', 'loud'])).code, 2);
    });

    it('--max-warnings N fails with more than N warnings, passes with N', async () => {
      const warnings = warningsOf((await lint(['deploy/web.json', '-f', 'json'])).stdout);
      assert.equal((await lint(['deploy/web.json', '--max-warnings', String(warnings)])).code, 0);
      const over = await lint(['deploy/web.json', '--max-warnings', String(warnings - 1)]);
      assert.equal(over.code, 1);
      assert.match(over.stderr, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1} allows`));
      assert.equal((await lint(['deploy/web.json', '--max-warnings', 'many'])).code, 2);
    });

    it('--quiet reports errors only, and its warnings do not count for --max-warnings', async () => {
      const run = await lint(['deploy', '--quiet', '-f', 'json', '--max-warnings', '0']);
      const reported = findings(run.stdout);
      assert.ok(reported.length > 0);
      assert.ok(reported.every((f) => f.severity === 'error'));
      assert.ok(reported.some((f) => f.file === 'deploy/broken.json' && f.ruleId === 'json-syntax'));
      assert.equal(run.code, 1);
      assert.equal((await lint(['deploy/web.json', '-q', '--max-warnings', '0'])).code, 0);
    });
  });

  describe('standard input', () => {
    it('- lints standard input, named by --stdin-filename', async () => {
      const run = await lint(['-', '--stdin-filename', 'deploy/from-pipe.json', '-f', 'json'], { stdin: RISKY_TASK });
      const reported = findings(run.stdout);
      assert.ok(reported.some((f) => f.ruleId === 'privileged-container'));
      assert.ok(reported.every((f) => f.file === 'deploy/from-pipe.json'));
      assert.equal(run.code, 0);
    });

    it('without --stdin-filename the text is called <stdin>; broken input fails', async () => {
      const run = await lint(['-'], { stdin: BROKEN });
      assert.equal(run.code, 1);
      assert.match(run.stdout, /^<stdin>$/m);
      assert.match(run.stdout, /json-syntax/);
    });

    it('--stdin-filename is matched against the config file globs', async () => {
      fs.writeFileSync(path.join(workspace.dir, '.ecs-guard.json'), JSON.stringify({ ignore: ['generated/**'] }));
      const run = await lint(['-', '--stdin-filename', 'generated/web.json'], { stdin: BROKEN });
      assert.equal(run.code, 0);
      assert.match(run.stderr, /generated\/web.json is ignored/);
    });

    it('- cannot be combined with files or --fix', async () => {
      assert.equal((await lint(['-', 'deploy'])).code, 2);
      assert.equal((await lint(['-', '--fix'])).code, 2);
      assert.equal((await lint(['deploy', '--stdin-filename', 'x.json'])).code, 2);
    });
  });

  describe('rules', () => {
    it('--rule id=severity overrides the default and the config file', async () => {
      fs.writeFileSync(path.join(workspace.dir, '.ecs-guard.json'), JSON.stringify({ rules: { 'privileged-container': 'off' } }));
      const run = await lint(['deploy/web.json', '--rule', 'privileged-container=error', '--rule', 'environment-secrets:off', '-f', 'json']);
      const reported = findings(run.stdout);
      assert.equal(reported.find((f) => f.ruleId === 'privileged-container')?.severity, 'error');
      assert.ok(!reported.some((f) => f.ruleId === 'environment-secrets'));
      assert.equal(run.code, 1);
    });

    it('--rule with an unknown rule or severity is a usage error', async () => {
      const unknown = await lint(['--rule', 'no-such-rule=error']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown rule "no-such-rule"/);
      const severity = await lint(['--rule', 'privileged-container=loud']);
      assert.equal(severity.code, 2);
      assert.match(severity.stderr, /severity "loud" for privileged-container is not one of off, info, warning, error/);
    });

    it('thousands of unknown rules in the config file are counted, not listed one by one', async () => {
      const rules = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`no-such-rule-${index}`, 'off']));
      fs.writeFileSync(path.join(workspace.dir, '.ecs-guard.json'), JSON.stringify({ rules }));
      const run = await lint(['deploy/web.json']);
      const lines = run.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 21);
      assert.equal(lines[20], 'ecs-guard: warning: ... and 4980 more problems in .ecs-guard.json.');
    });

    it('--list-rules lists every rule with its effective severity and what it enforces', async () => {
      const run = await lint(['--list-rules', '--rule', 'privileged-container=error']);
      assert.equal(run.code, 0);
      const lines = run.stdout.trimEnd().split('\n');
      assert.equal(lines.length, allRuleMetas.length);
      assert.match(
        lines.find((line) => line.startsWith('privileged-container '))!,
        /^privileged-container +error +Security Hub ECS\.4 +Containers should run without privileged mode\.?$/,
      );
      assert.match(
        lines.find((line) => line.startsWith('json-syntax '))!,
        / error +ECS API /,
      );
      const json = JSON.parse((await lint(['--list-rules', '-f', 'json'])).stdout) as { id: string; severity: string; enforces: string }[];
      assert.deepEqual(
        json.map((rule) => rule.id),
        allRuleMetas.map((meta) => meta.id),
      );
    });
  });

  describe('formats', () => {
    it('github: a workflow command per finding, with the path from the repository root and escaped data', async () => {
      fs.mkdirSync(path.join(workspace.dir, '.git'));
      const cwd = path.join(workspace.dir, 'deploy');
      const run = await runCli(['lint', 'web.json', 'broken.json', '-f', 'github'], cwd);
      const lines = run.stdout.trimEnd().split('\n');
      assert.ok(
        lines.every((line) => /^::(error|warning|notice) file=deploy\/(web|broken)\.json,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\n]+$/.test(line)),
        run.stdout,
      );
      assert.ok(lines.some((line) => line.startsWith('::warning file=deploy/web.json,') && line.includes('title=privileged-container::')));
      assert.ok(lines.some((line) => line.startsWith('::error file=deploy/broken.json,') && line.includes('title=json-syntax::')));
      assert.equal(run.code, 1);
    });

    it('github: a file that cannot be linted is an error annotation too', async () => {
      const run = await lint(['deploy/web.json', 'missing.json', '-f', 'github']);
      assert.match(run.stdout, /^::error::ecs-guard: cannot read "missing.json": no such file or folder$/m);
      assert.equal(run.code, 2);
    });

    it('junit: what could not be linted is a test case in error', async () => {
      const run = await lint(['deploy/web.json', 'missing.json', '-f', 'junit']);
      assert.match(run.stdout, /<testsuites name="ecs-guard" tests="\d+" failures="\d+" errors="1">/);
      assert.match(
        run.stdout,
        /<testcase classname="ecs-guard" name="cannot read &quot;missing.json&quot;: no such file or folder" time="0">\n {6}<error message="cannot read &quot;missing.json&quot;: no such file or folder"\/>/,
      );
      assert.equal(run.code, 2);
    });

    it('junit: a test suite per file, a failure per finding, and a passing case for a clean file', async () => {
      fs.writeFileSync(path.join(workspace.dir, 'deploy/clean.json'), '{ "family": "x", "containerDefinitions": "${CONTAINERS}" }');
      const off = Object.fromEntries(allRuleMetas.filter((meta) => meta.id !== 'privileged-container' && meta.id !== 'json-syntax').map((meta) => [meta.id, 'off']));
      fs.writeFileSync(path.join(workspace.dir, '.ecs-guard.json'), JSON.stringify({ rules: off }));
      const run = await lint(['deploy', '-f', 'junit']);
      assert.match(run.stdout, /^<\?xml version="1.0" encoding="utf-8"\?>\n<testsuites name="ecs-guard" tests="3" failures="2" errors="0">\n/);
      assert.match(run.stdout, /<testsuite name="deploy\/clean.json" tests="1" failures="0" errors="0">\n {4}<testcase classname="deploy\/clean.json" name="deploy\/clean.json" time="0"\/>/);
      assert.match(
        run.stdout,
        /<testcase classname="deploy\/web.json" name="privileged-container 12:21" time="0">\n {6}<failure message="Container &quot;app&quot; runs privileged[^"]*" type="warning">warning: /,
      );
      assert.match(run.stdout, /<failure message="[^"]+" type="error">error: .* \(json-syntax\) at deploy\/broken.json:1:\d+<\/failure>/);
      assert.match(run.stdout, /<\/testsuites>\n$/);
    });
  });

  describe('on a terminal', () => {
    it('a clean run says so in one line', async () => {
      fs.writeFileSync(path.join(workspace.dir, '.ecs-guard.json'), JSON.stringify({ rules: Object.fromEntries(allRuleMetas.map((meta) => [meta.id, 'off'])) }));
      const run = await lint(['deploy/web.json', 'deploy/broken.json'], { terminal: true });
      assert.deepEqual(run, { code: 0, stdout: '✔ No problems in 2 files.\n', stderr: '' });
      assert.equal((await lint(['deploy/web.json'])).stdout, '', 'nothing when piped, as eslint');
    });
  });
});

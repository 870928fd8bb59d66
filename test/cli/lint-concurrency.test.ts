import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileOutcome, LintSettings } from '../../cli/src/lint/fileLinter';
import { expandTargets } from '../../cli/src/lint/files';
import { MAX_FILE_BYTES } from '../../cli/src/lint/lintedFiles';
import { FILES_PER_AUTO_THREAD, lintTargets, MAX_AUTO_THREADS, ThreadOptions, workerCount } from '../../cli/src/lint/parallelLint';
import { EcsGuardConfig, EMPTY_CONFIG } from '../../server/src/engine';
import { runCli, tempWorkspace } from '../support/cli';
import { realTaskDefinitionFiles } from '../support/realFiles';

const FIXABLE = `{
  "family": "web",
  "pidMode": "host",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "privileged": "true" },
    { "name": "sidecar", "image": "envoy", "readonlyRootFilesystem": false }
  ]
}
`;
const BROKEN = '{ "family": "broken", "containerDefinitions": [ { "name": "a", "image": "x" }, ] }\n';
const NOT_A_TASK = '{ "compilerOptions": { "strict": true } }\n';
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Privileged: true
`;

/**
 * Every kind of outcome, several times over: real task definitions, fixable ones, broken JSON, a YAML
 * template, files that are not task definitions, ignored by the config, or too large to read.
 */
function workspaceFiles(): Record<string, string> {
  const files: Record<string, string> = {
    '.ecs-guard.json': JSON.stringify({ rules: { 'privileged-container': 'error' }, ignore: ['deploy/ignored-*.json'] }),
    'tsconfig.json': NOT_A_TASK,
  };
  const real = realTaskDefinitionFiles();
  for (let round = 0; round < 3; round++) {
    real.forEach((file, index) => (files[`deploy/${round}/${String(index).padStart(2, '0')}-${path.basename(file)}`] = fs.readFileSync(file, 'utf8')));
    files[`deploy/${round}/fixable.json`] = FIXABLE;
    files[`deploy/${round}/broken.json`] = BROKEN;
    files[`deploy/${round}/template.yaml`] = TEMPLATE;
    files[`deploy/${round}/package.json`] = NOT_A_TASK;
    files[`deploy/ignored-${round}.json`] = FIXABLE;
  }
  return files;
}

/** A workspace with those files and a file over the size limit (sparse: nothing is written). */
function outcomeWorkspace(): ReturnType<typeof tempWorkspace> {
  const workspace = tempWorkspace(workspaceFiles());
  fs.writeFileSync(path.join(workspace.dir, 'deploy/1/huge.json'), '');
  fs.truncateSync(path.join(workspace.dir, 'deploy/1/huge.json'), MAX_FILE_BYTES + 1);
  return workspace;
}

/** Every outcome of linting the workspace's `deploy` folder and two named files, in order. */
async function outcomesOf(dir: string, threads: ThreadOptions, lint = lintTargets): Promise<FileOutcome[]> {
  const config: EcsGuardConfig = { ...EMPTY_CONFIG, rules: { 'privileged-container': 'error' }, ignore: ['deploy/ignored-*.json'] };
  const settings: LintSettings = { config, configDir: dir, cwd: dir, fix: false, fixThroughSymlinks: false };
  const { targets } = expandTargets(['deploy', 'tsconfig.json', 'deploy/ignored-0.json'], dir);
  const outcomes: FileOutcome[] = [];
  await lint(targets, settings, threads, (outcome) => outcomes.push(outcome));
  return outcomes;
}

describe('ecs-guard lint --concurrency: the same report from any number of threads', () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  beforeEach(() => (workspace = outcomeWorkspace()));
  afterEach(() => workspace.cleanup());

  it('worker threads give exactly the outcomes of one thread: findings with their fixes, messages, notices, order', async function () {
    this.timeout(60_000);
    const single = await outcomesOf(workspace.dir, { workers: 0 });
    assert.ok(single.filter((outcome) => outcome.report?.findings.length).length > 50, 'the workspace has findings to compare');
    assert.ok(single.some((outcome) => outcome.events.some((event) => 'notice' in event && /over the 10 MiB limit/.test(event.notice.message))));
    assert.ok(single.some((outcome) => outcome.events.some((event) => 'message' in event && /is ignored by the config/.test(event.message))));
    // Only the workers lint: this thread takes nothing, so every outcome crossed from a worker.
    const workersOnly = await outcomesOf(workspace.dir, { workers: 2, mainThreadLints: false });
    assert.deepEqual(workersOnly, single);
    const shared = await outcomesOf(workspace.dir, { workers: 2 });
    assert.deepEqual(shared, single);
  });

  it('a worker that fails is told, and this thread lints the files it left', async function () {
    this.timeout(60_000);
    const single = await outcomesOf(workspace.dir, { workers: 0 });
    const failures: unknown[] = [];
    const outcomes = await outcomesOf(workspace.dir, {
      workers: 1,
      mainThreadLints: false,
      // Too little heap to load the rules: the worker runs out of memory and ends.
      workerResourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 },
      onWorkerFailure: (error) => failures.push(error),
    });
    assert.equal(failures.length, 1);
    assert.equal((failures[0] as { code?: string }).code, 'ERR_WORKER_OUT_OF_MEMORY');
    assert.deepEqual(outcomes, single);
  });

  it('the same from the CLI bundle, whose worker threads load dist/cli/lint.js', async function () {
    this.timeout(60_000);
    const bundle = path.resolve(__dirname, '../../dist/cli/lint.js');
    if (!fs.existsSync(bundle)) this.skip(); // npm test builds first
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, as the bin loads it
    const bundled = require(bundle) as { lintTargets: typeof lintTargets };
    const single = await outcomesOf(workspace.dir, { workers: 0 });
    const failures: unknown[] = [];
    assert.deepEqual(await outcomesOf(workspace.dir, { workers: 2, mainThreadLints: false, onWorkerFailure: (error) => failures.push(error) }, bundled.lintTargets), single);
    assert.deepEqual(failures, []);
  });

  for (const format of ['json', 'stylish', 'sarif', 'junit', 'github']) {
    it(`the whole run in ${format}: standard output, standard error and exit code as with --concurrency off`, async function () {
      this.timeout(60_000);
      const args = ['lint', 'deploy', 'tsconfig.json', 'deploy/ignored-0.json', '--format', format];
      const single = await runCli([...args, '--concurrency', 'off'], workspace.dir);
      assert.equal(single.code, 2, 'the file over the size limit fails the run');
      assert.deepEqual(await runCli([...args, '--concurrency', '3'], workspace.dir), single);
    });
  }

  it('--fix --concurrency 3 leaves the files and says what --fix alone does, also for a file named twice (a link)', async function () {
    this.timeout(60_000);
    const other = outcomeWorkspace();
    try {
      for (const dir of [workspace.dir, other.dir]) fs.symlinkSync('fixable.json', path.join(dir, 'deploy/0/link.json'));
      const args = ['lint', 'deploy', 'deploy/0/link.json', 'deploy/0/fixable.json', '--fix', '--format', 'json'];
      const single = await runCli([...args, '--concurrency', 'off'], workspace.dir);
      assert.deepEqual(await runCli([...args, '--concurrency', '3'], other.dir), single);
      assert.match(single.stderr, /fixed deploy\/2\/fixable\.json: /);
      assert.doesNotMatch(single.stderr, /changed while it was being fixed/);
      for (const file of ['deploy/0/fixable.json', 'deploy/1/fixable.json', 'deploy/2/fixable.json']) {
        assert.equal(fs.readFileSync(path.join(other.dir, file), 'utf8'), fs.readFileSync(path.join(workspace.dir, file), 'utf8'), file);
      }
    } finally {
      other.cleanup();
    }
  });
});

describe('ecs-guard lint --concurrency: how many threads', () => {
  const AUTO = { concurrency: 'auto', fix: false } as const;

  it('auto: a thread for every FILES_PER_AUTO_THREAD files, up to the idle cores and MAX_AUTO_THREADS', () => {
    const idle = { cores: 8, loadAverage: 1 };
    assert.equal(
      workerCount(AUTO, 1, () => idle),
      0,
    );
    assert.equal(
      workerCount(AUTO, 2 * FILES_PER_AUTO_THREAD - 1, () => idle),
      0,
    );
    assert.equal(
      workerCount(AUTO, 2 * FILES_PER_AUTO_THREAD, () => idle),
      1,
    );
    assert.equal(
      workerCount(AUTO, 100 * FILES_PER_AUTO_THREAD, () => idle),
      MAX_AUTO_THREADS - 1,
    );
    assert.equal(
      workerCount(AUTO, 100 * FILES_PER_AUTO_THREAD, () => ({ cores: 2, loadAverage: 0 })),
      1,
    );
    assert.equal(
      workerCount(AUTO, 100 * FILES_PER_AUTO_THREAD, () => ({ cores: 1, loadAverage: 0 })),
      0,
    );
  });

  it('auto: the machine is not asked when the files want one thread', () => {
    const unasked = () => assert.fail('the machine was asked');
    assert.equal(workerCount(AUTO, 2 * FILES_PER_AUTO_THREAD - 1, unasked), 0);
    assert.equal(workerCount({ concurrency: 3, fix: false }, 100, unasked), 2);
  });

  it('auto: a busy machine (load average over the cores) gets no more threads; the load counts this process', () => {
    assert.equal(
      workerCount(AUTO, 100 * FILES_PER_AUTO_THREAD, () => ({ cores: 2, loadAverage: 6 })),
      0,
    );
    assert.equal(
      workerCount(AUTO, 100 * FILES_PER_AUTO_THREAD, () => ({ cores: 2, loadAverage: 1.2 })),
      1,
    );
    assert.equal(
      workerCount(AUTO, 100 * FILES_PER_AUTO_THREAD, () => ({ cores: 8, loadAverage: 5 })),
      3,
    );
    assert.equal(
      workerCount(AUTO, 100 * FILES_PER_AUTO_THREAD, () => ({ cores: 8, loadAverage: 6 })),
      2,
    );
  });

  it('a number is that many threads, never more than one per file; the load does not change it', () => {
    const busy = { cores: 2, loadAverage: 30 };
    assert.equal(
      workerCount({ concurrency: 1, fix: false }, 1000, () => busy),
      0,
    );
    assert.equal(
      workerCount({ concurrency: 4, fix: false }, 1000, () => busy),
      3,
    );
    assert.equal(
      workerCount({ concurrency: 4, fix: false }, 2, () => busy),
      1,
    );
    assert.equal(
      workerCount({ concurrency: 4, fix: false }, 0, () => busy),
      0,
    );
  });

  it('--fix: one thread, whatever the concurrency', () => {
    const idle = { cores: 8, loadAverage: 0 };
    assert.equal(
      workerCount({ concurrency: 'auto', fix: true }, 100 * FILES_PER_AUTO_THREAD, () => idle),
      0,
    );
    assert.equal(
      workerCount({ concurrency: 4, fix: true }, 1000, () => idle),
      0,
    );
    assert.equal(
      workerCount({ concurrency: 4, fix: false }, 1000, () => idle),
      3,
    );
  });

  it('takes auto, off or a number of threads; anything else is a usage error', async () => {
    const workspace = tempWorkspace({ 'web.json': FIXABLE });
    try {
      for (const value of ['auto', 'off', '1', '2', '64']) assert.equal((await runCli(['lint', '--concurrency', value], workspace.dir)).code, 1, value);
      for (const value of ['0', '65', 'two', '-1', '1.5', '']) {
        const run = await runCli(['lint', `--concurrency=${value}`], workspace.dir);
        assert.equal(run.code, 2, value);
        assert.match(run.stderr, /--concurrency needs auto, off or a number of threads from 1 to 64/);
      }
    } finally {
      workspace.cleanup();
    }
  });
});

describe('ecs-guard lint on one thread', () => {
  it("does not load node:worker_threads (it brings Node's stream and messaging modules: a few ms of a short run)", function () {
    const bundle = path.resolve(__dirname, '../../dist/cli/lint.js');
    if (!fs.existsSync(bundle)) this.skip(); // npm test builds first
    const script = `const { runLint } = require(${JSON.stringify(bundle)});
runLint([${JSON.stringify(path.resolve(__dirname, '../../examples'))}], { cwd: __dirname, stdout: () => {}, stderr: () => {}, isTTY: false })
  .then(() => process.stdout.write(JSON.stringify(process.moduleLoadList.filter((name) => name === "NativeModule worker_threads"))));`;
    const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
    assert.deepEqual(loaded, []);
  });
});

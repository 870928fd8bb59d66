import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { demoSeed } from '../../client/src/coverage/testing/fakeGuardDuty/demoSeed';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { useIsolatedAwsEnvironment } from '../coverage/support/isolatedAwsEnvironment';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/ecs-guard.js');
const EXAMPLES = path.join(ROOT, 'examples');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI with its cache folder in `cacheHome` (XDG_CACHE_HOME), or with the cache turned off. */
async function run(args: string[], cache: { home: string } | 'off', entry = BIN): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  if (cache === 'off') env.NODE_DISABLE_COMPILE_CACHE = '1';
  else env.XDG_CACHE_HOME = cache.home;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [entry, ...args], { env, encoding: 'utf8', cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The cache files in a cache home, by name, with what identifies a write. */
function cacheFiles(home: string): Map<string, { ino: number; mtimeMs: number; mode: number; bytes: Buffer }> {
  const folder = path.join(home, 'ecs-guard', 'v8-code-cache');
  if (!fs.existsSync(folder)) return new Map();
  return new Map(
    fs.readdirSync(folder).map((name) => {
      const file = path.join(folder, name);
      const stat = fs.statSync(file);
      return [name, { ino: stat.ino, mtimeMs: stat.mtimeMs, mode: stat.mode & 0o777, bytes: fs.readFileSync(file) }];
    }),
  );
}

const LINT = ['lint', EXAMPLES, '--format', 'json'];

// The command bundles load with a V8 code cache in the user's cache folder; nothing a run prints depends on it.
describe('ecs-guard: the code cache of the command bundles', function () {
  this.timeout(60_000);
  let home: string;
  let uncached: Run;
  before(async function () {
    if (!fs.existsSync(path.join(ROOT, 'dist/cli/lint.js'))) this.skip(); // npm test builds first
    uncached = await run(LINT, 'off');
    assert.equal(uncached.code, 1); // the examples have findings
  });
  beforeEach(() => (home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-cache-home-'))));
  afterEach(() => {
    fs.chmodSync(home, 0o700);
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('is written by the first run, private to the user, and used as it is by the next', async () => {
    assert.deepEqual(await run(LINT, { home }), uncached);
    const written = cacheFiles(home);
    assert.deepEqual(
      [...written.keys()].map((name) => name.replace(/-[0-9a-f]{32}\.bin$/, '-<digest>.bin')),
      ['lint-<digest>.bin'],
    );
    assert.equal([...written.values()][0].mode, 0o600);
    assert.equal(fs.statSync(path.join(home, 'ecs-guard', 'v8-code-cache')).mode & 0o777, 0o700);

    assert.deepEqual(await run(LINT, { home }), uncached);
    // A cache V8 rejects is written anew as the run ends: the same file means V8 took it.
    assert.deepEqual(cacheFiles(home), written);
  });

  it('is not written with NODE_DISABLE_COMPILE_CACHE', async () => {
    const env = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = home;
    try {
      assert.deepEqual(await run(LINT, 'off'), uncached);
    } finally {
      if (env === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = env;
    }
    assert.deepEqual(cacheFiles(home), new Map());
  });

  for (const [damage, damaged] of [
    ['garbage', (bytes: Buffer) => Buffer.alloc(bytes.length, 0x5a)],
    ['a truncated file', (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1)],
    ['an empty file', () => Buffer.alloc(0)],
  ] as const) {
    it(`replaces ${damage} and lints as without a cache`, async () => {
      await run(LINT, { home });
      const [[name, original]] = cacheFiles(home);
      const file = path.join(home, 'ecs-guard', 'v8-code-cache', name);
      fs.writeFileSync(file, damaged(original.bytes));
      assert.deepEqual(await run(LINT, { home }), uncached);
      assert.deepEqual([...cacheFiles(home).keys()], [name]);
      assert.notDeepEqual(cacheFiles(home).get(name)!.bytes, damaged(original.bytes));
    });
  }

  describe('builds', () => {
    let copy: string;
    beforeEach(() => (copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-cli-copy-'))));
    afterEach(() => fs.rmSync(copy, { recursive: true, force: true }));
    const original = () => fs.readFileSync(path.join(ROOT, 'dist/cli/lint.js'), 'utf8');
    /** Runs a copy of the CLI whose lint bundle is `lint`. */
    const runBuild = async (lint: string) => {
      fs.copyFileSync(path.join(ROOT, 'dist/cli/ecs-guard.js'), path.join(copy, 'ecs-guard.js'));
      fs.writeFileSync(path.join(copy, 'lint.js'), lint);
      return run(LINT, { home }, path.join(copy, 'ecs-guard.js'));
    };

    it("keys the cache by the bundle's content, and keeps two builds used in turn", async () => {
      await runBuild(original());
      const [first] = cacheFiles(home).keys();
      // Same length, other content: V8 alone would take the old cache (it checks a source's length, not its text).
      assert.deepEqual(await runBuild(original().replace('"use strict";', "'use strict';")), uncached);
      const both = cacheFiles(home);
      assert.equal(both.size, 2);
      assert.ok(both.has(first));
      assert.deepEqual(await runBuild(original()), uncached);
      assert.deepEqual(cacheFiles(home), both);
    });

    it('keeps the newest four builds, and removes what a killed process left', async () => {
      await runBuild(original());
      const [oldest] = cacheFiles(home).keys();
      const folder = path.join(home, 'ecs-guard', 'v8-code-cache');
      const leftOver = path.join(folder, `${oldest}.4242.tmp`);
      const writing = path.join(folder, `${oldest}.4343.tmp`);
      fs.writeFileSync(leftOver, 'half a cache');
      fs.writeFileSync(writing, 'half a cache');
      const twoMinutesAgo = new Date(Date.now() - 120_000);
      fs.utimesSync(leftOver, twoMinutesAgo, twoMinutesAgo);
      for (const build of [1, 2, 3, 4]) assert.deepEqual(await runBuild(`${original()}\n// build ${build}\n`), uncached);
      const names = [...cacheFiles(home).keys()];
      assert.equal(names.filter((name) => name.endsWith('.bin')).length, 4);
      assert.ok(!names.includes(oldest));
      assert.ok(!names.includes(path.basename(leftOver)));
      assert.ok(names.includes(path.basename(writing)));
    });
  });

  it('is not used in a folder others may write to', async () => {
    const folder = path.join(home, 'ecs-guard', 'v8-code-cache');
    fs.mkdirSync(folder, { recursive: true });
    fs.chmodSync(folder, 0o777);
    assert.deepEqual(await run(LINT, { home }), uncached);
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('costs nothing but itself when the cache folder cannot be made', async () => {
    const notAFolder = path.join(home, 'file');
    fs.writeFileSync(notAFolder, '');
    assert.deepEqual(await run(LINT, { home: notAFolder }), uncached);
    fs.chmodSync(home, 0o500);
    if (process.getuid?.() !== 0) assert.deepEqual(await run(LINT, { home }), uncached); // root writes anyway
  });

  describe('coverage', () => {
    useIsolatedAwsEnvironment();
    let fake: FakeGuardDuty;
    beforeEach(async () => (fake = await startFakeGuardDuty({ regions: demoSeed() })));
    afterEach(() => fake?.close());

    it('loads the AWS SDK from the cache, its lazily loaded modules included', async () => {
      const coverage = ['coverage', '--region', 'eu-west-1', '--endpoint-url', fake.url, '--format', 'json'];
      const expected = await run(coverage, 'off');
      assert.equal(expected.stderr, '');
      assert.match(expected.stdout, /"region": "eu-west-1"/);
      assert.deepEqual(await run(coverage, { home }), expected);
      const written = cacheFiles(home);
      assert.deepEqual(
        [...written.keys()].map((name) => name.slice(0, 'coverage-'.length)),
        ['coverage-'],
      );
      assert.deepEqual(await run(coverage, { home }), expected);
      assert.deepEqual(cacheFiles(home), written);
    });
  });
});

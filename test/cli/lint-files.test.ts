import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readLintedFile, writeFileAtomically } from '../../cli/src/lint/fileAccess';
import { MAX_FILE_BYTES } from '../../cli/src/lint/lintedFiles';
import { formatStylish } from '../../cli/src/lint/formatStylish';
import { FileReport } from '../../cli/src/lint/report';
import { LintFinding } from '../../server/src/engine';
import { runCli, tempWorkspace } from '../support/cli';

const PRIVILEGED = '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "app", "image": "nginx", "privileged": true, "readonlyRootFilesystem": true }\n  ]\n}\n';
const FIXED = PRIVILEGED.replace('"privileged": true', '"privileged": false');

describe('ecs-guard lint: files on disk', () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  let outside: ReturnType<typeof tempWorkspace>;
  beforeEach(() => {
    workspace = tempWorkspace({ 'deploy/web.json': PRIVILEGED });
    outside = tempWorkspace({ 'elsewhere/web.json': PRIVILEGED });
  });
  afterEach(() => {
    workspace.cleanup();
    outside.cleanup();
  });

  const file = (name: string) => path.join(workspace.dir, name);
  const read = (name: string) => fs.readFileSync(file(name), 'utf8');
  const outsideFile = () => path.join(outside.dir, 'elsewhere/web.json');
  const lint = (args: string[]) => runCli(['lint', ...args], workspace.dir);
  const leftovers = (folder: string) => fs.readdirSync(folder).filter((name) => name.includes('.ecs-guard-') && name.endsWith('.tmp'));

  describe('--fix writes atomically', () => {
    it('replaces the file by a rename, keeping its mode and CRLF line endings, leaving no temporary file', async () => {
      fs.writeFileSync(file('deploy/web.json'), PRIVILEGED.replace(/\n/g, '\r\n'));
      fs.chmodSync(file('deploy/web.json'), 0o640);
      const inodeBefore = fs.statSync(file('deploy/web.json')).ino;
      const run = await lint(['--fix', 'deploy/web.json']);
      assert.equal(run.stderr, 'ecs-guard: fixed deploy/web.json: 1 fix (privileged-container 1)\n');
      assert.equal(read('deploy/web.json'), FIXED.replace(/\n/g, '\r\n'));
      const after = fs.statSync(file('deploy/web.json'));
      assert.equal(after.mode & 0o777, 0o640);
      assert.notEqual(after.ino, inodeBefore, 'a new file renamed over the old one, not the old one truncated and rewritten');
      assert.deepEqual(leftovers(file('deploy')), []);
    });

    it('kill -9 while the fixed file is being written leaves the old file or the new one, never a truncated one', async function () {
      this.timeout(120_000);
      const bin = path.resolve(__dirname, '../../bin/ecs-guard.js');
      if (!fs.existsSync(path.resolve(__dirname, '../../dist/cli/ecs-guard.js'))) this.skip(); // npm test builds first
      const containers = Array.from(
        { length: 6000 },
        (_, index) => `    { "name": "c${index}", "image": "nginx", "privileged": true, "readonlyRootFilesystem": true, "environment": [{ "name": "PADDING", "value": "${'x'.repeat(300)}" }] }`,
      );
      const original = `{\n  "family": "big",\n  "containerDefinitions": [\n${containers.join(',\n')}\n  ]\n}\n`;
      fs.writeFileSync(file('deploy/big.json'), original);
      fs.writeFileSync(file('deploy/expected.json'), original);
      await lint(['--fix', 'deploy/expected.json']);
      const fixed = read('deploy/expected.json');
      assert.notEqual(fixed, original);

      // On a busy machine the kill can land after the run ended; then it is tried again, up to five times.
      let killedMidRun = 0;
      for (let attempt = 0; attempt < 5 && killedMidRun === 0; attempt++) {
        fs.writeFileSync(file('deploy/big.json'), original);
        const child = spawn(process.execPath, [bin, 'lint', '--fix', 'deploy/big.json'], { cwd: workspace.dir, stdio: 'ignore' });
        // Killed at the first change in the folder: the fixed text starts being written (to a temporary file, or
        // in place by a writer that is not atomic).
        const watcher = fs.watch(file('deploy'), () => child.kill('SIGKILL'));
        const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, exitSignal) => resolve(exitSignal)));
        watcher.close();
        const after = read('deploy/big.json');
        assert.ok(after === original || after === fixed, `a ${after.length}-character file, neither the old (${original.length}) nor the fixed (${fixed.length}) one`);
        if (signal === 'SIGKILL') killedMidRun++;
      }
      assert.equal(killedMidRun, 1, 'a kill landed before the run ended');
    });

    it('does not overwrite an edit saved after the file was read, and says so', () => {
      const target = file('deploy/web.json');
      const original = readLintedFile(target);
      assert.ok(original.ok);
      const userEdit = PRIVILEGED.replace('"web"', '"api"'); // Same length: only the content tells.
      fs.writeFileSync(target, userEdit);
      fs.utimesSync(target, original.file.stat.atime, original.file.stat.mtime);
      assert.equal(writeFileAtomically(target, FIXED, original.file), 'changed-meanwhile');
      assert.equal(read('deploy/web.json'), userEdit);
      assert.deepEqual(leftovers(file('deploy')), []);
    });

    it('writes when the file is as it was read', () => {
      const target = file('deploy/web.json');
      const original = readLintedFile(target);
      assert.ok(original.ok);
      assert.equal(writeFileAtomically(target, FIXED, original.file), 'written');
      assert.equal(read('deploy/web.json'), FIXED);
    });
  });

  describe('symbolic links', () => {
    it('--fix does not write through a linked file that leads outside the given paths', async () => {
      fs.symlinkSync(outsideFile(), file('deploy/linked.json'));
      const run = await lint(['--fix', 'deploy/linked.json', '-f', 'json']);
      assert.equal(fs.readFileSync(outsideFile(), 'utf8'), PRIVILEGED);
      assert.match(run.stderr, /warning: not fixed: deploy\/linked.json is a symbolic link to .*elsewhere\/web.json, outside the paths given \(--fix-through-symlinks writes there\)/);
      assert.ok(
        (JSON.parse(run.stdout) as { ruleId: string }[]).some((f) => f.ruleId === 'privileged-container'),
        'still linted',
      );
      assert.equal(run.code, 0);
    });

    it('--fix does not write through a linked folder or glob base', async () => {
      fs.symlinkSync(path.join(outside.dir, 'elsewhere'), file('linked-folder'));
      await lint(['--fix', 'linked-folder']);
      await lint(['--fix', 'linked-folder/*.json']);
      assert.equal(fs.readFileSync(outsideFile(), 'utf8'), PRIVILEGED);
    });

    it('--fix-through-symlinks writes the file the link leads to, and the link stays a link', async () => {
      fs.symlinkSync(outsideFile(), file('deploy/linked.json'));
      await lint(['--fix', '--fix-through-symlinks', 'deploy/linked.json']);
      assert.equal(fs.readFileSync(outsideFile(), 'utf8'), FIXED);
      assert.ok(fs.lstatSync(file('deploy/linked.json')).isSymbolicLink());
    });

    it('a link to a file inside the given paths is fixed', async () => {
      fs.symlinkSync('web.json', file('deploy/current.json'));
      await lint(['--fix', 'deploy/current.json']);
      assert.equal(read('deploy/web.json'), FIXED);
      assert.ok(fs.lstatSync(file('deploy/current.json')).isSymbolicLink());
    });

    it('loops of links: named, they are an error; inside a folder, they are not followed', async () => {
      fs.symlinkSync('loop.json', file('deploy/loop.json'));
      fs.symlinkSync('..', file('deploy/parent'));
      const named = await lint(['deploy/loop.json']);
      assert.equal(named.code, 2);
      assert.match(named.stderr, /cannot read "deploy\/loop.json": a loop of symbolic links/);
      const walked = await lint(['deploy', '-f', 'json']);
      assert.deepEqual([...new Set((JSON.parse(walked.stdout) as { file: string }[]).map((f) => f.file))], ['deploy/web.json']);
    });
  });

  describe('what cannot be linted is refused with exit 2', () => {
    it(`a file over ${MAX_FILE_BYTES / 1024 / 1024} MiB, named or found in a folder; the other files are still linted`, async () => {
      fs.writeFileSync(file('deploy/huge.json'), `{ "containerDefinitions": [], "x": "${'x'.repeat(MAX_FILE_BYTES)}" }`);
      for (const args of [['deploy/huge.json', 'deploy/web.json'], ['deploy']]) {
        const run = await lint([...args, '-f', 'json']);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /cannot read deploy\/huge.json: 10,485,7\d\d bytes, over the 10 MiB limit for a file to lint/);
        assert.ok((JSON.parse(run.stdout) as { file: string }[]).some((f) => f.file === 'deploy/web.json'));
      }
    });

    it('a device such as /dev/zero', async () => {
      const run = await lint(['/dev/zero']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /cannot lint "\/dev\/zero": not a regular file or folder/);
    });

    it('a file named explicitly that nests too deeply to analyse fails instead of passing as "not a task definition"', async () => {
      fs.writeFileSync(file('deploy/deep.json'), `{ "containerDefinitions": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`);
      const run = await lint(['deploy/deep.json', '-f', 'json']);
      assert.equal(run.code, 1);
      const [finding] = JSON.parse(run.stdout) as { ruleId: string; severity: string; message: string }[];
      assert.equal(finding.ruleId, 'json-syntax');
      assert.match(finding.message, /nest deeper than \d+ levels/);
    });

    it('an unreadable folder named on the command line', function () {
      fs.mkdirSync(file('locked'));
      fs.writeFileSync(file('locked/web.json'), PRIVILEGED);
      fs.chmodSync(file('locked'), 0o000);
      const run = runBinAsUnprivilegedUser(['lint', 'locked', 'deploy/web.json', '-f', 'json'], workspace.dir);
      fs.chmodSync(file('locked'), 0o755);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /ecs-guard: cannot read folder "locked" \(EACCES\)/);
      assert.ok((JSON.parse(run.stdout) as { file: string }[]).some((f) => f.file === 'deploy/web.json'));
    });
  });

  it("an unreadable folder inside a folder being walked is a warning, like find's, and the rest is linted", () => {
    fs.mkdirSync(file('deploy/locked'));
    fs.chmodSync(file('deploy/locked'), 0o000);
    const run = runBinAsUnprivilegedUser(['lint', 'deploy', '-f', 'json'], workspace.dir);
    fs.chmodSync(file('deploy/locked'), 0o755);
    assert.match(run.stderr, /^ecs-guard: warning: cannot read folder deploy\/locked \(EACCES\); skipped$/m);
    assert.ok((JSON.parse(run.stdout) as { file: string }[]).some((f) => f.file === 'deploy/web.json'));
    assert.equal(run.status, 0, 'warnings only');
  });

  it('a glob on the command line that would make a regular expression backtrack answers at once', async function () {
    fs.writeFileSync(file(`deploy/${'a'.repeat(200)}.json`), PRIVILEGED);
    const started = Date.now();
    const run = await lint(['deploy/a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'deploy/a*a*a*.json', '-f', 'json']);
    // A backtracking matcher takes minutes (more than 20 s for a 60-character name); this one milliseconds.
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
    assert.match(run.stderr, /no files match "deploy\/a\*a\*/);
    assert.ok((JSON.parse(run.stdout) as { file: string }[]).some((f) => f.file.startsWith('deploy/aaaa')));
  });

  it('stylish output of 400,000 findings does not overflow the stack', () => {
    const finding: LintFinding = {
      ruleId: 'privileged-container',
      severity: 'warning',
      message: 'Container "app" runs privileged.',
      offset: 0,
      length: 4,
      path: ['containerDefinitions', 0, 'privileged'],
      range: { start: { line: 3, character: 53 }, end: { line: 3, character: 57 } },
    };
    const reports: FileReport[] = [{ file: 'big.json', absolutePath: '/big.json', findings: new Array<LintFinding>(400_000).fill(finding) }];
    const output = formatStylish(reports, { terminal: false, color: false });
    assert.match(output, /✖ 400000 problems \(0 errors, 400000 warnings, 0 info\)\n$/);
  });
});

/**
 * The built bin as a user that folder permissions apply to: root reads any folder, so when the tests run as
 * root (containers, CI) the bin runs as "nobody".
 */
function runBinAsUnprivilegedUser(args: string[], cwd: string) {
  const bin = path.resolve(__dirname, '../../bin/ecs-guard.js');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chmodSync(cwd, 0o755); // mkdtemp makes it 0700
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, HOME: os.tmpdir() }, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
}

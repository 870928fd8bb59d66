// The npm package as a user gets it: `npm pack`, install the tarball into an empty folder without the network,
// then run both bins from there. Exits non-zero, saying what failed, when anything is off. `npm run test:package`.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expectedPackageFiles } from './packageContents.mjs';

const repo = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const { version } = manifest;
const work = mkdtempSync(path.join(tmpdir(), 'ecs-guard-package-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const started = Date.now();

const EXPECTED_FILES = expectedPackageFiles(repo);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return result;
}

function check(condition, message, detail = '') {
  if (!condition) throw new Error(`${message}${detail ? `\n${detail}` : ''}`);
  console.log(`ok - ${message}`);
}

try {
  // 1. Pack (the prepack script builds the production bundles).
  const pack = run(npm, ['pack', '--json', '--pack-destination', work], { cwd: repo });
  check(pack.status === 0, 'npm pack succeeds', pack.stderr);
  const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
  const files = packed.files.map((file) => file.path).sort();
  check(
    JSON.stringify(files) === JSON.stringify(EXPECTED_FILES),
    `the tarball holds exactly the ${EXPECTED_FILES.length} expected files (${(packed.size / 1024).toFixed(0)} KiB packed)`,
    `got:\n${files.join('\n')}`,
  );
  check(!manifest.dependencies || Object.keys(manifest.dependencies).length === 0, 'the package has no runtime dependencies: the bundles inline everything');

  // 2. Install into an empty project, offline.
  const project = path.join(work, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'ecs-guard-smoke', version: '1.0.0', private: true }));
  const install = run(npm, ['install', '--offline', '--no-audit', '--no-fund', path.join(work, packed.filename)], { cwd: project });
  check(install.status === 0, 'npm install --offline of the tarball into an empty folder succeeds', install.stderr);

  // 3. The CLI.
  copyFileSync(path.join(repo, 'examples/web-fargate.json'), path.join(project, 'web-fargate.json'));
  writeFileSync(path.join(project, 'privileged.json'), JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'app', image: 'nginx', privileged: true }] }));
  const versionRun = run(npx, ['--offline', 'ecs-guard', '--version'], { cwd: project });
  check(versionRun.stdout.trim() === version, `npx ecs-guard --version prints ${version}`, versionRun.stdout + versionRun.stderr);
  const lint = run(npx, ['--offline', 'ecs-guard', 'lint', 'privileged.json', 'web-fargate.json', '-f', 'json'], { cwd: project });
  const findings = JSON.parse(lint.stdout || '[]');
  check(
    lint.status === 0 && findings.some((finding) => finding.ruleId === 'privileged-container'),
    'npx ecs-guard lint reports the privileged container (exit 0: warnings only)',
    lint.stdout + lint.stderr,
  );
  const gated = run(npx, ['--offline', 'ecs-guard', 'lint', 'privileged.json', '--fail-on', 'warning'], { cwd: project });
  check(gated.status === 1, 'npx ecs-guard lint --fail-on warning exits 1 on it', gated.stdout + gated.stderr);
  const sarif = run(npx, ['--offline', 'ecs-guard', 'lint', 'privileged.json', '-f', 'sarif'], { cwd: project });
  const rule = JSON.parse(sarif.stdout).runs[0].tool.driver.rules.find((candidate) => candidate.id === 'privileged-container');
  check(rule.help.markdown.startsWith('# privileged-container'), 'the SARIF rule help comes from the packaged docs/rules pages');

  // The coverage command's bundle: against a port where nothing listens, the region fails with its error (exit 1).
  const awsEnvironment = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'smoke',
    AWS_SECRET_ACCESS_KEY: 'smoke',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(work, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'none'),
  };
  const coverage = run(npx, ['--offline', 'ecs-guard', 'coverage', '--region', 'us-east-1', '--endpoint-url', 'http://127.0.0.1:9', '--format', 'json', '--timeout', '20'], {
    cwd: project,
    env: awsEnvironment,
  });
  const regions = JSON.parse(coverage.stdout || '{"regions":[]}').regions;
  check(
    coverage.status === 1 && regions.length === 1 && regions[0].error !== null,
    'npx ecs-guard coverage loads its bundle and reports a region it cannot reach (exit 1)',
    coverage.stdout + coverage.stderr,
  );

  // 4. The language server: initialize, a diagnostic for an open document, shutdown, exit.
  await languageServerHandshake(project);
  console.log(`package smoke test passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`not ok - ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function languageServerHandshake(cwd) {
  const server = spawn(npx, ['--offline', 'ecs-guard-language-server', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk) => (stderr += chunk));
  const messages = [];
  let waiting;
  let buffer = Buffer.alloc(0);
  server.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      messages.push(JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
      buffer = buffer.subarray(headerEnd + 4 + length);
      waiting?.();
    }
  });
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    server.stdin.write(body);
  };
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const waitFor = async (predicate, what, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`the language server sent no ${what} within ${timeoutMs / 1000} s; stderr:\n${stderr}`);
      await new Promise((resolve) => {
        waiting = resolve;
        setTimeout(resolve, 200);
      });
    }
  };
  try {
    const uri = `file://${path.join(cwd, 'privileged.json')}`;
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: `file://${cwd}`, capabilities: {} } });
    const initialized = await waitFor((message) => message.id === 1, 'initialize result');
    check(initialized.result?.capabilities?.textDocumentSync !== undefined, 'npx ecs-guard-language-server --stdio answers initialize with its capabilities', JSON.stringify(initialized));
    send({ method: 'initialized', params: {} });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'json', version: 1, text: readFileSync(path.join(cwd, 'privileged.json'), 'utf8') } } });
    const published = await waitFor((message) => message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri && message.params.diagnostics.length > 0, 'diagnostics');
    check(
      published.params.diagnostics.some((diagnostic) => diagnostic.code === 'privileged-container'),
      'it publishes the privileged-container diagnostic for an opened document',
    );
    send({ id: 2, method: 'shutdown' });
    const shutdown = await waitFor((message) => message.id === 2, 'shutdown result');
    check(shutdown.result === null && !shutdown.error, 'it answers shutdown');
    send({ method: 'exit' });
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000))]);
    check(code === 0, 'it exits with code 0 after exit', `exit code: ${code}; stderr:\n${stderr}`);
  } finally {
    if (server.exitCode === null) server.kill();
  }
}

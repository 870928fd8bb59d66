// End-to-end test of the packaged extension in a real VS Code: code-server 4.96.4 (VS Code 1.96.4)
// served on 127.0.0.1 and driven by Debian's Chromium through playwright-core.
//
//   npm run test:e2e       # the mocha suite in the extension host, then what a user sees in the browser
//   npm run screenshots    # the same run, also writing the README's screenshots into docs/images/
//
// 1. scripts/e2e/setup-code-server.sh installs (or finds cached) code-server, Chromium and ripgrep.
// 2. Both VSIXs are packaged with vsce: ECS Guard itself and the test runner (test/e2e/runner-extension),
//    and installed with --install-extension into a temporary extensions dir.
// 3. As for `npm start` (scripts/e2e/demoWorkbench.ts): the fake GuardDuty serves its demo data on
//    127.0.0.1, and the user settings and fake AWS keys point the coverage view at it.
// 4. code-server opens examples/; Chromium loads the workbench, which starts the remote extension host.
// 5. The runner extension runs test/e2e/suite/*.test.ts against the real `vscode` API and writes JSON
//    results; any failed test fails this run.
// 6. Then the user's view: Ctrl+P opens examples/legacy-fargate.json, the Problems panel lists ECS Guard's
//    markers, hovering over `"privileged": true` shows the finding, Ctrl+. fixes it (then the file is
//    reverted), and the ECS Guard view shows the fake's coverage down to an unhealthy cluster's issue.
// On failure, test-results/ gets a screenshot of the page, the code-server and fake GuardDuty output and
// VS Code's logs.
import { ChildProcess, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { installExtensions, packageEcsGuard, REPO, setUpCodeServer, startCodeServer, stopProcessGroup } from '../../scripts/e2e/codeServer';
import { prepareDemoWorkbench } from '../../scripts/e2e/demoWorkbench';
import { checkHover, checkProblemsPanel, checkQuickFix, quickOpen, SaveScreenshot } from './browserChecks';
import { checkCoverageView } from './coverageViewChecks';
import { bundleSuite } from './bundleSuite';
import type { E2eResults } from './results';
import { failureOf, formatResults } from './suiteRunner';

const EXAMPLES = path.join(REPO, 'examples');
const RUNNER = path.join(REPO, 'test/e2e/runner-extension');
const ARTIFACTS = path.join(REPO, 'test-results');
const SCREENSHOTS = path.join(REPO, 'docs/images');
const CHROMIUM = process.env.ECS_GUARD_E2E_CHROMIUM ?? '/usr/bin/chromium';
const TOTAL_TIMEOUT_MS = Number(process.env.ECS_GUARD_E2E_TIMEOUT_MS ?? 15 * 60_000);

const takeScreenshots = process.argv.includes('--screenshots');
const keepTemp = process.argv.includes('--keep');

const started = Date.now();
function log(message: string): void {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);
}

class E2eFailure extends Error {}

/** Every suite test and browser check, for the closing "N passed, N failed" line. */
const tally = { passed: 0, failed: 0 };

interface Session {
  temp: string;
  server?: ChildProcess;
  serverOutput: string[];
  fakeGuardDuty?: ChildProcess;
  fakeGuardDutyOutput: string[];
  browser?: Browser;
  page?: Page;
}

async function main(): Promise<number> {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  const session: Session = { temp: fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-e2e-')), serverOutput: [], fakeGuardDutyOutput: [] };
  // Whatever hangs, the run ends, and takes code-server and Chromium with it.
  const abort = (why: string) => {
    void fail(session, new E2eFailure(why))
      .then(() => cleanUp(session))
      .finally(() => {
        console.log(`e2e: ${tally.passed} passed, ${tally.failed + 1} failed`);
        process.exit(1);
      });
  };
  const timer = setTimeout(() => abort(`timed out after ${TOTAL_TIMEOUT_MS / 1000} s`), TOTAL_TIMEOUT_MS);
  process.once('SIGINT', () => abort('interrupted'));
  process.once('SIGTERM', () => abort('terminated'));
  try {
    await run(session);
    return 0;
  } catch (error) {
    await fail(session, error);
    return 1;
  } finally {
    clearTimeout(timer);
    await cleanUp(session);
  }
}

async function run(session: Session): Promise<void> {
  const examplesBefore = folderSnapshot(EXAMPLES);
  log('setting up code-server (scripts/e2e/setup-code-server.sh)');
  const codeServer = setUpCodeServer();
  log('packaging ECS Guard (npm run package) and the test runner extension');
  const vsixes = [packageEcsGuard(), await packageRunner(session.temp)];
  const resultsFile = path.join(session.temp, 'results.json');
  log('starting the fake GuardDuty; user settings and environment for the coverage view');
  const workbench = await prepareDemoWorkbench(session.temp, {
    env: { ECS_GUARD_E2E_RESULTS: resultsFile },
    onFakeOutput: (text) => session.fakeGuardDutyOutput.push(text),
  });
  session.fakeGuardDuty = workbench.fakeGuardDuty.process;
  const { profile, env } = workbench;
  log(`fake GuardDuty listens on ${workbench.fakeGuardDuty.url}`);

  log('installing the VSIXs with --install-extension');
  installExtensions(codeServer, profile, vsixes, ['ecs-guard.ecs-guard', 'ecs-guard.ecs-guard-e2e-runner'], env);

  log('starting code-server');
  const server = await startCodeServer(codeServer, profile, EXAMPLES, {
    env,
    onOutput: (text) => {
      session.serverOutput.push(text);
      if (process.env.ECS_GUARD_E2E_VERBOSE) process.stdout.write(text);
    },
  });
  session.server = server.process;
  const url = server.url;
  log(`code-server listens on ${url}`);

  session.browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Belt and braces for "loopback only": no host name but the server's resolves.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = (session.page = await context.newPage());
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  log('the workbench is up; waiting for the runner extension to report');

  const results = await waitForResults(session, resultsFile, 300_000);
  const failed = report(results);
  if (failed) throw new E2eFailure(failed);

  await checkAsAUser(page);
  // The checks edit legacy-fargate.json and revert it; nothing may reach the disk.
  if (folderSnapshot(EXAMPLES) !== examplesBefore) throw new E2eFailure('the run changed files in examples/ (an edit was saved): see git diff examples/');
}

/** Every file's path and content under `dir`, as one string to compare. */
function folderSnapshot(dir: string): string {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  return JSON.stringify(files.map((file) => [file, fs.statSync(path.join(dir, file)).isFile() ? fs.readFileSync(path.join(dir, file), 'utf8') : '']));
}

async function packageRunner(temp: string): Promise<string> {
  log('packaging the test runner extension');
  const dist = path.join(RUNNER, 'dist');
  fs.rmSync(dist, { recursive: true, force: true });
  await bundleSuite(dist, { extension: path.join(RUNNER, 'src/extension.ts') });
  const vsix = path.join(temp, 'ecs-guard-e2e-runner.vsix');
  const vsce = path.join(REPO, 'node_modules/.bin/vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', vsix], {
    cwd: RUNNER,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new E2eFailure(`vsce package of the runner failed:\n${result.stdout}${result.stderr}`);
  return vsix;
}

async function waitForResults(session: Session, file: string, timeoutMs: number): Promise<E2eResults> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (session.server?.exitCode !== null) throw new E2eFailure(`code-server exited (${session.server?.exitCode}) before the suite reported`);
    if (Date.now() > deadline) throw new E2eFailure(`no results from the runner extension within ${timeoutMs / 1000} s (${file})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as E2eResults;
}

/** Prints the suite's results; returns why the run fails, or '' when it passes. */
function report(results: E2eResults): string {
  console.log(`\n${formatResults(results, 'inside code-server')}\n`);
  tally.passed += results.tests.filter((test) => test.state === 'passed').length;
  tally.failed += results.tests.filter((test) => test.state === 'failed').length + (results.error ? 1 : 0);
  return failureOf(results) ?? '';
}

/**
 * What a person sees: the file opened from Quick Open, its markers in the Problems panel, a hover, a
 * quick fix from the light bulb menu, and the coverage view. With --screenshots, the checks that show
 * a README image save it while it is on screen.
 */
async function checkAsAUser(page: Page): Promise<void> {
  const saveScreenshot = takeScreenshots ? readmeScreenshotWriter() : undefined;
  const checks: [string, () => Promise<void>][] = [
    ['Quick Open (Ctrl+P) opens examples/legacy-fargate.json', () => quickOpen(page, 'legacy-fargate.json')],
    ['the Problems panel lists ECS Guard markers, with rule ids', () => checkProblemsPanel(page, log)],
    ['hovering over "privileged": true shows the finding', () => checkHover(page, saveScreenshot)],
    ['Ctrl+. on "privileged": true offers the fix; picking it writes false (the file is reverted after)', () => checkQuickFix(page, saveScreenshot)],
    ['the ECS Guard view: a region with its statistics, an unhealthy cluster, its issue and tooltip', () => checkCoverageView(page, saveScreenshot)],
  ];
  console.log('  in the browser, as a user');
  for (const [title, check] of checks) {
    const checkStarted = Date.now();
    try {
      await check();
    } catch (error) {
      tally.failed++;
      console.log(`    ✗ ${title}\n${String(error instanceof Error ? error.message : error).replace(/^/gm, '        ')}`);
      throw new E2eFailure(`browser check failed: ${title}`);
    }
    tally.passed++;
    console.log(`    ✓ ${title} (${Date.now() - checkStarted} ms)`);
  }
  console.log();
}

/** Saves into docs/images/, for `npm run screenshots`. */
function readmeScreenshotWriter(): SaveScreenshot {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return async (fileName, target) => {
    const file = path.join(SCREENSHOTS, fileName);
    await target.screenshot({ path: file });
    log(`screenshot: ${path.relative(REPO, file)}`);
  };
}

async function fail(session: Session, error: unknown): Promise<void> {
  console.error(`e2e: FAILED: ${error instanceof Error ? (error instanceof E2eFailure ? error.message : error.stack) : String(error)}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  try {
    if (session.page) {
      await session.page.screenshot({ path: path.join(ARTIFACTS, 'e2e-failure.png'), timeout: 10_000 });
      console.error(`e2e: screenshot of the failing state: ${path.relative(REPO, path.join(ARTIFACTS, 'e2e-failure.png'))}`);
    }
  } catch (screenshotError) {
    console.error(`e2e: no screenshot: ${String(screenshotError)}`);
  }
  fs.writeFileSync(path.join(ARTIFACTS, 'code-server.log'), session.serverOutput.join(''));
  fs.writeFileSync(path.join(ARTIFACTS, 'fake-guardduty.log'), session.fakeGuardDutyOutput.join(''));
  const logs = path.join(session.temp, 'user-data/logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(ARTIFACTS, 'vscode-logs'), { recursive: true });
  console.error(`e2e: code-server and fake GuardDuty output, VS Code logs: ${path.relative(REPO, ARTIFACTS)}/`);
}

async function cleanUp(session: Session): Promise<void> {
  const browser = session.browser;
  session.browser = undefined;
  await browser?.close().catch(() => undefined);
  await Promise.all([stopProcessGroup(session.server), stopProcessGroup(session.fakeGuardDuty)]);
  if (!keepTemp) fs.rmSync(session.temp, { recursive: true, force: true });
  else log(`kept ${session.temp}`);
}

main().then(
  (code) => {
    // A run that failed before any test ran still counts as one failure.
    if (code !== 0 && tally.failed === 0) tally.failed = 1;
    console.log(`e2e ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`e2e: ${tally.passed} passed, ${tally.failed} failed`);
    process.exit(code);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

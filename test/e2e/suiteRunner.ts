// Runs the extension-host suite (the *.test.js bundled next to it) with mocha inside a real VS Code, and
// collects the results. Both hosts use it: the runner extension inside code-server (here, in CI) and
// @vscode/test-electron's extensionTestsPath entry where VS Code desktop is available.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import type { E2eResults, E2eTestResult } from './results';

export async function runE2eSuite(suiteDir: string): Promise<E2eResults> {
  const tests: E2eTestResult[] = [];
  const started = Date.now();
  try {
    const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: SilentReporter });
    for (const file of fs
      .readdirSync(suiteDir)
      .filter((name) => name.endsWith('.test.js'))
      .sort()) {
      mocha.addFile(path.join(suiteDir, file));
    }
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
      runner.on('fail', (test, error: Error) => tests.push({ title: test.fullTitle(), state: 'failed', error: error?.stack ?? String(error) }));
      runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'skipped' }));
    });
    return { tests, durationMs: Date.now() - started };
  } catch (error) {
    // A suite that cannot even load must still answer, or the host would wait for its time-out.
    return { tests, durationMs: Date.now() - started, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/** The results as the hosts print them: one line per test, errors indented. */
export function formatResults(results: E2eResults, host: string): string {
  const lines = [`  extension-host suite (test/e2e/suite), ${host}`];
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? '✓' : test.state === 'failed' ? '✗' : '-';
    lines.push(`    ${mark} ${test.title}${test.durationMs !== undefined ? ` (${test.durationMs} ms)` : ''}`);
    if (test.error) lines.push(test.error.replace(/^/gm, '        '));
  }
  if (results.error) lines.push(`    the suite did not run:\n${results.error.replace(/^/gm, '        ')}`);
  return lines.join('\n');
}

/** Why the run fails, or undefined when it passes. */
export function failureOf(results: E2eResults): string | undefined {
  const failed = results.tests.filter((test) => test.state === 'failed').length;
  if (results.error) return 'the extension-host suite did not run';
  if (results.tests.length === 0) return 'the extension-host suite ran no test';
  if (failed) return `${failed} extension-host test(s) failed`;
  return undefined;
}

/** The hosts print the results themselves; the extension host's log needs no second copy. */
class SilentReporter extends Mocha.reporters.Base {}

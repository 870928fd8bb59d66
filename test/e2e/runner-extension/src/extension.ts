// A test-only extension: when code-server's extension host starts (onStartupFinished), it runs the mocha
// suite bundled next to it (dist/suite/*.test.js) against the real `vscode` API and writes the results
// as JSON for the harness (test/e2e/run-e2e.ts) to read. Nothing here knows about the browser.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { E2eResults, E2eTestResult } from '../../results';

export function activate(context: vscode.ExtensionContext): void {
  const resultsFile =
    process.env.ECS_GUARD_E2E_RESULTS ?? path.join(context.globalStorageUri.fsPath, 'results.json');
  void run(path.join(context.extensionPath, 'dist', 'suite'), resultsFile);
}

async function run(suiteDir: string, resultsFile: string): Promise<void> {
  const tests: E2eTestResult[] = [];
  const started = Date.now();
  try {
    const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: SilentReporter });
    for (const file of fs.readdirSync(suiteDir).filter((name) => name.endsWith('.test.js')).sort()) {
      mocha.addFile(path.join(suiteDir, file));
    }
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
      runner.on('fail', (test, error: Error) =>
        tests.push({ title: test.fullTitle(), state: 'failed', error: error?.stack ?? String(error) }),
      );
      runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'skipped' }));
    });
    write(resultsFile, { tests, durationMs: Date.now() - started });
  } catch (error) {
    // A suite that cannot even load must still answer, or the harness would wait for its time-out.
    write(resultsFile, { tests, durationMs: Date.now() - started, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

/** Written to a temporary name, then renamed, so the harness never reads half a file. */
function write(file: string, results: E2eResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

/** The harness prints the results; the extension host's log needs no second copy. */
class SilentReporter extends Mocha.reporters.Base {}

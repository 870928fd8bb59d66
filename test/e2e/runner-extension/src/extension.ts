// A test-only extension: when code-server's extension host starts (onStartupFinished), it runs the mocha
// suite bundled next to it (dist/suite/*.test.js) against the real `vscode` API and writes the results
// as JSON for the harness (test/e2e/run-e2e.ts) to read. Nothing here knows about the browser.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { E2eResults } from '../../results';
import { runE2eSuite } from '../../suiteRunner';

export function activate(context: vscode.ExtensionContext): void {
  const resultsFile = process.env.ECS_GUARD_E2E_RESULTS ?? path.join(context.globalStorageUri.fsPath, 'results.json');
  void runE2eSuite(path.join(context.extensionPath, 'dist', 'suite')).then((results) => write(resultsFile, results));
}

/** Written to a temporary name, then renamed, so the harness never reads half a file. */
function write(file: string, results: E2eResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

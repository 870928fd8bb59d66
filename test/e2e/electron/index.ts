// @vscode/test-electron's extensionTestsPath: the same extension-host suite the code-server run uses,
// for machines where VS Code desktop can be run (see test/e2e/run-electron.ts).
import * as path from 'node:path';
import { failureOf, formatResults, runE2eSuite } from '../suiteRunner';

export async function run(): Promise<void> {
  const results = await runE2eSuite(path.join(__dirname, 'suite'));
  console.log(formatResults(results, 'in VS Code desktop'));
  const failure = failureOf(results);
  if (failure) throw new Error(failure);
}

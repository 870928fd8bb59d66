// The extension-host suite in VS Code desktop, through @vscode/test-electron, where VS Code desktop is
// available (it downloads VS Code 1.96.4 unless VSCODE_EXECUTABLE_PATH names an installed one). CI here
// runs the same suite inside code-server instead (npm run test:e2e): this machine cannot download it.
//
//   npm run test:electron
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, seedUserSettings, stopProcessGroup } from '../../scripts/e2e/codeServer';
import { coverageUserSettings, demoAwsEnv, startFakeGuardDutyProcess } from '../../scripts/e2e/demoWorkbench';
import { bundleSuite } from './bundleSuite';

const VSCODE_VERSION = '1.96.4';

async function main(): Promise<number> {
  // test-electron merges its extensionTestsEnv over this process's environment: drop the caller's AWS
  // profile, keys and proxies here, so only the fake keys of demoAwsEnv reach the extension host.
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_') || /^(https?|all|no)_proxy$/i.test(key)) delete process.env[key];
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-electron-'));
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) return 1;
  const out = path.join(temp, 'tests');
  await bundleSuite(out, { index: path.join(REPO, 'test/e2e/electron/index.ts') });
  // The suite edits and reverts example files: a copy keeps the repository's examples as they are.
  const workspace = path.join(temp, 'examples');
  fs.cpSync(path.join(REPO, 'examples'), workspace, { recursive: true });
  const fake = await startFakeGuardDutyProcess();
  try {
    const userData = path.join(temp, 'user-data');
    seedUserSettings(userData, { ...coverageUserSettings(fake.url), 'files.autoSave': 'off' });
    await runTests({
      ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : { version: VSCODE_VERSION }),
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(out, 'index.js'),
      extensionTestsEnv: demoAwsEnv(path.join(temp, 'aws'), process.env),
      launchArgs: [workspace, '--user-data-dir', userData, '--disable-extensions', '--disable-workspace-trust'],
    });
    return 0;
  } catch (error) {
    console.error(`test:electron failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await stopProcessGroup(fake.process);
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));

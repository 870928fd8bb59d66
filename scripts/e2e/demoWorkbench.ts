// The demo's VS Code, shared by `npm start` (scripts/demo.ts) and the e2e harness: the bundled fake
// GuardDuty with its demo data on 127.0.0.1, and a code-server profile whose user settings and
// environment point the coverage view at it with fake credentials. No AWS account is needed, the
// user's own ~/.aws is never read, and nothing leaves loopback.
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { demoSeed } from '../../client/src/coverage/testing/fakeGuardDuty/demoSeed';
import { codeServerEnv, createProfile, Profile, REPO, seedUserSettings, stopProcessGroup } from './codeServer';

/** Built by `npm run build` (and by `npm run package`, whose production build makes every bundle). */
export const FAKE_GUARDDUTY_BUNDLE = path.join(REPO, 'dist/fake-guardduty/server.js');

/** Every region of the fake's demo data: several with clusters, one without a detector. */
export const DEMO_REGIONS: readonly string[] = Object.keys(demoSeed());

/** Obviously fake keys: the fake GuardDuty reads the region from the signature and never checks it. */
const FAKE_AWS_KEYS = { AWS_ACCESS_KEY_ID: 'demo-not-a-real-key', AWS_SECRET_ACCESS_KEY: 'demo-not-a-real-secret' };

export interface RunningFakeGuardDuty {
  readonly process: ChildProcess;
  /** `http://127.0.0.1:<port>`, the coverage view's endpoint. */
  readonly url: string;
}

export interface DemoWorkbench {
  readonly fakeGuardDuty: RunningFakeGuardDuty;
  readonly profile: Profile;
  /** code-server's environment: fake AWS credentials and empty shared AWS files. */
  readonly env: NodeJS.ProcessEnv;
}

export interface DemoWorkbenchOptions {
  /** Added to code-server's environment (the harness passes where the runner writes its results). */
  readonly env?: NodeJS.ProcessEnv;
  readonly onFakeOutput?: (text: string) => void;
}

/**
 * Starts the fake GuardDuty and prepares a code-server profile in `dir` (created, or reused as it is):
 * user settings with the demo regions and the fake's endpoint, and the environment to start code-server in.
 * The caller stops `fakeGuardDuty.process` with stopProcessGroup.
 */
export async function prepareDemoWorkbench(dir: string, options: DemoWorkbenchOptions = {}): Promise<DemoWorkbench> {
  const fakeGuardDuty = await startFakeGuardDutyProcess(options.onFakeOutput);
  try {
    const profile = createProfile(dir);
    // User settings, not workspace ones: the endpoint is a machine setting that workspaces cannot set.
    seedUserSettings(profile.userData, coverageUserSettings(fakeGuardDuty.url));
    return { fakeGuardDuty, profile, env: { ...demoAwsEnv(path.join(dir, 'aws'), codeServerEnv()), ...options.env } };
  } catch (error) {
    await stopProcessGroup(fakeGuardDuty.process);
    throw error;
  }
}

export function coverageUserSettings(endpointUrl: string): Record<string, unknown> {
  return { 'ecsGuard.coverage.regions': [...DEMO_REGIONS], 'ecsGuard.coverage.endpointUrl': endpointUrl };
}

/**
 * `base` without any AWS or proxy variable of the caller's, plus fake keys and empty shared config and
 * credentials files in `awsDir`: neither a real profile, an SSO cache nor instance metadata is reachable.
 */
export function demoAwsEnv(awsDir: string, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // A folder of their own: the view watches the files' folder for changes.
  fs.mkdirSync(awsDir, { recursive: true });
  const configFile = path.join(awsDir, 'config');
  const credentialsFile = path.join(awsDir, 'credentials');
  fs.writeFileSync(configFile, '');
  fs.writeFileSync(credentialsFile, '');
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (!key.startsWith('AWS_') && !/^(https?|all|no)_proxy$/i.test(key)) env[key] = value;
  }
  return { ...env, ...FAKE_AWS_KEYS, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile };
}

/**
 * `node dist/fake-guardduty/server.js` on a free port of 127.0.0.1, in its own process group; resolves
 * with its URL once it listens.
 */
export function startFakeGuardDutyProcess(onOutput?: (text: string) => void): Promise<RunningFakeGuardDuty> {
  if (!fs.existsSync(FAKE_GUARDDUTY_BUNDLE)) throw new Error(`${path.relative(REPO, FAKE_GUARDDUTY_BUNDLE)} is missing: run npm run build`);
  const child = spawn(process.execPath, [FAKE_GUARDDUTY_BUNDLE, '--port', '0'], { cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`the fake GuardDuty did not start listening within 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      onOutput?.(text);
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timeout);
        resolve({ process: child, url: match[1] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timeout);
      reject(new Error(`the fake GuardDuty exited (${code ?? signal}):\n${output}`));
    });
  });
}

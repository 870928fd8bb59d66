// A real VS Code for the end-to-end tests and the demo: code-server 4.96.4 (VS Code 1.96.4) on 127.0.0.1,
// with the packaged extension installed into a private profile. Nothing here reaches past loopback.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');

/**
 * Installs (or finds cached) code-server, ripgrep and, unless `browser` is false, Chromium for the tests
 * to drive; returns code-server's entry script.
 */
export function setUpCodeServer(options: { browser?: boolean } = {}): string {
  const env = { ...process.env, ECS_GUARD_SETUP_BROWSER: options.browser === false ? '0' : '1' };
  const setup = spawnSync('bash', [path.join(REPO, 'scripts/e2e/setup-code-server.sh')], { env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (setup.status !== 0) throw new Error('scripts/e2e/setup-code-server.sh failed');
  const dir = setup.stdout.trim().split('\n').pop()!;
  return path.join(dir, 'out/node/entry.js');
}

/** `npm run package`: the VSIX users install, built from the production bundles. */
export function packageEcsGuard(): string {
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}${result.stderr}`);
  return path.join(REPO, 'ecs-guard.vsix');
}

/** User settings for a quiet, offline workbench, plus the caller's own (user scope: machine settings apply). */
export function seedUserSettings(userData: string, extra: Record<string, unknown> = {}): void {
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'json.schemaDownload.enable': false,
    'npm.fetchOnlinePackageInfo': false,
    'typescript.disableAutomaticTypeAcquisition': true,
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    // VS Code for the web saves edits after a delay by default; here an edit stays unsaved until saved.
    'files.autoSave': 'off',
    ...extra,
  };
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify(settings, null, 2));
}

/** The environment code-server runs in: this one without VS Code terminal hooks, gallery on a closed port. */
export function codeServerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Nothing from a VS Code terminal this may run in (its IPC hooks would redirect the CLI).
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('VSCODE_')) env[key] = value;
  // The extension gallery (Open VSX by default) points at a closed loopback port: no traffic leaves.
  env.EXTENSIONS_GALLERY = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' });
  return { ...env, ...extra };
}

export interface Profile {
  readonly config: string;
  readonly userData: string;
  readonly extensionsDir: string;
}

/** A private code-server profile in `dir` (an empty config file keeps code-server out of ~/.config). */
export function createProfile(dir: string): Profile {
  const profile = { config: path.join(dir, 'config.yaml'), userData: path.join(dir, 'user-data'), extensionsDir: path.join(dir, 'extensions') };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(profile.config, '');
  return profile;
}

export function profileArgs(profile: Profile): string[] {
  return ['--config', profile.config, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensionsDir];
}

/**
 * `--install-extension` for each VSIX, then checks each extension id landed in the profile. `--force`
 * replaces an installed copy of the same version, as the demo's reused profile has after a rebuild.
 */
export function installExtensions(entry: string, profile: Profile, vsixes: readonly string[], ids: readonly string[], env: NodeJS.ProcessEnv): void {
  const args = [entry, ...profileArgs(profile), ...vsixes.flatMap((vsix) => ['--install-extension', vsix]), '--force'];
  const install = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 120_000 });
  if (install.status !== 0) throw new Error(`--install-extension failed:\n${install.stdout}${install.stderr}`);
  const installed = fs.readdirSync(profile.extensionsDir);
  for (const id of ids) {
    if (!installed.some((name) => name.startsWith(`${id}-`) && /^\d/.test(name.slice(id.length + 1)))) {
      throw new Error(`${id} is not in the extensions dir after --install-extension: ${installed.join(', ')}`);
    }
  }
}

export interface RunningCodeServer {
  readonly process: ChildProcess;
  readonly url: string;
}

/**
 * Starts code-server on 127.0.0.1 (`port` 0 picks a free one) serving `folder`, in its own process group
 * so the extension host and language server end with it; resolves once it listens.
 */
export function startCodeServer(entry: string, profile: Profile, folder: string, options: { port?: number; env: NodeJS.ProcessEnv; onOutput?: (text: string) => void }): Promise<RunningCodeServer> {
  const args = [
    ...profileArgs(profile),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${options.port ?? 0}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    folder,
  ];
  const server = spawn(process.execPath, [entry, ...args], { env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('code-server did not start listening within 60 s')), 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      options.onOutput?.(text);
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timeout);
        resolve({ process: server, url: `${match[1]}/` });
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code, signal) => {
      clearTimeout(timeout);
      reject(new Error(`code-server exited (${code ?? signal})`));
    });
  });
}

/** Ends a detached child's whole process group: SIGTERM, then SIGKILL after 10 s. */
export async function stopProcessGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'));
  if ((await Promise.race([exited, timeout])) === 'timeout') signal('SIGKILL');
}

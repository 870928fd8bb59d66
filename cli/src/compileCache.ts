import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Loads a command's bundle (dist/cli/lint.js, dist/cli/coverage.js) as `require` would, with a V8 code cache:
 * compiling the bundle is a tenth of a short run (lint of a few hundred files, one coverage refresh), and V8 can
 * save what it compiled, including the functions the run used, and start from that the next time. It is what
 * Node 22's `module.enableCompileCache()` does for every module (TypeScript's `tsc` turns that on), available
 * on Node 20 too; Node's own switch to turn it off, NODE_DISABLE_COMPILE_CACHE, turns this one off too.
 *
 * The cache lives in the user's own cache folder, never in a shared one: V8 runs whatever bytecode it is given,
 * so a folder another user can write to is not used. Any failure (no home, a read-only disk, a damaged file)
 * only costs the cache: the bundle is then compiled as usual.
 */
export function requireBundle(file: string): unknown {
  const loaded = require.cache[file];
  if (loaded) return loaded.exports;
  const folder = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheFolder();
  if (!folder) return Module.createRequire(file)(file);

  const source = fs.readFileSync(file, 'utf8');
  const name = path.basename(file, '.js');
  // V8 checks the cache against its own version and flags, and the source only by its length: the name
  // carries a digest of the source, so a rebuilt or upgraded bundle never runs an older one's bytecode.
  const cacheFile = path.join(folder, `${name}-${createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 32)}.bin`);
  const cachedData = readIfPresent(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Saved as the process ends, so that it holds the functions this run compiled, not only the top level.
    process.once('exit', () => saveCache(script, cacheFile, `${name}-`));
  }

  const module = new Module(file);
  module.filename = file;
  require.cache[file] = module;
  try {
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  module.loaded = true;
  return module.exports;
}

/**
 * ECS Guard's folder in the user's cache folder (`$XDG_CACHE_HOME` or ~/.cache, ~/Library/Caches on macOS,
 * %LOCALAPPDATA% on Windows), made if missing; undefined when it cannot be made or others could write to it.
 */
function cacheFolder(): string | undefined {
  try {
    const folder = path.join(userCacheFolder(), 'ecs-guard', 'v8-code-cache');
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    return isPrivateFolder(folder) ? folder : undefined;
  } catch {
    return undefined;
  }
}

function userCacheFolder(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches');
  const xdg = process.env.XDG_CACHE_HOME;
  // The XDG specification: a relative path is invalid and is ignored.
  return xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
}

/** A real folder (not a link) of this user's that nobody else may write to. Windows: the profile's ACLs decide. */
function isPrivateFolder(folder: string): boolean {
  const stat = fs.lstatSync(folder);
  if (!stat.isDirectory()) return false;
  if (process.platform === 'win32' || !process.getuid) return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** How many builds of one bundle keep their cache: two installed versions used in turn must not evict each other. */
const CACHED_BUILDS = 4;
/** A temporary file this old was left by a killed process (a write takes milliseconds). */
const LEFTOVER_MS = 60_000;

/** Writes the cache by a rename, so that a process starting meanwhile reads the old file or the new, whole. */
function saveCache(script: vm.Script, cacheFile: string, bundlePrefix: string): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, cacheFile);
    pruneCaches(path.dirname(cacheFile), bundlePrefix);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: the cache is only a cache.
    }
  }
}

/** Keeps the newest CACHED_BUILDS caches of a bundle, and removes the temporary files killed processes left. */
function pruneCaches(folder: string, bundlePrefix: string): void {
  const now = Date.now();
  const caches: { file: string; mtimeMs: number }[] = [];
  for (const entry of fs.readdirSync(folder)) {
    if (!entry.startsWith(bundlePrefix)) continue;
    const file = path.join(folder, entry);
    const { mtimeMs } = fs.statSync(file);
    if (entry.endsWith('.bin')) caches.push({ file, mtimeMs });
    else if (entry.endsWith('.tmp') && now - mtimeMs > LEFTOVER_MS) fs.rmSync(file, { force: true });
  }
  caches.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { file } of caches.slice(CACHED_BUILDS)) fs.rmSync(file, { force: true });
}

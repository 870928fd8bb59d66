import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatBytes, MAX_FILE_BYTES } from './lintedFiles';

/** What a file was when it was read: `--fix` writes only if it still is. */
export interface ReadFile {
  readonly text: string;
  readonly stat: fs.Stats;
}

export type ReadResult = { readonly ok: true; readonly file: ReadFile } | { readonly ok: false; readonly message: string };

/** Reads a file to lint, refusing what is not a regular file or is larger than MAX_FILE_BYTES (checked on the open file). */
export function readLintedFile(file: string): ReadResult {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, message: `${stat.size.toLocaleString('en-US')} bytes, over the ${formatBytes(MAX_FILE_BYTES)} limit for a file to lint` };
    return { ok: true, file: { text: fs.readFileSync(fd, 'utf8'), stat } };
  } catch (error) {
    return { ok: false, message: errorCode(error) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export type WriteResult = 'written' | 'changed-meanwhile';

/**
 * Replaces `file` with `text` atomically: a temporary file in the same folder with the same mode, flushed to
 * disk, then renamed over the original, so a killed process leaves the old or the new file, never a truncated
 * one. If the file changed since it was read (an editor saved it meanwhile), nothing is written. A symbolic
 * link is kept: the file it points to is replaced.
 */
export function writeFileAtomically(file: string, text: string, original: ReadFile): WriteResult {
  const target = fs.realpathSync(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.ecs-guard-${process.pid}-${randomSuffix()}.tmp`);
  const mode = original.stat.mode & 0o7777;
  const fd = fs.openSync(temporary, 'wx', mode);
  try {
    try {
      fs.writeFileSync(fd, text);
      fs.fchmodSync(fd, mode); // The umask may have narrowed the mode given to open.
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (changedSince(target, original)) {
      fs.rmSync(temporary, { force: true });
      return 'changed-meanwhile';
    }
    fs.renameSync(temporary, target);
    return 'written';
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Eight hex digits, so that the temporary file's name cannot be guessed; node:crypto is loaded only by --fix. */
function randomSuffix(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when needed (see above)
  return (require('node:crypto') as typeof import('node:crypto')).randomBytes(4).toString('hex');
}

function changedSince(file: string, original: ReadFile): boolean {
  const now = fs.statSync(file);
  if (now.ino !== original.stat.ino || now.size !== original.stat.size || now.mtimeMs !== original.stat.mtimeMs) return true;
  // Same size within the clock's resolution: compare the text itself.
  return fs.readFileSync(file, 'utf8') !== original.text;
}

/**
 * Whether `--fix` may write `file`, found from the command-line argument folder `root`: its real path (symbolic
 * links resolved) must lie inside the root. The root's own path is taken as written, except for the links in
 * the part it shares with the working folder (such as a temporary folder that is itself a link).
 */
export function staysInside(file: string, root: string, cwd: string): boolean {
  const realFile = fs.realpathSync(file);
  const shared = sharedAncestor(path.resolve(root), path.resolve(cwd));
  const realRoot = path.join(fs.realpathSync(shared), path.relative(shared, path.resolve(root)));
  const relative = path.relative(realRoot, realFile);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function sharedAncestor(a: string, b: string): string {
  let ancestor = a;
  while (path.relative(ancestor, b).startsWith('..')) ancestor = path.dirname(ancestor);
  return ancestor;
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

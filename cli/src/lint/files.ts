import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlob, GlobSyntaxError } from '../../../server/src/engine';
import { errorCode } from './fileAccess';
import { isLintedFileName } from './lintedFiles';
import { compareNames } from './nameOrder';

export interface LintTarget {
  readonly absolutePath: string;
  /** Relative to the working folder, with `/` separators: what the user reads and config globs match. */
  readonly displayPath: string;
  /** Named on the command line: linted as a task definition even when its content is not recognised. */
  readonly explicit: boolean;
  /** The folder of the command-line argument it was found from (the file's own folder for a file): `--fix` writes inside it only. */
  readonly root: string;
}

/** Something the discovery could not do; `fatal` ones make the run exit 2. */
export interface DiscoveryProblem {
  readonly message: string;
  readonly fatal: boolean;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', '.cache']);

/** Files, folders and globs from the command line, as lint targets; arguments that match nothing are problems. */
export function expandTargets(args: readonly string[], cwd: string): { targets: LintTarget[]; problems: DiscoveryProblem[] } {
  const targets = new Map<string, LintTarget>();
  const problems: DiscoveryProblem[] = [];
  const add = (absolutePath: string, explicit: boolean, root: string, displayPath = toDisplayPath(cwd, absolutePath)) => {
    const existing = targets.get(absolutePath);
    if (!existing || (explicit && !existing.explicit)) targets.set(absolutePath, { absolutePath, displayPath, explicit, root });
  };
  // A folder below `folder` that cannot be read is skipped with a warning; `folder` itself goes to `onRootUnreadable` when given.
  const walk = (folder: string, accept: (displayPath: string, name: string) => boolean, onRootUnreadable?: (code: string) => void) =>
    walkFiles(folder, cwd, accept, (dir, code) =>
      dir === folder && onRootUnreadable ? onRootUnreadable(code) : problems.push({ message: `cannot read folder ${toDisplayPath(cwd, dir)} (${code}); skipped`, fatal: false }),
    );
  for (const arg of args.length ? args : ['.']) {
    const absolute = path.resolve(cwd, arg);
    const { stat, code } = statOf(absolute);
    if (stat?.isFile()) {
      add(absolute, true, path.dirname(absolute));
    } else if (stat?.isDirectory()) {
      const found = walk(
        absolute,
        (_, name) => isLintedFileName(name),
        (code) => problems.push({ message: `cannot read folder "${arg}" (${code})`, fatal: true }),
      );
      found.forEach((file) => add(file.absolutePath, false, absolute, file.displayPath));
    } else if (stat) {
      problems.push({ message: `cannot lint "${arg}": not a regular file or folder`, fatal: true });
    } else if (code === 'ELOOP') {
      problems.push({ message: `cannot read "${arg}": a loop of symbolic links`, fatal: true });
    } else if (code === 'EACCES' || code === 'EPERM') {
      problems.push({ message: `cannot read "${arg}": permission denied`, fatal: true });
    } else if (scanGlob(arg).isGlob) {
      const base = path.resolve(cwd, scanGlob(arg).base || '.');
      const matches = globMatcher(toPosix(path.relative(cwd, absolute)));
      if (typeof matches === 'string') {
        problems.push({ message: `cannot use the glob "${arg}": ${matches}`, fatal: true });
        continue;
      }
      const found = walk(base, (displayPath) => matches(displayPath));
      if (found.length === 0) problems.push({ message: `no files match "${arg}"`, fatal: true });
      found.forEach((file) => add(file.absolutePath, false, base, file.displayPath));
    } else {
      problems.push({ message: `cannot read "${arg}": no such file or folder`, fatal: true });
    }
  }
  return { targets: [...targets.values()].sort((a, b) => compareNames(a.displayPath, b.displayPath)), problems };
}

/** picomatch's reading of a command-line glob; loaded only for an argument that is not a file or folder. */
function scanGlob(arg: string): { isGlob: boolean; base: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when needed (see above)
  return (require('picomatch') as typeof import('picomatch')).scan(arg);
}

/**
 * The engine's glob matcher (the one `.ecs-guard.json` globs use): linear in the pattern and path lengths, where a
 * backtracking regular expression would hang on `a*a*a*a*a*a*a*a*a*a*a*a*a*a*b`. A string says why it is unusable.
 */
function globMatcher(pattern: string): ((relativePath: string) => boolean) | string {
  try {
    return compileGlob(pattern);
  } catch (error) {
    if (error instanceof GlobSyntaxError) return error.message;
    throw error;
  }
}

/** A file a folder walk found. */
interface FoundFile {
  readonly absolutePath: string;
  /** `toDisplayPath(cwd, absolutePath)`. */
  readonly displayPath: string;
}

/**
 * The files under a folder that `accept` takes, given the display path and the file name. Symbolic links inside
 * the tree are not followed (a workspace is untrusted input and may link outside itself, or to itself in a loop);
 * unreadable folders are reported and skipped.
 */
function walkFiles(folder: string, cwd: string, accept: (displayPath: string, name: string) => boolean, onUnreadable: (folder: string, code: string) => void): FoundFile[] {
  const files: FoundFile[] = [];
  // The display path of a file is the folder's (relative to the working folder) and the names below it, except
  // where the walk may come back into the working folder ("lint .." in a subfolder): there path.relative knows.
  const relativeFolder = toPosix(path.relative(cwd, folder));
  const cwdFromFolder = path.relative(folder, cwd);
  const incremental = cwdFromFolder === '' || cwdFromFolder.startsWith('..') || path.isAbsolute(cwdFromFolder);
  const displayOf = (dir: string, displayDir: string, name: string) => (!incremental ? toDisplayPath(cwd, path.join(dir, name)) : displayDir === '' ? name : `${displayDir}/${name}`);
  const visit = (dir: string, displayDir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      onUnreadable(dir, errorCode(error));
      return;
    }
    for (const entry of entries.sort((a, b) => compareNames(a.name, b.name))) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) visit(path.join(dir, entry.name), incremental ? displayOf(dir, displayDir, entry.name) : '');
      } else if (entry.isFile()) {
        const displayPath = displayOf(dir, displayDir, entry.name);
        if (accept(displayPath, entry.name)) files.push({ absolutePath: path.join(dir, entry.name), displayPath });
      }
    }
  };
  visit(folder, relativeFolder);
  return files;
}

function statOf(file: string): { stat?: fs.Stats; code?: string } {
  try {
    return { stat: fs.statSync(file) };
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code };
  }
}

export function toDisplayPath(cwd: string, file: string): string {
  return toPosix(path.relative(cwd, file)) || path.basename(file);
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

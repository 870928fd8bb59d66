import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export interface LintTarget {
  readonly absolutePath: string;
  /** Relative to the working folder, with `/` separators: what the user reads and config globs match. */
  readonly displayPath: string;
  /** Named on the command line: linted as a task definition even when its content is not recognised. */
  readonly explicit: boolean;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', '.cache']);
/** JSON task definitions and templates, and CloudFormation templates in YAML; which of them to lint is decided by content. */
const LINTABLE_FILE = /\.(jsonc?|ya?ml|template)$/i;

/** Files, folders and globs from the command line, as lint targets; arguments that match nothing are problems. */
export function expandTargets(args: readonly string[], cwd: string): { targets: LintTarget[]; problems: string[] } {
  const targets = new Map<string, LintTarget>();
  const problems: string[] = [];
  const add = (absolutePath: string, explicit: boolean) => {
    const existing = targets.get(absolutePath);
    if (!existing || (explicit && !existing.explicit)) targets.set(absolutePath, { absolutePath, displayPath: toDisplayPath(cwd, absolutePath), explicit });
  };
  for (const arg of args.length ? args : ['.']) {
    const absolute = path.resolve(cwd, arg);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      add(absolute, true);
    } else if (stat?.isDirectory()) {
      walkLintableFiles(absolute).forEach((file) => add(file, false));
    } else if (picomatch.scan(arg).isGlob) {
      const { base } = picomatch.scan(arg);
      const matches = picomatch(toPosix(path.relative(cwd, path.resolve(cwd, arg))), { dot: true });
      const found = walkLintableFiles(path.resolve(cwd, base || '.'), () => true).filter((file) => matches(toDisplayPath(cwd, file)));
      if (found.length === 0) problems.push(`no files match "${arg}"`);
      found.forEach((file) => add(file, false));
    } else {
      problems.push(`cannot read "${arg}": no such file or folder`);
    }
  }
  return { targets: [...targets.values()].sort((a, b) => a.displayPath.localeCompare(b.displayPath)), problems };
}

function walkLintableFiles(folder: string, accept: (file: string) => boolean = (file) => LINTABLE_FILE.test(file)): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // An unreadable folder inside a tree is skipped, like a `find` that lacks permission.
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // Symbolic links are not followed: a workspace is untrusted input and may link outside itself.
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) visit(full);
      else if (entry.isFile() && accept(full)) files.push(full);
    }
  };
  visit(folder);
  return files;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

export function toDisplayPath(cwd: string, file: string): string {
  return toPosix(path.relative(cwd, file)) || path.basename(file);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

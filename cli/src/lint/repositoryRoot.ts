import * as fs from 'node:fs';
import * as path from 'node:path';

/** The nearest folder at or above `start` with a `.git` (a folder, or a file in worktrees and submodules); else `start`. */
export function repositoryRoot(start: string): string {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return path.resolve(start);
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** The shared corpus of real task definitions, next to the repository when it is checked out. */
const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** The JSON files under the bundled examples and the shared corpus (when present). */
export function realTaskDefinitionFiles(): string[] {
  return [...jsonFiles(path.join(ROOT, 'examples')), ...jsonFiles(CORPUS)];
}

/** A file's name for a test title: relative to the folder that holds the repository. */
export function displayName(file: string): string {
  return path.relative(path.dirname(ROOT), file);
}

function jsonFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return jsonFiles(full);
    return entry.name.endsWith('.json') && entry.name !== 'MANIFEST.json' ? [full] : [];
  });
}

import type { RegionCoverage } from '../../coverage';
import type { TaskDefinitionLocation } from '../model/treeNode';

export interface WorkspaceJsonFile {
  readonly uri: string;
  /** Relative to the workspace folder. */
  readonly displayPath: string;
}

/** The workspace's JSON files, behind an interface so the search runs without VS Code in tests. */
export interface WorkspaceJsonFiles {
  list(): Promise<readonly WorkspaceJsonFile[]>;
  /** The file's text; undefined when it cannot be read or is too large to be a task definition. */
  read(uri: string): Promise<string | undefined>;
}

/** Files read per search at most: a large monorepo must not be read whole after every refresh. */
export const MAX_FILES_READ = 200;

/** The task definition families the issues of these regions name. */
export function familiesNamedIn(regions: readonly RegionCoverage[]): Set<string> {
  const families = new Set<string>();
  for (const region of regions) {
    for (const cluster of region.clusters) {
      for (const issue of cluster.issues) if (issue.taskDefinition) families.add(issue.taskDefinition.family);
    }
  }
  return families;
}

/** The 0-based line of `"family": "<family>"` in a file's text, or undefined. */
export function familyLine(text: string, family: string): number | undefined {
  // Family names are letters, digits, - and _ (nothing JSON escapes); escaping is for the RegExp only.
  const match = new RegExp(`"family"\\s*:\\s*"${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(text);
  if (!match) return undefined;
  return text.slice(0, match.index).split('\n').length - 1;
}

/**
 * Finds a workspace file defining each family: files whose path names a family are read first, then
 * those that look like task definitions, then the rest, at most `maxFilesRead` of them.
 */
export async function findTaskDefinitionFiles(families: ReadonlySet<string>, files: WorkspaceJsonFiles, maxFilesRead = MAX_FILES_READ): Promise<Map<string, TaskDefinitionLocation>> {
  const found = new Map<string, TaskDefinitionLocation>();
  if (families.size === 0) return found;
  const candidates = prioritise(await files.list(), families).slice(0, maxFilesRead);
  for (const file of candidates) {
    const missing = [...families].filter((family) => !found.has(family));
    if (missing.length === 0) break;
    const text = await files.read(file.uri);
    if (text === undefined) continue;
    for (const family of missing) {
      const line = familyLine(text, family);
      if (line !== undefined) found.set(family, { uri: file.uri, line, displayPath: file.displayPath });
    }
  }
  return found;
}

function prioritise(files: readonly WorkspaceJsonFile[], families: ReadonlySet<string>): WorkspaceJsonFile[] {
  const rank = (file: WorkspaceJsonFile) => {
    const lower = file.displayPath.toLowerCase();
    if ([...families].some((family) => lower.includes(family.toLowerCase()))) return 0;
    return /task|taskdef|ecs/.test(lower) ? 1 : 2;
  };
  // Shorter paths first within a rank: a family's definition is rarely buried deepest.
  return [...files].sort((a, b) => rank(a) - rank(b) || a.displayPath.length - b.displayPath.length || a.displayPath.localeCompare(b.displayPath));
}

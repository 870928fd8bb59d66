import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { configFileIn, EcsGuardConfig, EMPTY_CONFIG, FileSelection, mergeConfigs, readConfigFile, readConfigObject, ruleIds, selectFile } from '../engine';

/** The settings a client sends under `ecsGuard`; same meaning as `.ecs-guard.json`, plus `enable`. */
export interface ClientSettings {
  readonly enable?: boolean;
  readonly rules?: unknown;
  readonly include?: unknown;
  readonly ignore?: unknown;
}

interface DocumentConfig {
  readonly enabled: boolean;
  readonly config: EcsGuardConfig;
  readonly selection: FileSelection;
}

/**
 * Resolves the configuration of a document: its workspace folder's `.ecs-guard.json` (cached until a
 * change is announced) merged over the client's `ecsGuard.*` settings for that document.
 */
export class WorkspaceConfigs {
  private folders: string[] = [];
  private readonly fileConfigs = new Map<string, EcsGuardConfig>();
  private readonly reportedProblems = new Set<string>();
  /** Per document until settings, config files or folders change: validation runs on every pause in typing. */
  private readonly documentConfigs = new Map<string, Promise<DocumentConfig>>();

  constructor(
    private readonly fetchSettings: (uri: string) => Promise<ClientSettings | undefined>,
    /** Called once per settings object or config file read, with the problems not reported since the last change. */
    private readonly reportProblems: (problems: readonly string[]) => void,
  ) {}

  setFolders(folderUris: readonly string[]): void {
    this.folders = fileSystemPaths(folderUris);
    this.invalidate();
  }

  /** Applies a `workspace/didChangeWorkspaceFolders` event. */
  changeFolders(addedUris: readonly string[], removedUris: readonly string[]): void {
    const removed = new Set(fileSystemPaths(removedUris));
    this.folders = [...new Set([...this.folders.filter((folder) => !removed.has(folder)), ...fileSystemPaths(addedUris)])];
    this.invalidate();
  }

  /** A config file or a setting changed: read everything again on next use. */
  invalidate(): void {
    this.fileConfigs.clear();
    this.reportedProblems.clear();
    this.documentConfigs.clear();
  }

  /** The document was closed: its configuration is resolved again if it is reopened. */
  forget(uri: string): void {
    this.documentConfigs.delete(uri);
  }

  forDocument(uri: string): Promise<DocumentConfig> {
    let config = this.documentConfigs.get(uri);
    if (!config) {
      config = this.resolve(uri);
      this.documentConfigs.set(uri, config);
      // A failed settings request is not cached: the next validation asks again.
      config.catch(() => this.documentConfigs.delete(uri));
    }
    return config;
  }

  private async resolve(uri: string): Promise<DocumentConfig> {
    const settings = (await this.fetchSettings(uri)) ?? {};
    const fromSettings = this.checked(readConfigObject({ rules: settings.rules ?? {}, include: settings.include ?? [], ignore: settings.ignore ?? [] }, ruleIds, 'ecsGuard settings'));
    const filePath = uri.startsWith('file:') ? URI.parse(uri).fsPath : undefined;
    const folder = filePath ? this.folderOf(filePath) : undefined;
    const config = folder ? mergeConfigs(fromSettings, this.fileConfig(folder)) : fromSettings;
    const selection = folder && filePath ? selectFile(path.relative(folder, filePath).split(path.sep).join('/'), config) : 'by-content';
    return { enabled: settings.enable !== false, config, selection };
  }

  /** The URI of the `.ecs-guard.json` that configures a document; undefined outside every workspace folder. */
  configFileUriFor(uri: string): string | undefined {
    const folder = uri.startsWith('file:') ? this.folderOf(URI.parse(uri).fsPath) : undefined;
    return folder ? URI.file(configFileIn(folder)).toString() : undefined;
  }

  private folderOf(filePath: string): string | undefined {
    return this.folders.filter((folder) => filePath === folder || filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  private fileConfig(folder: string): EcsGuardConfig {
    let config = this.fileConfigs.get(folder);
    if (!config) {
      const result = readConfigFile(configFileIn(folder), { within: folder });
      config = result ? this.checked(result) : EMPTY_CONFIG;
      this.fileConfigs.set(folder, config);
    }
    return config;
  }

  private checked(result: { config: EcsGuardConfig; problems: readonly string[] }): EcsGuardConfig {
    const fresh = [...new Set(result.problems)].filter((problem) => !this.reportedProblems.has(problem));
    fresh.forEach((problem) => this.reportedProblems.add(problem));
    if (fresh.length > 0) this.reportProblems(fresh);
    return result.config;
  }
}

/** Only `file:` folders can hold a `.ecs-guard.json` the server can read. */
function fileSystemPaths(uris: readonly string[]): string[] {
  return uris.flatMap((uri) => (uri.startsWith('file:') ? [URI.parse(uri).fsPath] : []));
}

/** How many problems one notification spells out; the rest are counted (all of them go to the log). */
const PROBLEMS_SHOWN = 3;

/** One notification for all the problems of one settings object or file: 5,000 unknown rule ids raise one, not 5,000. */
export function problemsNotice(problems: readonly string[]): string {
  if (problems.length <= PROBLEMS_SHOWN) return problems.join(' ');
  const rest = problems.length - PROBLEMS_SHOWN;
  return `${problems.length} configuration problems: ${problems.slice(0, PROBLEMS_SHOWN).join(' ')} …and ${rest} more (all listed in the ECS Guard output).`;
}

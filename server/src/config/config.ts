import { compileGlob, globProblem } from './glob';
import { parseJson } from '../document/parse';
import { SEVERITY_OVERRIDES, SeverityOverride } from '../rules/rule';

export const CONFIG_FILE_NAME = '.ecs-guard.json';

/** What `.ecs-guard.json` and the `ecsGuard.*` settings configure; both have the same meaning. */
export interface EcsGuardConfig {
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  /** Globs of files to lint as task definitions even when their content is not recognised. Empty: decide by content. */
  readonly include: readonly string[];
  /** Globs of files never to lint. */
  readonly ignore: readonly string[];
  /**
   * Tag keys every service, cluster and task definition must carry (Security Hub ECS.13/14/15 `requiredTagKeys`).
   * Empty: the tagging rules stay silent. `.ecs-guard.json` only: a team's policy belongs to the repository.
   */
  readonly requiredTagKeys: readonly string[];
}

/** `"off", "info", "warning" or "error"`, for messages. */
const SEVERITY_CHOICES = `${SEVERITY_OVERRIDES.slice(0, -1)
  .map((severity) => `"${severity}"`)
  .join(', ')} or "${SEVERITY_OVERRIDES[SEVERITY_OVERRIDES.length - 1]}"`;

export const EMPTY_CONFIG: EcsGuardConfig = { rules: {}, include: [], ignore: [], requiredTagKeys: [] };

export interface ConfigResult {
  readonly config: EcsGuardConfig;
  /** Human-readable problems; the valid parts of the file still apply. */
  readonly problems: readonly string[];
}

/** Reads an untrusted config file as data: unknown keys, rule ids and values are reported, never executed. */
export function parseConfig(fileText: string, knownRuleIds: ReadonlySet<string>): ConfigResult {
  // Windows editors save UTF-8 with a byte order mark, which JSON.parse rejects.
  const text = fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
  const parsed = parseJson(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const offset = parsed.syntaxErrors[0]?.offset ?? 0;
    return { config: EMPTY_CONFIG, problems: [`${CONFIG_FILE_NAME} is not valid JSON (at offset ${offset}); it is ignored.`] };
  }
  return readConfigObject(value, knownRuleIds, CONFIG_FILE_NAME);
}

/** Validates a config object (from the file or from editor settings). */
export function readConfigObject(value: unknown, knownRuleIds: ReadonlySet<string>, origin: string): ConfigResult {
  const problems: string[] = [];
  if (!isRecord(value)) {
    return { config: EMPTY_CONFIG, problems: [`${origin} must be a JSON object with "rules", "include" and "ignore".`] };
  }
  for (const key of Object.keys(value)) {
    if (!['rules', 'include', 'ignore', 'requiredTagKeys', '$schema'].includes(key))
      problems.push(`${origin}: unknown key ${shown(key)} (expected "rules", "include", "ignore" or "requiredTagKeys").`);
  }
  const rules: Record<string, SeverityOverride> = {};
  if (value.rules !== undefined) {
    if (!isRecord(value.rules)) {
      problems.push(`${origin}: "rules" must be an object of rule id to ${SEVERITY_CHOICES}.`);
    } else {
      for (const [id, severity] of Object.entries(value.rules)) {
        if (!knownRuleIds.has(id)) {
          problems.push(`${origin}: unknown rule ${shown(id)}.`);
        } else if (typeof severity !== 'string' || !(SEVERITY_OVERRIDES as readonly string[]).includes(severity)) {
          problems.push(`${origin}: rule "${id}" has severity ${shown(severity)}; use ${SEVERITY_CHOICES}.`);
        } else {
          rules[id] = severity as SeverityOverride;
        }
      }
    }
  }
  return {
    config: {
      rules,
      include: globList(value.include, 'include', origin, problems),
      ignore: globList(value.ignore, 'ignore', origin, problems),
      requiredTagKeys: tagKeyList(value.requiredTagKeys, origin, problems),
    },
    problems,
  };
}

function globList(value: unknown, key: string, origin: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    problems.push(`${origin}: "${key}" must be an array of glob strings.`);
    return [];
  }
  // An unusable glob is reported and dropped, so matching never throws and never stops every file from being linted.
  return value.filter((glob: string) => {
    const problem = globProblem(glob);
    if (problem) problems.push(`${origin}: "${key}" has ${problem}; it is ignored.`);
    return problem === undefined;
  });
}

/** Tag keys as AWS allows them: 1 to 128 characters, not starting with the reserved `aws:` prefix. */
function tagKeyList(value: unknown, origin: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    problems.push(`${origin}: "requiredTagKeys" must be an array of tag keys.`);
    return [];
  }
  return value.filter((key: string) => {
    const problem = key.length === 0 || key.length > 128 ? 'must be 1 to 128 characters long' : key.toLowerCase().startsWith('aws:') ? 'starts with the reserved prefix "aws:"' : undefined;
    if (problem) problems.push(`${origin}: the required tag key ${shown(key)} ${problem}; it is ignored.`);
    return problem === undefined;
  });
}

/** A value the workspace wrote, quoted for a message and cut short: a key may be megabytes long. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The workspace file wins over editor settings for each rule it names; globs from both apply. */
export function mergeConfigs(settings: EcsGuardConfig, file: EcsGuardConfig): EcsGuardConfig {
  return {
    rules: { ...settings.rules, ...file.rules },
    include: [...settings.include, ...file.include],
    ignore: [...settings.ignore, ...file.ignore],
    requiredTagKeys: [...new Set([...settings.requiredTagKeys, ...file.requiredTagKeys])],
  };
}

export type FileSelection = 'ignored' | 'included' | 'by-content';

/** How a file (path relative to the folder holding the config, with `/` separators) is treated. */
export function selectFile(relativePath: string, config: EcsGuardConfig): FileSelection {
  if (matchesGlobList(relativePath, config.ignore)) return 'ignored';
  if (config.include.some((glob) => !glob.startsWith('!'))) return matchesGlobList(relativePath, config.include) ? 'included' : 'ignored';
  return 'by-content';
}

/**
 * gitignore-style lists: a path matches when a plain glob matches it and no `!glob` does, so
 * `["deploy/**", "!deploy/legacy/**"]` means "deploy, except legacy".
 */
function matchesGlobList(relativePath: string, globs: readonly string[]): boolean {
  const positive = globs.filter((glob) => !glob.startsWith('!'));
  const negative = globs
    .filter((glob) => glob.startsWith('!'))
    .map((glob) => glob.slice(1))
    .filter((glob) => glob.length > 0);
  if (!positive.some((glob) => compileGlob(glob)(relativePath))) return false;
  return !negative.some((glob) => compileGlob(glob)(relativePath));
}

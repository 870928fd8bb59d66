import { ruleIds, SEVERITY_OVERRIDES, SeverityOverride } from '../../../server/src/engine';
import { choiceOption, parseCommandLine, UsageError, wholeNumberOption } from '../usage';
import type { Concurrency } from './parallelLint';

const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** `--fail-on`: the weakest severity that fails the run (exit 1); `none` never fails on findings. */
export const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface LintArguments {
  /** Files, folders and globs; `-` is standard input. Empty: the working folder. */
  readonly targets: string[];
  readonly format: LintFormat;
  readonly outputFile?: string;
  readonly config?: string;
  readonly fix: boolean;
  /** Write fixes through symbolic links that lead outside the given paths. */
  readonly fixThroughSymlinks: boolean;
  readonly quiet: boolean;
  readonly maxWarnings?: number;
  readonly failOn: FailOn;
  /** `--rule id=severity` overrides, applied over the config file's. */
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  readonly stdinFilename?: string;
  /** The folder SARIF and GitHub paths are relative to; undefined: the git root above the working folder. */
  readonly sarifRoot?: string;
  readonly listRules: boolean;
  /** `--concurrency`: threads that lint (1 for `off`), or `auto` (by the number of files and cores). */
  readonly concurrency: Concurrency;
}

const LINT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  fix: { type: 'boolean' },
  'fix-through-symlinks': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'fail-on': { type: 'string' },
  rule: { type: 'string', multiple: true },
  'stdin-filename': { type: 'string' },
  'sarif-root': { type: 'string' },
  'list-rules': { type: 'boolean' },
  concurrency: { type: 'string' },
} as const;

export function parseLintArguments(args: string[]): LintArguments {
  const { values, positionals } = parseCommandLine(args, LINT_OPTIONS, 'lint');
  const usage = (message: string) => new UsageError(message, 'lint');
  const readsStdin = positionals.includes('-');
  if (readsStdin && positionals.length > 1) throw usage('"-" (standard input) cannot be combined with files or folders');
  if (values['stdin-filename'] !== undefined && !readsStdin) throw usage('--stdin-filename needs "-" as the file to lint');
  if (readsStdin && values.fix) throw usage('--fix cannot write to standard input; lint a file instead');
  return {
    targets: positionals,
    format: choiceOption(values.format, LINT_FORMATS, 'stylish', 'format', 'lint'),
    outputFile: values['output-file'],
    config: values.config,
    fix: values.fix ?? false,
    fixThroughSymlinks: values['fix-through-symlinks'] ?? false,
    quiet: values.quiet ?? false,
    maxWarnings: wholeNumberOption(values['max-warnings'], '--max-warnings', 'lint'),
    failOn: choiceOption(values['fail-on'], FAIL_ON, 'error', '--fail-on severity', 'lint'),
    rules: parseRuleOverrides(values.rule ?? []),
    stdinFilename: values['stdin-filename'],
    sarifRoot: values['sarif-root'],
    listRules: values['list-rules'] ?? false,
    concurrency: concurrencyOption(values.concurrency),
  };
}

/** `--concurrency`: `auto` (the default), `off` (one thread), or a number of threads from 1 to 64. */
function concurrencyOption(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 1;
  const threads = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(threads >= 1 && threads <= MAX_CONCURRENCY)) throw new UsageError(`--concurrency needs auto, off or a number of threads from 1 to ${MAX_CONCURRENCY}, got "${value}"`, 'lint');
  return threads;
}

/** More threads than this are a typo: each one loads the rules into memory of its own. */
const MAX_CONCURRENCY = 64;

/** `--rule privileged-container=error` (or `:`), repeatable, and comma-separated lists of them. */
function parseRuleOverrides(specs: readonly string[]): Record<string, SeverityOverride> {
  const overrides: Record<string, SeverityOverride> = {};
  for (const spec of specs.flatMap((text) => text.split(','))) {
    const match = /^\s*([^=:\s]+)\s*[=:]\s*(\S+)\s*$/.exec(spec);
    if (!match) throw new UsageError(`--rule needs id=severity, for example --rule privileged-container=error; got "${spec}"`, 'lint');
    const [, id, severity] = match;
    if (!ruleIds.has(id)) throw new UsageError(`--rule: unknown rule "${id}" (see ecs-guard lint --list-rules)`, 'lint');
    if (!(SEVERITY_OVERRIDES as readonly string[]).includes(severity)) {
      throw new UsageError(`--rule: severity "${severity}" for ${id} is not one of ${SEVERITY_OVERRIDES.join(', ')}`, 'lint');
    }
    overrides[id] = severity as SeverityOverride;
  }
  return overrides;
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  analyzeText,
  configFileIn,
  EcsGuardConfig,
  EMPTY_CONFIG,
  FileSelection,
  fixAll,
  LintFinding,
  lintPlan,
  lintsContent,
  readConfigFile,
  selectFile,
  validate,
  ValidateOptions,
  whyNotATaskDefinition,
} from '../../../server/src/engine';
import { CliIO } from '../main';
import { UsageError } from '../usage';
import { errorCode, readLintedFile, ReadFile, staysInside, writeFileAtomically } from './fileAccess';
import { expandTargets, LintTarget, toDisplayPath, toPosix } from './files';
import { exitCodeOf, gate } from './gate';
import { LintArguments, parseLintArguments } from './lintArguments';
import { formatRuleList } from './listRules';
import { format, writeOutput } from './output';
import { FileReport, RunNotice } from './report';

/** Config-file problems printed before the rest are counted in one line. */
const MAX_CONFIG_PROBLEMS_SHOWN = 20;

/** The display name of standard input when no --stdin-filename is given. */
const STDIN_NAME = '<stdin>';

export async function runLint(args: string[], io: CliIO): Promise<number> {
  const options = parseLintArguments(args);
  const { config, configDir } = loadConfig(options, io);
  if (options.listRules) {
    writeOutput(formatRuleList(config.rules, options.format === 'json'), options, io);
    return 0;
  }

  const notices: RunNotice[] = [];
  const notify = (notice: RunNotice) => {
    notices.push(notice);
    io.stderr(`ecs-guard: ${notice.level === 'warning' ? 'warning: ' : ''}${notice.message}\n`);
  };
  const reports: FileReport[] = [];
  const linter = new FileLinter(options, config, configDir, io, notify);
  if (options.targets.includes('-')) {
    const report = await linter.lintStdin();
    if (report) reports.push(report);
  } else {
    const { targets, problems } = expandTargets(options.targets, io.cwd);
    problems.forEach((problem) => notify({ message: problem.message, level: problem.fatal ? 'error' : 'warning' }));
    for (const target of targets) {
      const report = linter.lintTarget(target);
      if (report) reports.push(report);
    }
  }

  const shown = options.quiet ? reports.map((report) => ({ ...report, findings: report.findings.filter((finding) => finding.severity === 'error') })) : reports;
  writeOutput(format({ reports: shown, notices }, options, io), options, io);
  const verdict = gate(shown, options);
  verdict.messages.forEach((message) => io.stderr(`ecs-guard: ${message}\n`));
  return exitCodeOf(verdict, notices);
}

function loadConfig(options: LintArguments, io: CliIO): { config: EcsGuardConfig; configDir: string } {
  const configPath = options.config ? path.resolve(io.cwd, options.config) : configFileIn(io.cwd);
  const configResult = readConfigFile(configPath);
  if (options.config && !configResult) throw new UsageError(`cannot read config file "${options.config}"`, 'lint');
  const problems = configResult?.problems ?? [];
  // A generated or hostile config with thousands of mistakes must not bury the report.
  problems.slice(0, MAX_CONFIG_PROBLEMS_SHOWN).forEach((problem) => io.stderr(`ecs-guard: warning: ${problem}\n`));
  if (problems.length > MAX_CONFIG_PROBLEMS_SHOWN) io.stderr(`ecs-guard: warning: ... and ${problems.length - MAX_CONFIG_PROBLEMS_SHOWN} more problems in ${path.basename(configPath)}.\n`);
  const fileConfig = configResult?.config ?? EMPTY_CONFIG;
  // --rule wins over the config file, as eslint's --rule does.
  return { config: { ...fileConfig, rules: { ...fileConfig.rules, ...options.rules } }, configDir: path.dirname(configPath) };
}

/** Lints one file (or standard input) at a time: selection by the config, reading, `--fix`, validation. */
class FileLinter {
  constructor(
    private readonly options: LintArguments,
    private readonly config: EcsGuardConfig,
    private readonly configDir: string,
    private readonly io: CliIO,
    private readonly notify: (notice: RunNotice) => void,
  ) {}

  async lintStdin(): Promise<FileReport | undefined> {
    const name = this.options.stdinFilename;
    const absolutePath = path.resolve(this.io.cwd, name ?? STDIN_NAME);
    const displayPath = name ? toDisplayPath(this.io.cwd, absolutePath) : STDIN_NAME;
    // Standard input is linted as if named on the command line; its name only matters for the config's globs.
    const selection = name ? selectFile(toPosix(path.relative(this.configDir, absolutePath)), this.config) : 'by-content';
    if (!lintPlan({ config: this.config, selection }).linted) {
      this.io.stderr(`ecs-guard: ${displayPath} is ignored by the config file's "ignore"/"include" globs.\n`);
      return undefined;
    }
    const text = this.io.readStdin ? await this.io.readStdin() : '';
    return this.lintText(text, { absolutePath, displayPath, explicit: true, root: path.dirname(absolutePath) }, selection);
  }

  lintTarget(target: LintTarget): FileReport | undefined {
    const selection = selectFile(toPosix(path.relative(this.configDir, target.absolutePath)), this.config);
    // Asked before reading, so an ignored file is never read.
    if (!lintPlan({ config: this.config, selection }).linted) {
      if (target.explicit) this.io.stderr(`ecs-guard: ${target.displayPath} is ignored by the config file's "ignore"/"include" globs.\n`);
      return undefined;
    }
    const read = readLintedFile(target.absolutePath);
    if (!read.ok) {
      this.notify({ message: `cannot read ${target.displayPath}: ${read.message}`, absolutePath: target.absolutePath, level: 'error' });
      return undefined;
    }
    return this.lintText(read.file.text, target, selection, read.file);
  }

  private lintText(text: string, target: LintTarget, selection: FileSelection, file?: ReadFile): FileReport | undefined {
    try {
      // The file's URI carries its extension, which tells YAML from JSON.
      const uri = pathToFileURL(target.absolutePath).href;
      let analysis = analyzeText(text, uri);
      const plan = lintPlan({ config: this.config, selection, named: target.explicit ? analysis : undefined });
      if (!plan.linted || !lintsContent(plan, analysis)) {
        if (target.explicit) this.io.stderr(`ecs-guard: ${target.displayPath} is not an ECS task definition (${whyNotATaskDefinition(analysis.parsed)}); skipped.\n`);
        return undefined;
      }
      const validateOptions: ValidateOptions = {
        rules: plan.rules,
        requiredTagKeys: plan.requiredTagKeys,
        assumeTaskDefinition: plan.assumeTaskDefinition,
        onRuleError: (ruleId, error) => this.io.stderr(`ecs-guard: rule ${ruleId} failed on ${target.displayPath}: ${String(error)}\n`),
      };
      if (this.options.fix && file) {
        const fixed = fixAll(analysis, { validate: validateOptions });
        if (fixed.text !== text && this.write(target, fixed.text, file, fixed.fixed)) analysis = analyzeText(fixed.text, uri);
      }
      return { file: target.displayPath, absolutePath: target.absolutePath, findings: validate(analysis, validateOptions) };
    } catch (error) {
      // One file the engine cannot handle must not cost the report of the others.
      this.notify({ message: `internal error while linting ${target.displayPath}: ${error instanceof Error ? error.message : String(error)}`, absolutePath: target.absolutePath, level: 'error' });
      return undefined;
    }
  }

  /** Writes the fixed text, or says why not; true when written. */
  private write(target: LintTarget, text: string, original: ReadFile, fixed: readonly LintFinding[]): boolean {
    const { displayPath } = target;
    if (!this.options.fixThroughSymlinks && !staysInside(target.absolutePath, target.root, this.io.cwd)) {
      this.notify({
        message: `not fixed: ${displayPath} is a symbolic link to ${fs.realpathSync(target.absolutePath)}, outside the paths given (--fix-through-symlinks writes there)`,
        absolutePath: target.absolutePath,
        level: 'warning',
      });
      return false;
    }
    try {
      if (writeFileAtomically(target.absolutePath, text, original) === 'changed-meanwhile') {
        this.notify({ message: `not fixed: ${displayPath} changed while it was being fixed; run again to fix the new version`, absolutePath: target.absolutePath, level: 'warning' });
        return false;
      }
    } catch (error) {
      this.notify({ message: `cannot write ${displayPath}: ${errorCode(error)}`, absolutePath: target.absolutePath, level: 'error' });
      return false;
    }
    this.io.stderr(`ecs-guard: fixed ${displayPath}: ${fixSummary(fixed)}\n`);
    return true;
  }
}

/** "3 edits: readonly-root-filesystem 2, privileged-container 1". */
function fixSummary(fixed: readonly LintFinding[]): string {
  const byRule = new Map<string, number>();
  for (const finding of fixed) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  const parts = [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ruleId, count]) => `${ruleId} ${count}`);
  return `${fixed.length} ${fixed.length === 1 ? 'fix' : 'fixes'} (${parts.join(', ')})`;
}

import * as path from 'node:path';
import { configFileIn, EcsGuardConfig, EMPTY_CONFIG, lintPlan, readConfigFile } from '../../../server/src/engine';
import { CliIO } from '../main';
import { UsageError } from '../usage';
import { FileLinter, FileOutcome, ignoredMessage, LintSettings } from './fileLinter';
import { expandTargets, toDisplayPath } from './files';
import { exitCodeOf, gate } from './gate';
import { LintArguments, parseLintArguments } from './lintArguments';
import { formatRuleList } from './listRules';
import { format, writeOutput } from './output';
import { lintTargets, workerCount } from './parallelLint';
import { FileReport, RunNotice } from './report';

// A worker thread runs this bundle's copy of parallelLint (see workerScript there); a test drives lintTargets
// through the bundle to prove that.
export { lintTargets, runLintWorker } from './parallelLint';

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
  const take = (outcome: FileOutcome) => {
    for (const event of outcome.events) {
      if ('notice' in event) notify(event.notice);
      else io.stderr(`ecs-guard: ${event.message}\n`);
    }
    if (outcome.report) reports.push(outcome.report);
  };
  const settings: LintSettings = { config, configDir, cwd: io.cwd, fix: options.fix, fixThroughSymlinks: options.fixThroughSymlinks };
  if (options.targets.includes('-')) {
    take(await lintStdin(new FileLinter(settings), options, io));
  } else {
    const { targets, problems } = expandTargets(options.targets, io.cwd);
    problems.forEach((problem) => notify({ message: problem.message, level: problem.fatal ? 'error' : 'warning' }));
    const onWorkerFailure = (error: unknown) =>
      io.stderr(`ecs-guard: warning: a lint thread failed (${error instanceof Error ? error.message : String(error)}); its files were linted in the main thread.\n`);
    await lintTargets(targets, settings, { workers: workerCount(options, targets.length), onWorkerFailure }, take);
  }

  const shown = options.quiet ? reports.map((report) => ({ ...report, findings: report.findings.filter((finding) => finding.severity === 'error') })) : reports;
  writeOutput(format({ reports: shown, notices }, options, io), options, io);
  const verdict = gate(shown, options);
  verdict.messages.forEach((message) => io.stderr(`ecs-guard: ${message}\n`));
  return exitCodeOf(verdict, notices);
}

/** Standard input, linted as if named on the command line; its name only matters for the config's globs. */
async function lintStdin(linter: FileLinter, options: LintArguments, io: CliIO): Promise<FileOutcome> {
  const name = options.stdinFilename;
  const absolutePath = path.resolve(io.cwd, name ?? STDIN_NAME);
  const displayPath = name ? toDisplayPath(io.cwd, absolutePath) : STDIN_NAME;
  const selection = name ? linter.selectionOf({ absolutePath, displayPath }) : 'by-content';
  if (!lintPlan({ config: linter.settings.config, selection }).linted) return { events: [ignoredMessage(displayPath)] };
  const text = io.readStdin ? await io.readStdin() : '';
  return linter.lintText(text, { absolutePath, displayPath, explicit: true, root: path.dirname(absolutePath) }, selection);
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

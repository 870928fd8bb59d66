import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, configFileIn, EMPTY_CONFIG, fixAll, lintPlan, lintsContent, readConfigFile, selectFile, validate, ValidateOptions } from '../../../server/src/engine';
import { CliIO } from '../main';
import { parseOptions, UsageError } from '../usage';
import { cliVersion } from '../version';
import { expandTargets, toDisplayPath } from './files';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatStylish } from './formatStylish';
import { FileReport } from './report';

const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export async function runLint(args: string[], io: CliIO): Promise<number> {
  const { options, positionals } = parseOptions(args, ['format', 'config'], ['fix']);
  const fix = options.has('fix');
  const format = (options.get('format') ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);

  const explicitConfig = options.get('config');
  const configPath = explicitConfig ? path.resolve(io.cwd, explicitConfig) : configFileIn(io.cwd);
  const configResult = readConfigFile(configPath);
  if (explicitConfig && !configResult) throw new UsageError(`cannot read config file "${explicitConfig}"`);
  const config = configResult?.config ?? EMPTY_CONFIG;
  configResult?.problems.forEach((problem) => io.stderr(`ecs-guard: warning: ${problem}\n`));
  const configDir = path.dirname(configPath);

  const { targets, problems } = expandTargets(positionals, io.cwd);
  let unreadable = problems.length > 0;
  problems.forEach((problem) => io.stderr(`ecs-guard: ${problem}\n`));

  const reports: FileReport[] = [];
  for (const target of targets) {
    const subject = { config, selection: selectFile(toDisplayPath(configDir, target.absolutePath), config) };
    // Asked before reading, so an ignored file is never read.
    if (!lintPlan(subject).linted) {
      if (target.explicit) io.stderr(`ecs-guard: ${target.displayPath} is ignored by the config file's "ignore"/"include" globs.\n`);
      continue;
    }
    let text: string;
    try {
      text = fs.readFileSync(target.absolutePath, 'utf8');
    } catch (error) {
      io.stderr(`ecs-guard: cannot read ${target.displayPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      unreadable = true;
      continue;
    }
    let analysis = analyzeText(text);
    const plan = lintPlan({ ...subject, named: target.explicit ? analysis : undefined });
    if (!plan.linted || !lintsContent(plan, analysis)) {
      if (target.explicit) io.stderr(`ecs-guard: ${target.displayPath} is not an ECS task definition (no "containerDefinitions"); skipped.\n`);
      continue;
    }
    const validateOptions: ValidateOptions = {
      rules: plan.rules,
      assumeTaskDefinition: plan.assumeTaskDefinition,
      onRuleError: (ruleId, error) => io.stderr(`ecs-guard: rule ${ruleId} failed on ${target.displayPath}: ${String(error)}\n`),
    };
    if (fix) {
      const fixed = fixAll(analysis, { validate: validateOptions });
      if (fixed.text !== text) {
        try {
          fs.writeFileSync(target.absolutePath, fixed.text);
          analysis = analyzeText(fixed.text);
        } catch (error) {
          io.stderr(`ecs-guard: cannot write ${target.displayPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
          unreadable = true;
        }
      }
    }
    reports.push({ file: target.displayPath, findings: validate(analysis, validateOptions) });
  }

  const output = format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, cliVersion()) : formatStylish(reports, io.isTTY);
  io.stdout(output);
  if (unreadable) return 2;
  return reports.some((report) => report.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

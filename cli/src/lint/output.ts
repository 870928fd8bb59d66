import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliIO } from '../main';
import { UsageError } from '../usage';
import { cliVersion } from '../version';
import { errorCode } from './fileAccess';
import { toPosix } from './files';
import { formatGithub } from './formatGithub';
import { formatJson } from './formatJson';
import { formatJunit } from './formatJunit';
import { formatSarif } from './formatSarif';
import { formatStylish } from './formatStylish';
import { LintArguments } from './lintArguments';
import { LintRun } from './report';
import { repositoryRoot } from './repositoryRoot';

/** The report in the chosen format. */
export function format(run: LintRun, options: LintArguments, io: CliIO): string {
  const root = () => {
    if (options.sarifRoot === undefined) return repositoryRoot(io.cwd);
    const folder = path.resolve(io.cwd, options.sarifRoot);
    if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--sarif-root "${options.sarifRoot}" is not a folder`, 'lint');
    return folder;
  };
  switch (options.format) {
    case 'json':
      return formatJson(run.reports);
    case 'sarif':
      return formatSarif(run, { version: cliVersion(), root: root() });
    case 'github': {
      const base = root();
      return formatGithub(run.reports, run.notices, (absolutePath) => toPosix(path.relative(base, absolutePath)));
    }
    case 'junit':
      return formatJunit(run.reports, run.notices);
    case 'stylish':
      return options.outputFile === undefined ? formatStylish(run.reports, { terminal: io.isTTY, color: io.color ?? io.isTTY }) : formatStylish(run.reports, { terminal: false, color: false });
  }
}

export function writeOutput(text: string, options: LintArguments, io: CliIO): void {
  if (options.outputFile === undefined) {
    io.stdout(text);
    return;
  }
  const file = path.resolve(io.cwd, options.outputFile);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot write the output file "${options.outputFile}": ${errorCode(error)}`, 'lint');
  }
}

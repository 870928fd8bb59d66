import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeText, EcsGuardConfig, FileSelection, fixAll, LintFinding, lintPlan, lintsContent, selectFile, validate, ValidateOptions, whyNotATaskDefinition } from '../../../server/src/engine';
import { errorCode, readLintedFile, ReadFile, staysInside, writeFileAtomically } from './fileAccess';
import { LintTarget, toPosix } from './files';
import { FileReport, RunNotice } from './report';

/** What linting one file needs besides the file: plain data, so that a worker thread can be given it. */
export interface LintSettings {
  readonly config: EcsGuardConfig;
  /** The config file's folder: its globs are relative to it. */
  readonly configDir: string;
  readonly cwd: string;
  readonly fix: boolean;
  readonly fixThroughSymlinks: boolean;
}

/** Something the run tells on standard error while linting a file, in the order it happened. */
export type LintEvent =
  /** A line for standard error ("fixed ...", "... is not an ECS task definition"). */
  | { readonly message: string }
  /** A problem that is also part of the report (SARIF, JUnit) and may set the exit code. */
  | { readonly notice: RunNotice };

/** Everything linting one file produced: its report (none when it was skipped) and what to tell meanwhile. */
export interface FileOutcome {
  readonly report?: FileReport;
  readonly events: readonly LintEvent[];
}

/**
 * Lints one file at a time: selection by the config, reading, `--fix`, validation. It writes nothing to the
 * terminal: what it has to say comes back in the outcome, so that files linted by several threads are told in
 * the same order as by one.
 */
export class FileLinter {
  constructor(readonly settings: LintSettings) {}

  /** A file found on the command line or by a folder walk. */
  lintTarget(target: LintTarget): FileOutcome {
    const events: LintEvent[] = [];
    const selection = this.selectionOf(target);
    // Asked before reading, so an ignored file is never read.
    if (!lintPlan({ config: this.settings.config, selection }).linted) {
      if (target.explicit) events.push(ignoredMessage(target.displayPath));
      return { events };
    }
    const read = readLintedFile(target.absolutePath);
    if (!read.ok) {
      events.push({ notice: { message: `cannot read ${target.displayPath}: ${read.message}`, absolutePath: target.absolutePath, level: 'error' } });
      return { events };
    }
    return this.lintText(read.file.text, target, selection, events, read.file);
  }

  /** How the config selects the file (by its path relative to the config file's folder). */
  selectionOf(target: Pick<LintTarget, 'absolutePath' | 'displayPath'>): FileSelection {
    const { configDir, cwd, config } = this.settings;
    // The display path is the path relative to the working folder, where the config file usually is.
    const relativePath = configDir === cwd ? target.displayPath : toPosix(path.relative(configDir, target.absolutePath));
    return selectFile(relativePath, config);
  }

  /** Lints a text read from `target` (`file`, when it came from disk: `--fix` writes only then). */
  lintText(text: string, target: LintTarget, selection: FileSelection, events: LintEvent[] = [], file?: ReadFile): FileOutcome {
    const { config } = this.settings;
    try {
      // The file's URI carries its extension, which tells YAML from JSON.
      const uri = fileUri(target.absolutePath);
      let analysis = analyzeText(text, uri);
      const plan = lintPlan({ config, selection, named: target.explicit ? analysis : undefined });
      if (!plan.linted || !lintsContent(plan, analysis)) {
        if (target.explicit) events.push({ message: `${target.displayPath} is not an ECS task definition (${whyNotATaskDefinition(analysis.parsed)}); skipped.` });
        return { events };
      }
      const validateOptions: ValidateOptions = {
        rules: plan.rules,
        requiredTagKeys: plan.requiredTagKeys,
        assumeTaskDefinition: plan.assumeTaskDefinition,
        onRuleError: (ruleId, error) => events.push({ message: `rule ${ruleId} failed on ${target.displayPath}: ${String(error)}` }),
      };
      if (this.settings.fix && file) {
        const fixed = fixAll(analysis, { validate: validateOptions });
        if (fixed.text !== text && this.write(target, fixed.text, file, fixed.fixed, events)) analysis = analyzeText(fixed.text, uri);
      }
      return { report: { file: target.displayPath, absolutePath: target.absolutePath, findings: validate(analysis, validateOptions) }, events };
    } catch (error) {
      // One file the engine cannot handle must not cost the report of the others.
      events.push({
        notice: { message: `internal error while linting ${target.displayPath}: ${error instanceof Error ? error.message : String(error)}`, absolutePath: target.absolutePath, level: 'error' },
      });
      return { events };
    }
  }

  /** Writes the fixed text, or says why not; true when written. */
  private write(target: LintTarget, text: string, original: ReadFile, fixed: readonly LintFinding[], events: LintEvent[]): boolean {
    const { displayPath, absolutePath } = target;
    if (!this.settings.fixThroughSymlinks && !staysInside(absolutePath, target.root, this.settings.cwd)) {
      events.push({
        notice: {
          message: `not fixed: ${displayPath} is a symbolic link to ${fs.realpathSync(absolutePath)}, outside the paths given (--fix-through-symlinks writes there)`,
          absolutePath,
          level: 'warning',
        },
      });
      return false;
    }
    try {
      if (writeFileAtomically(absolutePath, text, original) === 'changed-meanwhile') {
        events.push({ notice: { message: `not fixed: ${displayPath} changed while it was being fixed; run again to fix the new version`, absolutePath, level: 'warning' } });
        return false;
      }
    } catch (error) {
      events.push({ notice: { message: `cannot write ${displayPath}: ${errorCode(error)}`, absolutePath, level: 'error' } });
      return false;
    }
    events.push({ message: `fixed ${displayPath}: ${fixSummary(fixed)}` });
    return true;
  }
}

/** File names a file URL spells as they are: pathToFileURL leaves them alone. */
const PLAIN_NAME = /^[A-Za-z0-9._-]+$/;
const folderUris = new Map<string, string>();

/** `pathToFileURL(file).href`, each folder's URL made once: for a thousand files a few ms of the run. */
export function fileUri(file: string): string {
  const name = path.basename(file);
  if (!PLAIN_NAME.test(name)) return pathToFileURL(file).href;
  const folder = path.dirname(file);
  let folderUri = folderUris.get(folder);
  if (folderUri === undefined) folderUris.set(folder, (folderUri = pathToFileURL(folder).href));
  return folderUri.endsWith('/') ? folderUri + name : `${folderUri}/${name}`;
}

export function ignoredMessage(displayPath: string): LintEvent {
  return { message: `${displayPath} is ignored by the config file's "ignore"/"include" globs.` };
}

/** "3 edits: readonly-root-filesystem 2, privileged-container 1". */
function fixSummary(fixed: readonly LintFinding[]): string {
  const byRule = new Map<string, number>();
  for (const finding of fixed) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  const parts = [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ruleId, count]) => `${ruleId} ${count}`);
  return `${fixed.length} ${fixed.length === 1 ? 'fix' : 'fixes'} (${parts.join(', ')})`;
}

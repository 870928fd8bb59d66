import { Severity } from '../../../server/src/engine';
import { FailOn } from './lintArguments';
import { countSeverities, FileReport, RunNotice } from './report';

/** Severities from weakest to strongest, for `--fail-on`. */
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface GateOptions {
  readonly failOn: FailOn;
  readonly maxWarnings?: number;
}

/** Whether the findings fail the run, and why in words where the reason is not plain from the output. */
export interface GateVerdict {
  readonly failed: boolean;
  readonly messages: readonly string[];
}

/**
 * The documented exit codes: 2 when a file or folder could not be linted (or another error notice), else 1 when
 * a finding reaches the `--fail-on` severity or the warnings exceed `--max-warnings`, else 0.
 */
export function exitCodeOf(verdict: GateVerdict, notices: readonly RunNotice[]): 0 | 1 | 2 {
  if (notices.some((notice) => notice.level === 'error')) return 2;
  return verdict.failed ? 1 : 0;
}

export function gate(reports: readonly FileReport[], options: GateOptions): GateVerdict {
  const messages: string[] = [];
  let failed = false;
  const counts = countSeverities(reports);
  const failOn = options.failOn;
  if (failOn !== 'none') {
    const failing = (Object.keys(RANK) as Severity[]).filter((severity) => RANK[severity] >= RANK[failOn]).reduce((sum, severity) => sum + counts[severity], 0);
    failed = failing > 0;
    // Error findings failing the default gate need no explanation, as in eslint.
    if (failed && failOn !== 'error') messages.push(`${failing} finding${failing === 1 ? '' : 's'} at or above --fail-on ${failOn}.`);
  }
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    failed = true;
    messages.push(`${counts.warning} warnings, more than --max-warnings ${options.maxWarnings} allows.`);
  }
  return { failed, messages };
}

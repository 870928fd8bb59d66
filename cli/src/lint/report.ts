import { LintFinding } from '../../../server/src/engine';

/** The findings of one linted file (an empty list for a clean file), as every output format sees them. */
export interface FileReport {
  /** Relative to the working folder, with `/` separators. */
  readonly file: string;
  readonly absolutePath: string;
  readonly findings: readonly LintFinding[];
}

/** A file or folder the run could not lint, or another problem outside the findings. */
export interface RunNotice {
  readonly message: string;
  /** The file it is about, when there is one. */
  readonly absolutePath?: string;
  /** Errors make the run exit 2; warnings are told and the run goes on. */
  readonly level: 'error' | 'warning';
}

/** Everything one `ecs-guard lint` run found, handed to a formatter. */
export interface LintRun {
  readonly reports: readonly FileReport[];
  readonly notices: readonly RunNotice[];
}

/** One finding with 1-based positions, the shape of the JSON output. */
export interface OutputFinding {
  file: string;
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  path: (string | number)[];
}

export function toOutputFinding(file: string, finding: LintFinding): OutputFinding {
  return {
    file,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    path: finding.path,
  };
}

export function toOutputFindings(reports: readonly FileReport[]): OutputFinding[] {
  return reports.flatMap(({ file, findings }) => findings.map((finding) => toOutputFinding(file, finding)));
}

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function countSeverities(reports: readonly FileReport[]): SeverityCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const report of reports) for (const finding of report.findings) counts[finding.severity]++;
  return counts;
}

import { LintFinding } from '../../../server/src/engine';

/** The findings of one file, as every output format sees them. */
export interface FileReport {
  readonly file: string;
  readonly findings: readonly LintFinding[];
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

export function toOutputFindings(reports: readonly FileReport[]): OutputFinding[] {
  return reports.flatMap(({ file, findings }) =>
    findings.map((finding) => ({
      file,
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
      path: finding.path,
    })),
  );
}

import { FileReport, toOutputFindings } from './report';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', underline: '\x1b[4m', reset: '\x1b[0m' };

/** eslint-like: a header per file, one aligned line per finding, and a summary. */
export function formatStylish(reports: readonly FileReport[], color: boolean): string {
  const paint = (style: keyof typeof COLORS, text: string) => (color ? `${COLORS[style]}${text}${COLORS.reset}` : text);
  const findings = toOutputFindings(reports);
  if (findings.length === 0) return '';
  const lines: string[] = [];
  for (const report of reports) {
    const own = findings.filter((finding) => finding.file === report.file);
    if (own.length === 0) continue;
    lines.push('', paint('underline', report.file));
    const positionWidth = Math.max(...own.map((f) => `${f.line}:${f.column}`.length));
    for (const f of own) {
      const severity = f.severity as 'error' | 'warning' | 'info';
      lines.push(`  ${paint('dim', `${f.line}:${f.column}`.padEnd(positionWidth))}  ${paint(severity, severity.padEnd(7))}  ${f.message}  ${paint('dim', f.ruleId)}`);
    }
  }
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  const summary = `✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
  lines.push('', paint(errors ? 'error' : 'warning', summary), '');
  return lines.join('\n');
}

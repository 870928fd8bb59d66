import { countSeverities, FileReport, toOutputFinding } from './report';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', ok: '\x1b[32m', dim: '\x1b[2m', underline: '\x1b[4m', reset: '\x1b[0m' };

/**
 * eslint-like: a header per file, one aligned line per finding, and a summary. Nothing for a clean run, except
 * one line on a terminal. Linear in the findings (no spread of a huge array into Math.max).
 */
export function formatStylish(reports: readonly FileReport[], { terminal, color }: { readonly terminal: boolean; readonly color: boolean }): string {
  const paint = (style: keyof typeof COLORS, text: string) => (color ? `${COLORS[style]}${text}${COLORS.reset}` : text);
  const { error: errors, warning: warnings, info: infos } = countSeverities(reports);
  const total = errors + warnings + infos;
  if (total === 0) return terminal ? `${paint('ok', '✔')} No problems in ${plural(reports.length, 'file')}.\n` : '';
  const lines: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const own = report.findings.map((finding) => toOutputFinding(report.file, finding));
    let positionWidth = 0;
    for (const f of own) positionWidth = Math.max(positionWidth, `${f.line}:${f.column}`.length);
    lines.push('', paint('underline', report.file));
    for (const f of own) {
      const severity = f.severity as 'error' | 'warning' | 'info';
      lines.push(`  ${paint('dim', `${f.line}:${f.column}`.padEnd(positionWidth))}  ${paint(severity, severity.padEnd(7))}  ${f.message}  ${paint('dim', f.ruleId)}`);
    }
  }
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info)`;
  lines.push('', paint(errors ? 'error' : 'warning', summary), '');
  return lines.join('\n');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

import { Severity } from '../../../server/src/engine';
import { FileReport, RunNotice, toOutputFinding } from './report';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands (`::warning file=...,line=...::message`): each finding becomes an annotation
 * on the pull request's diff; files that could not be linted become annotations too. `pathOf` gives the path
 * relative to the repository root, where GitHub looks.
 */
export function formatGithub(reports: readonly FileReport[], notices: readonly RunNotice[], pathOf: (absolutePath: string) => string): string {
  const lines: string[] = [];
  for (const notice of notices) {
    const file = notice.absolutePath ? ` ${escapeProperty(`file=${pathOf(notice.absolutePath)}`)}` : '';
    lines.push(`::${notice.level}${file}::${escapeData(`ecs-guard: ${notice.message}`)}`);
  }
  for (const report of reports) {
    const file = pathOf(report.absolutePath);
    for (const finding of report.findings) {
      const f = toOutputFinding(file, finding);
      const properties = [`file=${f.file}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${f.ruleId}`];
      lines.push(`::${COMMAND[finding.severity]} ${properties.map(escapeProperty).join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The escaping of @actions/core's `issueCommand`: data keeps `:` and `,`, property values do not. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(property: string): string {
  const [name, value] = property.split(/=(.*)/s, 2);
  return `${name}=${escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')}`;
}

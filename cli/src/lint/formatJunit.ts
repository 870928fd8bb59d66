import { countSeverities, FileReport, RunNotice, toOutputFinding } from './report';

/**
 * JUnit XML, as eslint writes it: a test suite per file, a failing test case per finding, and one passing test
 * case for a clean file, so CI systems that read test reports (GitLab, Jenkins, Azure Pipelines) show them.
 * What could not be linted (an unreadable file, a missing argument) is a test case in error, in its own suite.
 */
export function formatJunit(reports: readonly FileReport[], notices: readonly RunNotice[] = []): string {
  const counts = countSeverities(reports);
  const failures = counts.error + counts.warning + counts.info;
  const errors = notices.filter((notice) => notice.level === 'error');
  const tests = reports.reduce((sum, report) => sum + Math.max(1, report.findings.length), 0) + errors.length;
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="ecs-guard" tests="${tests}" failures="${failures}" errors="${errors.length}">`];
  if (errors.length > 0) {
    lines.push(`  <testsuite name="ecs-guard" tests="${errors.length}" failures="0" errors="${errors.length}">`);
    for (const notice of errors) {
      lines.push(`    <testcase classname="ecs-guard" name="${xml(notice.message)}" time="0">`, `      <error message="${xml(notice.message)}"/>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  for (const report of reports) {
    const file = xml(report.file);
    lines.push(`  <testsuite name="${file}" tests="${Math.max(1, report.findings.length)}" failures="${report.findings.length}" errors="0">`);
    if (report.findings.length === 0) lines.push(`    <testcase classname="${file}" name="${file}" time="0"/>`);
    for (const finding of report.findings) {
      const f = toOutputFinding(report.file, finding);
      lines.push(
        `    <testcase classname="${file}" name="${xml(`${f.ruleId} ${f.line}:${f.column}`)}" time="0">`,
        `      <failure message="${xml(f.message)}" type="${f.severity}">${xml(`${f.severity}: ${f.message} (${f.ruleId}) at ${report.file}:${f.line}:${f.column}`)}</failure>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** Text for XML content and attribute values; characters XML 1.0 cannot hold become U+FFFD. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

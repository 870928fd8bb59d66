import { FileReport, toOutputFindings } from './report';

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(toOutputFindings(reports), null, 2) + '\n';
}

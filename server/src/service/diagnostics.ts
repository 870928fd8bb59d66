import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { ruleDocsUrl } from '../engine/protocol';
import { Severity } from '../rules/rule';
import { LintFinding } from './validate';

export const DIAGNOSTIC_SOURCE = 'ecs-guard';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What code actions read back from a diagnostic: matched by rule id, never by message text. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly path: (string | number)[];
  readonly fix?: Record<string, unknown>;
}

export function toDiagnostic(finding: LintFinding): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, path: finding.path, fix: finding.fix };
  return {
    range: finding.range,
    severity: LSP_SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

/** The data of one of our diagnostics as a client sends it back, checked: clients may return anything. */
export function diagnosticDataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data: unknown = diagnostic.data;
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof data !== 'object' || data === null) return undefined;
  const { ruleId, path, fix } = data as Record<string, unknown>;
  if (typeof ruleId !== 'string' || !Array.isArray(path) || !path.every((segment) => typeof segment === 'string' || typeof segment === 'number')) return undefined;
  const validFix = typeof fix === 'object' && fix !== null && !Array.isArray(fix) ? (fix as Record<string, unknown>) : undefined;
  return { ruleId, path: path as (string | number)[], fix: validFix };
}

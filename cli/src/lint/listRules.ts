import { allRuleMetas, RuleMeta, SeverityOverride } from '../../../server/src/engine';

/** `ecs-guard lint --list-rules`: id, severity (after the config file and --rule), and what each rule enforces. */
export function formatRuleList(rules: Readonly<Record<string, SeverityOverride>>, json: boolean): string {
  const rows = allRuleMetas.map((meta) => ({ id: meta.id, severity: rules[meta.id] ?? meta.defaultSeverity, defaultSeverity: meta.defaultSeverity, enforces: enforcesText(meta), title: meta.title }));
  if (json) return JSON.stringify(rows, null, 2) + '\n';
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const enforcesWidth = Math.max(...rows.map((row) => row.enforces.length));
  return rows.map((row) => `${row.id.padEnd(idWidth)}  ${row.severity.padEnd(7)}  ${row.enforces.padEnd(enforcesWidth)}  ${row.title}`).join('\n') + '\n';
}

function enforcesText(meta: RuleMeta): string {
  switch (meta.enforces.source) {
    case 'security-hub':
      return `Security Hub ${meta.enforces.control}${meta.enforces.retired ? ' (retired)' : ''}`;
    case 'guardduty':
      return 'GuardDuty prerequisite';
    case 'ecs-api':
      return 'ECS API';
  }
}

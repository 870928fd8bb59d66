import { allRuleMetas, ruleDocsUrl, RuleMeta, Severity } from '../../../server/src/engine';
import { FileReport, toOutputFindings } from './report';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 for GitHub code scanning: every rule in the driver, one result per finding. */
export function formatSarif(reports: readonly FileReport[], version: string): string {
  const ruleIndex = new Map(allRuleMetas.map((meta, index) => [meta.id, index]));
  const results = toOutputFindings(reports).map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: SARIF_LEVEL[finding.severity as Severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
        logicalLocations: [{ fullyQualifiedName: finding.path.join('.'), kind: 'member' }],
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ecs-guard', informationUri: 'https://github.com/ecs-guard/ecs-guard', semanticVersion: version, rules: allRuleMetas.map(sarifRule) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifRule(meta: RuleMeta) {
  const enforces = meta.enforces.source === 'security-hub' ? `Security Hub ${meta.enforces.control}` : meta.enforces.source === 'guardduty' ? 'GuardDuty Runtime Monitoring' : 'Amazon ECS API';
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.title },
    fullDescription: { text: `${meta.title} (${enforces}).` },
    helpUri: ruleDocsUrl(meta.id),
    defaultConfiguration: { level: SARIF_LEVEL[meta.defaultSeverity] },
    properties: { tags: [meta.enforces.source], ...(meta.enforces.source === 'security-hub' ? { securityHubControl: meta.enforces.control, awsConfigRule: meta.enforces.configRule } : {}) },
  };
}

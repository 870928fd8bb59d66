import { RuleDocs, RuleMeta, Severity } from '../../../server/src/engine';

export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * GitHub's `security-severity` scores for Security Hub's severity labels: GitHub shows above 9.0 as critical,
 * 7.0 to 8.9 high, 4.0 to 6.9 medium, 0.1 to 3.9 low.
 */
const SECURITY_HUB_SCORE: Record<string, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

/**
 * A task definition that misses a GuardDuty Runtime Monitoring prerequisite runs unmonitored: a gap in threat
 * detection rather than a weakness of its own, so medium.
 */
const GUARDDUTY_SCORE = '4.0';

/** The `security-severity` of a rule's alerts; undefined for rules that are about ECS API validity, not security. */
function securitySeverity(meta: RuleMeta, docsPage: string | undefined): string | undefined {
  switch (meta.enforces.source) {
    case 'security-hub': {
      const label = securityHubSeverity(docsPage);
      return label ? SECURITY_HUB_SCORE[label] : SECURITY_HUB_SCORE.medium;
    }
    case 'guardduty':
      return GUARDDUTY_SCORE;
    default:
      return undefined;
  }
}

/** The control's severity as the rule page states it: "... (AWS Config rule `x`, severity High)". */
function securityHubSeverity(docsPage: string | undefined): string | undefined {
  return /\bseverity (critical|high|medium|low)\b/i.exec(docsPage ?? '')?.[1].toLowerCase();
}

/** A SARIF reportingDescriptor: what GitHub code scanning shows for the rule, its help from `docs/rules/<id>.md`. */
export function sarifRule(meta: RuleMeta, docs: RuleDocs, helpUri: string) {
  const page = docs.page(meta.id);
  const enforces =
    meta.enforces.source === 'security-hub'
      ? `Security Hub ${meta.enforces.control}${meta.enforces.retired ? ` (retired ${meta.enforces.retired})` : ''}`
      : meta.enforces.source === 'guardduty'
        ? 'GuardDuty Runtime Monitoring'
        : 'Amazon ECS API';
  const score = securitySeverity(meta, page);
  const markdown = page ?? `${meta.title}\n\nSee ${helpUri}`;
  return {
    id: meta.id,
    // SARIF wants a name that differs from the id: the id in PascalCase, as CodeQL and eslint's SARIF formatter do.
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase()),
    shortDescription: { text: meta.title },
    fullDescription: { text: `${meta.title} (${enforces}).` },
    help: { text: plainText(markdown), markdown },
    helpUri,
    defaultConfiguration: { level: SARIF_LEVEL[meta.defaultSeverity] },
    properties: {
      tags: [...(score ? ['security'] : []), meta.enforces.source],
      precision: 'very-high',
      'problem.severity': meta.defaultSeverity === 'info' ? 'recommendation' : meta.defaultSeverity,
      ...(score ? { 'security-severity': score } : {}),
      ...(meta.enforces.source === 'security-hub' ? { securityHubControl: meta.enforces.control, awsConfigRule: meta.enforces.configRule } : {}),
    },
  };
}

/** The docs page without Markdown's markup, for viewers that show `help.text`. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .trim();
}

// Renders the README's rule table from the rules' own metadata, so the two cannot drift.
// `npx tsx scripts/readmeRulesTable.ts --write` rewrites the block between the markers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMetas } from '../server/src/rules';
import { RuleMeta } from '../server/src/rules/rule';

export const README = path.resolve(__dirname, '../README.md');
const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

function enforces(meta: RuleMeta): string {
  switch (meta.enforces.source) {
    case 'security-hub':
      return `Security Hub ${meta.enforces.control}${meta.enforces.retired ? `, retired ${meta.enforces.retired}` : ''} (\`${meta.enforces.configRule}\`)`;
    case 'guardduty':
      return `GuardDuty Runtime Monitoring: ${meta.enforces.prerequisite}`;
    case 'ecs-api':
      return `ECS API: ${meta.enforces.requirement}`;
  }
}

export function renderRulesTable(): string {
  const rows = allRuleMetas.map((meta) => `| [${meta.id}](docs/rules/${meta.id}.md) | ${meta.title} | ${meta.defaultSeverity} | ${enforces(meta)} |`);
  return [START, '| Rule | Checks | Default | Enforces |', '|---|---|---|---|', ...rows, END].join('\n');
}

export function readmeRulesTable(readme: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start >= 0 && end > start ? readme.slice(start, end + END.length) : undefined;
}

if (require.main === module && process.argv.includes('--write')) {
  const readme = fs.readFileSync(README, 'utf8');
  const current = readmeRulesTable(readme);
  if (!current) throw new Error('README.md has no rules-table markers');
  fs.writeFileSync(README, readme.replace(current, renderRulesTable()));
}

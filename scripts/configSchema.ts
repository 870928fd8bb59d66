// Renders the JSON schema of `.ecs-guard.json` from the rule registry, so that VS Code (through the
// manifest's `jsonValidation`) squiggles an unknown rule id or severity in the file itself, and completes
// rule ids with their titles. `npx tsx scripts/configSchema.ts --write` rewrites schemas/ecs-guard.schema.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMetas, CONFIG_FILE_NAME, SEVERITY_OVERRIDES } from '../server/src/engine';

export const CONFIG_SCHEMA_FILE = path.resolve(__dirname, '../schemas/ecs-guard.schema.json');

export function renderConfigSchema(): object {
  const ids = allRuleMetas.map((meta) => meta.id);
  const glob = { type: 'string', minLength: 1 };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `ECS Guard configuration (${CONFIG_FILE_NAME})`,
    description: 'Rule severities and the files ECS Guard lints. The ecsGuard.* settings mean the same; this file wins where both set a rule.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Severity by rule id: "off", "info", "warning" or "error".',
        // An enum of the ids, so a typo is reported on the key with the valid ids listed.
        propertyNames: { enum: ids },
        properties: Object.fromEntries(
          allRuleMetas.map((meta) => [
            meta.id,
            { enum: [...SEVERITY_OVERRIDES], markdownDescription: `${meta.title} (default: \`${meta.defaultSeverity}\`).`, description: `${meta.title} (default: ${meta.defaultSeverity}).` },
          ]),
        ),
      },
      include: {
        type: 'array',
        items: glob,
        description:
          'Globs (relative to the workspace folder) of files to lint as task definitions even when their content is not recognised; when set, only matching files are linted. A glob starting with ! is an exception.',
      },
      ignore: { type: 'array', items: glob, description: 'Globs (relative to the workspace folder) of files never to lint. A glob starting with ! is an exception.' },
      requiredTagKeys: {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: 128, not: { pattern: '^[aA][wW][sS]:' } },
        uniqueItems: true,
        description: 'Tag keys every service, cluster and task definition must carry (Security Hub ECS.13, ECS.14, ECS.15). Empty or absent: the tagging rules stay silent.',
      },
    },
  };
}

if (require.main === module && process.argv.includes('--write')) {
  fs.writeFileSync(CONFIG_SCHEMA_FILE, JSON.stringify(renderConfigSchema(), null, 2) + '\n');
}

// Renders the parts of package.json that come from the rule registry, so the manifest cannot drift from it:
// `ecsGuard.rules` lists every rule id with its title and default severity, which the settings editor shows
// and the client reads for its rule picker (so the client bundle needs no rule engine).
// `npx tsx scripts/manifestRules.ts --write` rewrites package.json and, from the same registry, the
// `.ecs-guard.json` schema (scripts/configSchema.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMetas, SETTINGS_SECTION, SEVERITY_OVERRIDES } from '../server/src/engine';
import { CONFIG_SCHEMA_FILE, renderConfigSchema } from './configSchema';

export const PACKAGE_JSON = path.resolve(__dirname, '../package.json');
export const RULES_SETTING = `${SETTINGS_SECTION}.rules`;

export interface RuleSettingSchema {
  readonly type: 'string';
  readonly enum: readonly string[];
  readonly markdownDescription: string;
}

export function renderRuleSettings(): Record<string, RuleSettingSchema> {
  return Object.fromEntries(allRuleMetas.map((meta) => [meta.id, { type: 'string', enum: [...SEVERITY_OVERRIDES], markdownDescription: `${meta.title} (default: \`${meta.defaultSeverity}\`).` }]));
}

interface Manifest {
  contributes: { configuration: { properties: Record<string, { properties?: unknown; additionalProperties?: unknown }> } };
}

export function withRenderedRules(manifest: Manifest): Manifest {
  const copy = structuredClone(manifest);
  const setting = copy.contributes.configuration.properties[RULES_SETTING];
  setting.properties = renderRuleSettings();
  // An unknown id is a typo: the settings editor squiggles it (the server also reports it once).
  setting.additionalProperties = false;
  return copy;
}

if (require.main === module && process.argv.includes('--write')) {
  const manifest = JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8')) as Manifest;
  fs.writeFileSync(PACKAGE_JSON, JSON.stringify(withRenderedRules(manifest), null, 2) + '\n');
  fs.writeFileSync(CONFIG_SCHEMA_FILE, JSON.stringify(renderConfigSchema(), null, 2) + '\n');
}

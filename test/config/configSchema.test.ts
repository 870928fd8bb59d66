import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { CONFIG_SCHEMA_FILE, renderConfigSchema } from '../../scripts/configSchema';
import { allRuleMetas } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA_URI = 'file:///ecs-guard.schema.json';

/** What VS Code's JSON language features report in a `.ecs-guard.json`, through the same language service. */
async function squiggles(text: string): Promise<string[]> {
  const service = getLanguageService({ schemaRequestService: async () => fs.readFileSync(CONFIG_SCHEMA_FILE, 'utf8') });
  service.configure({ validate: true, schemas: [{ uri: SCHEMA_URI, fileMatch: ['.ecs-guard.json'] }] });
  const document = TextDocument.create('file:///workspace/.ecs-guard.json', 'json', 1, text);
  const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
  return diagnostics.map((diagnostic) => `${document.getText(diagnostic.range)}: ${diagnostic.message}`);
}

describe('.ecs-guard.json schema', () => {
  it('is generated from the rule registry (regenerate: npx tsx scripts/manifestRules.ts --write)', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(CONFIG_SCHEMA_FILE, 'utf8')), renderConfigSchema());
  });

  it('is contributed to VS Code for .ecs-guard.json and packaged', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const contributed = manifest.contributes.jsonValidation.find((entry: { fileMatch: string }) => entry.fileMatch === '.ecs-guard.json');
    assert.equal(path.resolve(ROOT, contributed.url), CONFIG_SCHEMA_FILE);
    assert.ok(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('!schemas/*.json'));
  });

  it('accepts every rule id and severity, globs and $schema', async () => {
    const rules = Object.fromEntries(allRuleMetas.map((meta, index) => [meta.id, ['off', 'info', 'warning', 'error'][index % 4]]));
    assert.deepEqual(await squiggles(JSON.stringify({ $schema: './schemas/ecs-guard.schema.json', rules, include: ['deploy/**/*.json'], ignore: ['!x'] })), []);
  });

  it('squiggles a misspelt rule id, a wrong severity and an unknown key in the file itself', async () => {
    const found = await squiggles(`{
  "rules": { "privileged-containers": "off", "log-configuration": "warn" },
  "includes": ["deploy/**"]
}`);
    const on = (text: string) => found.filter((squiggle) => squiggle.startsWith(`"${text}": `));
    assert.equal(found.length, 3, found.join('\n'));
    assert.match(on('privileged-containers')[0], /Valid values: .*"privileged-container"/);
    assert.match(on('warn')[0], /Valid values: "off", "info", "warning", "error"/);
    assert.match(on('includes')[0], /not allowed/);
  });
});

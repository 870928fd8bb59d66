import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { README, readmeRulesTable, renderRulesTable } from '../../scripts/readmeRulesTable';
import { PACKAGE_JSON, withRenderedRules } from '../../scripts/manifestRules';

describe('README', () => {
  const readme = fs.readFileSync(README, 'utf8');

  it('lists every rule with its default severity (regenerate: npx tsx scripts/readmeRulesTable.ts --write)', () => {
    assert.equal(readmeRulesTable(readme), renderRulesTable());
  });

  it('shows the set-up and test commands first, then the demo', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'));
    const block = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1] ?? '';
    const commands = block
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter(Boolean);
    assert.deepEqual(commands.slice(0, 3), ['npm ci && npx ecs-guard lint examples', 'npm test', 'npm start']);
    assert.ok(quickStart.indexOf('### The demo: `npm start`') < quickStart.indexOf('\n## '), 'the demo is explained inside Quick start');
  });

  it('shows the screenshots of the editor, the quick fix menu and the coverage view', () => {
    for (const image of ['vscode-diagnostics.png', 'quick-fix.png', 'coverage-view.png']) {
      assert.ok(readme.includes(`](docs/images/${image})`), image);
    }
  });
});

describe('package.json', () => {
  it('lists every rule in the ecsGuard.rules setting (regenerate: npx tsx scripts/manifestRules.ts --write)', () => {
    const manifest = JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8'));
    assert.deepEqual(manifest, withRenderedRules(manifest));
  });
});

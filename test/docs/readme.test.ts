import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { README, readmeRulesTable, renderRulesTable } from '../../scripts/readmeRulesTable';

describe('README', () => {
  const readme = fs.readFileSync(README, 'utf8');

  it('lists every rule with its default severity (regenerate: npx tsx scripts/readmeRulesTable.ts --write)', () => {
    assert.equal(readmeRulesTable(readme), renderRulesTable());
  });

  it('shows the set-up and test commands first', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'));
    assert.ok(quickStart.includes('npm ci && npx ecs-guard lint examples'));
    assert.ok(quickStart.includes('npm test'));
  });
});

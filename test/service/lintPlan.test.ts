import * as assert from 'node:assert/strict';
import { analyzeText, EcsGuardConfig, EMPTY_CONFIG, lintPlan, lintsContent } from '../../server/src/engine';

const CONFIG: EcsGuardConfig = { ...EMPTY_CONFIG, rules: { 'readonly-root-filesystem': 'off' } };
const TASK = analyzeText('{ "family": "web", "containerDefinitions": [{ "name": "app", "image": "nginx" }] }');
const PACKAGE_JSON = analyzeText('{ "name": "web", "version": "1.0.0" }');
const BROKEN = analyzeText('{ "family": "web", ');

/** "Is this document linted, and how?": the one answer the language server and the CLI share. */
describe('lintPlan', () => {
  it('leaves a document alone when ECS Guard is off for it, or the globs ignore it, even a file named on the command line', () => {
    assert.deepEqual(lintPlan({ enabled: false, config: CONFIG, selection: 'included' }), { linted: false, reason: 'disabled' });
    assert.deepEqual(lintPlan({ config: CONFIG, selection: 'ignored', named: TASK }), { linted: false, reason: 'ignored' });
  });

  it('lints with the configured severities; the content decides unless include selects the file', () => {
    assert.deepEqual(lintPlan({ enabled: true, config: CONFIG, selection: 'by-content' }), { linted: true, rules: CONFIG.rules, requiredTagKeys: [], assumeTaskDefinition: false });
    assert.deepEqual(lintPlan({ config: CONFIG, selection: 'included' }), { linted: true, rules: CONFIG.rules, requiredTagKeys: [], assumeTaskDefinition: true });
  });

  it('by content, only a task definition gets findings', () => {
    const plan = lintPlan({ config: CONFIG, selection: 'by-content' });
    assert.equal(lintsContent(plan, TASK), true);
    assert.equal(lintsContent(plan, PACKAGE_JSON), false);
    assert.equal(lintsContent(plan, BROKEN), false);
    assert.equal(lintsContent(lintPlan({ config: CONFIG, selection: 'included' }), PACKAGE_JSON), true);
    assert.equal(lintsContent(lintPlan({ config: CONFIG, selection: 'ignored' }), TASK), false);
  });

  it('a named file that is not valid JSON is linted as a task definition, so its syntax errors are reported', () => {
    const named = lintPlan({ config: CONFIG, selection: 'by-content', named: BROKEN });
    assert.deepEqual(named, { linted: true, rules: CONFIG.rules, requiredTagKeys: [], assumeTaskDefinition: true });
    assert.equal(lintsContent(named, BROKEN), true);
  });

  it('a named file of valid JSON that is not a task definition is still decided by its content', () => {
    const named = lintPlan({ config: CONFIG, selection: 'by-content', named: PACKAGE_JSON });
    assert.equal(lintsContent(named, PACKAGE_JSON), false);
  });
});

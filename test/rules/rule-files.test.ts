import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMetas, contentRules, resourceRules } from '../../server/src/rules';

const ROOT = path.resolve(__dirname, '../..');

/** Every rule has its three files, the docs page states what the rule enforces, and a rule with fixes has tests of them. */
describe('rule files', () => {
  const ruleFiles = fs
    .readdirSync(path.join(ROOT, 'server/src/rules'))
    .filter((file) => file.endsWith('.ts') && !['index.ts', 'rule.ts', 'docs.ts'].includes(file) && !file.startsWith('_'))
    .map((file) => file.replace(/\.ts$/, ''));

  it('registers every rule file, and every registered rule has a file named by its id', () => {
    assert.deepEqual(
      allRuleMetas.map((meta) => meta.id),
      [...ruleFiles].sort(),
    );
  });

  const rulesWithFixes = new Set([...contentRules, ...resourceRules].filter((rule) => rule.fixes !== undefined).map((rule) => rule.meta.id));

  for (const meta of allRuleMetas) {
    describe(meta.id, () => {
      it('has a kebab-case id', () => assert.match(meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/));

      it('has a docs page titled with its id that names what it enforces', () => {
        const page = path.join(ROOT, 'docs/rules', `${meta.id}.md`);
        assert.ok(fs.existsSync(page), `missing docs/rules/${meta.id}.md`);
        const text = fs.readFileSync(page, 'utf8');
        assert.match(text, new RegExp(`^# ${meta.id}\\b`), 'the page starts with "# <rule-id>"');
        const enforced = meta.enforces.source === 'security-hub' ? meta.enforces.control : meta.enforces.source === 'guardduty' ? 'GuardDuty' : 'ECS';
        assert.ok(text.includes(enforced), `the page mentions ${enforced}`);
        for (const heading of ['## Why', '## Fix', '## Examples']) assert.ok(text.includes(heading), `the page has a "${heading}" section`);
      });

      it('has tests', () => {
        const test = path.join(ROOT, 'test/rules', `${meta.id}.test.ts`);
        assert.ok(fs.existsSync(test), `missing test/rules/${meta.id}.test.ts`);
        const text = fs.readFileSync(test, 'utf8');
        assert.ok(text.includes(meta.id), 'the test names the rule id');
        assert.ok(/expectFindings\(/.test(text), 'the test expects at least one finding');
      });

      if (rulesWithFixes.has(meta.id)) {
        it('tests its fixes: the whole document after one, and how many "fix all" applies', () => {
          const text = fs.readFileSync(path.join(ROOT, 'test/rules', `${meta.id}.test.ts`), 'utf8');
          assert.ok(/expectFix\(/.test(text), `the rule has fixes: test/rules/${meta.id}.test.ts applies one with expectFix (test/support/codeActions)`);
          assert.ok(/unattendedFixCount\(/.test(text), `the rule has fixes: test/rules/${meta.id}.test.ts says which are safe with unattendedFixCount`);
        });
      }
    });
  }
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RuleDocs, sectionOf } from '../../server/src/editor/ruleDocs';

describe('rule docs for hovers', () => {
  it('finds docs/rules by walking up from where the code runs (sources or the dist bundle)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-docs-'));
    try {
      fs.mkdirSync(path.join(dir, 'docs', 'rules'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'dist', 'server'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'docs', 'rules', 'some-rule.md'), '# some-rule\n\n## Why\n\nBecause.\n\n## Fix\n\nDo this.\n\nThen that.\n\n## Examples\n\nNone.\n');
      const docs = new RuleDocs(path.join(dir, 'dist', 'server'));
      assert.equal(docs.fixSection('some-rule'), 'Do this.\n\nThen that.');
      assert.equal(docs.fixSection('no-such-rule'), undefined);
      assert.equal(docs.fixSection('../../etc/passwd'), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the repository docs from the sources', () => {
    assert.match(new RuleDocs().fixSection('privileged-container') ?? '', /^Remove `privileged` or set it to `false`\./);
  });

  it('has no section when the page has no such heading, and stops at the next heading', () => {
    assert.equal(sectionOf('# x\n\n## Why\n\ntext\n', 'Fix'), undefined);
    assert.equal(sectionOf('## Fix\n\none\n### Detail\n\ntwo\n## Next\n\nthree', 'Fix'), 'one\n### Detail\n\ntwo');
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyzeText } from '../../server/src/service/analysis';
import { applyProposal, fixAll, fixProposals, safeProposal } from '../../server/src/service/fixes';
import { lintText } from '../support/lint';
import { displayName, realTaskDefinitionFiles } from '../support/realFiles';

/**
 * Every fix of every finding in the bundled examples and the shared corpus (when present): it applies,
 * leaves strict JSON, and resolves its finding; and fix-all leaves nothing it could still fix.
 */
/** A finding by what it says where: after a removal another item may take over its path, but not its message. */
const key = (finding: { ruleId: string; path: (string | number)[]; message: string }) => `${finding.ruleId} ${JSON.stringify(finding.path)} ${finding.message}`;

describe('fixes on real task definitions', () => {
  for (const file of realTaskDefinitionFiles()) {
    it(displayName(file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const analysis = analyzeText(text);
      for (const finding of lintText(text).filter((candidate) => candidate.fix)) {
        const proposals = fixProposals(analysis, finding);
        assert.ok(proposals.length > 0, `${key(finding)} has a fix payload but no proposal`);
        for (const proposal of proposals) {
          const fixed = applyProposal(analysis, proposal);
          assert.ok(fixed !== undefined, `"${proposal.title}" does not apply to ${key(finding)}`);
          assert.deepEqual(analyzeText(fixed).parsed.syntaxErrors, []);
          const before = lintText(text).filter((other) => key(other) === key(finding)).length;
          const after = lintText(fixed).filter((other) => key(other) === key(finding)).length;
          assert.ok(after < before, `"${proposal.title}" leaves ${key(finding)}`);
        }
      }
      const { text: fixedAll } = fixAll(analysis);
      const fixedAnalysis = analyzeText(fixedAll);
      const leftover = lintText(fixedAll).filter((finding) => safeProposal(fixProposals(fixedAnalysis, finding)));
      assert.deepEqual(leftover.map(key), [], 'fix all leaves safe fixes undone');
    });
  }

  it('fixes a 1 MB task definition in a few passes, not one parse per fix', () => {
    const container = (i: number) =>
      `{ "name": "c${i}", "image": "nginx", "privileged": true, "environment": [${Array.from({ length: 20 }, (_, j) => `{ "name": "V${j}", "value": "${'x'.repeat(40)}" }`).join(', ')}] }`;
    const containers = Array.from({ length: 700 }, (_, i) => container(i));
    const text = `{ "family": "huge", "containerDefinitions": [\n${containers.join(',\n')}\n] }`;
    const { text: fixedAll, fixed } = fixAll(analyzeText(text));
    // privileged and readonlyRootFilesystem on every container; the users and log groups need decisions.
    assert.equal(fixed.length, 2 * containers.length);
    assert.deepEqual([...new Set(lintText(fixedAll).map((finding) => finding.ruleId))], ['linux-non-root-user', 'log-configuration']);
  });
});

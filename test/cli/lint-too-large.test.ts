import * as assert from 'node:assert/strict';
import { runCli, tempWorkspace } from '../support/cli';

describe('ecs-guard lint on a file too large to analyse', () => {
  it('fails a named task definition over the analysis limit with its notice, instead of skipping it as "not a task definition"', async () => {
    const container = (index: number) => ({ name: `c${index}`, image: 'nginx', environment: Array.from({ length: 30 }, () => ({ name: 'X', value: 'y'.repeat(100) })) });
    const task = JSON.stringify({ family: 'big', containerDefinitions: Array.from({ length: 2500 }, (_, index) => container(index)) });
    const workspace = tempWorkspace({ 'big.json': task });
    try {
      const run = await runCli(['lint', 'big.json', '-f', 'json'], workspace.dir);
      assert.doesNotMatch(run.stderr, /not an ECS task definition/);
      assert.deepEqual(
        (JSON.parse(run.stdout) as { ruleId: string }[]).map((finding) => finding.ruleId),
        ['json-syntax'],
      );
      assert.equal(run.code, 1);
    } finally {
      workspace.cleanup();
    }
  });
});

import * as assert from 'node:assert/strict';
import { runCli, tempWorkspace } from '../support/cli';

const PRIVILEGED_TASK = '{ "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": true } ] }';

/** One hostile file among many: the CLI reports it and lints every other file. */
describe('ecs-guard lint: a file built to fool the nesting guard', () => {
  const hostile = {
    'comment-quote.json': `{ // "\n "containerDefinitions": ${'['.repeat(100_000)}`,
    'cr-string.json': `{ "family": "web\r "containerDefinitions": ${'['.repeat(100_000)}`,
    'mismatched.json': `{ "containerDefinitions": ${'[},'.repeat(100_000)}`,
  };

  it('is reported as too deep, and the other files are still linted', async () => {
    const workspace = tempWorkspace({ ...hostile, 'web.json': PRIVILEGED_TASK });
    try {
      const run = await runCli(['lint', '--format', 'json', ...Object.keys(hostile), 'web.json'], workspace.dir);
      const findings = JSON.parse(run.stdout) as { file: string; ruleId: string; message: string }[];
      assert.ok(
        findings.some((f) => f.file === 'web.json' && f.ruleId === 'privileged-container'),
        run.stdout.slice(0, 500) + run.stderr,
      );
      for (const file of Object.keys(hostile)) {
        assert.ok(
          findings.some((f) => f.file === file && f.ruleId === 'json-syntax' && /nest deeper/.test(f.message)),
          `${file}: ${run.stdout.slice(0, 500)}`,
        );
      }
      assert.equal(run.code, 1);
    } finally {
      workspace.cleanup();
    }
  });
});

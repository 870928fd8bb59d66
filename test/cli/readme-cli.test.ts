import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { LINT_HELP } from '../../cli/src/help';
import { parseLintArguments } from '../../cli/src/lint/lintArguments';

const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('## GuardDuty Runtime Monitoring coverage'));

describe('README: the command line', () => {
  it('documents every option of ecs-guard lint --help', () => {
    const options = [...LINT_HELP.matchAll(/^ +(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1]);
    assert.ok(options.length >= 12);
    for (const option of options) assert.ok(section.includes(`\`${option}`) || section.includes(`, ${option}`), option);
  });

  it('gives a GitHub Actions workflow that writes SARIF with the CLI and uploads it even when the lint step fails', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const workflow = parse(yaml) as { permissions: Record<string, string>; jobs: Record<string, { steps: { run?: string; uses?: string; if?: string; with?: Record<string, string> }[] }> };
    assert.equal(workflow.permissions['security-events'], 'write');
    const steps = Object.values(workflow.jobs)[0].steps;
    const lint = steps.find((step) => step.run?.includes('ecs-guard lint'))!;
    const args = lint
      .run!.trim()
      .split(/\s+/)
      .slice(lint.run!.trim().split(/\s+/).indexOf('lint') + 1);
    const options = parseLintArguments(args);
    assert.equal(options.format, 'sarif');
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.equal(upload.with?.sarif_file, options.outputFile);
    assert.match(upload.if ?? '', /!cancelled\(\)|always\(\)/);
  });
});

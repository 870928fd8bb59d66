import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import multitool = require('@microsoft/sarif-multitool');
import { MAX_FILE_BYTES } from '../../cli/src/lint/lintedFiles';
import { allRuleMetas } from '../../server/src/rules';
import { runCli, tempWorkspace } from '../support/cli';

const PRIVILEGED = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "privileged": true }
  ]
}
`;

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; name: string; help: { text: string; markdown: string }; properties: { tags: string[]; 'security-severity'?: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: { level: string; message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
    }[];
    results: {
      ruleId: string;
      partialFingerprints: Record<string, string>;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

describe('ecs-guard lint --format sarif for GitHub code scanning', () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  beforeEach(() => {
    // A repository whose task definitions live in a subfolder, one with `#`, `?` and a space in its name.
    workspace = tempWorkspace({ 'infra/ecs/web.json': PRIVILEGED, 'infra/ecs/odd #1?.json': PRIVILEGED });
    fs.mkdirSync(path.join(workspace.dir, '.git'));
  });
  afterEach(() => workspace.cleanup());

  const sarifIn = async (cwd: string, args: string[] = []) => {
    const run = await runCli(['lint', '.', '-f', 'sarif', ...args], cwd);
    return { run, log: JSON.parse(run.stdout) as SarifLog };
  };
  const ecsFolder = () => path.join(workspace.dir, 'infra/ecs');

  it("passes Microsoft's SARIF validator with GitHub's rule set, with no error, warning or note", async function () {
    this.timeout(120_000);
    // An unreadable file (over the size limit) is a tool notification with a location.
    fs.writeFileSync(path.join(ecsFolder(), 'huge.json'), ' '.repeat(MAX_FILE_BYTES + 1));
    // The bundled examples: task definitions in every shape, a CloudFormation YAML template, a CDK template.
    fs.cpSync(path.resolve(__dirname, '../../examples'), path.join(ecsFolder(), 'examples'), { recursive: true });
    const { run, log } = await sarifIn(ecsFolder());
    assert.equal(run.code, 2);
    assert.ok(log.runs[0].results.some((result) => result.locations[0].physicalLocation.artifactLocation.uri.endsWith('.yaml')));
    const input = path.join(workspace.dir, 'ecs-guard.sarif');
    const output = path.join(workspace.dir, 'validation.sarif');
    fs.writeFileSync(input, run.stdout);
    const validator = spawnSync(multitool, ['validate', '--rule-kind', 'Gh;Sarif', '--output', output, input], { encoding: 'utf8', timeout: 100_000 });
    assert.equal(validator.status, 0, validator.stdout + validator.stderr);
    const validation = JSON.parse(fs.readFileSync(output, 'utf8')) as { runs: { results?: { ruleId: string; message: unknown }[] }[] };
    assert.deepEqual(
      validation.runs.flatMap((r) => r.results ?? []),
      [],
    );
  });

  it('rules carry help from docs/rules/<id>.md, and security rules a security-severity and the security tag', async () => {
    const { log } = await sarifIn(ecsFolder());
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(
      rules.map((rule) => rule.id),
      allRuleMetas.map((meta) => meta.id),
    );
    for (const rule of rules) {
      const page = fs.readFileSync(path.resolve(__dirname, `../../docs/rules/${rule.id}.md`), 'utf8');
      assert.equal(rule.help.markdown, page);
      assert.ok(rule.help.text.length > 100 && !rule.help.text.includes('**'), rule.id);
      assert.notEqual(rule.name, rule.id);
    }
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    // Security Hub's severity from the rule page: ECS.4 is High, ECS.17 Medium.
    assert.equal(byId.get('privileged-container')?.properties['security-severity'], '8.0');
    assert.equal(byId.get('host-network-mode')?.properties['security-severity'], '5.5');
    for (const meta of allRuleMetas) {
      const properties = byId.get(meta.id)!.properties;
      const security = meta.enforces.source !== 'ecs-api';
      assert.equal(properties.tags.includes('security'), security, meta.id);
      assert.equal(properties['security-severity'] !== undefined, security, meta.id);
    }
  });

  it('paths are relative to the git root under %SRCROOT%, with #, ? and spaces escaped', async () => {
    const { log } = await sarifIn(ecsFolder());
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(workspace.dir).href}/`);
    const uris = sarifRun.results.map((result) => result.locations[0].physicalLocation.artifactLocation);
    assert.ok(uris.some((location) => location.uri === 'infra/ecs/web.json' && location.uriBaseId === '%SRCROOT%'));
    assert.ok(uris.some((location) => location.uri === 'infra/ecs/odd%20%231%3F.json'));
  });

  it('--sarif-root sets the folder paths are relative to', async () => {
    const { log } = await sarifIn(ecsFolder(), ['--sarif-root', '..']);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri.split('/')[0], 'ecs');
  });

  it('--sarif-root that is not a folder is a usage error', async () => {
    const run = await runCli(['lint', '.', '-f', 'sarif', '--sarif-root', 'nowhere'], ecsFolder());
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--sarif-root "nowhere" is not a folder/);
  });

  it('partial fingerprints stay the same when lines are added above a finding', async () => {
    const privilegedInWeb = (log: SarifLog) =>
      log.runs[0].results.find((result) => result.ruleId === 'privileged-container' && result.locations[0].physicalLocation.artifactLocation.uri.endsWith('/web.json'))!;
    const before = privilegedInWeb((await sarifIn(ecsFolder())).log);
    fs.writeFileSync(path.join(ecsFolder(), 'web.json'), PRIVILEGED.replace('"family": "web",', '"family": "web",\n  "cpu": "256",\n  "memory": "512",'));
    const after = privilegedInWeb((await sarifIn(ecsFolder())).log);
    assert.notEqual(after.locations[0].physicalLocation.region.startLine, before.locations[0].physicalLocation.region.startLine);
    assert.deepEqual(after.partialFingerprints, before.partialFingerprints);
    assert.match(Object.values(after.partialFingerprints)[0], /^[0-9a-f]{32}:1$/);
  });

  it('files that cannot be linted are tool execution notifications, and the run is marked unsuccessful', async () => {
    fs.writeFileSync(path.join(ecsFolder(), 'huge.json'), ' '.repeat(MAX_FILE_BYTES + 1));
    const { run, log } = await sarifIn(ecsFolder(), ['missing.json']);
    assert.equal(run.code, 2);
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    const texts = invocation.toolExecutionNotifications.map((notification) => `${notification.level} ${notification.message.text}`);
    assert.ok(
      texts.some((text) => /^error cannot read "missing.json": no such file or folder$/.test(text)),
      texts.join('\n'),
    );
    const huge = invocation.toolExecutionNotifications.find((notification) => notification.message.text.includes('huge.json'))!;
    assert.match(huge.message.text, /over the 10 MiB limit/);
    assert.deepEqual(huge.locations?.[0].physicalLocation.artifactLocation, { uri: 'infra/ecs/huge.json', uriBaseId: '%SRCROOT%' });
  });
});

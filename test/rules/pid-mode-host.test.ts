import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'pid-mode-host';
const MESSAGE =
  'The task shares the host\'s process namespace, so its containers can see and signal every process on the host (Security Hub ECS.3). Remove "pidMode", or set it to "task" if the containers only need to see each other\'s processes.';

describe(RULE, () => {
  it('flags "pidMode": "host" on the value and proposes removing it', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "agent",
  "pidMode": «"host"»,
  "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
}`,
      [{ message: MESSAGE, path: ['pidMode'] }],
    );
    assert.deepEqual(finding.fix, { remove: 'pidMode' });
  });

  it('flags describe-task-definition output', () => {
    expectFindings(
      RULE,
      `{
  "taskDefinition": {
    "family": "agent",
    "pidMode": «"host"»,
    "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
  }
}`,
      [{ message: MESSAGE, path: ['taskDefinition', 'pidMode'] }],
    );
  });

  it('accepts "task", null, absent, placeholders and other types', () => {
    for (const pidMode of ['"task"', 'null', '"<PID_MODE>"', '"${PID_MODE}"', '"#{pid}"', '"{{PID_MODE}}"', 'true']) {
      expectNoFindings(RULE, `{ "pidMode": ${pidMode}, "containerDefinitions": [ { "name": "app", "image": "x" } ] }`);
    }
    expectNoFindings(RULE, `{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "x" } ] }`);
  });

  it('on Fargate says ECS rejects it too, as an error: one finding, not one per rule (fargate-unsupported-parameter leaves it here)', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "agent",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "pidMode": «"host"»,
  "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
}`,
      [
        'The task shares the host\'s process namespace, which Fargate does not support (Fargate takes only "task"): ECS rejects a task definition that requires FARGATE with it, and Security Hub ECS.3 fails it. Remove "pidMode", or set it to "task" if the containers only need to see each other\'s processes.',
      ],
    );
    assert.equal(finding.severity, 'error');
  });

  it('on Windows says Windows takes no pidMode: a warning on EC2, an error on Fargate', () => {
    const windows = (compatibilities: string) => `{
  "family": "win",
  "requiresCompatibilities": [${compatibilities}],
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "networkMode": "awsvpc",
  "cpu": "1024",
  "memory": "2048",
  "pidMode": «"host"»,
  "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" } ]
}`;
    const [ec2] = expectFindings(RULE, windows('"EC2"'), [
      'The task shares the host\'s process namespace, which Windows containers do not support, and this is a WINDOWS_SERVER_2022_CORE task; Security Hub ECS.3 fails it too. Remove "pidMode".',
    ]);
    assert.equal(ec2.severity, 'warning');
    const [fargate] = expectFindings(RULE, windows('"FARGATE"'), [
      'The task shares the host\'s process namespace, which Fargate does not support (a Windows task takes no "pidMode"): ECS rejects a task definition that requires FARGATE with it, and Security Hub ECS.3 fails it. Remove "pidMode".',
    ]);
    assert.equal(fargate.severity, 'error');
  });

  it('is silent on a bare container array, which has no task-level pidMode', () => {
    expectNoFindings(RULE, `[ { "name": "app", "image": "nginx", "pidMode": "host" } ]`);
  });
});

describe(`${RULE} fixes`, () => {
  const doc = '{\n  "family": "web",\n  "pidMode": |"host",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}';

  it('removes pidMode (preferred) or sets it to task', () => {
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Remove "pidMode"', 'Set "pidMode": "task"']);
    expectFix(RULE, doc, 'Remove "pidMode"', '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}');
    expectFix(RULE, doc, 'Set "pidMode": "task"', '{\n  "family": "web",\n  "pidMode": "task",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}');
    assert.equal(unattendedFixCount(RULE, doc), 1);
  });

  it('on Fargate offers the same two: both are taken there (task from platform version 1.4.0)', () => {
    const fargate = doc.replace('"family": "web",', '"family": "web",\n  "requiresCompatibilities": ["FARGATE"],');
    assert.deepEqual(fixTitlesAt(RULE, fargate), ['Remove "pidMode"', 'Set "pidMode": "task"']);
  });

  it('on Windows only removes it: Windows takes no pidMode, "task" neither', () => {
    const windows = doc.replace('"family": "web",', '"family": "web",\n  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" },');
    assert.deepEqual(fixTitlesAt(RULE, windows), ['Remove "pidMode"']);
    expectFix(RULE, windows, 'Remove "pidMode"', windows.replace('  "pidMode": |"host",\n', ''));
    assert.equal(unattendedFixCount(RULE, windows), 1);
  });
});

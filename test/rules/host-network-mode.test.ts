import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'host-network-mode';
const MESSAGE =
  'The task uses host network mode, so its containers share the host\'s network interfaces and can reach services bound to them (Security Hub ECS.17). Use "awsvpc" to give the task its own network interface and security groups.';

describe(RULE, () => {
  it('flags "networkMode": "host" on the value and proposes awsvpc', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "consul",
  "networkMode": «"host"»,
  "containerDefinitions": [ { "name": "consul", "image": "consul", "user": "1000" } ]
}`,
      [{ message: MESSAGE, path: ['networkMode'] }],
    );
    assert.deepEqual(finding.fix, { replaceWith: 'awsvpc' });
  });

  it('flags describe-task-definition output', () => {
    expectFindings(
      RULE,
      `{ "taskDefinition": {
  "networkMode": «"host"»,
  "containerDefinitions": [ { "name": "consul", "image": "consul" } ]
} }`,
      [{ message: MESSAGE, path: ['taskDefinition', 'networkMode'] }],
    );
  });

  it('accepts other modes, null, absent (bridge on EC2), placeholders and other types', () => {
    for (const mode of ['"awsvpc"', '"bridge"', '"none"', 'null', '"<NETWORK_MODE>"', '"${NETWORK_MODE}"', '"#{mode}"', '"{{MODE}}"', '1']) {
      expectNoFindings(RULE, `{ "networkMode": ${mode}, "containerDefinitions": [ { "name": "app", "image": "x" } ] }`);
    }
    expectNoFindings(RULE, `{ "containerDefinitions": [ { "name": "app", "image": "x" } ] }`);
  });

  it('on Fargate says ECS rejects it too, as an error: one finding, not one from fargate-network-mode as well', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "consul",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": «"host"»,
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [ { "name": "consul", "image": "consul", "user": "1000" } ]
}`,
      [
        'The task uses host network mode, which Fargate does not support (Fargate takes only "awsvpc"): ECS rejects a task definition that requires FARGATE with it, and Security Hub ECS.17 fails it. Set "networkMode": "awsvpc".',
      ],
    );
    assert.equal(finding.severity, 'error');
  });

  it('on Windows says Windows containers do not support it (windows-unsupported-parameter leaves it here)', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "iis",
  "networkMode": «"host"»,
  "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" } ]
}`,
      [
        'The task uses host network mode, which Windows containers do not support, and this is a Windows task (every container image is a Windows image); Security Hub ECS.17 fails it too. Use "awsvpc", or remove "networkMode" for the default NAT network.',
      ],
    );
    assert.equal(finding.severity, 'warning');
  });

  it('is silent on a bare container array, which has no network mode', () => {
    expectNoFindings(RULE, `[ { "name": "app", "image": "nginx", "networkMode": "host" } ]`);
  });
});

describe(`${RULE} fixes`, () => {
  it('switches to awsvpc, which changes how the task is reached', () => {
    const doc = '{\n  "family": "web",\n  "networkMode": |"host",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}';
    expectFix(RULE, doc, 'Set "networkMode": "awsvpc"', '{\n  "family": "web",\n  "networkMode": "awsvpc",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}');
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });

  it('on Windows on EC2 can also remove it, for the default NAT network', () => {
    const doc = '{\n  "family": "iis",\n  "networkMode": |"host",\n  "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" }]\n}';
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Set "networkMode": "awsvpc"', 'Remove "networkMode"']);
    expectFix(RULE, doc, 'Remove "networkMode"', '{\n  "family": "iis",\n  "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" }]\n}');
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});

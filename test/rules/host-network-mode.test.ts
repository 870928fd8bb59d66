import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';

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
});

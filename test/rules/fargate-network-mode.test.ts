import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';
import { fargateTask } from '../support/taskDocuments';

const RULE = 'fargate-network-mode';

describe(RULE, () => {
  it('flags a Fargate task without networkMode, on the family key, offering to add it', () => {
    const findings = expectFindings(
      RULE,
      `{
  «"family"»: "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
}`,
      [
        {
          message: 'This task requires Fargate, which only supports the "awsvpc" network mode, and "networkMode" is missing (it would default to bridge): add "networkMode": "awsvpc".',
          path: [],
        },
      ],
    );
    assert.deepEqual(findings[0].fix, { insert: { networkMode: 'awsvpc' } });
  });

  it('flags another network mode on its value', () => {
    const findings = expectFindings(
      RULE,
      `{
  "family": "web",
  "requiresCompatibilities": ["EC2", "FARGATE"],
  "networkMode": «"bridge"»,
  "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
}`,
      [
        {
          message: 'This task requires Fargate, which only supports the "awsvpc" network mode, not "bridge": set "networkMode": "awsvpc".',
          path: ['networkMode'],
        },
      ],
    );
    assert.deepEqual(findings[0].fix, { replaceWith: 'awsvpc' });
  });

  it('flags a null network mode, in describe-task-definition output', () => {
    expectFindings(
      RULE,
      `{
  "taskDefinition": {
    "family": "web",
    "requiresCompatibilities": ["FARGATE"],
    "networkMode": «null»,
    "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
  }
}`,
      [{ message: /only supports the "awsvpc" network mode: set "networkMode": "awsvpc"\.$/, path: ['taskDefinition', 'networkMode'] }],
    );
  });

  it('accepts awsvpc on Fargate, and any mode without Fargate', () => {
    expectNoFindings(RULE, `{ "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "containerDefinitions": [ { "name": "a", "image": "x" } ] }`);
    expectNoFindings(RULE, `{ "requiresCompatibilities": ["EC2"], "networkMode": "bridge", "containerDefinitions": [ { "name": "a", "image": "x" } ] }`);
    expectNoFindings(RULE, `{ "containerDefinitions": [ { "name": "a", "image": "x" } ] }`);
  });

  it('leaves placeholders, other types and case variants alone (value-type reports those)', () => {
    for (const mode of ['"<NETWORK_MODE>"', '"${NETWORK_MODE}"', '"#{NetworkMode}"', '"{{NETWORK_MODE}}"', '"AWSVPC"', '3']) {
      expectNoFindings(RULE, `{ "requiresCompatibilities": ["FARGATE"], "networkMode": ${mode}, "containerDefinitions": [ { "name": "a", "image": "x" } ] }`);
    }
    // A placeholder compatibility is unknown, so the task is not known to be Fargate.
    expectNoFindings(RULE, `{ "requiresCompatibilities": ["\${LAUNCH_TYPE}"], "containerDefinitions": [ { "name": "a", "image": "x" } ] }`);
  });

  it('stays silent on a bare container array, which has no task level', () => {
    expectNoFindings(RULE, `[ { "name": "app", "image": "nginx" } ]`);
  });
});

describe(`${RULE} fixes`, () => {
  it('sets awsvpc in place of another mode, or adds it', () => {
    const bridge = fargateTask('  "cpu": "256",\n  "memory": "512",\n').replace('"networkMode": "awsvpc"', '"networkMode": |"bridge"');
    expectFix(RULE, bridge, 'Set "networkMode": "awsvpc"', fargateTask('  "cpu": "256",\n  "memory": "512",\n'));
    const missing = bridge.replace('  "networkMode": |"bridge",\n', '').replace('"family"', '|"family"');
    expectFix(RULE, missing, 'Add "networkMode": "awsvpc"', missing.replace('|', '').replace('\n  ]\n}', '\n  ],\n  "networkMode": "awsvpc"\n}'));
    assert.equal(unattendedFixCount(RULE, bridge), 0);
  });
});

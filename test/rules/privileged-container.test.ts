import { expectFindings, expectNoFindings } from '../support/lint';
import * as assert from 'node:assert/strict';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'privileged-container';

describe(RULE, () => {
  it('flags "privileged": true on the value, naming the container', () => {
    expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "privileged": «true» }
  ]
}`,
      [
        {
          message: 'Container "app" runs privileged, with root-like access to the host (Security Hub ECS.4). Set "privileged": false and grant only the Linux capabilities it needs.',
          path: ['containerDefinitions', 0, 'privileged'],
        },
      ],
    );
  });

  it('flags each privileged container, in describe-task-definition output too', () => {
    expectFindings(
      RULE,
      `{
  "taskDefinition": {
    "containerDefinitions": [
      { "name": "a", "image": "x", "privileged": «true» },
      { "name": "b", "image": "x", "privileged": false },
      { "image": "x", "privileged": «true» }
    ]
  }
}`,
      [/"a" runs privileged/, { message: /#3 runs privileged/, path: ['taskDefinition', 'containerDefinitions', 2, 'privileged'] }],
    );
  });

  it('flags a bare container array (Terraform container_definitions)', () => {
    expectFindings(RULE, `[ { "name": "app", "image": "nginx", "privileged": «true» } ]`, [/"app" runs privileged/]);
  });

  it('accepts privileged false, absent, or not a boolean (value-type reports that)', () => {
    expectNoFindings(
      RULE,
      `{ "containerDefinitions": [
      { "name": "a", "image": "x", "privileged": false },
      { "name": "b", "image": "x" },
      { "name": "c", "image": "x", "privileged": "\${PRIVILEGED}" }
    ] }`,
    );
  });

  it('is an error on a Fargate task, where ECS rejects it, unless the user set a severity for the rule', () => {
    const fargate = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": «true» } ]
}`;
    const [finding] = expectFindings(RULE, fargate, [
      'Container "app" asks for privileged mode, which Fargate does not support: ECS rejects a task definition that requires FARGATE with it, and Security Hub ECS.4 fails it. Set "privileged": false and add only the capability the container needs (Fargate allows SYS_PTRACE).',
    ]);
    assert.equal(finding.severity, 'error');
    const [configured] = expectFindings(RULE, fargate, [/Fargate does not support/], { rules: { [RULE]: 'info' } });
    assert.equal(configured.severity, 'info');
    const [ec2] = expectFindings(RULE, `{ "family": "web", "requiresCompatibilities": ["EC2"], "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": «true» } ] }`, [
      /runs privileged, with root-like access to the host/,
    ]);
    assert.equal(ec2.severity, 'warning');
  });

  it('says Windows containers do not support it on a Windows task, declared or known by its images', () => {
    const message = 'Container "iis" asks for privileged mode, which Windows containers do not support, and Security Hub ECS.4 fails it. Set "privileged": false.';
    expectFindings(
      RULE,
      `{ "family": "iis", "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" }, "containerDefinitions": [ { "name": "iis", "image": "x", "privileged": «true» } ] }`,
      [message],
    );
    expectFindings(RULE, `{ "family": "iis", "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "privileged": «true» } ] }`, [message]);
  });

  it('is silent when the severity is off', () => {
    expectNoFindings(RULE, `{ "containerDefinitions": [ { "name": "a", "image": "x", "privileged": true } ] }`, { rules: { [RULE]: 'off' } });
  });
});

describe(`${RULE} fixes`, () => {
  const doc = '{ "family": "w", "containerDefinitions": [{ "name": "a", "image": "a", "privileged": |true }, { "name": "b", "image": "b", "privileged": true }] }';

  it('sets privileged to false, which is safe: fix all applies it to every container', () => {
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Set "privileged": false']);
    expectFix(RULE, doc, 'Fix all privileged-container problems in this file', doc.replace('|', '').replace(/"privileged": true/g, '"privileged": false'));
    assert.equal(unattendedFixCount(RULE, doc), 2);
  });
});

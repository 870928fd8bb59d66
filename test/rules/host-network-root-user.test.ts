import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';

const RULE = 'host-network-root-user';
const SUFFIX =
  'in a task that uses host networking (AWS Config ecs-task-definition-user-for-host-mode-check; Security Hub retired its ECS.1 in March 2026). Set "user" to a non-root user such as "1000", or move the task off host network mode.';

describe(RULE, () => {
  it('flags a root user in host network mode on the user value', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "consul",
  "networkMode": "host",
  "containerDefinitions": [
    { "name": "consul", "image": "consul", "user": «"root"» }
  ]
}`,
      [{ message: `Container "consul" runs as root ${SUFFIX}`, path: ['containerDefinitions', 0, 'user'] }],
    );
    assert.deepEqual(finding.fix, { set: { key: 'user', value: '1000' } });
  });

  it('flags a container without a user at its name, and an empty or null user on the value', () => {
    expectFindings(
      RULE,
      `{
  "networkMode": "host",
  "containerDefinitions": [
    { "name": «"consul"», "image": "consul" },
    { "name": "agent", "image": "agent", "user": «""», "privileged": false },
    { "name": "proxy", "image": "envoy", "user": «null», "privileged": null }
  ]
}`,
      [
        { message: `Container "consul" has no "user", so it runs as the image's default user, usually root, ${SUFFIX}`, path: ['containerDefinitions', 0] },
        `Container "agent" has an empty "user", so it runs as the image's default user, usually root, ${SUFFIX}`,
        { message: `Container "proxy" has no "user", so it runs as the image's default user, usually root, ${SUFFIX}`, path: ['containerDefinitions', 2, 'user'] },
      ],
    );
  });

  it('treats UID 0 and a root user with any group as root, unlike prowler', () => {
    expectFindings(
      RULE,
      `{
  "networkMode": "host",
  "containerDefinitions": [
    { "name": "a", "image": "x", "user": «"0"» },
    { "name": "b", "image": "x", "user": «"root:root"» },
    { "name": "c", "image": "x", "user": «"0:1000"» },
    { "name": "d", "image": "x", "user": "1000:0" },
    { "name": "e", "image": "x", "user": "app" }
  ]
}`,
      [/"a" runs as root/, /"b" runs as root/, /"c" runs as root/],
    );
  });

  it('flags describe-task-definition output', () => {
    expectFindings(
      RULE,
      `{ "taskDefinition": {
  "networkMode": "host",
  "containerDefinitions": [ { "name": "consul", "image": "consul", "user": «"root"» } ]
} }`,
      [{ message: /"consul" runs as root/, path: ['taskDefinition', 'containerDefinitions', 0, 'user'] }],
    );
  });

  it('passes a container that chose privileged mode (privileged-container reports that)', () => {
    expectNoFindings(
      RULE,
      `{ "networkMode": "host", "containerDefinitions": [
      { "name": "a", "image": "x", "user": "root", "privileged": true },
      { "name": "b", "image": "x", "privileged": true }
    ] }`,
    );
  });

  it('passes non-root users and other network modes', () => {
    expectNoFindings(RULE, `{ "networkMode": "host", "containerDefinitions": [ { "name": "a", "image": "x", "user": "1000" } ] }`);
    for (const mode of ['"awsvpc"', '"bridge"', 'null']) {
      expectNoFindings(RULE, `{ "networkMode": ${mode}, "containerDefinitions": [ { "name": "a", "image": "x", "user": "root" } ] }`);
    }
    expectNoFindings(RULE, `{ "containerDefinitions": [ { "name": "a", "image": "x" } ] }`);
  });

  it('treats placeholders and other types as unknown', () => {
    for (const value of ['"<USER>"', '"${USER}"', '"#{user}"', '"{{USER}}"', '0']) {
      expectNoFindings(RULE, `{ "networkMode": "host", "containerDefinitions": [ { "name": "a", "image": "x", "user": ${value} } ] }`);
    }
    expectNoFindings(RULE, `{ "networkMode": "host", "containerDefinitions": [ { "name": "a", "image": "x", "privileged": "\${PRIVILEGED}" } ] }`);
    expectNoFindings(RULE, `{ "networkMode": "\${MODE}", "containerDefinitions": [ { "name": "a", "image": "x", "user": "root" } ] }`);
  });

  it('is silent on a bare container array, which has no network mode', () => {
    expectNoFindings(RULE, `[ { "name": "a", "image": "x", "user": "root" } ]`);
  });
});

describe(`${RULE} fixes`, () => {
  it('adds a non-root user to a one-line container', () => {
    const doc = '{ "family": "web", "networkMode": "host", "containerDefinitions": [{ "name": |"app", "image": "nginx" }] }';
    expectFix(RULE, doc, 'Set "user": "1000"', '{ "family": "web", "networkMode": "host", "containerDefinitions": [{ "name": "app", "image": "nginx", "user": "1000" }] }');
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});

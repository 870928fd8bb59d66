import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';

const RULE = 'host-network-root-user';
/** Most cases are Linux tasks, whose root user is linux-non-root-user's finding (ECS.20) while that rule is on. */
const WITHOUT_ECS20 = { rules: { 'linux-non-root-user': 'off' } } as const;
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
      WITHOUT_ECS20,
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
      WITHOUT_ECS20,
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
      WITHOUT_ECS20,
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
      WITHOUT_ECS20,
    );
  });

  it('passes a container that chose privileged mode (privileged-container reports that)', () => {
    expectNoFindings(
      RULE,
      `{ "networkMode": "host", "containerDefinitions": [
      { "name": "a", "image": "x", "user": "root", "privileged": true },
      { "name": "b", "image": "x", "privileged": true }
    ] }`,
      WITHOUT_ECS20,
    );
  });

  it('passes non-root users and other network modes', () => {
    expectNoFindings(RULE, `{ "networkMode": "host", "containerDefinitions": [ { "name": "a", "image": "x", "user": "1000" } ] }`, WITHOUT_ECS20);
    for (const mode of ['"awsvpc"', '"bridge"', 'null']) {
      expectNoFindings(RULE, `{ "networkMode": ${mode}, "containerDefinitions": [ { "name": "a", "image": "x", "user": "root" } ] }`, WITHOUT_ECS20);
    }
    expectNoFindings(RULE, `{ "containerDefinitions": [ { "name": "a", "image": "x" } ] }`, WITHOUT_ECS20);
  });

  it('treats placeholders and other types as unknown', () => {
    for (const value of ['"<USER>"', '"${USER}"', '"#{user}"', '"{{USER}}"', '0']) {
      expectNoFindings(RULE, `{ "networkMode": "host", "containerDefinitions": [ { "name": "a", "image": "x", "user": ${value} } ] }`, WITHOUT_ECS20);
    }
    expectNoFindings(RULE, `{ "networkMode": "host", "containerDefinitions": [ { "name": "a", "image": "x", "privileged": "\${PRIVILEGED}" } ] }`, WITHOUT_ECS20);
    expectNoFindings(RULE, `{ "networkMode": "\${MODE}", "containerDefinitions": [ { "name": "a", "image": "x", "user": "root" } ] }`, WITHOUT_ECS20);
  });

  it('is silent on a bare container array, which has no network mode', () => {
    expectNoFindings(RULE, `[ { "name": "a", "image": "x", "user": "root" } ]`, WITHOUT_ECS20);
  });
});

describe(`${RULE}: one finding per root user, since Security Hub replaced ECS.1 with ECS.17/20/21`, () => {
  const ECS20_IN_HOST_MODE = /\(Security Hub ECS\.20; with host networking, also AWS Config ecs-task-definition-user-for-host-mode-check, the rule of the retired ECS\.1\)\./;
  const WINDOWS = '"runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }';

  it("leaves a Linux task's root user to linux-non-root-user (ECS.20), whose message names ECS.1's Config rule in host mode", () => {
    const text = `{ "networkMode": "host", "containerDefinitions": [
      { "name": «"a"», "image": "x" },
      { "name": "b", "image": "x", "user": «""» },
      { "name": "c", "image": "x", "user": «"0:0"» },
      { "name": "d", "image": "x", "user": «"root"», "privileged": true }
    ] }`;
    expectNoFindings(RULE, text.replace(/[«»]/g, ''));
    expectNoFindings(RULE, text.replace(/[«»]/g, '').replace('"networkMode": "host",', '"networkMode": "host", "runtimePlatform": { "operatingSystemFamily": "LINUX" },'));
    expectFindings('linux-non-root-user', text, [ECS20_IN_HOST_MODE, ECS20_IN_HOST_MODE, ECS20_IN_HOST_MODE, /"d" runs as root \(Security Hub ECS\.20\)\./]);
  });

  it('leaves a Windows task\'s missing or empty user to windows-non-admin-user (ECS.21), and reports "root", which that rule does not', () => {
    const text = `{ "networkMode": "host", ${WINDOWS}, "containerDefinitions": [
      { "name": "a", "image": "x" },
      { "name": "b", "image": "x", "user": "" },
      { "name": "c", "image": "x", "user": «"root"» }
    ] }`;
    expectFindings(RULE, text, [/"c" runs as root/]);
    expectFindings(
      RULE,
      `{ "networkMode": "host", ${WINDOWS}, "containerDefinitions": [ { "name": «"a"», "image": "x" }, { "name": "b", "image": "x", "user": «""» } ] }`,
      [/"a" has no "user"/, /"b" has an empty "user"/],
      { rules: { 'windows-non-admin-user': 'off' } },
    );
  });

  it('reports when the operating system is unknown, since no platform rule reports the user then', () => {
    expectFindings(RULE, `{ "networkMode": "host", "runtimePlatform": { "operatingSystemFamily": "\${OS}" }, "containerDefinitions": [ { "name": "a", "image": "x", "user": «"root"» } ] }`, [
      /"a" runs as root/,
    ]);
  });
});

describe(`${RULE} fixes`, () => {
  it('adds a non-root user to a one-line container', () => {
    const doc = '{ "family": "web", "networkMode": "host", "containerDefinitions": [{ "name": |"app", "image": "nginx" }] }';
    expectFix(RULE, doc, 'Set "user": "1000"', '{ "family": "web", "networkMode": "host", "containerDefinitions": [{ "name": "app", "image": "nginx", "user": "1000" }] }');
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});

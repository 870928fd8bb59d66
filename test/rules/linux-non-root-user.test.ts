import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'linux-non-root-user';
const ADVICE = '(Security Hub ECS.20). Set "user" to a non-root user or UID, such as "1000".';

describe(RULE, () => {
  it('flags a root user on the value', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "user": «"root"» }
  ]
}`,
      [{ message: `Container "app" runs as root ${ADVICE}`, path: ['containerDefinitions', 0, 'user'] }],
    );
    assert.deepEqual(finding.fix, { set: { key: 'user', value: '1000' } });
  });

  it('flags a missing user at the container name, and an empty or null user on the value', () => {
    expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [
    { "name": «"app"», "image": "nginx" },
    { "name": "worker", "image": "nginx", "user": «""» },
    { "name": "cron", "image": "nginx", "user": «null» }
  ]
}`,
      [
        { message: `Container "app" has no "user", so it runs as the image's default user, usually root ${ADVICE}`, path: ['containerDefinitions', 0] },
        `Container "worker" has an empty "user", so it runs as the image's default user, usually root ${ADVICE}`,
        { message: `Container "cron" has no "user", so it runs as the image's default user, usually root ${ADVICE}`, path: ['containerDefinitions', 2, 'user'] },
      ],
    );
  });

  it('reads the user part of user:group and uid:gid', () => {
    expectFindings(
      RULE,
      `{ "containerDefinitions": [
      { "name": "a", "image": "x", "user": «"0"» },
      { "name": "b", "image": "x", "user": «"root:app"» },
      { "name": "c", "image": "x", "user": «"0:0"» },
      { "name": "d", "image": "x", "user": "1000:0" },
      { "name": "e", "image": "x", "user": "nginx" },
      { "name": "f", "image": "x", "user": "Root" }
    ] }`,
      [/"a" runs as root/, /"b" runs as root/, /"c" runs as root/],
    );
  });

  it('applies when the operating system family is LINUX, in describe-task-definition output too', () => {
    expectFindings(
      RULE,
      `{ "taskDefinition": {
  "runtimePlatform": { "operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64" },
  "containerDefinitions": [ { "name": "app", "image": "x", "user": «"root"» } ]
} }`,
      [{ message: /"app" runs as root/, path: ['taskDefinition', 'containerDefinitions', 0, 'user'] }],
    );
  });

  it('flags a bare container array (Terraform container_definitions)', () => {
    expectFindings(RULE, `[ { "name": «"app"», "image": "nginx" } ]`, [/"app" has no "user"/]);
  });

  it('does not apply to Windows, or when the operating system family is a placeholder', () => {
    expectNoFindings(
      RULE,
      `{
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" },
  "containerDefinitions": [ { "name": "iis", "image": "iis" } ]
}`,
    );
    expectNoFindings(
      RULE,
      `{
  "runtimePlatform": { "operatingSystemFamily": "\${OS_FAMILY}" },
  "containerDefinitions": [ { "name": "app", "image": "x", "user": "root" } ]
}`,
    );
  });

  it('does not apply to a task whose images are all Windows base images', () => {
    expectNoFindings(RULE, `{ "family": "iis", "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" } ] }`);
  });

  it('treats placeholder users and other types as unknown', () => {
    for (const value of ['"<USER>"', '"${APP_UID}:${APP_GID}"', '"#{user}"', '"{{USER}}"', '0']) {
      expectNoFindings(RULE, `{ "containerDefinitions": [ { "name": "a", "image": "x", "user": ${value} } ] }`);
    }
  });
});

describe(`${RULE} fixes`, () => {
  const doc = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "user": |"root"
    }
  ]
}`;

  it('sets a non-root user, which is a decision left to the user', () => {
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Set "user": "1000"']);
    expectFix(RULE, doc, 'Set "user": "1000"', doc.replace('|"root"', '"1000"'));
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});

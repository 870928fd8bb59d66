import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';

const RULE = 'windows-non-admin-user';
const ADVICE = '(Security Hub ECS.21). Set "user" to "ContainerUser" or another account without administrator rights.';

describe(RULE, () => {
  it('flags ContainerAdministrator on a Windows task, whatever its case', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "iis",
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "containerDefinitions": [
    { "name": "iis", "image": "iis", "user": «"ContainerAdministrator"» },
    { "name": "agent", "image": "agent", "user": «"containeradministrator"» }
  ]
}`,
      [{ message: `Container "iis" runs as ContainerAdministrator ${ADVICE}`, path: ['containerDefinitions', 0, 'user'] }, `Container "agent" runs as ContainerAdministrator ${ADVICE}`],
    );
    assert.deepEqual(finding.fix, { set: { key: 'user', value: 'ContainerUser' } });
  });

  it('flags a Windows container without a user at its name, and an empty or null user on the value', () => {
    expectFindings(
      RULE,
      `{ "taskDefinition": {
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_FULL" },
  "containerDefinitions": [
    { "name": «"iis"», "image": "iis" },
    { "name": "agent", "image": "agent", "user": «""» },
    { "name": "logs", "image": "logs", "user": «null» }
  ]
} }`,
      [
        { message: `Container "iis" has no "user", so it runs as the image's default user, often ContainerAdministrator ${ADVICE}`, path: ['taskDefinition', 'containerDefinitions', 0] },
        `Container "agent" has an empty "user", so it runs as the image's default user, often ContainerAdministrator ${ADVICE}`,
        { message: `Container "logs" has no "user", so it runs as the image's default user, often ContainerAdministrator ${ADVICE}`, path: ['taskDefinition', 'containerDefinitions', 2, 'user'] },
      ],
    );
  });

  it("with no operating system family, flags only an explicit ContainerAdministrator (a missing user is ECS.20's)", () => {
    expectFindings(
      RULE,
      `{ "containerDefinitions": [
      { "name": "a", "image": "x", "user": «"ContainerAdministrator"» },
      { "name": "b", "image": "x" },
      { "name": "c", "image": "x", "user": "" }
    ] }`,
      [/"a" runs as ContainerAdministrator/],
    );
    expectFindings(RULE, `[ { "name": "a", "image": "x", "user": «"ContainerAdministrator"» }, { "name": "b", "image": "x" } ]`, [/"a" runs as ContainerAdministrator/]);
  });

  it('treats a task without runtimePlatform whose images are all Windows images as Windows', () => {
    expectFindings(
      RULE,
      `{
  "family": "iis",
  "containerDefinitions": [
    { "name": «"iis"», "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022" }
  ]
}`,
      [
        'Container "iis" has no "user", so it runs as the image\'s default user, often ContainerAdministrator (Security Hub ECS.21). Set "user" to "ContainerUser" or another account without administrator rights. The task is Windows because every container image is a Windows image.',
      ],
    );
  });

  it('accepts non-administrator users, and does not apply to Linux', () => {
    expectNoFindings(
      RULE,
      `{
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_FULL" },
  "containerDefinitions": [ { "name": "iis", "image": "iis", "user": "ContainerUser" } ]
}`,
    );
    expectNoFindings(
      RULE,
      `{
  "runtimePlatform": { "operatingSystemFamily": "LINUX" },
  "containerDefinitions": [ { "name": "app", "image": "x", "user": "ContainerAdministrator" } ]
}`,
    );
  });

  it('treats placeholders and other types as unknown', () => {
    for (const value of ['"<USER>"', '"${USER}"', '"#{user}"', '"{{USER}}"', '1']) {
      expectNoFindings(
        RULE,
        `{
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "containerDefinitions": [ { "name": "iis", "image": "iis", "user": ${value} } ]
}`,
      );
    }
    expectNoFindings(
      RULE,
      `{
  "runtimePlatform": { "operatingSystemFamily": "{{OS_FAMILY}}" },
  "containerDefinitions": [ { "name": "iis", "image": "iis", "user": "ContainerAdministrator" } ]
}`,
    );
  });
});

describe(`${RULE} fixes`, () => {
  it('replaces ContainerAdministrator with ContainerUser, in a 4-space document', () => {
    const doc = `{
    "family": "win",
    "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    "containerDefinitions": [
        {
            "name": "iis",
            "image": "mcr.microsoft.com/windows/servercore/iis",
            "user": |"ContainerAdministrator"
        }
    ]
}`;
    expectFix(RULE, doc, 'Set "user": "ContainerUser"', doc.replace('|"ContainerAdministrator"', '"ContainerUser"'));
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});

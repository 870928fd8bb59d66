import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'readonly-root-filesystem';
const ADVICE = 'Set "readonlyRootFilesystem": true and mount a volume for each path the container must write to.';

describe(RULE, () => {
  it('flags "readonlyRootFilesystem": false on the value', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "readonlyRootFilesystem": «false» }
  ]
}`,
      [
        {
          message: `Container "app" has a writable root filesystem (Security Hub ECS.5). ${ADVICE}`,
          path: ['containerDefinitions', 0, 'readonlyRootFilesystem'],
        },
      ],
    );
    assert.deepEqual(finding.fix, { set: { key: 'readonlyRootFilesystem', value: true } });
  });

  it('flags a container without the property at its name', () => {
    expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [
    { "name": «"app"», "image": "nginx" },
    { "name": "sidecar", "image": "envoy", "readonlyRootFilesystem": true }
  ]
}`,
      [
        {
          message: `Container "app" does not set "readonlyRootFilesystem", so its root filesystem is writable (Security Hub ECS.5). ${ADVICE}`,
          path: ['containerDefinitions', 0],
        },
      ],
    );
  });

  it('flags a null left by describe-task-definition on the null, and an unnamed container at its first key', () => {
    expectFindings(
      RULE,
      `{
  "taskDefinition": {
    "containerDefinitions": [
      { "name": "app", "image": "nginx", "readonlyRootFilesystem": «null» },
      { «"image"»: "busybox" }
    ]
  }
}`,
      [
        {
          message: `Container "app" leaves "readonlyRootFilesystem" unset, so its root filesystem is writable (Security Hub ECS.5). ${ADVICE}`,
          path: ['taskDefinition', 'containerDefinitions', 0, 'readonlyRootFilesystem'],
        },
        { message: /^Container #2 does not set "readonlyRootFilesystem"/, path: ['taskDefinition', 'containerDefinitions', 1] },
      ],
    );
  });

  it('flags a bare container array (Terraform container_definitions)', () => {
    expectFindings(RULE, `[ { "name": «"app"», "image": "nginx" } ]`, [/^Container "app" does not set "readonlyRootFilesystem"/]);
  });

  it('applies to Linux and to an unset operating system family', () => {
    expectFindings(
      RULE,
      `{
  "runtimePlatform": { "operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64" },
  "containerDefinitions": [ { "name": "app", "image": "nginx", "readonlyRootFilesystem": «false» } ]
}`,
      [/"app" has a writable root filesystem/],
    );
    expectFindings(
      RULE,
      `{
  "runtimePlatform": { "cpuArchitecture": "X86_64" },
  "containerDefinitions": [ { "name": "app", "image": "nginx", "readonlyRootFilesystem": «false» } ]
}`,
      [/"app" has a writable root filesystem/],
    );
  });

  it('does not apply to Windows containers (Security Hub: not applicable)', () => {
    expectNoFindings(
      RULE,
      `{
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" } ]
}`,
    );
  });

  it('does not apply to a task without runtimePlatform whose images are all Windows base images, and lint --fix adds nothing there', () => {
    const windowsByImage = `{
  "family": "legacy-webforms",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    { "name": "web", "image": "mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019", "memory": 2048 },
    { "name": "log-monitor", "image": "mcr.microsoft.com/windows/servercore:ltsc2019", "memory": 256 }
  ]
}`;
    expectNoFindings(RULE, windowsByImage);
    assert.equal(unattendedFixCount(RULE, windowsByImage), 0);
    // One Linux sidecar among them: the task is not known to be Windows, so it is checked as before.
    assert.equal(unattendedFixCount(RULE, windowsByImage.replace('mcr.microsoft.com/windows/servercore:ltsc2019', 'fluent/fluent-bit:3.0')), 2);
  });

  it('accepts true, and treats placeholders and other types as unknown', () => {
    expectNoFindings(
      RULE,
      `{ "containerDefinitions": [
      { "name": "a", "image": "x", "readonlyRootFilesystem": true },
      { "name": "b", "image": "x", "readonlyRootFilesystem": "\${READONLY}" },
      { "name": "c", "image": "x", "readonlyRootFilesystem": "<READONLY>" },
      { "name": "d", "image": "x", "readonlyRootFilesystem": "false" }
    ] }`,
    );
  });

  it('stays silent when the operating system family is a placeholder', () => {
    for (const family of ['"<OS_FAMILY>"', '"${OS_FAMILY}"', '"#{os}"', '"{{OS_FAMILY}}"']) {
      expectNoFindings(
        RULE,
        `{
  "runtimePlatform": { "operatingSystemFamily": ${family} },
  "containerDefinitions": [ { "name": "app", "image": "x" } ]
}`,
      );
    }
  });
});

describe(`${RULE} fixes`, () => {
  it('sets readonlyRootFilesystem to true, which is safe: fix all applies it to every container', () => {
    const one = '{ "family": "w", "containerDefinitions": [{ "name": |"a", "image": "a" }] }';
    assert.deepEqual(fixTitlesAt(RULE, one), ['Set "readonlyRootFilesystem": true']);
    expectFix(RULE, one, 'Set "readonlyRootFilesystem": true', '{ "family": "w", "containerDefinitions": [{ "name": "a", "image": "a", "readonlyRootFilesystem": true }] }');
    const two = '{ "family": "w", "containerDefinitions": [{ "name": |"a", "image": "a" }, { "name": "b", "image": "b", "readonlyRootFilesystem": false }] }';
    expectFix(
      RULE,
      two,
      'Fix all readonly-root-filesystem problems in this file',
      '{ "family": "w", "containerDefinitions": [{ "name": "a", "image": "a", "readonlyRootFilesystem": true }, { "name": "b", "image": "b", "readonlyRootFilesystem": true }] }',
    );
    assert.equal(unattendedFixCount(RULE, two), 2);
  });
});

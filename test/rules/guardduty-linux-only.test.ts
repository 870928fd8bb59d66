import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';
import { fargateTask } from '../support/taskDocuments';

const RULE = 'guardduty-linux-only';

describe(RULE, () => {
  it('flags a Windows operating system family on the value', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "win",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": «"WINDOWS_SERVER_2019_CORE"», "cpuArchitecture": "X86_64" },
  "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" } ]
}`,
      [
        {
          message:
            'GuardDuty Runtime Monitoring cannot cover a WINDOWS_SERVER_2019_CORE task: it supports Linux only and not yet any Windows platform version. Use "LINUX" if the images are Linux images; otherwise this task runs without runtime threat detection.',
          path: ['runtimePlatform', 'operatingSystemFamily'],
        },
      ],
    );
    assert.deepEqual(finding.fix, { replaceWith: 'LINUX' });
  });

  it('flags every Windows family, on EC2 too, and in describe-task-definition output', () => {
    for (const family of ['WINDOWS_SERVER_2016_FULL', 'WINDOWS_SERVER_2022_FULL', 'WINDOWS_SERVER_2025_CORE', 'WINDOWS_SERVER_20H2_CORE']) {
      expectFindings(
        RULE,
        `{ "taskDefinition": {
  "requiresCompatibilities": ["EC2"],
  "runtimePlatform": { "operatingSystemFamily": «"${family}"» },
  "containerDefinitions": []
} }`,
        [{ message: new RegExp(`cannot cover a ${family} task`), path: ['taskDefinition', 'runtimePlatform', 'operatingSystemFamily'] }],
      );
    }
  });

  it('flags a task without an operating system family whose images are all Windows images, on the first image, without a fix', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "iis",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    { "name": "iis", "image": «"mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"» },
    { "name": "logs", "image": "mcr.microsoft.com/windows/nanoserver:ltsc2022" }
  ]
}`,
      ['GuardDuty Runtime Monitoring cannot cover this task: every container image is a Windows image, and GuardDuty supports Linux only. This task runs without runtime threat detection.'],
    );
    assert.equal(finding.fix, undefined);
    expectNoFindings(
      RULE,
      `{ "family": "mixed", "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" }, { "name": "x", "image": "amazon/aws-xray-daemon" } ] }`,
    );
  });

  it('accepts Linux and an absent operating system family (ECS then uses Linux)', () => {
    expectNoFindings(RULE, `{ "family": "web", "runtimePlatform": { "operatingSystemFamily": "LINUX" }, "containerDefinitions": [] }`);
    expectNoFindings(RULE, `{ "family": "web", "runtimePlatform": { "cpuArchitecture": "ARM64" }, "containerDefinitions": [] }`);
    expectNoFindings(RULE, `{ "family": "web", "containerDefinitions": [] }`);
  });

  it('skips placeholders, unknown strings and other types (value-type reports those)', () => {
    for (const value of ['"${OS_FAMILY}"', '"<OS>"', '"#{os}"', '"{{OS}}"', '"windows"', '"WINDOWS_SERVER_2030_CORE"', '1', 'null']) {
      expectNoFindings(RULE, `{ "family": "web", "runtimePlatform": { "operatingSystemFamily": ${value} }, "containerDefinitions": [] }`);
    }
  });

  it('is silent for a bare container array, which has no runtime platform', () => {
    expectNoFindings(RULE, `[ { "name": "app", "image": "nginx", "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" } } ]`);
  });
});

describe(`${RULE} fixes`, () => {
  it('sets the operating system to LINUX, only right for Linux images: never unattended', () => {
    const doc = fargateTask('  "cpu": "1024",\n  "memory": "2048",\n  "runtimePlatform": { "operatingSystemFamily": |"WINDOWS_SERVER_2022_CORE" },\n');
    expectFix(RULE, doc, 'Set "operatingSystemFamily": "LINUX"', doc.replace('|"WINDOWS_SERVER_2022_CORE"', '"LINUX"'));
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});

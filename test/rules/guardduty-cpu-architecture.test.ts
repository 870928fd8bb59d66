import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';
import { fargateTask } from '../support/taskDocuments';

const RULE = 'guardduty-cpu-architecture';

describe(RULE, () => {
  it('flags a variant spelling on the value and proposes the ECS value', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": "LINUX", "cpuArchitecture": «"x86_64"» },
  "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
}`,
      [
        {
          message: 'CPU architecture "x86_64" is not X86_64 or ARM64, the values ECS accepts and the platforms GuardDuty Runtime Monitoring is verified on. Use "X86_64".',
          path: ['runtimePlatform', 'cpuArchitecture'],
        },
      ],
    );
    assert.deepEqual(finding.fix, { replaceWith: 'X86_64' });
  });

  it('maps the usual spellings of each architecture', () => {
    const cases: [string, string][] = [
      ['AMD64', 'X86_64'],
      ['x86-64', 'X86_64'],
      ['x64', 'X86_64'],
      ['arm64', 'ARM64'],
      ['aarch64', 'ARM64'],
      ['ARM64v8', 'ARM64'],
    ];
    for (const [written, canonical] of cases) {
      const [finding] = expectFindings(
        RULE,
        `{ "taskDefinition": {
  "runtimePlatform": { "cpuArchitecture": «"${written}"» },
  "containerDefinitions": []
} }`,
        [{ message: new RegExp(`^CPU architecture "${written}" is not .* Use "${canonical}"\\.$`), path: ['taskDefinition', 'runtimePlatform', 'cpuArchitecture'] }],
      );
      assert.deepEqual(finding.fix, { replaceWith: canonical });
    }
  });

  it('flags other values without guessing a replacement', () => {
    for (const written of ['i386', 'arm', '']) {
      const [finding] = expectFindings(RULE, `{ "family": "web", "runtimePlatform": { "cpuArchitecture": «"${written}"» }, "containerDefinitions": [] }`, [
        `CPU architecture "${written}" is not X86_64 or ARM64, the values ECS accepts and the platforms GuardDuty Runtime Monitoring is verified on. Use "X86_64" or "ARM64".`,
      ]);
      assert.equal(finding.fix, undefined);
    }
  });

  it('accepts X86_64, ARM64 and an absent architecture', () => {
    expectNoFindings(RULE, `{ "family": "web", "runtimePlatform": { "cpuArchitecture": "X86_64" }, "containerDefinitions": [] }`);
    expectNoFindings(RULE, `{ "family": "web", "runtimePlatform": { "cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX" }, "containerDefinitions": [] }`);
    expectNoFindings(RULE, `{ "family": "web", "runtimePlatform": { "operatingSystemFamily": "LINUX" }, "containerDefinitions": [] }`);
    expectNoFindings(RULE, `{ "family": "web", "containerDefinitions": [] }`);
  });

  it('skips placeholders and values of the wrong type', () => {
    for (const value of ['"${ARCH}"', '"<CPU_ARCH>"', '"#{arch}"', '"{{ARCH}}"', '64', 'null']) {
      expectNoFindings(RULE, `{ "family": "web", "runtimePlatform": { "cpuArchitecture": ${value} }, "containerDefinitions": [] }`);
    }
  });

  it('is silent for a bare container array', () => {
    expectNoFindings(RULE, `[ { "name": "app", "image": "nginx" } ]`);
  });
});

describe(`${RULE} fixes`, () => {
  it('writes the canonical spelling, the same architecture: safe', () => {
    const doc = fargateTask('  "cpu": "1024",\n  "memory": "2048",\n  "runtimePlatform": {\n    "cpuArchitecture": |"aarch64"\n  },\n');
    expectFix(RULE, doc, 'Set "cpuArchitecture": "ARM64"', doc.replace('|"aarch64"', '"ARM64"'));
    assert.equal(unattendedFixCount(RULE, doc), 1);
  });

  it('offers nothing for a value it cannot map', () => {
    assert.deepEqual(fixTitlesAt(RULE, fargateTask('  "runtimePlatform": { "cpuArchitecture": |"sparc" },\n')), []);
  });
});

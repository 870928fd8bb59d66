import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';
import { fargateTask } from '../support/taskDocuments';

const RULE = 'guardduty-agent-memory';

/** A Fargate task of the given size whose containers have these hard `memory` limits (the marked memory is expected). */
function task(cpu: string, memory: string, containers: string): string {
  return `{
  "family": "app",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "${cpu}",
  "memory": ${memory},
  "containerDefinitions": [ ${containers} ]
}`;
}

describe(RULE, () => {
  it('warns on the task memory when the containers leave no room for the agent, proposing the next memory', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "kibana",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "1024",
  "memory": «"2048"»,
  "containerDefinitions": [ { "name": "kibana", "image": "kibana", "memory": 2048 } ]
}`,
      [
        {
          message: `The containers' hard memory limits (2048 MiB) plus the GuardDuty agent sidecar's share (128 MiB) come to 2176 MiB, more than the task memory of 2048 MiB. Raise task memory to "3072", the next valid value for cpu 1024 (1 vCPU) with room for the agent, or lower the containers' memory.`,
          path: ['memory'],
        },
      ],
    );
    assert.deepEqual(finding.fix, { raiseMemoryTo: 3072 });
  });

  it('adds up the hard limits, ignoring containers without one, soft limits, placeholders and wrong types', () => {
    const [finding] = expectFindings(
      RULE,
      task(
        '256',
        '«"512"»',
        `
    { "name": "app", "image": "x", "memory": 300 },
    { "name": "sidecar", "image": "y", "memory": 100 },
    { "name": "soft", "image": "z", "memoryReservation": 400 },
    { "name": "templated", "image": "w", "memory": "\${MEMORY}" },
    { "name": "string", "image": "v", "memory": "256" }
  `,
      ),
      [
        /^The containers' hard memory limits \(400 MiB\) plus the GuardDuty agent sidecar's share \(128 MiB\) come to 528 MiB, more than the task memory of 512 MiB\. Raise task memory to "1024", the next valid value for cpu 256 \(\.25 vCPU\)/,
      ],
    );
    assert.deepEqual(finding.fix, { raiseMemoryTo: 1024 });
  });

  it('reads the task size in vCPU and GB, and in describe-task-definition output', () => {
    expectFindings(
      RULE,
      `{
  "taskDefinition": {
    "family": "app",
    "requiresCompatibilities": ["FARGATE"],
    "runtimePlatform": { "operatingSystemFamily": "LINUX" },
    "cpu": ".5 vCPU",
    "memory": «"1 GB"»,
    "containerDefinitions": [ { "name": "app", "image": "x", "memory": 1024 } ]
  }
}`,
      [{ message: /come to 1152 MiB, more than the task memory of 1024 MiB\. Raise task memory to "2048", the next valid value for cpu 512 \(\.5 vCPU\)/, path: ['taskDefinition', 'memory'] }],
    );
  });

  it('uses the larger agent share of bigger tasks, and the share of the memory it proposes', () => {
    const [finding] = expectFindings(RULE, task('8192', '«"28672"»', `{ "name": "app", "image": "x", "memory": 28500 }`), [
      /plus the GuardDuty agent sidecar's share \(256 MiB\) come to 28756 MiB, more than the task memory of 28672 MiB\. Raise task memory to "32768"/,
    ]);
    assert.deepEqual(finding.fix, { raiseMemoryTo: 32768 });
    expectFindings(RULE, task('8192', '«"32768"»', `{ "name": "app", "image": "x", "memory": 32512 }`), [/share \(512 MiB\) come to 33024 MiB.* Raise task memory to "36864"/]);
    expectFindings(RULE, task('16384', '«"32768"»', `{ "name": "app", "image": "x", "memory": 32000 }`), [/share \(1024 MiB\) come to 33024 MiB.* Raise task memory to "40960"/]);
  });

  it('says to lower the containers when no memory for the cpu is enough', () => {
    const [finding] = expectFindings(RULE, task('256', '«"2048"»', `{ "name": "app", "image": "x", "memory": 2000 }`), [
      `The containers' hard memory limits (2000 MiB) plus the GuardDuty agent sidecar's share (128 MiB) come to 2128 MiB, more than the task memory of 2048 MiB. No task memory for cpu 256 (.25 vCPU) is enough: lower the containers' memory, or choose a larger cpu.`,
    ]);
    assert.equal(finding.fix, undefined);
  });

  it('accepts containers that leave exactly the agent share, or no hard limits at all', () => {
    expectNoFindings(RULE, task('1024', '"2048"', `{ "name": "app", "image": "x", "memory": 1920 }`));
    expectNoFindings(RULE, task('8192', '"28672"', `{ "name": "app", "image": "x", "memory": 28416 }`));
    expectNoFindings(RULE, task('256', '"512"', `{ "name": "app", "image": "x" }`));
    expectNoFindings(RULE, task('256', '"512"', `{ "name": "app", "image": "x", "memory": 256 }`));
  });

  it('leaves invalid, missing and placeholder sizes to fargate-cpu-memory', () => {
    expectNoFindings(RULE, task('256', '"3072"', `{ "name": "app", "image": "x", "memory": 4000 }`));
    expectNoFindings(RULE, task('1000', '"2048"', `{ "name": "app", "image": "x", "memory": 4000 }`));
    expectNoFindings(RULE, task('${CPU}', '"2048"', `{ "name": "app", "image": "x", "memory": 4000 }`));
    expectNoFindings(RULE, task('1024', '"<MEMORY>"', `{ "name": "app", "image": "x", "memory": 4000 }`));
    expectNoFindings(RULE, `{ "family": "app", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [ { "name": "app", "image": "x", "memory": 4000 } ] }`);
  });

  it('skips tasks that get no agent: Windows, unknown platforms and non-Fargate tasks', () => {
    for (const family of ['"WINDOWS_SERVER_2019_CORE"', '"{{OS_FAMILY}}"', '"#{os}"']) {
      expectNoFindings(
        RULE,
        `{
  "family": "win",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": ${family} },
  "cpu": "2048",
  "memory": "4096",
  "containerDefinitions": [ { "name": "app", "image": "x", "memory": 4096 } ]
}`,
      );
    }
    expectNoFindings(RULE, `{ "family": "ec2", "requiresCompatibilities": ["EC2"], "cpu": "256", "memory": "512", "containerDefinitions": [ { "name": "app", "image": "x", "memory": 512 } ] }`);
  });

  it('treats "operatingSystemFamily": null as unset, that is Linux, like every other rule', () => {
    expectFindings(
      RULE,
      `{
  "family": "app",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": null, "cpuArchitecture": null },
  "cpu": "256",
  "memory": «"512"»,
  "containerDefinitions": [ { "name": "app", "image": "nginx", "memory": 512 } ]
}`,
      [/^The containers' hard memory limits \(512 MiB\) plus the GuardDuty agent sidecar's share/],
    );
  });

  it('is silent for a bare container array, which has no task memory', () => {
    expectNoFindings(RULE, `[ { "name": "app", "image": "nginx", "memory": 99999 } ]`);
  });
});

describe(`${RULE} fixes`, () => {
  it('raises the task memory to leave room for the agent, which costs money: never unattended', () => {
    const doc = fargateTask('  "cpu": "256",\n  "memory": |"512",\n', '{ "name": "app", "image": "nginx", "memory": 512 }');
    expectFix(RULE, doc, 'Set "memory": "1024"', fargateTask('  "cpu": "256",\n  "memory": "1024",\n', '{ "name": "app", "image": "nginx", "memory": 512 }'));
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});

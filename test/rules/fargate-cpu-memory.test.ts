import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { actionsAt, expectFix, fixTitlesAt, onlyRules, unattendedFixCount } from '../support/codeActions';
import { fargateTask } from '../support/taskDocuments';

const RULE = 'fargate-cpu-memory';

const NEED = 'Fargate and GuardDuty Runtime Monitoring both require task-level cpu and memory';

describe(RULE, () => {
  describe('missing cpu or memory', () => {
    it('reports both missing on the task, suggesting the smallest pair', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  «"family"»: "web",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
}`,
        [
          {
            message: `Fargate task has no task-level "cpu" or "memory": ${NEED}. Add them, for example "cpu": "256" with "memory": "512".`,
            path: [],
          },
        ],
      );
      assert.deepEqual(finding.fix, { insert: { cpu: '256', memory: '512' } });
    });

    it('reports missing memory with the values the cpu allows', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  «"family"»: "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "1 vCPU",
  "containerDefinitions": []
}`,
        [`Fargate task has no task-level "memory": ${NEED}. Add "memory": "2048" (cpu 1024 (1 vCPU) allows 2048 to 8192 MiB in steps of 1024).`],
      );
      assert.deepEqual(finding.fix, { insert: { memory: '2048' } });
    });

    it('reports missing cpu with the smallest cpu that allows the memory', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  «"family"»: "web",
  "requiresCompatibilities": ["FARGATE"],
  "memory": "3GB",
  "containerDefinitions": []
}`,
        [`Fargate task has no task-level "cpu": ${NEED}. Add "cpu": "512", the smallest size that allows 3072 MiB.`],
      );
      assert.deepEqual(finding.fix, { insert: { cpu: '512' } });
    });

    it('says so when no cpu allows the memory given', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  «"family"»: "web",
  "requiresCompatibilities": ["FARGATE"],
  "memory": "1536",
  "containerDefinitions": []
}`,
        [/No Fargate cpu allows 1536 MiB, so add "cpu" and change "memory", for example "cpu": "256" with "memory": "512"\.$/],
      );
      assert.equal(finding.fix, undefined);
    });

    it('treats null as missing', () => {
      expectFindings(
        RULE,
        `{
  «"family"»: "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": null,
  "containerDefinitions": []
}`,
        [/no task-level "memory".*Add "memory": "512" \(cpu 256 \(\.25 vCPU\) allows 512, 1024 or 2048 MiB\)\.$/],
      );
    });

    it('suggests the Windows minimum of 1 vCPU for Windows tasks, without GuardDuty, which does not cover them', () => {
      expectFindings(
        RULE,
        `{
  «"family"»: "win",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "containerDefinitions": []
}`,
        ['Fargate task has no task-level "cpu" or "memory": Fargate requires task-level cpu and memory. Add them, for example "cpu": "1024" with "memory": "2048".'],
      );
    });

    it('still reports the missing half when the other is a placeholder, without guessing a value', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  «"family"»: "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "\${TASK_CPU}",
  "containerDefinitions": []
}`,
        [`Fargate task has no task-level "memory": ${NEED}. Add "memory" with a value valid for the task's cpu.`],
      );
      assert.equal(finding.fix, undefined);
    });

    it('points at the taskDefinition key in describe-task-definition output', () => {
      expectFindings(
        RULE,
        `{
  «"taskDefinition"»: {
    "family": "web",
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "256",
    "containerDefinitions": []
  }
}`,
        [{ message: /no task-level "memory"/, path: ['taskDefinition'] }],
      );
    });
  });

  describe('cpu that is not a Fargate size', () => {
    it('reports the cpu value and lists the sizes', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": «"1000"»,
  "memory": "2048",
  "containerDefinitions": []
}`,
        [
          {
            message: 'Task cpu "1000" is not a Fargate size. Use 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units (".25 vCPU" to "16 vCPU").',
            path: ['cpu'],
          },
        ],
      );
      assert.deepEqual(finding.fix, { validCpu: [256, 512, 1024, 2048, 4096, 8192, 16384], smallestCpu: 256 });
    });

    it('reports vCPU values that are not sizes, and JSON numbers', () => {
      expectFindings(
        RULE,
        `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": «"1.5 vCPU"»,
  "memory": "4096",
  "containerDefinitions": []
}`,
        [/^Task cpu "1.5 vCPU" is not a Fargate size/],
      );
      expectFindings(
        RULE,
        `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": «128»,
  "memory": "512",
  "containerDefinitions": []
}`,
        [/^Task cpu 128 is not a Fargate size/],
      );
    });

    it('shows a value as written, even one JavaScript cannot hold (1e400 is Infinity, which JSON prints as null)', () => {
      expectFindings(
        RULE,
        `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": «1e400»,
  "memory": "512",
  "containerDefinitions": []
}`,
        [/^Task cpu 1e400 is not a Fargate size/],
      );
      expectFindings(
        RULE,
        `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": «1E+400»,
  "containerDefinitions": []
}`,
        [/^Task memory 1E\+400 is not valid with cpu 256 \(.25 vCPU\) on Fargate/],
      );
    });

    it('uses the Windows sizes for Windows tasks', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  "family": "win",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" },
  "cpu": «"8192"»,
  "memory": "16384",
  "containerDefinitions": []
}`,
        ['Task cpu "8192" is not a Fargate size for Windows containers, which run on 1, 2 or 4 vCPU. Use 1024, 2048 or 4096 CPU units.'],
      );
      assert.deepEqual(finding.fix, { validCpu: [1024, 2048, 4096], smallestCpu: 2048 });
    });
  });

  describe('memory that does not fit the cpu', () => {
    it('reports the memory value, naming the valid values, the nearest one and the cpu that would allow it', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": «"3072"»,
  "containerDefinitions": []
}`,
        [
          {
            message: 'Task memory "3072" is not valid with cpu 256 (.25 vCPU) on Fargate, which allows 512, 1024 or 2048 MiB. Use "2048", or set cpu to 512 (.5 vCPU).',
            path: ['memory'],
          },
        ],
      );
      assert.deepEqual(finding.fix, { validMemory: [512, 1024, 2048], nearestMemory: 2048, smallestCpu: 512 });
    });

    it('rounds the suggestion up inside the range, and describes long ranges compactly', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  "family": "web",
  "requiresCompatibilities": ["EC2", "FARGATE"],
  "cpu": "8 vCPU",
  "memory": «"18432"»,
  "containerDefinitions": []
}`,
        ['Task memory "18432" is not valid with cpu 8192 (8 vCPU) on Fargate, which allows 16384 to 61440 MiB in steps of 4096. Use "20480", or set cpu to 4096 (4 vCPU).'],
      );
      assert.deepEqual(finding.fix, {
        validMemory: [16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440],
        nearestMemory: 20480,
        smallestCpu: 4096,
      });
    });

    it('reports memory too small for the cpu', () => {
      expectFindings(
        RULE,
        `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "1024",
  "memory": «"1 GB"»,
  "containerDefinitions": []
}`,
        ['Task memory "1 GB" is not valid with cpu 1024 (1 vCPU) on Fargate, which allows 2048 to 8192 MiB in steps of 1024. Use "2048", or set cpu to 256 (.25 vCPU).'],
      );
    });

    it('reports memory in a unit ECS does not read', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "1024",
  "memory": «"2 GiB"»,
  "containerDefinitions": []
}`,
        ['Task memory "2 GiB" is not valid with cpu 1024 (1 vCPU) on Fargate, which allows 2048 to 8192 MiB in steps of 1024. Use one of them, in MiB such as "2048" or in GB such as "2 GB".'],
      );
      assert.deepEqual(finding.fix, { validMemory: [2048, 3072, 4096, 5120, 6144, 7168, 8192] });
    });

    it('checks Windows pairs against the Windows table', () => {
      expectFindings(
        RULE,
        `{
  "taskDefinition": {
    "family": "win",
    "requiresCompatibilities": ["FARGATE"],
    "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_FULL" },
    "cpu": "1024",
    "memory": «"1024"»,
    "containerDefinitions": []
  }
}`,
        [{ message: 'Task memory "1024" is not valid with cpu 1024 (1 vCPU) on Fargate, which allows 2048 to 8192 MiB in steps of 1024. Use "2048".', path: ['taskDefinition', 'memory'] }],
      );
    });
  });

  describe('valid and unknown values', () => {
    it('accepts every API form of a valid pair', () => {
      for (const [cpu, memory] of [
        ['"256"', '"512"'],
        ['".25 vcpu"', '".5 gb"'],
        ['"1 vCPU"', '"2 GB"'],
        ['"2048"', '"4GB"'],
        ['1024', '2048'],
        ['"16 vCPU"', '"120 GB"'],
        ['"4096"', '"30720"'],
      ]) {
        expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["FARGATE"], "cpu": ${cpu}, "memory": ${memory}, "containerDefinitions": [] }`);
      }
    });

    it('accepts a valid Windows pair', () => {
      expectNoFindings(
        RULE,
        `{
  "family": "win",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" },
  "cpu": "2048",
  "memory": "4096",
  "containerDefinitions": []
}`,
      );
    });

    it('is silent for placeholders and values of the wrong type', () => {
      for (const [cpu, memory] of [
        ['"<TASK_CPU>"', '"3072"'],
        ['"256"', '"${MEMORY}"'],
        ['"#{cpu}"', '"#{memory}"'],
        ['"{{CPU}}"', '"1536"'],
        ['true', '"512"'],
        ['"256"', '{ "value": 512 }'],
      ]) {
        expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["FARGATE"], "cpu": ${cpu}, "memory": ${memory}, "containerDefinitions": [] }`);
      }
    });

    it('ignores tasks that do not require Fargate', () => {
      expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["EC2"], "cpu": "1000", "containerDefinitions": [] }`);
      expectNoFindings(RULE, `{ "family": "x", "containerDefinitions": [] }`);
      expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["\${LAUNCH_TYPE}"], "containerDefinitions": [] }`);
    });

    it('is silent for a bare container array, which has no task level', () => {
      expectNoFindings(RULE, `[ { "name": "app", "image": "nginx", "cpu": 1000, "memory": 3 } ]`);
    });
  });
});

describe(`${RULE} fixes`, () => {
  it('memory not valid with the cpu: the next valid memory (preferred), or the smallest cpu for the memory', () => {
    const doc = fargateTask('  "cpu": "1024",\n  "memory": |"16384",\n');
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Set "memory": "8192" (the largest value cpu 1024 allows)', 'Set "cpu": "2048" (the smallest size that allows 16384 MiB)']);
    assert.deepEqual(
      actionsAt(doc, { validate: onlyRules(RULE) })
        .actions.map((action) => action.isPreferred ?? false)
        .slice(0, 2),
      [true, false],
    );
    expectFix(RULE, doc, 'Set "memory": "8192" (the largest value cpu 1024 allows)', fargateTask('  "cpu": "1024",\n  "memory": "8192",\n'));
    expectFix(RULE, doc, 'Set "cpu": "2048" (the smallest size that allows 16384 MiB)', fargateTask('  "cpu": "2048",\n  "memory": "16384",\n'));
    // Sizes change what the task costs and gets: never unattended.
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });

  it('writes the value as a JSON string in place of a "GB" spelling', () => {
    const doc = fargateTask('  "cpu": "1 vCPU",\n  "memory": |"3.5 GB",\n');
    expectFix(RULE, doc, 'Set "memory": "4096" (the next value cpu 1024 allows)', fargateTask('  "cpu": "1 vCPU",\n  "memory": "4096",\n'));
  });

  it('cpu not a Fargate size: the closest size that keeps the memory, the smallest one, or at least the cpu written', () => {
    const doc = fargateTask('  "cpu": |"3 vCPU",\n  "memory": "2048",\n');
    assert.deepEqual(fixTitlesAt(RULE, doc), [
      'Set "cpu": "1024" (the closest size that allows 2048 MiB)',
      'Set "cpu": "256" (the smallest size that allows 2048 MiB)',
      'Set "cpu": "4096" and "memory": "8192"',
    ]);
    expectFix(RULE, doc, 'Set "cpu": "4096" and "memory": "8192"', fargateTask('  "cpu": "4096",\n  "memory": "8192",\n'));
  });

  it('adds the missing sizes at the end of the task object', () => {
    const doc = fargateTask('').replace('"family"', '|"family"');
    expectFix(
      RULE,
      doc,
      'Add "cpu": "256" and "memory": "512"',
      `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    { "name": "app", "image": "nginx" }
  ],
  "cpu": "256",
  "memory": "512"
}`,
    );
    const cpuOnly = fargateTask('  "cpu": "512",\n').replace('"family"', '|"family"');
    expectFix(RULE, cpuOnly, 'Add "memory": "1024"', fargateTask('  "cpu": "512",\n').replace('\n  ]\n}', '\n  ],\n  "memory": "1024"\n}'));
  });
});

import { expectFindings, expectNoFindings } from '../support/lint';

const RULE = 'container-memory-exceeds-task';

describe(RULE, () => {
  it('flags a container memory or reservation above the task memory, on the container value', () => {
    expectFindings(
      RULE,
      `{
  "family": "web",
  "memory": "1024",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "memory": «2048» },
    { "name": "worker", "image": "nginx", "memoryReservation": «1536» }
  ]
}`,
      [
        {
          message: 'Container "app" sets "memory" to 2048 MiB, more than the task\'s 1024 MiB: lower the container\'s "memory" or raise the task-level "memory".',
          path: ['containerDefinitions', 0, 'memory'],
        },
        'Container "worker" sets "memoryReservation" to 1536 MiB, more than the task\'s 1024 MiB: lower the container\'s "memoryReservation" or raise the task-level "memory".',
      ],
    );
  });

  it('reads the task memory in GB', () => {
    expectFindings(RULE, `{ "memory": "1 GB", "containerDefinitions": [ { "name": "app", "image": "x", "memory": «1025» } ] }`, [/sets "memory" to 1025 MiB, more than the task's 1024 MiB/]);
  });

  it('flags reservations that add up to more than the task memory, on the task memory', () => {
    expectFindings(
      RULE,
      `{
  "family": "web",
  "memory": «"1024"»,
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "memory": 1024, "memoryReservation": 768 },
    { "name": "proxy", "image": "envoy", "memory": 512 },
    { "image": "agent" }
  ]
}`,
      [
        {
          message:
            'The containers reserve 1280 MiB together ("app" 768 + "proxy" 512), more than the task\'s 1024 MiB: raise the task-level "memory" or lower the containers\' "memoryReservation" or "memory".',
          path: ['memory'],
        },
      ],
    );
  });

  it('names at most ten containers in a sum (ECS takes ten per task definition), then how many more', () => {
    const containers = Array.from({ length: 12 }, (_, i) => `{ "name": "c${i + 1}", "image": "x", "memory": 128 }`).join(', ');
    expectFindings(RULE, `{ "memory": «"1024"», "containerDefinitions": [ ${containers} ] }`, [
      'The containers reserve 1536 MiB together ("c1" 128 + "c2" 128 + "c3" 128 + "c4" 128 + "c5" 128 + "c6" 128 + "c7" 128 + "c8" 128 + "c9" 128 + "c10" 128 + 2 more), more than the task\'s 1024 MiB: raise the task-level "memory" or lower the containers\' "memoryReservation" or "memory".',
    ]);
  });

  it('flags container cpu above the task cpu, and a cpu total above it on the task cpu', () => {
    expectFindings(
      RULE,
      `{
  "taskDefinition": {
    "cpu": "1 vCPU",
    "containerDefinitions": [ { "name": "app", "image": "nginx", "cpu": «2048» } ]
  }
}`,
      [
        {
          message: 'Container "app" reserves 2048 CPU units, more than the task\'s 1024 (1 vCPU): lower the container\'s "cpu" or raise the task-level "cpu".',
          path: ['taskDefinition', 'containerDefinitions', 0, 'cpu'],
        },
      ],
    );
    expectFindings(
      RULE,
      `{
  "cpu": «"512"»,
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "cpu": 256 },
    { "name": "sidecar", "image": "agent", "cpu": 512 }
  ]
}`,
      ['The containers reserve 768 CPU units together ("app" 256 + "sidecar" 512), more than the task\'s 512 (.5 vCPU): raise the task-level "cpu" or lower the containers\' "cpu".'],
    );
  });

  it('accepts sizes that fit, including exactly the task size', () => {
    expectNoFindings(
      RULE,
      `{
  "cpu": "1024",
  "memory": "2048",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "cpu": 768, "memory": 2048, "memoryReservation": 1536 },
    { "name": "agent", "image": "agent", "cpu": 256, "memoryReservation": 512 }
  ]
}`,
    );
  });

  it('treats placeholders and wrongly typed values as unknown', () => {
    expectNoFindings(
      RULE,
      `{
  "cpu": "\${TASK_CPU}",
  "memory": "{{ task_memory }}",
  "containerDefinitions": [ { "name": "app", "image": "<IMAGE1_NAME>", "cpu": 4096, "memory": 8192 } ]
}`,
    );
    expectNoFindings(
      RULE,
      `{
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [ { "name": "app", "image": "x", "cpu": "#{Cpu}", "memory": "1024", "memoryReservation": "\${RESERVATION}" } ]
}`,
    );
  });

  it('does not check Windows tasks on EC2, where task-level sizes are ignored', () => {
    expectNoFindings(
      RULE,
      `{
  "requiresCompatibilities": ["EC2"],
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "cpu": "1024",
  "memory": "2048",
  "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "cpu": 2048, "memory": 4096 } ]
}`,
    );
    // No runtimePlatform, but a Windows image: the same Windows task.
    expectNoFindings(
      RULE,
      `{
  "requiresCompatibilities": ["EC2"],
  "cpu": "1024",
  "memory": "2048",
  "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "cpu": 2048, "memory": 4096 } ]
}`,
    );
  });

  it('stays silent without task-level sizes and on a bare container array', () => {
    expectNoFindings(RULE, `{ "containerDefinitions": [ { "name": "app", "image": "x", "cpu": 4096, "memory": 8192 } ] }`);
    expectNoFindings(RULE, `[ { "name": "app", "image": "x", "cpu": 4096, "memory": 8192 } ]`);
  });
});

import * as assert from 'node:assert/strict';
import { SECRET_ARN_PLACEHOLDER } from '../../server/src/rules/environment-secrets';
import { actionsAt, expectFix, fixTitlesAt, onlyRules, unattendedFixCount } from '../support/codeActions';

/*
 * Each rule's quick fixes, by the whole document after the fix, and the rule no longer firing on it.
 * `unattendedFixCount` shows which fixes "fix all" and `--fix` may apply: only those that need no decision.
 */

describe('rule fixes: Security Hub controls', () => {
  describe('linux-non-root-user', () => {
    const RULE = 'linux-non-root-user';
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

  describe('host-network-root-user', () => {
    const RULE = 'host-network-root-user';

    it('adds a non-root user to a one-line container', () => {
      const doc = '{ "family": "web", "networkMode": "host", "containerDefinitions": [{ "name": |"app", "image": "nginx" }] }';
      expectFix(RULE, doc, 'Set "user": "1000"', '{ "family": "web", "networkMode": "host", "containerDefinitions": [{ "name": "app", "image": "nginx", "user": "1000" }] }');
      assert.equal(unattendedFixCount(RULE, doc), 0);
    });
  });

  describe('windows-non-admin-user', () => {
    const RULE = 'windows-non-admin-user';

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

  describe('host-network-mode', () => {
    const RULE = 'host-network-mode';

    it('switches to awsvpc, which changes how the task is reached', () => {
      const doc = '{\n  "family": "web",\n  "networkMode": |"host",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}';
      expectFix(RULE, doc, 'Set "networkMode": "awsvpc"', '{\n  "family": "web",\n  "networkMode": "awsvpc",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}');
      assert.equal(unattendedFixCount(RULE, doc), 0);
    });
  });

  describe('pid-mode-host', () => {
    const RULE = 'pid-mode-host';
    const doc = '{\n  "family": "web",\n  "pidMode": |"host",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}';

    it('removes pidMode (preferred) or sets it to task', () => {
      assert.deepEqual(fixTitlesAt(RULE, doc), ['Remove "pidMode"', 'Set "pidMode": "task"']);
      expectFix(RULE, doc, 'Remove "pidMode"', '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}');
      expectFix(RULE, doc, 'Set "pidMode": "task"', '{\n  "family": "web",\n  "pidMode": "task",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}');
      assert.equal(unattendedFixCount(RULE, doc), 1);
    });
  });

  describe('efs-transit-encryption', () => {
    const RULE = 'efs-transit-encryption';
    const doc = `{
  "family": "files",
  "containerDefinitions": [{ "name": "app", "image": "app:1" }],
  "volumes": [
    {
      "name": "data",
      |"efsVolumeConfiguration": {
        "fileSystemId": "fs-12345678"
      }
    },
    { "name": "logs", "efsVolumeConfiguration": { "fileSystemId": "fs-87654321", "transitEncryption": "DISABLED" } }
  ]
}`;

    it('adds transitEncryption to a configuration without it', () => {
      expectFix(RULE, doc.replace('"DISABLED"', '"ENABLED"'), 'Set "transitEncryption": "ENABLED"', `{
  "family": "files",
  "containerDefinitions": [{ "name": "app", "image": "app:1" }],
  "volumes": [
    {
      "name": "data",
      "efsVolumeConfiguration": {
        "fileSystemId": "fs-12345678",
        "transitEncryption": "ENABLED"
      }
    },
    { "name": "logs", "efsVolumeConfiguration": { "fileSystemId": "fs-87654321", "transitEncryption": "ENABLED" } }
  ]
}`);
    });

    it('replaces DISABLED, and fix all does both volumes', () => {
      const onDisabled = doc.replace('|', '').replace('"DISABLED"', '|"DISABLED"');
      assert.deepEqual(fixTitlesAt(RULE, onDisabled), ['Set "transitEncryption": "ENABLED"']);
      expectFix(RULE, onDisabled, 'Fix all efs-transit-encryption problems in this file', `{
  "family": "files",
  "containerDefinitions": [{ "name": "app", "image": "app:1" }],
  "volumes": [
    {
      "name": "data",
      "efsVolumeConfiguration": {
        "fileSystemId": "fs-12345678",
        "transitEncryption": "ENABLED"
      }
    },
    { "name": "logs", "efsVolumeConfiguration": { "fileSystemId": "fs-87654321", "transitEncryption": "ENABLED" } }
  ]
}`);
      assert.equal(unattendedFixCount(RULE, doc), 2);
    });
  });

  describe('environment-secrets', () => {
    const RULE = 'environment-secrets';
    const MOVE = `Move AWS_SECRET_ACCESS_KEY to "secrets" (fill in <REGION>, <ACCOUNT_ID> and <SECRET_NAME> in its valueFrom)`;
    const doc = `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "api:1",
      "environment": [
        { "name": "AWS_REGION", "value": "eu-west-1" },
        { "name": |"AWS_SECRET_ACCESS_KEY", "value": "fake-secret-for-tests" }
      ]
    }
  ]
}`;

    it('moves the variable to a new "secrets" list with a placeholder ARN, dropping the value', () => {
      assert.deepEqual(fixTitlesAt(RULE, doc), [MOVE, 'Remove AWS_SECRET_ACCESS_KEY (give the task a task role instead)']);
      expectFix(RULE, doc, MOVE, `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "api:1",
      "environment": [
        { "name": "AWS_REGION", "value": "eu-west-1" }
      ],
      "secrets": [
        {
          "name": "AWS_SECRET_ACCESS_KEY",
          "valueFrom": "${SECRET_ARN_PLACEHOLDER}"
        }
      ]
    }
  ]
}`);
      // The secret has to be created first, so nothing moves unattended.
      assert.equal(unattendedFixCount(RULE, doc), 0);
    });

    it('appends to an existing "secrets" list in its style', () => {
      const withSecrets = doc.replace('      ]\n    }', '      ],\n      "secrets": [\n        { "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/db" }\n      ]\n    }');
      expectFix(RULE, withSecrets, MOVE, `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "api:1",
      "environment": [
        { "name": "AWS_REGION", "value": "eu-west-1" }
      ],
      "secrets": [
        { "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/db" },
        { "name": "AWS_SECRET_ACCESS_KEY", "valueFrom": "${SECRET_ARN_PLACEHOLDER}" }
      ]
    }
  ]
}`);
    });

    it('can remove AWS keys altogether; registry auth data can only move', () => {
      expectFix(RULE, doc, 'Remove AWS_SECRET_ACCESS_KEY (give the task a task role instead)', doc.replace(',\n        { "name": |"AWS_SECRET_ACCESS_KEY", "value": "fake-secret-for-tests" }', ''));
      const auth = '{ "family": "x", "containerDefinitions": [{ "name": "x", "image": "x", "environment": [{ "name": |"ECS_ENGINE_AUTH_DATA", "value": "{}" }] }] }';
      assert.deepEqual(fixTitlesAt(RULE, auth), [
        'Move ECS_ENGINE_AUTH_DATA to "secrets" (fill in <REGION>, <ACCOUNT_ID> and <SECRET_NAME> in its valueFrom)',
      ]);
    });
  });

  describe('log-configuration', () => {
    const RULE = 'log-configuration';

    it('adds awslogs with a /ecs/<family> group and a region placeholder when no container has a region', () => {
      const doc = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": |"app",
      "image": "nginx"
    }
  ]
}`;
      expectFix(RULE, doc, 'Add an awslogs log configuration (log group "/ecs/web"), then fill in <REGION>', `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/web",
          "awslogs-region": "<REGION>",
          "awslogs-stream-prefix": "app"
        }
      }
    }
  ]
}`);
      assert.equal(unattendedFixCount(RULE, doc), 0);
    });

    it('takes the group and region another container logs to, and then needs no decision', () => {
      const doc = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/shop", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app" } }
    },
    { "name": |"envoy", "image": "envoy" }
  ]
}`;
      expectFix(RULE, doc, 'Add an awslogs log configuration (log group "/ecs/shop")', doc.replace(
        '{ "name": |"envoy", "image": "envoy" }',
        '{ "name": "envoy", "image": "envoy", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/shop", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "envoy" } } }',
      ));
      assert.equal(unattendedFixCount(RULE, doc), 1);
    });

    it('completes a configuration without a driver, keeping its options', () => {
      const doc = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      |"logConfiguration": {
        "options": { "awslogs-region": "us-east-1" }
      }
    }
  ]
}`;
      expectFix(RULE, doc, 'Add an awslogs log configuration (log group "/ecs/web")', `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "logConfiguration": {
        "options": { "awslogs-region": "us-east-1", "awslogs-group": "/ecs/web", "awslogs-stream-prefix": "app" },
        "logDriver": "awslogs"
      }
    }
  ]
}`);
    });

    it('names placeholders for what a bare container array cannot tell', () => {
      const doc = '[\n  { "image": "nginx", "logConfiguration": |null }\n]';
      expectFix(RULE, doc, 'Add an awslogs log configuration (log group "/ecs/<FAMILY>"), then fill in <FAMILY>, <REGION> and <CONTAINER_NAME>',
        '[\n  { "image": "nginx", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/<FAMILY>", "awslogs-region": "<REGION>", "awslogs-stream-prefix": "<CONTAINER_NAME>" } } }\n]');
    });
  });

  describe('privileged-container and readonly-root-filesystem', () => {
    it('are safe: fix all applies them', () => {
      const doc = '{ "family": "w", "containerDefinitions": [{ "name": "a", "image": "a", "privileged": true }, { "name": "b", "image": "b", "privileged": true }] }';
      assert.equal(unattendedFixCount('privileged-container', doc), 2);
      assert.equal(unattendedFixCount('readonly-root-filesystem', doc), 2);
    });
  });
});


/** A Fargate task in the register-task-definition input shape, with the task-level sizes given. */
function fargateTask(sizes: string, containers = '{ "name": "app", "image": "nginx" }'): string {
  return `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
${sizes}  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    ${containers}
  ]
}`;
}

describe('rule fixes: GuardDuty prerequisites', () => {
  describe('fargate-cpu-memory', () => {
    const RULE = 'fargate-cpu-memory';

    it('memory not valid with the cpu: the next valid memory (preferred), or the smallest cpu for the memory', () => {
      const doc = fargateTask('  "cpu": "1024",\n  "memory": |"16384",\n');
      assert.deepEqual(fixTitlesAt(RULE, doc), [
        'Set "memory": "8192" (the largest value cpu 1024 allows)',
        'Set "cpu": "2048" (the smallest size that allows 16384 MiB)',
      ]);
      assert.deepEqual(actionsAt(doc, { validate: onlyRules(RULE) }).actions.map((action) => action.isPreferred ?? false).slice(0, 2), [true, false]);
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
      expectFix(RULE, doc, 'Add "cpu": "256" and "memory": "512"', `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    { "name": "app", "image": "nginx" }
  ],
  "cpu": "256",
  "memory": "512"
}`);
      const cpuOnly = fargateTask('  "cpu": "512",\n').replace('"family"', '|"family"');
      expectFix(RULE, cpuOnly, 'Add "memory": "1024"', fargateTask('  "cpu": "512",\n').replace('\n  ]\n}', '\n  ],\n  "memory": "1024"\n}'));
    });
  });

  describe('guardduty-agent-memory', () => {
    const RULE = 'guardduty-agent-memory';

    it('raises the task memory to leave room for the agent, which costs money: never unattended', () => {
      const doc = fargateTask('  "cpu": "256",\n  "memory": |"512",\n', '{ "name": "app", "image": "nginx", "memory": 512 }');
      expectFix(RULE, doc, 'Set "memory": "1024"', fargateTask('  "cpu": "256",\n  "memory": "1024",\n', '{ "name": "app", "image": "nginx", "memory": 512 }'));
      assert.equal(unattendedFixCount(RULE, doc), 0);
    });
  });

  describe('guardduty-linux-only', () => {
    const RULE = 'guardduty-linux-only';

    it('sets the operating system to LINUX, only right for Linux images: never unattended', () => {
      const doc = fargateTask('  "cpu": "1024",\n  "memory": "2048",\n  "runtimePlatform": { "operatingSystemFamily": |"WINDOWS_SERVER_2022_CORE" },\n');
      expectFix(RULE, doc, 'Set "operatingSystemFamily": "LINUX"', doc.replace('|"WINDOWS_SERVER_2022_CORE"', '"LINUX"'));
      assert.equal(unattendedFixCount(RULE, doc), 0);
    });
  });

  describe('guardduty-cpu-architecture', () => {
    const RULE = 'guardduty-cpu-architecture';

    it('writes the canonical spelling, the same architecture: safe', () => {
      const doc = fargateTask('  "cpu": "1024",\n  "memory": "2048",\n  "runtimePlatform": {\n    "cpuArchitecture": |"aarch64"\n  },\n');
      expectFix(RULE, doc, 'Set "cpuArchitecture": "ARM64"', doc.replace('|"aarch64"', '"ARM64"'));
      assert.equal(unattendedFixCount(RULE, doc), 1);
    });

    it('offers nothing for a value it cannot map', () => {
      assert.deepEqual(fixTitlesAt(RULE, fargateTask('  "runtimePlatform": { "cpuArchitecture": |"sparc" },\n')), []);
    });
  });

  describe('execution-role-required', () => {
    const RULE = 'execution-role-required';

    it('adds "executionRoleArn": "ecsTaskExecutionRole", a role name ECS accepts as it is, with no placeholder to fill in', () => {
      const doc = fargateTask('  "cpu": "256",\n  "memory": "512",\n').replace('  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",\n', '').replace('"family"', '|"family"');
      expectFix(RULE, doc, 'Add "executionRoleArn": "ecsTaskExecutionRole"', doc.replace('|', '').replace('\n  ]\n}', '\n  ],\n  "executionRoleArn": "ecsTaskExecutionRole"\n}'));
      assert.equal(unattendedFixCount(RULE, doc), 0);
    });
  });
});

describe('rule fixes: ECS API requirements', () => {
  describe('fargate-network-mode', () => {
    const RULE = 'fargate-network-mode';

    it('sets awsvpc in place of another mode, or adds it', () => {
      const bridge = fargateTask('  "cpu": "256",\n  "memory": "512",\n').replace('"networkMode": "awsvpc"', '"networkMode": |"bridge"');
      expectFix(RULE, bridge, 'Set "networkMode": "awsvpc"', fargateTask('  "cpu": "256",\n  "memory": "512",\n'));
      const missing = bridge.replace('  "networkMode": |"bridge",\n', '').replace('"family"', '|"family"');
      expectFix(RULE, missing, 'Add "networkMode": "awsvpc"', missing.replace('|', '').replace('\n  ]\n}', '\n  ],\n  "networkMode": "awsvpc"\n}'));
      assert.equal(unattendedFixCount(RULE, bridge), 0);
    });
  });

  describe('essential-container-required', () => {
    const RULE = 'essential-container-required';

    it('marks the only container essential: no choice to make, so safe', () => {
      const doc = '{\n  "family": "w",\n  "containerDefinitions": [\n    { "name": "app", "image": "nginx", "essential": false }\n  ]\n}';
      // The finding is on the "containerDefinitions" key.
      const marked = doc.replace('"containerDefinitions"', '|"containerDefinitions"');
      expectFix(RULE, marked, 'Set "essential": true on container "app"', doc.replace('"essential": false', '"essential": true'));
      assert.equal(unattendedFixCount(RULE, marked), 1);
    });

    it('with several containers, which one is the main one is the user\'s call', () => {
      const doc = '{ "family": "w", |"containerDefinitions": [{ "name": "app", "image": "a", "essential": false }, { "name": "log", "image": "b", "essential": false }] }';
      expectFix(RULE, doc, 'Set "essential": true on container "app"', doc.replace('|', '').replace('"essential": false', '"essential": true'));
      assert.equal(unattendedFixCount(RULE, doc), 0);
    });
  });

  describe('duplicate-container-name', () => {
    const RULE = 'duplicate-container-name';

    it('names a nameless container after its image, unique in the task', () => {
      const doc = `[
  { "name": "api", "image": "nginx" },
  { |"image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.2" }
]`;
      expectFix(RULE, doc, 'Add "name": "api-2"', `[
  { "name": "api", "image": "nginx" },
  { "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.2", "name": "api-2" }
]`);
      assert.equal(unattendedFixCount(RULE, doc), 1);
    });

    it('offers nothing for a duplicate: renaming could break references to it', () => {
      assert.deepEqual(fixTitlesAt(RULE, '[{ "name": "app", "image": "a" }, { "name": |"app", "image": "b" }]'), []);
    });
  });

  describe('value-type', () => {
    const RULE = 'value-type';

    it('quotes, unquotes and corrects the case of values, all safe', () => {
      const doc = `{
  "family": "web",
  "cpu": |256,
  "networkMode": "AWSVPC",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "memory": "512", "essential": "true", "environment": { "PORT": 8080 } }
  ]
}`;
      assert.deepEqual(fixTitlesAt(RULE, doc), ['Change "cpu" to "256"']);
      expectFix(RULE, doc, 'Fix all value-type problems in this file', `{
  "family": "web",
  "cpu": "256",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "memory": 512, "essential": true, "environment": [{ "name": "PORT", "value": "8080" }] }
  ]
}`);
      assert.equal(unattendedFixCount(RULE, doc), 5);
    });

    it('names the conversion of a map to name/value pairs', () => {
      const doc = '[{ "name": "app", "image": "nginx", "environment": |{ "PORT": "8080" } }]';
      expectFix(RULE, doc, 'Convert "environment" to a list of name/value pairs', '[{ "name": "app", "image": "nginx", "environment": [{ "name": "PORT", "value": "8080" }] }]');
    });
  });
});

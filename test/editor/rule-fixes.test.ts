import * as assert from 'node:assert/strict';
import { SECRET_ARN_PLACEHOLDER } from '../../server/src/rules/environment-secrets';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

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


import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';

const RULE = 'log-configuration';
const ADVICE = 'for example "awslogs" with a CloudWatch Logs group, so the container\'s output is kept.';

describe(RULE, () => {
  it('flags a container without logConfiguration at its name, with the family in the fix', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [
    { "name": «"app"», "image": "nginx" },
    { "name": "sidecar", "image": "envoy", "logConfiguration": { "logDriver": "awslogs" } }
  ]
}`,
      [
        {
          message: `Container "app" has no "logConfiguration" (Security Hub ECS.9). Add one with a log driver, ${ADVICE}`,
          path: ['containerDefinitions', 0],
        },
      ],
    );
    assert.deepEqual(finding.fix, { addAwsLogs: { family: 'web' } });
  });

  it('flags a logConfiguration without logDriver on its key', () => {
    expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      «"logConfiguration"»: {
        "options": { "awslogs-group": "/ecs/web" }
      }
    }
  ]
}`,
      [
        {
          message: `Container "app" has a "logConfiguration" without a "logDriver" (Security Hub ECS.9). Set "logDriver", ${ADVICE}`,
          path: ['containerDefinitions', 0, 'logConfiguration'],
        },
      ],
    );
  });

  it('flags null logConfiguration and null logDriver on the null', () => {
    expectFindings(
      RULE,
      `{
  "taskDefinition": {
    "family": "web",
    "containerDefinitions": [
      { "name": "app", "image": "nginx", "logConfiguration": «null» },
      { "name": "worker", "image": "nginx", "logConfiguration": { "logDriver": «null», "options": null } }
    ]
  }
}`,
      [
        {
          message: `Container "app" sets "logConfiguration" to null (Security Hub ECS.9). Replace it with a log configuration, ${ADVICE}`,
          path: ['taskDefinition', 'containerDefinitions', 0, 'logConfiguration'],
        },
        {
          message: `Container "worker" sets "logDriver" to null (Security Hub ECS.9). Set a log driver, ${ADVICE}`,
          path: ['taskDefinition', 'containerDefinitions', 1, 'logConfiguration', 'logDriver'],
        },
      ],
    );
  });

  it('flags a bare container array, with no family in the fix', () => {
    const [finding] = expectFindings(RULE, `[ { "name": «"app"», "image": "nginx" } ]`, [/"app" has no "logConfiguration"/]);
    assert.deepEqual(finding.fix, { addAwsLogs: {} });
  });

  it('leaves a placeholder family out of the fix', () => {
    const [finding] = expectFindings(RULE, `{ "family": "\${FAMILY}", "containerDefinitions": [ { "name": «"app"», "image": "x" } ] }`, [/"app" has no "logConfiguration"/]);
    assert.deepEqual(finding.fix, { addAwsLogs: {} });
  });

  it('accepts any log driver, and treats placeholders and other types as unknown', () => {
    expectNoFindings(
      RULE,
      `{ "containerDefinitions": [
      { "name": "a", "image": "x", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/a" } } },
      { "name": "b", "image": "x", "logConfiguration": { "logDriver": "json-file" } },
      { "name": "c", "image": "x", "logConfiguration": { "logDriver": "<LOG_DRIVER>" } },
      { "name": "d", "image": "x", "logConfiguration": "\${LOG_CONFIGURATION}" },
      { "name": "e", "image": "x", "logConfiguration": { "logDriver": 3 } }
    ] }`,
    );
  });
});

describe(`${RULE} fixes`, () => {
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
    expectFix(
      RULE,
      doc,
      'Add an awslogs log configuration (log group "/ecs/web"), then fill in <REGION>',
      `{
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
}`,
    );
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
    expectFix(
      RULE,
      doc,
      'Add an awslogs log configuration (log group "/ecs/shop")',
      doc.replace(
        '{ "name": |"envoy", "image": "envoy" }',
        '{ "name": "envoy", "image": "envoy", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/shop", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "envoy" } } }',
      ),
    );
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
    expectFix(
      RULE,
      doc,
      'Add an awslogs log configuration (log group "/ecs/web")',
      `{
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
}`,
    );
  });

  it('names placeholders for what a bare container array cannot tell', () => {
    const doc = '[\n  { "image": "nginx", "logConfiguration": |null }\n]';
    expectFix(
      RULE,
      doc,
      'Add an awslogs log configuration (log group "/ecs/<FAMILY>"), then fill in <FAMILY>, <REGION> and <CONTAINER_NAME>',
      '[\n  { "image": "nginx", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/<FAMILY>", "awslogs-region": "<REGION>", "awslogs-stream-prefix": "<CONTAINER_NAME>" } } }\n]',
    );
  });
});

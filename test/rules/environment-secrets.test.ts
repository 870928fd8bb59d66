import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { SECRET_ARN_PLACEHOLDER } from '../../server/src/rules/environment-secrets';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'environment-secrets';
const KEYS_ADVICE = 'Move it to "secrets" with a Secrets Manager or Parameter Store ARN, or drop the access keys and give the task a task role.';

describe(RULE, () => {
  it('flags AWS access keys on the variable name, never echoing the value', () => {
    const findings = expectFindings(
      RULE,
      `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "api:1",
      "environment": [
        { "name": "AWS_REGION", "value": "eu-west-1" },
        { "name": «"AWS_ACCESS_KEY_ID"», "value": "fake-key-id-for-tests" },
        { "name": «"AWS_SECRET_ACCESS_KEY"», "value": "fake-secret-for-tests" }
      ]
    }
  ]
}`,
      [
        {
          message: `Container "api" passes AWS_ACCESS_KEY_ID as a plain environment variable, readable by anyone who can describe the task definition (Security Hub ECS.8). ${KEYS_ADVICE}`,
          path: ['containerDefinitions', 0, 'environment', 1, 'name'],
        },
        `Container "api" passes AWS_SECRET_ACCESS_KEY as a plain environment variable, readable by anyone who can describe the task definition (Security Hub ECS.8). ${KEYS_ADVICE}`,
      ],
    );
    assert.deepEqual(
      findings.map((finding) => finding.fix),
      [{ moveToSecrets: { name: 'AWS_ACCESS_KEY_ID', containerIndex: 0, environmentIndex: 1 } }, { moveToSecrets: { name: 'AWS_SECRET_ACCESS_KEY', containerIndex: 0, environmentIndex: 2 } }],
    );
    for (const finding of findings) {
      assert.doesNotMatch(JSON.stringify(finding), /fake-key-id-for-tests|fake-secret-for-tests/);
    }
  });

  it('flags ECS_ENGINE_AUTH_DATA, pointing at repository credentials', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "taskDefinition": {
    "containerDefinitions": [
      { "name": "web", "image": "x" },
      { "name": "worker", "image": "x", "environment": [ { "name": «"ECS_ENGINE_AUTH_DATA"», "value": "{}" } ] }
    ]
  }
}`,
      [
        {
          message:
            'Container "worker" passes ECS_ENGINE_AUTH_DATA as a plain environment variable, readable by anyone who can describe the task definition (Security Hub ECS.8). Move it to "secrets" with a Secrets Manager or Parameter Store ARN, or use "repositoryCredentials" for private registry authentication.',
          path: ['taskDefinition', 'containerDefinitions', 1, 'environment', 0, 'name'],
        },
      ],
    );
    assert.deepEqual(finding.fix, { moveToSecrets: { name: 'ECS_ENGINE_AUTH_DATA', containerIndex: 1, environmentIndex: 0 } });
  });

  it('flags the key whatever its value, placeholders included', () => {
    expectFindings(
      RULE,
      `{ "containerDefinitions": [ { "name": "api", "image": "x", "environment": [
      { "name": «"AWS_SECRET_ACCESS_KEY"», "value": "\${AWS_SECRET_ACCESS_KEY}" }
    ] } ] }`,
      [/"api" passes AWS_SECRET_ACCESS_KEY/],
    );
  });

  it('flags a bare container array (Terraform container_definitions)', () => {
    expectFindings(RULE, `[ { "name": "api", "image": "x", "environment": [ { "name": «"AWS_ACCESS_KEY_ID"», "value": "x" } ] } ]`, [/"api" passes AWS_ACCESS_KEY_ID/]);
  });

  it('accepts the same names under "secrets", other names, and placeholders', () => {
    expectNoFindings(
      RULE,
      `{ "containerDefinitions": [ {
      "name": "api",
      "image": "x",
      "environment": [
        { "name": "AWS_REGION", "value": "eu-west-1" },
        { "name": "aws_access_key_id", "value": "x" },
        { "name": "MY_AWS_SECRET_ACCESS_KEY_PATH", "value": "/run/key" },
        { "name": "\${KEY_NAME}", "value": "x" },
        { "name": "{{KEY_NAME}}", "value": "x" }
      ],
      "secrets": [ { "name": "AWS_SECRET_ACCESS_KEY", "valueFrom": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:key" } ],
      "environmentFiles": [ { "type": "s3", "value": "arn:aws:s3:::bucket/app.env" } ]
    } ] }`,
    );
  });
});

describe(`${RULE} fixes`, () => {
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
    expectFix(
      RULE,
      doc,
      MOVE,
      `{
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
}`,
    );
    // The secret has to be created first, so nothing moves unattended.
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });

  it('appends to an existing "secrets" list in its style', () => {
    const withSecrets = doc.replace(
      '      ]\n    }',
      '      ],\n      "secrets": [\n        { "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/db" }\n      ]\n    }',
    );
    expectFix(
      RULE,
      withSecrets,
      MOVE,
      `{
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
}`,
    );
  });

  it('can remove AWS keys altogether; registry auth data can only move', () => {
    expectFix(RULE, doc, 'Remove AWS_SECRET_ACCESS_KEY (give the task a task role instead)', doc.replace(',\n        { "name": |"AWS_SECRET_ACCESS_KEY", "value": "fake-secret-for-tests" }', ''));
    const auth = '{ "family": "x", "containerDefinitions": [{ "name": "x", "image": "x", "environment": [{ "name": |"ECS_ENGINE_AUTH_DATA", "value": "{}" }] }] }';
    assert.deepEqual(fixTitlesAt(RULE, auth), ['Move ECS_ENGINE_AUTH_DATA to "secrets" (fill in <REGION>, <ACCOUNT_ID> and <SECRET_NAME> in its valueFrom)']);
  });
});

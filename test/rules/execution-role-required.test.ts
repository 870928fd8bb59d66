import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { EXECUTION_ROLE_PLACEHOLDER } from '../../server/src/rules/execution-role-required';
import { expectFix, unattendedFixCount } from '../support/codeActions';
import { fargateTask } from '../support/taskDocuments';

const RULE = 'execution-role-required';

const MISSING = 'Fargate task has no executionRoleArn, so the GuardDuty agent sidecar image cannot be pulled from ECR and GuardDuty reports "TaskExecutionRole missing in TaskDefinition". Add a task execution role with the permissions of AmazonECSTaskExecutionRolePolicy.';

describe(RULE, () => {
  describe('missing role', () => {
    it('reports a Fargate task without executionRoleArn on the task', () => {
      const [finding] = expectFindings(RULE, `{
  «"family"»: "nginx",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [ { "name": "nginx", "image": "nginx" } ]
}`, [{ message: MISSING, path: [] }]);
      assert.deepEqual(finding.fix, { insert: 'executionRoleArn' });
    });

    it('treats null as missing, and points at the taskDefinition key in describe output', () => {
      expectFindings(RULE, `{
  «"taskDefinition"»: {
    "family": "nginx",
    "requiresCompatibilities": ["EC2", "FARGATE"],
    "executionRoleArn": null,
    "containerDefinitions": []
  }
}`, [{ message: MISSING, path: ['taskDefinition'] }]);
    });

    it('does not require a role when the task is not for Fargate', () => {
      expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["EC2"], "containerDefinitions": [] }`);
      expectNoFindings(RULE, `{ "family": "x", "containerDefinitions": [] }`);
      expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["<LAUNCH_TYPE>"], "containerDefinitions": [] }`);
    });

    it('is silent for a bare container array, which has no task level', () => {
      expectNoFindings(RULE, `[ { "name": "app", "image": "nginx" } ]`);
    });
  });

  describe('malformed role ARN', () => {
    it('reports a role name on the value, with the ARN to write', () => {
      const [finding] = expectFindings(RULE, `{
  "family": "x",
  "requiresCompatibilities": ["FARGATE"],
  "executionRoleArn": «"ecsTaskExecutionRole"»,
  "containerDefinitions": []
}`, [{
        message: 'executionRoleArn "ecsTaskExecutionRole" is not an IAM role ARN, so ECS cannot use it to pull images, the GuardDuty agent sidecar included. Write it as arn:aws:iam::<account id>:role/ecsTaskExecutionRole.',
        path: ['executionRoleArn'],
      }]);
      assert.equal(finding.fix, undefined);
    });

    it('reports malformed ARNs on any task, Fargate or not', () => {
      const generic = /^executionRoleArn ".*" is not an IAM role ARN, .* Write it as arn:aws:iam::<12-digit account id>:role\/<role name>\.$/;
      for (const arn of [
        'arn:aws:iam::12345678901:role/short-account',
        'arn:aws:iam::123456789012:policy/AmazonECSTaskExecutionRolePolicy',
        'arn:aws:iam:us-east-1:123456789012:role/regional',
        'arn:aws:iam::ACCOUNT_ID:role/ecsTaskExecutionRole',
        'arn:aws:iam::123456789012:role/',
        'arn:aws:iam::123456789012:role/with space',
        'string',
      ]) {
        expectFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["EC2"], "executionRoleArn": «"${arn}"», "containerDefinitions": [] }`, [
          arn === 'string' ? /Write it as arn:aws:iam::<account id>:role\/string\.$/ : generic,
        ]);
      }
    });

    it('reports an empty string', () => {
      expectFindings(RULE, `{ "family": "x", "executionRoleArn": «""», "containerDefinitions": [] }`, [/^executionRoleArn "" is not an IAM role ARN/]);
    });
  });

  describe('valid and unknown roles', () => {
    it('accepts role ARNs in every partition, with or without a path', () => {
      for (const arn of [
        'arn:aws:iam::012345678910:role/ecsTaskExecutionRole',
        'arn:aws:iam::307506883737:role/service-role/ecsTaskExecutionRole',
        'arn:aws-cn:iam::123456789012:role/task-exec',
        'arn:aws-us-gov:iam::123456789012:role/team/app/exec+role=x,y.z@w',
      ]) {
        expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["FARGATE"], "executionRoleArn": "${arn}", "containerDefinitions": [] }`);
      }
    });

    it('treats placeholders inside the ARN as unknown', () => {
      for (const arn of [
        'arn:aws:iam::{{ACCOUNT_ID}}:role/ecsTaskExecutionRole',
        '${ROLE_ARN}',
        '<EXECUTION_ROLE>',
        'arn:aws:iam::#{AccountId}:role/exec',
      ]) {
        expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["FARGATE"], "executionRoleArn": "${arn}", "containerDefinitions": [] }`);
      }
    });

    it('leaves values of the wrong type to value-type', () => {
      expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["FARGATE"], "executionRoleArn": 123456789012, "containerDefinitions": [] }`);
      expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["FARGATE"], "executionRoleArn": { "Ref": "Role" }, "containerDefinitions": [] }`);
    });
  });
});

describe(`${RULE} fixes`, () => {
  it('adds executionRoleArn with a placeholder account id, which gets no new finding', () => {
    const doc = fargateTask('  "cpu": "256",\n  "memory": "512",\n').replace('  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",\n', '').replace('"family"', '|"family"');
    const title = `Add "executionRoleArn": "${EXECUTION_ROLE_PLACEHOLDER}" (fill in <ACCOUNT_ID>)`;
    expectFix(RULE, doc, title, doc.replace('|', '').replace('\n  ]\n}', `\n  ],\n  "executionRoleArn": "${EXECUTION_ROLE_PLACEHOLDER}"\n}`));
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});

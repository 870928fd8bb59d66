import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';
import { fargateTask } from '../support/taskDocuments';

const RULE = 'execution-role-required';

const MISSING =
  'Fargate task has no executionRoleArn, so the GuardDuty agent sidecar image cannot be pulled from ECR and GuardDuty reports "TaskExecutionRole missing in TaskDefinition". Add a task execution role with the permissions of AmazonECSTaskExecutionRolePolicy.';

describe(RULE, () => {
  describe('missing role', () => {
    it('reports a Fargate task without executionRoleArn on the task', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  «"family"»: "nginx",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [ { "name": "nginx", "image": "nginx" } ]
}`,
        [{ message: MISSING, path: [] }],
      );
      assert.deepEqual(finding.fix, { insert: 'executionRoleArn' });
    });

    it('treats null as missing, and points at the taskDefinition key in describe output', () => {
      expectFindings(
        RULE,
        `{
  «"taskDefinition"»: {
    "family": "nginx",
    "requiresCompatibilities": ["EC2", "FARGATE"],
    "executionRoleArn": null,
    "containerDefinitions": []
  }
}`,
        [{ message: MISSING, path: ['taskDefinition'] }],
      );
    });

    it('does not require a role when the task is not for Fargate', () => {
      expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["EC2"], "containerDefinitions": [] }`);
      expectNoFindings(RULE, `{ "family": "x", "containerDefinitions": [] }`);
      expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["<LAUNCH_TYPE>"], "containerDefinitions": [] }`);
    });

    it('does not require one on a Windows Fargate task, which GuardDuty does not monitor', () => {
      expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["FARGATE"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" }, "containerDefinitions": [] }`);
    });

    it('is silent for a bare container array, which has no task level', () => {
      expectNoFindings(RULE, `[ { "name": "app", "image": "nginx" } ]`);
    });
  });

  describe('values ECS rejects', () => {
    const NEITHER =
      /^executionRoleArn ".*" is neither an IAM role ARN nor a role name, so ECS rejects the task definition\. Write a role name such as "ecsTaskExecutionRole" \(ECS fills in the account\) or arn:aws:iam::<12-digit account id>:role\/<role name>\.$/;

    it('reports a malformed ARN on the value, and speaks of the GuardDuty sidecar only on a Linux Fargate task', () => {
      const [finding] = expectFindings(
        RULE,
        `{
  "family": "x",
  "requiresCompatibilities": ["FARGATE"],
  "executionRoleArn": «"arn:aws:iam::12345678901:role/ecsTaskExecutionRole"»,
  "containerDefinitions": []
}`,
        [
          {
            message:
              'executionRoleArn "arn:aws:iam::12345678901:role/ecsTaskExecutionRole" is neither an IAM role ARN nor a role name, so ECS rejects the task definition and cannot pull images with it, the GuardDuty agent sidecar included. Write a role name such as "ecsTaskExecutionRole" (ECS fills in the account) or arn:aws:iam::<12-digit account id>:role/<role name>.',
            path: ['executionRoleArn'],
          },
        ],
      );
      assert.equal(finding.fix, undefined);
      // EC2 tasks and Windows tasks get no GuardDuty sidecar, so their message does not mention it.
      expectFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["EC2"], "executionRoleArn": «"arn:aws:iam::1:role/x"», "containerDefinitions": [] }`, [NEITHER]);
      expectFindings(
        RULE,
        `{ "family": "x", "requiresCompatibilities": ["FARGATE"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }, "executionRoleArn": «"arn:aws:iam::1:role/x"», "containerDefinitions": [] }`,
        [NEITHER],
      );
    });

    it('reports values that are neither a role ARN nor a role name, on any task', () => {
      for (const value of [
        'arn:aws:iam::12345678901:role/short-account',
        'arn:aws:iam::123456789012:policy/AmazonECSTaskExecutionRolePolicy',
        'arn:aws:iam:us-east-1:123456789012:role/regional',
        'arn:aws:iam::ACCOUNT_ID:role/ecsTaskExecutionRole',
        'arn:aws:iam::123456789012:role/',
        'arn:aws:iam::123456789012:role/with space',
        'arn:aws:iam::123456789012:user/deployer',
        'role with spaces',
        'a'.repeat(65),
        'exec:role',
        '',
      ]) {
        expectFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["EC2"], "executionRoleArn": «${JSON.stringify(value)}», "containerDefinitions": [] }`, [NEITHER]);
      }
    });
  });

  describe('valid and unknown roles', () => {
    it('accepts a bare role name, with or without an IAM path, which ECS completes with the account (on any task)', () => {
      for (const name of [
        'ecsTaskExecutionRole',
        'my-execution-role-name',
        'exec+role=x,y.z@w_1',
        'a'.repeat(64),
        'service-role/ecsTaskExecutionRole',
        '/service-role/ecsTaskExecutionRole',
        '/team/app/exec',
      ]) {
        expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["FARGATE"], "executionRoleArn": "${name}", "containerDefinitions": [] }`);
        expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["EC2"], "executionRoleArn": "${name}", "containerDefinitions": [] }`);
      }
    });

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
      for (const arn of ['arn:aws:iam::{{ACCOUNT_ID}}:role/ecsTaskExecutionRole', '${ROLE_ARN}', '<EXECUTION_ROLE>', 'arn:aws:iam::#{AccountId}:role/exec']) {
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
  it('adds "executionRoleArn": "ecsTaskExecutionRole", a role name ECS accepts as it is, with no placeholder to fill in', () => {
    const doc = fargateTask('  "cpu": "256",\n  "memory": "512",\n').replace('  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",\n', '').replace('"family"', '|"family"');
    expectFix(RULE, doc, 'Add "executionRoleArn": "ecsTaskExecutionRole"', doc.replace('|', '').replace('\n  ]\n}', '\n  ],\n  "executionRoleArn": "ecsTaskExecutionRole"\n}'));
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});

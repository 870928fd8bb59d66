import * as assert from 'node:assert/strict';
import { classifyIssue, classifyIssues } from '../../client/src/coverage/issues/classifyIssue';
import { ISSUE_CATALOG, IssueKind } from '../../client/src/coverage/issues/issueCatalog';

interface Expectation {
  kind: IssueKind;
  taskDefinition?: string;
  taskIds?: string[];
  serviceNames?: string[];
  detail?: string | RegExp;
}

/**
 * Plausible English texts for each case of the troubleshooting table (the published table is only
 * available in translation), with variants in case, punctuation and quotes.
 */
const CASES: [string, Expectation][] = [
  ["Agent not reporting for tasks in TaskDefinition - 'web:12'", { kind: 'agent-not-reporting', taskDefinition: 'web:12' }],
  ['agent is NOT reporting for tasks in task definition "web:12".', { kind: 'agent-not-reporting', taskDefinition: 'web:12' }],
  ["VPC_ISSUE; for task in TaskDefinition - 'api:7'", { kind: 'agent-vpc-issue', taskDefinition: 'api:7' }],
  ["Agent not reporting: VPC issue for tasks in TaskDefinition - 'api:8'", { kind: 'agent-vpc-issue', taskDefinition: 'api:8' }],
  ["ExitCode: 1 for tasks in TaskDefinition - 'x:2'", { kind: 'agent-exited', taskDefinition: 'x:2', detail: 'exit code 1' }],
  ["Reason: Essential container exited for tasks in TaskDefinition - 'x:3'", { kind: 'agent-exited', taskDefinition: 'x:3', detail: 'Essential container exited' }],
  ["ExitCode: 137 with reason: 'OutOfMemoryError' for tasks in TaskDefinition - 'x:4'", { kind: 'agent-exited', taskDefinition: 'x:4', detail: 'exit code 137, OutOfMemoryError' }],
  ['Agent exited (exit code 2)', { kind: 'agent-exited', detail: 'exit code 2' }],
  ['Reason: CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref', { kind: 'agent-image-pull-failed', detail: /^pull image manifest has been retried/ }],
  ['Agent exited: Reason: CannotPullContainerError: pull image manifest has been retried …', { kind: 'agent-image-pull-failed' }],
  [
    'Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for vpc-0abc (Service: Ec2, Status Code: 400, Request ID: a1b2c3d4-5678-90ab-cdef-EXAMPLE11111)',
    { kind: 'vpc-endpoint-creation-failed' },
  ],
  ['VPC endpoint creation failed: the VPC has DNS hostnames disabled', { kind: 'vpc-endpoint-creation-failed' }],
  ["Unsupported invocation by SERVICE for tasks in TaskDefinition - 'batch-job:5'", { kind: 'unsupported-invocation', taskDefinition: 'batch-job:5', detail: 'SERVICE' }],
  ["Unsupported CPU architecture 'ARM_V7' for tasks in TaskDefinition - 'x:1'", { kind: 'unsupported-cpu-architecture', taskDefinition: 'x:1', detail: 'ARM_V7' }],
  ['Unsupported CPU architecture \u201CWINDOWS_X86\u201D for tasks in TaskDefinition - \u2018win:3\u2019', { kind: 'unsupported-cpu-architecture', taskDefinition: 'win:3', detail: 'WINDOWS_X86' }],
  ["TaskExecutionRole missing in TaskDefinition - 'web:3'", { kind: 'task-execution-role-missing', taskDefinition: 'web:3' }],
  ["Task execution role is missing from TaskDefinition: 'web:4'", { kind: 'task-execution-role-missing', taskDefinition: 'web:4' }],
  ["Missing network configuration 'subnets' for tasks in TaskDefinition - 'indexer:4'", { kind: 'network-configuration-missing', taskDefinition: 'indexer:4', detail: 'subnets' }],
  [
    "Tasks started when clusters had exclusion tag are excluded from Runtime Monitoring. Affected task ID(s): 'a1b2c3d4e5f60718293a4b5c6d7e8f90'",
    { kind: 'excluded-by-tag-tasks', taskIds: ['a1b2c3d4e5f60718293a4b5c6d7e8f90'] },
  ],
  ["Tasks launched while the cluster had the tag GuardDutyManaged=false are excluded. Affected task IDs: 'aaa111', 'bbb222'", { kind: 'excluded-by-tag-tasks', taskIds: ['aaa111', 'bbb222'] }],
  ["Tasks deployed when clusters had exclusion tag are excluded from Runtime Monitoring. Affected service name(s): 'ledger-sync'", { kind: 'excluded-by-tag-services', serviceNames: ['ledger-sync'] }],
  ["Tasks started before enabling automated agent configuration are not covered. Affected task ID(s): 'f00d'", { kind: 'tasks-before-agent-automation', taskIds: ['f00d'] }],
  [
    "Services deployed before enabling automated agent configuration are not covered. Affected service name(s): 'notifications', 'mailer'",
    { kind: 'services-before-agent-automation', serviceNames: ['notifications', 'mailer'] },
  ],
  [
    "Service 'payments' requires a new deployment to remediate/troubleshoot. Refer to the documentation and affected service names: 'payments",
    { kind: 'service-needs-new-deployment', serviceNames: ['payments'] },
  ],
  ["Services started before enabling Runtime Monitoring are not supported. Affected service name(s): 'api'", { kind: 'service-needs-new-deployment', serviceNames: ['api'] }],
  [
    "Tasks started before enabling Runtime Monitoring require relaunch. Affected task ID(s): '1234567890abcdef1234567890abcdef'",
    { kind: 'tasks-need-relaunch', taskIds: ['1234567890abcdef1234567890abcdef'] },
  ],
  [
    'Tasks started before Runtime Monitoring was enabled need a re-launch. Affected task IDs: arn:aws:ecs:us-east-1:111122223333:task/prod/0123abcd, 4567ef01.',
    { kind: 'tasks-need-relaunch', taskIds: ['0123abcd', '4567ef01'] },
  ],
  [
    "Tasks with the old taskArn format are not supported. Affected task ID(s): 'c0ffee00-1111-2222-3333-444455556666'",
    { kind: 'old-task-arn-format', taskIds: ['c0ffee00-1111-2222-3333-444455556666'] },
  ],
  ["Unidentified issue, for tasks in TaskDefinition - 'analytics:8'", { kind: 'unidentified', taskDefinition: 'analytics:8' }],
];

describe('issue classifier', () => {
  for (const [text, expected] of CASES) {
    it(`${expected.kind}: ${text.slice(0, 70)}`, () => {
      const issue = classifyIssue(text);
      assert.equal(issue.kind, expected.kind);
      assert.equal(issue.text, text, 'keeps the original text');
      assert.equal(issue.title, ISSUE_CATALOG[expected.kind].title);
      assert.deepEqual(issue.steps, ISSUE_CATALOG[expected.kind].steps);
      assert.equal(issue.taskDefinition?.reference, expected.taskDefinition);
      assert.deepEqual(issue.taskIds, expected.taskIds ?? []);
      assert.deepEqual(issue.serviceNames, expected.serviceNames ?? []);
      if (expected.detail instanceof RegExp) assert.match(issue.detail ?? '', expected.detail);
      else if (expected.detail !== undefined) assert.equal(issue.detail, expected.detail);
    });
  }

  it('covers every case of the troubleshooting table', () => {
    const covered = new Set(CASES.map(([, expected]) => expected.kind));
    const untested = (Object.keys(ISSUE_CATALOG) as IssueKind[]).filter((kind) => kind !== 'unrecognized' && !covered.has(kind));
    assert.deepEqual(untested, []);
  });

  it('keeps an unknown issue as written, with generic steps', () => {
    const issue = classifyIssue('Something new happened to tasks in TaskDefinition - "queue:2"');
    assert.equal(issue.kind, 'unrecognized');
    assert.equal(issue.text, 'Something new happened to tasks in TaskDefinition - "queue:2"');
    assert.equal(issue.taskDefinition?.reference, 'queue:2');
    assert.ok(issue.steps.length > 1);
  });

  it('splits family and revision, also from a task definition ARN', () => {
    assert.deepEqual(classifyIssue("TaskExecutionRole missing in TaskDefinition - 'my_app-v2:103'").taskDefinition, { family: 'my_app-v2', revision: 103, reference: 'my_app-v2:103' });
    assert.equal(classifyIssue('Agent not reporting for tasks in TaskDefinition arn:aws:ecs:eu-west-1:111122223333:task-definition/billing:9').taskDefinition?.reference, 'billing:9');
  });

  it('gives each case a title and at least one step, in English of its own', () => {
    for (const [kind, entry] of Object.entries(ISSUE_CATALOG)) {
      assert.ok(entry.title.length > 5, kind);
      assert.ok(entry.steps.length > 0 && entry.steps.every((step) => step.length > 20), kind);
    }
  });

  it('classifies the issues of a resource once each, skipping empty ones', () => {
    const text = "TaskExecutionRole missing in TaskDefinition - 'web:3'";
    const issues = classifyIssues([text, undefined, '', text, "Unsupported CPU architecture 'ARM_V7' for tasks in TaskDefinition - 'x:1'"]);
    assert.deepEqual(
      issues.map((issue) => issue.kind),
      ['task-execution-role-missing', 'unsupported-cpu-architecture'],
    );
  });
});

import { isFargate, platform } from '../document/facts';
import { containsPlaceholder, stringValue } from '../document/json';
import { setValue } from '../document/jsonEdit';
import { describeSetting } from './_fix';
import { Rule } from './rule';

/** The role the ECS console creates; ECS accepts a bare role name and fills in the account when it registers the task definition. */
const EXECUTION_ROLE_NAME = 'ecsTaskExecutionRole';

/** arn:<partition>:iam::<12-digit account>:role/<optional path/><name>, as IAM writes role ARNs. */
const ROLE_ARN = /^arn:[a-z][a-z0-9-]*:iam::\d{12}:role\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/;
/** A role name (IAM: up to 64 of [\w+=,.@-]), optionally after an IAM path (printable ASCII but ":", ending in "/"). */
const ROLE_NAME = /^(?:\/?(?:[\x21-\x39\x3b-\x7e]+\/)+)?[\w+=,.@-]{1,64}$/;

/** What ECS accepts in `executionRoleArn` and `taskRoleArn`: a role ARN, or a role name (with an optional path). */
function isAcceptedRole(value: string): boolean {
  return value.startsWith('arn:') ? ROLE_ARN.test(value) : ROLE_NAME.test(value);
}

/** Fix payload for a missing role: `{ insert: 'executionRoleArn' }`. */
export const executionRoleRequired: Rule = {
  meta: {
    id: 'execution-role-required',
    title: 'Fargate tasks need a task execution role so the GuardDuty agent image can be pulled',
    defaultSeverity: 'warning',
    enforces: { source: 'guardduty', prerequisite: 'Task execution role with ECR permissions' },
  },
  check({ doc, reportAt, reportMissing }) {
    const task = doc.task;
    if (!task) return;
    // GuardDuty adds its agent sidecar to Fargate tasks only, and only to Linux ones.
    const getsAgentSidecar = isFargate(doc) && platform(doc).os !== 'windows';
    const node = task.get('executionRoleArn');
    // null is how describe output and templates say "not set".
    if (!node || node.type === 'null') {
      if (getsAgentSidecar) {
        reportMissing(
          task,
          'Fargate task has no executionRoleArn, so the GuardDuty agent sidecar image cannot be pulled from ECR and GuardDuty reports "TaskExecutionRole missing in TaskDefinition". Add a task execution role with the permissions of AmazonECSTaskExecutionRolePolicy.',
          { insert: 'executionRoleArn' },
        );
      }
      return;
    }
    const value = stringValue(node);
    if (value === undefined || containsPlaceholder(value) || isAcceptedRole(value)) return;
    const consequence = getsAgentSidecar ? 'so ECS rejects the task definition and cannot pull images with it, the GuardDuty agent sidecar included' : 'so ECS rejects the task definition';
    reportAt(
      node,
      `executionRoleArn ${JSON.stringify(value)} is neither an IAM role ARN nor a role name, ${consequence}. Write a role name such as "${EXECUTION_ROLE_NAME}" (ECS fills in the account) or arn:aws:iam::<12-digit account id>:role/<role name>.`,
    );
  },
  // Whether that role exists in the account is the user's call, so this never applies unattended.
  fixes(fix, { doc }) {
    if (fix.insert !== 'executionRoleArn' || !doc.task) return [];
    return [
      {
        title: `Add ${describeSetting('executionRoleArn', EXECUTION_ROLE_NAME)}`,
        edits: [setValue([...doc.task.path, 'executionRoleArn'], EXECUTION_ROLE_NAME)],
        safe: false,
        preferred: true,
      },
    ];
  },
};

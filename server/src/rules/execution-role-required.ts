import { isFargate } from '../document/facts';
import { containsPlaceholder, stringValue } from '../document/json';
import { setValue } from '../document/jsonEdit';
import { Rule } from './rule';

/** A recognised placeholder, so the inserted ARN gets no finding until it is filled in. */
export const EXECUTION_ROLE_PLACEHOLDER = 'arn:aws:iam::<ACCOUNT_ID>:role/ecsTaskExecutionRole';

/** arn:<partition>:iam::<12-digit account>:role/<optional path/><name>, as IAM writes role ARNs. */
const ROLE_ARN = /^arn:[a-z][a-z0-9-]*:iam::\d{12}:role\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** Fix payload for a missing role: `{ insert: 'executionRoleArn' }` (the ARN itself has to come from the user). */
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
    const node = task.get('executionRoleArn');
    // null is how describe output and templates say "not set".
    if (!node || node.type === 'null') {
      if (isFargate(doc)) {
        reportMissing(
          task,
          'Fargate task has no executionRoleArn, so the GuardDuty agent sidecar image cannot be pulled from ECR and GuardDuty reports "TaskExecutionRole missing in TaskDefinition". Add a task execution role with the permissions of AmazonECSTaskExecutionRolePolicy.',
          { insert: 'executionRoleArn' },
        );
      }
      return;
    }
    const value = stringValue(node);
    if (value === undefined || containsPlaceholder(value) || ROLE_ARN.test(value)) return;
    const example = ROLE_NAME.test(value) ? `arn:aws:iam::<account id>:role/${value}` : 'arn:aws:iam::<12-digit account id>:role/<role name>';
    reportAt(
      node,
      `executionRoleArn ${JSON.stringify(value)} is not an IAM role ARN, so ECS cannot use it to pull images, the GuardDuty agent sidecar included. Write it as ${example}.`,
    );
  },
  // The account id has to come from the user, so this never applies unattended.
  fixes(fix, { doc }) {
    if (fix.insert !== 'executionRoleArn' || !doc.task) return [];
    return [{
      title: `Add "executionRoleArn": "${EXECUTION_ROLE_PLACEHOLDER}" (fill in <ACCOUNT_ID>)`,
      edits: [setValue([...doc.task.path, 'executionRoleArn'], EXECUTION_ROLE_PLACEHOLDER)],
      safe: false,
      preferred: true,
    }];
  },
};

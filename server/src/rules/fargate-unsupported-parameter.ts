import { isFargate } from '../document/facts';
import { removeFix, reportUnsupported } from './_unsupported';
import { Rule } from './rule';

/** Fix payload: `{ remove: <JSON path> }`, the parameter (or array item) to delete. */
export const fargateUnsupportedParameter: Rule = {
  meta: {
    id: 'fargate-unsupported-parameter',
    title: 'Fargate tasks must not use the parameters Fargate does not support',
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: 'RegisterTaskDefinition rejects a task definition that requires FARGATE and uses a parameter Fargate does not support' },
  },
  check(context) {
    if (!context.doc.task || !isFargate(context.doc)) return;
    // Every one at once: ECS reports them one registration at a time.
    reportUnsupported(
      context,
      'fargate',
      (subject, instead) =>
        `${subject} is not valid on Fargate${instead}: ECS rejects a task definition that requires FARGATE with it. Remove it, or take FARGATE out of "requiresCompatibilities" if the task runs on EC2.`,
    );
  },
  fixes(fix, { doc }) {
    return removeFix(fix, doc);
  },
};

import { isFargate } from '../document/facts';
import { describeUnsupported, removeFix, reportNode, unsupportedParameters } from './_unsupported';
import { Rule } from './rule';

/** Fix payload: `{ remove: <JSON path> }`, the parameter (or array item) to delete. */
export const fargateUnsupportedParameter: Rule = {
  meta: {
    id: 'fargate-unsupported-parameter',
    title: 'Fargate tasks must not use the parameters Fargate does not support',
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: 'RegisterTaskDefinition rejects a task definition that requires FARGATE and uses a parameter Fargate does not support' },
  },
  check({ doc, reportAt, reports }) {
    if (!doc.task || !isFargate(doc)) return;
    // Every one at once: ECS reports them one registration at a time. A value another rule reports is its
    // finding, unless the user turned that rule off.
    for (const found of unsupportedParameters(doc, 'fargate')) {
      if (found.reportedBy?.some(reports)) continue;
      const subject = describeUnsupported(found);
      reportAt(
        reportNode(found.node),
        `${subject} is not valid on Fargate${found.instead ? ` (${found.instead})` : ''}: ECS rejects a task definition that requires FARGATE with it. Remove it, or take FARGATE out of "requiresCompatibilities" if the task runs on EC2.`,
        found.remove && { remove: found.remove },
      );
    }
  },
  fixes(fix, { doc }) {
    return removeFix(fix, doc);
  },
};

import { describePlatform, platform } from '../document/facts';
import { notTakenBy, removeFix, reportUnsupported } from './_unsupported';
import { Rule } from './rule';

/** Fix payload: `{ remove: <JSON path> }`, the parameter (or array item) to delete. */
export const windowsUnsupportedParameter: Rule = {
  meta: {
    id: 'windows-unsupported-parameter',
    title: 'Windows tasks should not use the parameters Windows containers do not support',
    defaultSeverity: 'warning',
    enforces: { source: 'ecs-api', requirement: 'The ECS parameter reference marks these parameters as not supported for Windows containers' },
  },
  check(context) {
    const found = platform(context.doc);
    if (found.os !== 'windows') return;
    // On Windows on Fargate, what Fargate rejects is reported as Fargate's (an error).
    reportUnsupported(
      context,
      'windows',
      (subject, instead) => `${subject} is not supported for Windows containers${instead}, and this is ${describePlatform(found)}. Remove it.`,
      (unsupported) => notTakenBy(context.doc, unsupported.node).fargate !== undefined,
    );
  },
  fixes(fix, { doc }) {
    return removeFix(fix, doc);
  },
};

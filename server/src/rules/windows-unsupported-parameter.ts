import { describePlatform, platform } from '../document/facts';
import { describeUnsupported, notTakenBy, removeFix, reportNode, unsupportedParameters } from './_unsupported';
import { Rule } from './rule';

/** Fix payload: `{ remove: <JSON path> }`, the parameter (or array item) to delete. */
export const windowsUnsupportedParameter: Rule = {
  meta: {
    id: 'windows-unsupported-parameter',
    title: 'Windows tasks should not use the parameters Windows containers do not support',
    defaultSeverity: 'warning',
    enforces: { source: 'ecs-api', requirement: 'The ECS parameter reference marks these parameters as not supported for Windows containers' },
  },
  check({ doc, reportAt, reports }) {
    const found = platform(doc);
    if (found.os !== 'windows') return;
    // On Windows on Fargate, what Fargate rejects is reported as Fargate's (an error); a value another rule reports
    // is its finding, unless the user turned that rule off.
    for (const unsupported of unsupportedParameters(doc, 'windows')) {
      if (unsupported.reportedBy?.some(reports) || notTakenBy(doc, unsupported.node).fargate) continue;
      const subject = describeUnsupported(unsupported);
      reportAt(
        reportNode(unsupported.node),
        `${subject} is not supported for Windows containers${unsupported.instead ? ` (${unsupported.instead})` : ''}, and this is ${describePlatform(found)}. Remove it.`,
        unsupported.remove && { remove: unsupported.remove },
      );
    }
  },
  fixes(fix, { doc }) {
    return removeFix(fix, doc);
  },
};

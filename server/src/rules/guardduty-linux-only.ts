import { platform } from '../document/facts';
import { childValue } from '../document/json';
import { replaceWithAllowed } from './_fix';
import { Rule } from './rule';

/** Fix payload: `{ replaceWith: 'LINUX' }` on a declared Windows family, only right when the images are Linux images. */
export const guarddutyLinuxOnly: Rule = {
  meta: {
    id: 'guardduty-linux-only',
    title: 'GuardDuty Runtime Monitoring covers Linux tasks only',
    defaultSeverity: 'warning',
    enforces: { source: 'guardduty', prerequisite: 'Linux platform' },
  },
  check({ doc, reportAt }) {
    const found = platform(doc);
    if (found.os !== 'windows') return;
    if (found.basis === 'operatingSystemFamily') {
      const family = childValue(doc.task?.get('runtimePlatform'), 'operatingSystemFamily')!;
      reportAt(
        family,
        `GuardDuty Runtime Monitoring cannot cover a ${found.family} task: it supports Linux only and not yet any Windows platform version. Use "LINUX" if the images are Linux images; otherwise this task runs without runtime threat detection.`,
        { replaceWith: 'LINUX' },
      );
      return;
    }
    // No operating system family, but every image is a Windows image: say so on the first one.
    const image = doc.containers[0].get('image')!;
    reportAt(
      image,
      'GuardDuty Runtime Monitoring cannot cover this task: every container image is a Windows image, and GuardDuty supports Linux only. This task runs without runtime threat detection.',
    );
  },
  // Only right when the images are Linux images, which the file cannot tell.
  fixes(fix, { path }) {
    return replaceWithAllowed(fix, path, ['LINUX'], false);
  },
};

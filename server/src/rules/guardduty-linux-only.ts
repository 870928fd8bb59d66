import { childValue, stringValue } from '../document/json';
import { OPERATING_SYSTEM_FAMILIES } from '../document/fields';
import { replaceWithAllowed } from './_fix';
import { Rule } from './rule';

/** The Windows values of `runtimePlatform.operatingSystemFamily` in the ECS API; other strings are left to value-type. */
const WINDOWS_FAMILIES: ReadonlySet<string> = new Set(OPERATING_SYSTEM_FAMILIES.filter((family) => family.startsWith('WINDOWS_SERVER')));

/** Fix payload: `{ replaceWith: 'LINUX' }`, only right when the images are Linux images. */
export const guarddutyLinuxOnly: Rule = {
  meta: {
    id: 'guardduty-linux-only',
    title: 'GuardDuty Runtime Monitoring covers Linux tasks only',
    defaultSeverity: 'warning',
    enforces: { source: 'guardduty', prerequisite: 'Linux platform' },
  },
  check({ doc, reportAt }) {
    const family = childValue(doc.task?.get('runtimePlatform'), 'operatingSystemFamily');
    const value = stringValue(family);
    if (!family || value === undefined || !WINDOWS_FAMILIES.has(value)) return;
    reportAt(
      family,
      `GuardDuty Runtime Monitoring cannot cover a ${value} task: it supports Linux only and not yet any Windows platform version. Use "LINUX" if the images are Linux images; otherwise this task runs without runtime threat detection.`,
      { replaceWith: 'LINUX' },
    );
  },
  // Only right when the images are Linux images, which the file cannot tell.
  fixes(fix, { path }) {
    return replaceWithAllowed(fix, path, ['LINUX'], false);
  },
};

import { removeValue, setValue } from '../document/jsonEdit';
import { describeResource, nodeInDocument, possibleStrings } from '../document/resources';
import { platform } from '../document/facts';
import { featuresNeeding140, launchOf } from './_launch';
import { ResourceRule } from './rule';
import { reportPossible } from './_possible';

/** The latest Fargate platform versions, as Security Hub ECS.10 compares them (its latestLinuxVersion and latestWindowsVersion). */
export const LATEST_LINUX_PLATFORM_VERSION = '1.4.0';
export const LATEST_WINDOWS_PLATFORM_VERSION = '1.0.0';
/** The Linux platform versions before 1.4.0 (1.0.0 is also Windows' only version, so it is old only for a Linux task). */
const OLD_LINUX_VERSIONS = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'];

/** Fix payload `{ platformVersion: 'LATEST' }`. */
export const fargatePlatformVersion: ResourceRule = {
  meta: {
    id: 'fargate-platform-version',
    title: 'Fargate services should run on the latest platform version, which GuardDuty Runtime Monitoring needs',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.10', configRule: 'ecs-fargate-latest-platform-version' },
  },
  kinds: ['service', 'task-set'],
  check({ resource, taskDefinition, reportAt }) {
    if (launchOf(resource) !== 'fargate') return;
    const os = taskDefinition ? platform(taskDefinition).os : 'unknown';
    const key = resource.properties.keyFor('platformVersion');
    for (const possible of possibleStrings(resource, resource.properties.get('platformVersion'))) {
      const { value } = possible;
      if (value === 'LATEST' || value === LATEST_LINUX_PLATFORM_VERSION || !OLD_LINUX_VERSIONS.includes(value)) continue;
      // 1.0.0 is the latest Windows version: only a Linux task is on an old one there.
      if (value === LATEST_WINDOWS_PLATFORM_VERSION && os !== 'linux') continue;
      const needs = featuresNeeding140(taskDefinition);
      const uses =
        needs.length > 0 && taskDefinition?.template
          ? ` Its task definition ${taskDefinition.template.logicalId} also uses ${needs.join(' and ')}, which ${needs.length > 1 ? 'need' : 'needs'} 1.4.0.`
          : '';
      reportPossible(
        reportAt,
        possible,
        `${describeResource(resource)} pins Fargate platform version ${value}: GuardDuty Runtime Monitoring needs ${LATEST_LINUX_PLATFORM_VERSION} or later on Linux, and Security Hub ECS.10 wants the latest version.${uses} Set "${key}" to "LATEST" (or remove it).`,
        { platformVersion: 'LATEST' },
      );
    }
  },
  fixes(fix, { resource, path }) {
    const node = nodeInDocument(resource, path);
    if (fix.platformVersion !== 'LATEST' || node?.type !== 'string') return [];
    const key = resource.properties.keyFor('platformVersion');
    const set = { title: `Set "${key}": "LATEST"`, edits: [setValue(path, 'LATEST')], safe: true, preferred: true };
    // Removing is an option only for the property itself, not for a branch of an Fn::If.
    const isProperty = node.parent?.type === 'property';
    return isProperty ? [set, { title: `Remove "${key}" (ECS then uses LATEST)`, edits: [removeValue(path)], safe: true }] : [set];
  },
};

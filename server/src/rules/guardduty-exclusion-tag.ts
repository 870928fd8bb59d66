import { describeResource, possibleStrings, possibleValues } from '../document/resources';
import { ResourceRule } from './rule';

/** The tag GuardDuty reads to leave a cluster, or the tasks of a service, out of Runtime Monitoring. */
export const EXCLUSION_TAG = 'GuardDutyManaged';

export const guarddutyExclusionTag: ResourceRule = {
  meta: {
    id: 'guardduty-exclusion-tag',
    title: 'Clusters and services tagged GuardDutyManaged=false are left out of GuardDuty Runtime Monitoring',
    defaultSeverity: 'info',
    enforces: { source: 'guardduty', prerequisite: `No ${EXCLUSION_TAG}=false exclusion tag` },
  },
  kinds: ['cluster', 'service'],
  check({ resource, reportAt }) {
    for (const tag of resource.properties.items('tags')) {
      if (!possibleStrings(resource, tag.get('key')).some((possible) => possible.value === EXCLUSION_TAG)) continue;
      for (const possible of possibleValues(resource, tag.get('value'))) {
        // CloudFormation sends an unquoted YAML `false` (a boolean) as the string "false".
        if (possible.node.value !== 'false' && !(possible.node.type === 'boolean' && resource.form === 'template' && possible.node.value === false)) continue;
        const what = resource.kind === 'cluster' ? 'its tasks get no GuardDuty agent' : 'tasks it deploys get no GuardDuty agent';
        reportAt(
          possible.at,
          `${describeResource(resource)} is tagged ${EXCLUSION_TAG}=false, so GuardDuty Runtime Monitoring leaves it out: ${what} and raise no runtime findings. If that is deliberate, keep it; otherwise set the tag to "true" (or remove it) and redeploy.`,
          undefined,
          possible.when,
        );
      }
    }
  },
};

import { appendItem, setValue } from '../document/jsonEdit';
import { describeResource, possibleStrings, ResourceObject } from '../document/resources';
import { ResourceRule } from './rule';
import { reportPossible } from './_possible';

/** The values of the `containerInsights` cluster setting that turn it on. */
const ON = ['enabled', 'enhanced'];

/**
 * Fix payloads: `{ containerInsights: 'set' }` on a setting's value, `{ containerInsights: 'add' }` on a cluster
 * without the setting. Both need a decision (Container Insights is billed as CloudWatch metrics and logs).
 */
export const clusterContainerInsights: ResourceRule = {
  meta: {
    id: 'cluster-container-insights',
    title: 'Clusters should use Container Insights',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.12', configRule: 'ecs-container-insights-enabled' },
  },
  kinds: ['cluster'],
  check({ resource, reportAt, reportMissing }) {
    const { properties } = resource;
    const setting = properties.items('settings').find((item) => possibleStrings(resource, item.get('name')).some((possible) => possible.value === 'containerInsights'));
    const settingsKey = properties.keyFor('settings');
    const item = JSON.stringify(insightsSetting(properties)).replace(/,/g, ', ').replace(/:/g, ': ');
    if (!setting) {
      // A value we cannot read (an intrinsic for the whole list) is unknown, not missing.
      const settings = properties.get('settings');
      if (settings && settings.type !== 'array') return;
      reportMissing(
        properties,
        `${describeResource(resource)} does not turn on Container Insights (Security Hub ECS.12), so ECS gives no per-task CPU, memory and network metrics for it, unless the account's containerInsights default does. Add ${item} to "${settingsKey}".`,
        { containerInsights: 'add' },
      );
      return;
    }
    const valueKey = setting.keyFor('value');
    for (const possible of possibleStrings(resource, setting.get('value'))) {
      if (ON.includes(possible.value)) continue;
      reportPossible(
        reportAt,
        possible,
        `${describeResource(resource)} has Container Insights "${possible.value}" (Security Hub ECS.12 wants "enabled" or "enhanced"), so ECS gives no per-task CPU, memory and network metrics for it. Set "${valueKey}" to "enabled".`,
        { containerInsights: 'set' },
      );
    }
  },
  fixes(fix, { resource, path }) {
    const { properties } = resource;
    if (fix.containerInsights === 'set') {
      return [{ title: 'Set Container Insights to "enabled" (billed as CloudWatch metrics)', edits: [setValue(path, 'enabled')], safe: false, preferred: true }];
    }
    if (fix.containerInsights !== 'add' || !properties.node) return [];
    const item = insightsSetting(properties);
    const settingsPath = [...properties.path, properties.keyFor('settings')];
    const edit = properties.get('settings') ? appendItem(settingsPath, item) : setValue(settingsPath, [item]);
    return [{ title: 'Turn on Container Insights ("enabled"; billed as CloudWatch metrics)', edits: [edit], safe: false, preferred: true }];
  },
};

/** The setting that turns Container Insights on, its keys spelt as the resource reader spells a new item of `settings`. */
function insightsSetting(properties: ResourceObject): Record<string, string> {
  const setting = properties.newItem('settings');
  return { [setting.keyFor('name')]: 'containerInsights', [setting.keyFor('value')]: 'enabled' };
}

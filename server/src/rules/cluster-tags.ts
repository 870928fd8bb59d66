import { checkResourceTags } from './_resourceTags';
import { ResourceRule } from './rule';

export const clusterTags: ResourceRule = {
  meta: {
    id: 'cluster-tags',
    title: 'Clusters should carry the tag keys that .ecs-guard.json requires',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.14', configRule: 'tagged-ecs-cluster' },
  },
  kinds: ['cluster'],
  check: (context) => checkResourceTags(context, 'ECS.14'),
};

import { checkResourceTags } from './_resourceTags';
import { ResourceRule } from './rule';

export const serviceTags: ResourceRule = {
  meta: {
    id: 'service-tags',
    title: 'Services should carry the tag keys that .ecs-guard.json requires',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.13', configRule: 'tagged-ecs-service' },
  },
  kinds: ['service'],
  check: (context) => checkResourceTags(context, 'ECS.13'),
};

import { checkAssignPublicIp, disablePublicIpFixes } from './_network';
import { ResourceRule } from './rule';

export const servicePublicIp: ResourceRule = {
  meta: {
    id: 'service-public-ip',
    title: 'Services should not give their tasks public IP addresses',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.2', configRule: 'ecs-service-assign-public-ip-disabled' },
  },
  kinds: ['service'],
  check: (context) => checkAssignPublicIp(context, 'ECS.2'),
  fixes: disablePublicIpFixes,
};

import { checkAssignPublicIp, disablePublicIpFixes } from './_network';
import { ResourceRule } from './rule';

export const taskSetPublicIp: ResourceRule = {
  meta: {
    id: 'task-set-public-ip',
    title: 'Task sets should not give their tasks public IP addresses',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.16', configRule: 'ecs-taskset-assign-public-ip-disabled' },
  },
  kinds: ['task-set'],
  check: (context) => checkAssignPublicIp(context, 'ECS.16'),
  fixes: disablePublicIpFixes,
};

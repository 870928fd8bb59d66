import { describePlatform, isFargate, networkMode, platform } from '../document/facts';
import { removeValue } from '../document/jsonEdit';
import { replaceWithAllowed } from './_fix';
import { reportControlFinding } from './_unsupported';
import { Rule } from './rule';

/**
 * Fix payload: `{ replaceWith: 'awsvpc' }`, the new value of `networkMode`. Where ECS does not take the host mode
 * (Fargate, which takes only awsvpc, and Windows), the unsupported-parameter table says so and fargate-network-mode
 * and windows-unsupported-parameter leave the value to this rule: one finding says both facts, an error on Fargate.
 */
export const hostNetworkMode: Rule = {
  meta: {
    id: 'host-network-mode',
    title: 'Tasks should not use host network mode',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.17', configRule: 'ecs-task-definition-network-mode-not-host' },
  },
  check(context) {
    const { doc } = context;
    // networkMode() is undefined for a placeholder, so "${MODE}" never reaches here.
    const node = doc.task?.get('networkMode');
    if (!node || networkMode(doc) !== 'host') return;
    reportControlFinding(context, node, { replaceWith: 'awsvpc' }, () => ({
      fargate:
        'The task uses host network mode, which Fargate does not support (Fargate takes only "awsvpc"): ECS rejects a task definition that requires FARGATE with it, and Security Hub ECS.17 fails it. Set "networkMode": "awsvpc".',
      windows: `The task uses host network mode, which Windows containers do not support, and this is ${describePlatform(platform(doc))}; Security Hub ECS.17 fails it too. Use "awsvpc", or remove "networkMode" for the default NAT network.`,
      elsewhere:
        'The task uses host network mode, so its containers share the host\'s network interfaces and can reach services bound to them (Security Hub ECS.17). Use "awsvpc" to give the task its own network interface and security groups.',
    }));
  },
  // awsvpc changes how the task is reached (its own ENI and security groups): the user decides. A Windows task on
  // EC2 may rather keep the default NAT network.
  fixes(fix, { doc, path }) {
    const awsvpc = replaceWithAllowed(fix, path, ['awsvpc'], false);
    if (awsvpc.length === 0 || platform(doc).os !== 'windows' || isFargate(doc)) return awsvpc;
    return [...awsvpc, { title: 'Remove "networkMode"', edits: [removeValue(path)], safe: false }];
  },
};

import { networkMode } from '../document/facts';
import { replaceWithAllowed } from './_fix';
import { Rule } from './rule';

/** Fix payload: `{ replaceWith: 'awsvpc' }`, the new value of `networkMode`. */
export const hostNetworkMode: Rule = {
  meta: {
    id: 'host-network-mode',
    title: 'Tasks should not use host network mode',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.17', configRule: 'ecs-task-definition-network-mode-not-host' },
  },
  check({ doc, reportAt }) {
    // networkMode() is undefined for a placeholder, so "${MODE}" never reaches here.
    const node = doc.task?.get('networkMode');
    if (!node || networkMode(doc) !== 'host') return;
    reportAt(
      node,
      'The task uses host network mode, so its containers share the host\'s network interfaces and can reach services bound to them (Security Hub ECS.17). Use "awsvpc" to give the task its own network interface and security groups.',
      { replaceWith: 'awsvpc' },
    );
  },
  // awsvpc changes how the task is reached (its own ENI and security groups): the user decides.
  fixes(fix, { path }) {
    return replaceWithAllowed(fix, path, ['awsvpc'], false);
  },
};

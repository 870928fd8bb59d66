import { networkMode } from '../document/facts';
import { booleanValue } from '../document/json';
import { containerUser, isRootUser } from './_user';
import { setOnContainer } from './_fix';
import { Rule } from './rule';

/** Fix payload: `{ set: { key: 'user', value: '1000' } }`, set the container's `user`. */
export const hostNetworkRootUser: Rule = {
  meta: {
    id: 'host-network-root-user',
    title: 'Containers in host network mode should not run as root unless privileged is chosen explicitly',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.1', configRule: 'ecs-task-definition-user-for-host-mode-check', retired: 'March 2026' },
  },
  check({ doc, reportAt, reportMissing }) {
    if (networkMode(doc) !== 'host') return;
    const fix = { set: { key: 'user', value: '1000' } };
    for (const container of doc.containers) {
      // ECS.1 passes a container that opts into privileged mode (ECS.4 reports that); placeholders
      // and other types are unknown, so only false, null or absent go on.
      const privileged = container.get('privileged');
      if (privileged && privileged.type !== 'null' && booleanValue(privileged) !== false) continue;
      const user = containerUser(container);
      const suffix =
        'in a task that uses host networking (AWS Config ecs-task-definition-user-for-host-mode-check; Security Hub retired its ECS.1 in March 2026). Set "user" to a non-root user such as "1000", or move the task off host network mode.';
      if (user.kind === 'set') {
        if (isRootUser(user.value)) reportAt(user.node, `Container ${container.label} runs as root ${suffix}`, fix);
      } else if (user.kind === 'empty') {
        reportAt(user.node, `Container ${container.label} has an empty "user", so it runs as the image's default user, usually root, ${suffix}`, fix);
      } else if (user.kind === 'absent') {
        const message = `Container ${container.label} has no "user", so it runs as the image's default user, usually root, ${suffix}`;
        if (user.node) reportAt(user.node, message, fix);
        else reportMissing(container, message, fix);
      }
    }
  },
  // Which user the image can run as is the user's call, so this never applies unattended.
  fixes(fix, { doc, path }) {
    return setOnContainer(fix, doc, path, 'user', '1000', false);
  },
};

import { networkMode, platform } from '../document/facts';
import { containerUser, isRootUser, mayRunPrivileged } from './_user';
import { setOnContainer } from './_fix';
import { Rule } from './rule';

/**
 * Fix payload: `{ set: { key: 'user', value: '1000' } }`, set the container's `user`. In host network mode this is
 * also the finding of the AWS Config rule behind the retired ECS.1 (host-network-root-user leaves it to this rule),
 * so the message names that rule too.
 */
export const linuxNonRootUser: Rule = {
  meta: {
    id: 'linux-non-root-user',
    title: 'Linux containers should run as a non-root user',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.20', configRule: 'ecs-task-definition-linux-user-non-root' },
  },
  check({ doc, reportAt, reportMissing }) {
    if (platform(doc).os !== 'linux') return;
    const fix = { set: { key: 'user', value: '1000' } };
    const hostMode = networkMode(doc) === 'host';
    for (const container of doc.containers) {
      const alsoEcs1 = hostMode && !mayRunPrivileged(container) ? '; with host networking, also AWS Config ecs-task-definition-user-for-host-mode-check, the rule of the retired ECS.1' : '';
      const advice = `(Security Hub ECS.20${alsoEcs1}). Set "user" to a non-root user or UID, such as "1000".`;
      const user = containerUser(container);
      if (user.kind === 'set') {
        if (isRootUser(user.value)) reportAt(user.node, `Container ${container.label} runs as root ${advice}`, fix);
      } else if (user.kind === 'empty') {
        reportAt(user.node, `Container ${container.label} has an empty "user", so it runs as the image's default user, usually root ${advice}`, fix);
      } else if (user.kind === 'absent') {
        const message = `Container ${container.label} has no "user", so it runs as the image's default user, usually root ${advice}`;
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

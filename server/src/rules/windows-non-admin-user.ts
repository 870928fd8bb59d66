import { platform } from '../document/facts';
import { containerUser, isWindowsAdminUser } from './_user';
import { setOnContainer } from './_fix';
import { Rule } from './rule';

/** Fix payload: `{ set: { key: 'user', value: 'ContainerUser' } }`, set the container's `user`. */
export const windowsNonAdminUser: Rule = {
  meta: {
    id: 'windows-non-admin-user',
    title: 'Windows containers should run as a non-administrator user',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.21', configRule: 'ecs-task-definition-windows-user-non-admin' },
  },
  check({ doc, reportAt, reportMissing }) {
    const found = platform(doc);
    // Security Hub also evaluates ECS.21 when the OS family is unset, but then a missing user is already
    // reported by linux-non-root-user (ECS.20); only an explicit administrator account fires here.
    const windows = found.os === 'windows';
    if (!windows && !(found.os === 'linux' && found.basis === 'default')) return;
    const fix = { set: { key: 'user', value: 'ContainerUser' } };
    const byImages = found.os === 'windows' && found.basis === 'images' ? ' The task is Windows because every container image is a Windows image.' : '';
    const advice = `(Security Hub ECS.21). Set "user" to "ContainerUser" or another account without administrator rights.${byImages}`;
    for (const container of doc.containers) {
      const user = containerUser(container);
      if (user.kind === 'set') {
        if (isWindowsAdminUser(user.value)) reportAt(user.node, `Container ${container.label} runs as ContainerAdministrator ${advice}`, fix);
      } else if (!windows) {
        continue;
      } else if (user.kind === 'empty') {
        reportAt(user.node, `Container ${container.label} has an empty "user", so it runs as the image's default user, often ContainerAdministrator ${advice}`, fix);
      } else if (user.kind === 'absent') {
        const message = `Container ${container.label} has no "user", so it runs as the image's default user, often ContainerAdministrator ${advice}`;
        if (user.node) reportAt(user.node, message, fix);
        else reportMissing(container, message, fix);
      }
    }
  },
  // Which user the image can run as is the user's call, so this never applies unattended.
  fixes(fix, { doc, path }) {
    return setOnContainer(fix, doc, path, 'user', 'ContainerUser', false);
  },
};

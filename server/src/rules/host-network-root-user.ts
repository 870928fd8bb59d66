import { networkMode, platform } from '../document/facts';
import { containerUser, isRootUser, mayRunPrivileged } from './_user';
import { setOnContainer } from './_fix';
import { Rule, RuleContext } from './rule';

/**
 * Fix payload: `{ set: { key: 'user', value: '1000' } }`, set the container's `user`.
 *
 * Security Hub retired ECS.1 in March 2026 for ECS.4, ECS.17, ECS.20 and ECS.21: the host mode is host-network-mode's
 * (ECS.17) and the user is the user rule of the task's platform. This rule reports a container only when that rule
 * does not: with linux-non-root-user (ECS.20) on, a Linux task's root user is its finding; with
 * windows-non-admin-user (ECS.21) on, a Windows task's missing or empty user is its finding. What is left is ECS.1's
 * own: the rule for the platform turned off, an explicit root user on Windows, or an operating system ECS Guard
 * cannot read.
 */
export const hostNetworkRootUser: Rule = {
  meta: {
    id: 'host-network-root-user',
    title: 'Containers in host network mode should not run as root unless privileged is chosen explicitly',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.1', configRule: 'ecs-task-definition-user-for-host-mode-check', retired: 'March 2026' },
  },
  check(context) {
    const { doc, reportAt, reportMissing } = context;
    if (networkMode(doc) !== 'host') return;
    const owner = platformUserRule(context);
    const fix = { set: { key: 'user', value: '1000' } };
    const suffix =
      'in a task that uses host networking (AWS Config ecs-task-definition-user-for-host-mode-check; Security Hub retired its ECS.1 in March 2026). Set "user" to a non-root user such as "1000", or move the task off host network mode.';
    for (const container of doc.containers) {
      // ECS.1 passes a container that opts into privileged mode (ECS.4 reports that); placeholders and other types
      // are unknown, so only false, null or absent go on.
      if (mayRunPrivileged(container)) continue;
      const user = containerUser(container);
      if (user.kind === 'unknown' || owner?.reportsUser(user.kind)) continue;
      if (user.kind === 'set') {
        if (isRootUser(user.value)) reportAt(user.node, `Container ${container.label} runs as root ${suffix}`, fix);
      } else if (user.kind === 'empty') {
        reportAt(user.node, `Container ${container.label} has an empty "user", so it runs as the image's default user, usually root, ${suffix}`, fix);
      } else {
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

/**
 * The current control's rule that reports a user of this task, if the user has it on: linux-non-root-user reports
 * every root, empty or absent user of a Linux task (ECS.20); windows-non-admin-user the empty or absent user of a
 * Windows task (ECS.21), not "root", which is no Windows account.
 */
function platformUserRule({ doc, reports }: RuleContext): { reportsUser(kind: 'absent' | 'empty' | 'set'): boolean } | undefined {
  const os = platform(doc).os;
  if (os === 'linux' && reports('linux-non-root-user')) return { reportsUser: () => true };
  if (os === 'windows' && reports('windows-non-admin-user')) return { reportsUser: (kind) => kind !== 'set' };
  return undefined;
}

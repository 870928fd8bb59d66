import { isFargate, platform } from '../document/facts';
import { booleanValue } from '../document/json';
import { replaceWithAllowed } from './_fix';
import { Rule } from './rule';

/**
 * Fix payload: `{ replaceWith: false }`, the new value of the container's `privileged`. A warning by default, and an
 * error on a Fargate task, where ECS rejects the task definition (fargate-unsupported-parameter leaves it to this rule).
 */
export const privilegedContainer: Rule = {
  meta: {
    id: 'privileged-container',
    title: 'Containers should run without privileged mode',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.4', configRule: 'ecs-containers-nonprivileged' },
  },
  check({ doc, reportAt }) {
    const fargate = isFargate(doc);
    const windows = platform(doc).os === 'windows';
    for (const container of doc.containers) {
      const privileged = container.get('privileged');
      if (!privileged || booleanValue(privileged) !== true) continue;
      if (fargate) {
        reportAt(
          privileged,
          `Container ${container.label} asks for privileged mode, which Fargate does not support: ECS rejects a task definition that requires FARGATE with it, and Security Hub ECS.4 fails it. Set "privileged": false and add only the capability the container needs (Fargate allows SYS_PTRACE).`,
          { replaceWith: false },
          'error',
        );
      } else if (windows) {
        reportAt(privileged, `Container ${container.label} asks for privileged mode, which Windows containers do not support, and Security Hub ECS.4 fails it. Set "privileged": false.`, {
          replaceWith: false,
        });
      } else {
        reportAt(
          privileged,
          `Container ${container.label} runs privileged, with root-like access to the host (Security Hub ECS.4). Set "privileged": false and grant only the Linux capabilities it needs.`,
          { replaceWith: false },
        );
      }
    }
  },
  fixes(fix, { path }) {
    return replaceWithAllowed(fix, path, [false], true);
  },
};

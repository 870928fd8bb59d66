import { booleanValue } from '../document/json';
import { replaceWithAllowed } from './_fix';
import { reportControlFinding } from './_unsupported';
import { Rule } from './rule';

/**
 * Fix payload: `{ replaceWith: false }`, the new value of the container's `privileged`. A warning by default, and an
 * error on a Fargate task, where ECS rejects the task definition: the unsupported-parameter table says where ECS does
 * not take it, and its rules leave the value to this one, so it gets one finding that says both facts.
 */
export const privilegedContainer: Rule = {
  meta: {
    id: 'privileged-container',
    title: 'Containers should run without privileged mode',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.4', configRule: 'ecs-containers-nonprivileged' },
  },
  check(context) {
    for (const container of context.doc.containers) {
      const privileged = container.get('privileged');
      if (!privileged || booleanValue(privileged) !== true) continue;
      reportControlFinding(context, privileged, { replaceWith: false }, () => ({
        fargate: `Container ${container.label} asks for privileged mode, which Fargate does not support: ECS rejects a task definition that requires FARGATE with it, and Security Hub ECS.4 fails it. Set "privileged": false and add only the capability the container needs (Fargate allows SYS_PTRACE).`,
        windows: `Container ${container.label} asks for privileged mode, which Windows containers do not support, and Security Hub ECS.4 fails it. Set "privileged": false.`,
        elsewhere: `Container ${container.label} runs privileged, with root-like access to the host (Security Hub ECS.4). Set "privileged": false and grant only the Linux capabilities it needs.`,
      }));
    }
  },
  fixes(fix, { path }) {
    return replaceWithAllowed(fix, path, [false], true);
  },
};

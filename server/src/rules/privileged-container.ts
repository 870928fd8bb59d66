import { booleanValue } from '../document/json';
import { replaceWithAllowed } from './_fix';
import { Rule } from './rule';

/** Fix payload: `{ replaceWith: false }`, the new value of the container's `privileged`. */
export const privilegedContainer: Rule = {
  meta: {
    id: 'privileged-container',
    title: 'Containers should run without privileged mode',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.4', configRule: 'ecs-containers-nonprivileged' },
  },
  check({ doc, reportAt }) {
    for (const container of doc.containers) {
      const privileged = container.get('privileged');
      if (privileged && booleanValue(privileged) === true) {
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

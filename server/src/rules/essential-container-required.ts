import { booleanValue, propertyOf } from '../document/json';
import { setValue } from '../document/jsonEdit';
import { describeSetting, isRecord } from './_fix';
import { Rule } from './rule';

/*
 * Fix payload: `{ set: { containerIndex, key, value } }` sets a property on the container at
 * that index of the container list (0 = the first container).
 */

export const essentialContainerRequired: Rule = {
  meta: {
    id: 'essential-container-required',
    title: 'At least one container must be essential',
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: 'A task definition needs at least one container marked essential' },
  },
  check({ doc, reportAt }) {
    const containers = doc.containers;
    // An absent "essential" means true, and a placeholder may be true: only explicit false counts.
    if (containers.length === 0 || !containers.every((container) => booleanValue(container.get('essential')) === false)) return;
    const first = containers[0];
    const anchor = doc.task ? propertyOf(doc.task.node, 'containerDefinitions')?.children?.[0] : first.get('essential');
    if (!anchor) return;
    const message =
      containers.length === 1
        ? `The only container, ${first.label}, sets "essential": false, but ECS requires at least one essential container: set "essential": true on it.`
        : `All ${containers.length} containers set "essential": false, but ECS requires at least one essential container: set "essential": true on the main container, such as ${first.label}.`;
    reportAt(anchor, message, { set: { containerIndex: first.index, key: 'essential', value: true } });
  },
  fixes(fix, { doc }) {
    const set = isRecord(fix.set) && fix.set.key === 'essential' ? fix.set : undefined;
    const container = set && doc.containers.find((candidate) => candidate.index === set.containerIndex);
    if (!container) return [];
    return [
      {
        title: `Set ${describeSetting('essential', true)} on container ${container.label}`,
        edits: [setValue([...container.path, 'essential'], true)],
        // With one container there is no choice to make; with several, which one is the main one is the user's call.
        safe: doc.containers.length === 1,
        preferred: true,
      },
    ];
  },
};

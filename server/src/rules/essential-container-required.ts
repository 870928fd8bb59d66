import { booleanValue, propertyOf } from '../document/json';
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
    const message = containers.length === 1
      ? `The only container, ${first.label}, sets "essential": false, but ECS requires at least one essential container: set "essential": true on it.`
      : `All ${containers.length} containers set "essential": false, but ECS requires at least one essential container: set "essential": true on the main container, such as ${first.label}.`;
    reportAt(
      anchor,
      message,
      { set: { containerIndex: first.index, key: 'essential', value: true } },
    );
  },
};

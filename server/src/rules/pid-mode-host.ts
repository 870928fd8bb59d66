import { isPlaceholderNode, stringValue } from '../document/json';
import { removeValue, setValue } from '../document/jsonEdit';
import { describeSetting } from './_fix';
import { Rule } from './rule';

/** Fix payload: `{ remove: 'pidMode' }`, delete the task's `pidMode` property. */
export const pidModeHost: Rule = {
  meta: {
    id: 'pid-mode-host',
    title: 'Tasks should not share the host process namespace',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.3', configRule: 'ecs-task-definition-pid-mode-check' },
  },
  check({ doc, reportAt }) {
    const pidMode = doc.task?.get('pidMode');
    if (!pidMode || isPlaceholderNode(pidMode) || stringValue(pidMode) !== 'host') return;
    reportAt(
      pidMode,
      'The task shares the host\'s process namespace, so its containers can see and signal every process on the host (Security Hub ECS.3). Remove "pidMode", or set it to "task" if the containers only need to see each other\'s processes.',
      { remove: 'pidMode' },
    );
  },
  fixes(fix, { doc }) {
    const task = doc.task;
    if (fix.remove !== 'pidMode' || !task) return [];
    return [
      { title: 'Remove "pidMode"', edits: [removeValue([...task.path, 'pidMode'])], safe: true, preferred: true },
      { title: `Set ${describeSetting('pidMode', 'task')}`, edits: [setValue([...task.path, 'pidMode'], 'task')], safe: true },
    ];
  },
};

import { describePlatform, platform } from '../document/facts';
import { isPlaceholderNode, stringValue } from '../document/json';
import { removeValue, setValue } from '../document/jsonEdit';
import { describeSetting } from './_fix';
import { reportControlFinding } from './_unsupported';
import { Rule } from './rule';

/**
 * Fix payload: `{ remove: 'pidMode' }`, delete the task's `pidMode` property. On Fargate, where ECS rejects the host
 * mode, the finding is an error and says so (fargate-unsupported-parameter leaves the value to this rule); on Windows,
 * which takes no pidMode at all, it says that, and only removing it is offered.
 */
export const pidModeHost: Rule = {
  meta: {
    id: 'pid-mode-host',
    title: 'Tasks should not share the host process namespace',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.3', configRule: 'ecs-task-definition-pid-mode-check' },
  },
  check(context) {
    const { doc } = context;
    const pidMode = doc.task?.get('pidMode');
    if (!pidMode || isPlaceholderNode(pidMode) || stringValue(pidMode) !== 'host') return;
    const shares = "The task shares the host's process namespace";
    reportControlFinding(context, pidMode, { remove: 'pidMode' }, (notTaken) => ({
      fargate: `${shares}, which Fargate does not support (${notTaken.windows ? 'a Windows task takes no "pidMode"' : 'Fargate takes only "task"'}): ECS rejects a task definition that requires FARGATE with it, and Security Hub ECS.3 fails it. ${advice(!notTaken.windows)}`,
      windows: `${shares}, which Windows containers do not support, and this is ${describePlatform(platform(doc))}; Security Hub ECS.3 fails it too. ${advice(false)}`,
      elsewhere: `${shares}, so its containers can see and signal every process on the host (Security Hub ECS.3). ${advice(true)}`,
    }));
  },
  fixes(fix, { doc }) {
    const task = doc.task;
    if (fix.remove !== 'pidMode' || !task) return [];
    const remove = { title: 'Remove "pidMode"', edits: [removeValue([...task.path, 'pidMode'])], safe: true, preferred: true };
    // Windows takes no pidMode at all: "task" would be rejected (or unsupported) in turn.
    if (platform(doc).os === 'windows') return [remove];
    return [remove, { title: `Set ${describeSetting('pidMode', 'task')}`, edits: [setValue([...task.path, 'pidMode'], 'task')], safe: true }];
  },
};

function advice(taskModeTaken: boolean): string {
  return taskModeTaken ? 'Remove "pidMode", or set it to "task" if the containers only need to see each other\'s processes.' : 'Remove "pidMode".';
}

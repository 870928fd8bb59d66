import { Node } from 'jsonc-parser';
import { numberValue } from '../document/json';
import { isFargate, isWindows, taskCpuUnits, taskMemoryMiB } from '../document/facts';
import { ContainerView } from '../document/taskDefinition';
import { describeCpu } from '../document/units';
import { Rule, RuleContext } from './rule';

/* No fix payload: which side to change (container or task size) is the user's call. */

export const containerMemoryExceedsTask: Rule = {
  meta: {
    id: 'container-memory-exceeds-task',
    title: 'Container memory and CPU must fit in the task-level size',
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: 'Container memory, memory reservations and CPU must fit within the task-level memory and cpu' },
  },
  check(context) {
    const { doc } = context;
    // Windows on EC2 ignores the task-level sizes, so they constrain nothing there.
    if (!doc.task || (isWindows(doc) && !isFargate(doc))) return;
    const taskMemory = taskMemoryMiB(doc);
    if (taskMemory !== undefined) checkMemory(context, taskMemory);
    const taskCpu = taskCpuUnits(doc);
    if (taskCpu !== undefined) checkCpu(context, taskCpu);
  },
};

function checkMemory({ doc, reportAt }: RuleContext, taskMemory: number): void {
  let singleExceeds = false;
  const reservations: { container: ContainerView; mib: number }[] = [];
  for (const container of doc.containers) {
    for (const key of ['memory', 'memoryReservation']) {
      const node = container.get(key);
      const mib = wholeNumber(node);
      if (node && mib !== undefined && mib > taskMemory) {
        singleExceeds = true;
        reportAt(node, `Container ${container.label} sets "${key}" to ${mib} MiB, more than the task's ${taskMemory} MiB: lower the container's "${key}" or raise the task-level "memory".`);
      }
    }
    // ECS counts the soft limit where there is one, else the hard limit; an unknown value counts as 0.
    const reservation = container.get('memoryReservation');
    const mib = reservation && reservation.type !== 'null' ? wholeNumber(reservation) : wholeNumber(container.get('memory'));
    if (mib !== undefined) reservations.push({ container, mib });
  }
  const total = reservations.reduce((sum, { mib }) => sum + mib, 0);
  const memoryNode = doc.task?.get('memory');
  if (singleExceeds || total <= taskMemory || !memoryNode) return;
  const parts = listedSum(reservations.map(({ container, mib }) => `${container.label} ${mib}`));
  reportAt(
    memoryNode,
    `The containers reserve ${total} MiB together (${parts}), more than the task's ${taskMemory} MiB: raise the task-level "memory" or lower the containers' "memoryReservation" or "memory".`,
  );
}

function checkCpu({ doc, reportAt }: RuleContext, taskCpu: number): void {
  let singleExceeds = false;
  const shares: { container: ContainerView; units: number }[] = [];
  for (const container of doc.containers) {
    const node = container.get('cpu');
    const units = wholeNumber(node);
    if (!node || units === undefined) continue;
    shares.push({ container, units });
    if (units > taskCpu) {
      singleExceeds = true;
      reportAt(node, `Container ${container.label} reserves ${units} CPU units, more than the task's ${describeCpu(taskCpu)}: lower the container's "cpu" or raise the task-level "cpu".`);
    }
  }
  const total = shares.reduce((sum, { units }) => sum + units, 0);
  const cpuNode = doc.task?.get('cpu');
  if (singleExceeds || total <= taskCpu || !cpuNode) return;
  const parts = listedSum(shares.map(({ container, units }) => `${container.label} ${units}`));
  reportAt(cpuNode, `The containers reserve ${total} CPU units together (${parts}), more than the task's ${describeCpu(taskCpu)}: raise the task-level "cpu" or lower the containers' "cpu".`);
}

/** ECS takes at most this many containers per task definition; a longer list is a stress file, not a task to read. */
const MAX_LISTED_TERMS = 10;

/** The terms of a sum as the message shows them: at most MAX_LISTED_TERMS, then how many more. */
function listedSum(terms: readonly string[]): string {
  if (terms.length <= MAX_LISTED_TERMS) return terms.join(' + ');
  return `${terms.slice(0, MAX_LISTED_TERMS).join(' + ')} + ${terms.length - MAX_LISTED_TERMS} more`;
}

/** Container sizes are JSON integers; anything else is unknown here (value-type reports it). */
function wholeNumber(node: Node | undefined): number | undefined {
  const value = numberValue(node);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

import { Node } from 'jsonc-parser';
import { isFargate, isWindows } from '../document/facts';
import { isPlaceholderNode } from '../document/json';
import { JsonEdit, setValue } from '../document/jsonEdit';
import { describeCpu, parseCpuUnits, parseMemoryMiB } from '../document/units';
import {
  describeMemoryValues,
  FargateOs,
  isValidCpu,
  isValidPair,
  listWithOr,
  nearestValidMemory,
  smallestCpuFor,
  validCpuValues,
  validMemoryFor,
} from '../fargate/sizes';
import { describeSetting, isRecord } from './_fix';
import { Rule } from './rule';

/**
 * Fix payloads. Numbers are CPU units and MiB; a code action writes them as JSON strings ("512"), the form
 * the RegisterTaskDefinition input uses.
 * - cpu or memory missing: `{ insert: { cpu?: string, memory?: string } }`, only when the value to add is clear;
 * - cpu not a Fargate size: `{ validCpu: number[], smallestCpu?: number }` (smallest cpu that allows the task memory);
 * - memory not valid with the cpu: `{ validMemory: number[], nearestMemory?: number, smallestCpu?: number }`.
 */
export type FargateCpuMemoryFix =
  | { insert: { cpu?: string; memory?: string } }
  | { validCpu: number[]; smallestCpu?: number }
  | { validMemory: number[]; nearestMemory?: number; smallestCpu?: number };

/** A task-level size property as the rule sees it. */
type SizeReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'value'; readonly node: Node; readonly parsed: number | undefined };

const REQUIREMENT = 'Fargate and GuardDuty Runtime Monitoring both require task-level cpu and memory';

export const fargateCpuMemory: Rule = {
  meta: {
    id: 'fargate-cpu-memory',
    title: 'Fargate tasks need a valid task-level cpu and memory pair',
    defaultSeverity: 'error',
    enforces: { source: 'guardduty', prerequisite: 'Task-level CPU and memory' },
  },
  check({ doc, reportAt, reportMissing }) {
    const task = doc.task;
    if (!task || !isFargate(doc)) return;
    const os: FargateOs = isWindows(doc) ? 'windows' : 'linux';
    const cpu = read(task.get('cpu'), parseCpuUnits);
    const memory = read(task.get('memory'), parseMemoryMiB);
    const cpuUnits = cpu.kind === 'value' && cpu.parsed !== undefined && isValidCpu(cpu.parsed, os) ? cpu.parsed : undefined;
    const memoryMiB = memory.kind === 'value' ? memory.parsed : undefined;

    if (cpu.kind === 'absent' || memory.kind === 'absent') {
      const { message, fix } = missingFinding(cpu.kind === 'absent', memory.kind === 'absent', cpuUnits, memoryMiB, os);
      reportMissing(task, message, fix);
    }

    if (cpu.kind === 'value' && cpuUnits === undefined) {
      const smallestCpu = memoryMiB === undefined ? undefined : smallestCpuFor(memoryMiB, os);
      const fix: FargateCpuMemoryFix = { validCpu: [...validCpuValues(os)], ...(smallestCpu !== undefined && { smallestCpu }) };
      reportAt(cpu.node, unknownCpuMessage(cpu.node, os), fix);
    }

    if (memory.kind === 'value' && cpuUnits !== undefined && (memoryMiB === undefined || !isValidPair(cpuUnits, memoryMiB, os))) {
      const validMemory = [...validMemoryFor(cpuUnits, os)];
      const nearestMemory = memoryMiB === undefined ? undefined : nearestValidMemory(cpuUnits, memoryMiB, os);
      const smallestCpu = memoryMiB === undefined ? undefined : smallestCpuFor(memoryMiB, os);
      const advice =
        nearestMemory === undefined
          ? `Use one of them, in MiB such as "${validMemory[0]}" or in GB such as "${validMemory[0] / 1024} GB".`
          : `Use "${nearestMemory}"${smallestCpu === undefined ? '' : `, or set cpu to ${describeCpu(smallestCpu)}`}.`;
      const fix: FargateCpuMemoryFix = {
        validMemory,
        ...(nearestMemory !== undefined && { nearestMemory }),
        ...(smallestCpu !== undefined && { smallestCpu }),
      };
      reportAt(
        memory.node,
        `Task memory ${raw(memory.node)} is not valid with cpu ${describeCpu(cpuUnits)} on Fargate, which allows ${describeMemoryValues(validMemory)}. ${advice}`,
        fix,
      );
    }
  },
  // Every choice changes the task's size, and with it what the task costs and what its containers get.
  fixes(fix, { doc }) {
    const task = doc.task;
    if (!task) return [];
    const os: FargateOs = isWindows(doc) ? 'windows' : 'linux';
    const setSize = (key: 'cpu' | 'memory', value: number | string) => setValue([...task.path, key], String(value));
    if (isRecord(fix.insert)) {
      const insert = fix.insert;
      const sizes = (['cpu', 'memory'] as const).flatMap((key) => {
        const value = insert[key];
        return typeof value === 'string' && /^\d+$/.test(value) ? [{ key, value }] : [];
      });
      if (sizes.length === 0) return [];
      const title = `Add ${sizes.map(({ key, value }) => describeSetting(key, value)).join(' and ')}`;
      return [{ title, edits: sizes.map(({ key, value }) => setSize(key, value)), safe: false, preferred: true }];
    }
    const cpu = read(task.get('cpu'), parseCpuUnits);
    const memory = read(task.get('memory'), parseMemoryMiB);
    const cpuUnits = cpu.kind === 'value' ? cpu.parsed : undefined;
    const memoryMiB = memory.kind === 'value' ? memory.parsed : undefined;
    const choices: { title: string; edits: JsonEdit[] }[] = [];
    const smallestCpu = memoryMiB === undefined ? undefined : smallestCpuFor(memoryMiB, os);
    const smallestCpuChoice = (cpuValue: number) => ({
      title: `Set ${describeSetting('cpu', String(cpuValue))} (the smallest size that allows ${memoryMiB} MiB)`,
      edits: [setSize('cpu', cpuValue)],
    });
    if ('validCpu' in fix && cpu.kind === 'value' && (cpuUnits === undefined || !isValidCpu(cpuUnits, os))) {
      const values = validCpuValues(os);
      // Best: the size closest to what was written that keeps the memory; then the cheapest that keeps it.
      const keepingMemory = memoryMiB === undefined ? values : values.filter((value) => isValidPair(value, memoryMiB, os));
      const closest = cpuUnits === undefined ? undefined : closestTo(cpuUnits, keepingMemory);
      if (closest !== undefined) {
        const why = memoryMiB === undefined ? 'the closest Fargate size' : `the closest size that allows ${memoryMiB} MiB`;
        choices.push({ title: `Set ${describeSetting('cpu', String(closest))} (${why})`, edits: [setSize('cpu', closest)] });
      }
      if (smallestCpu !== undefined && smallestCpu !== closest) choices.push(smallestCpuChoice(smallestCpu));
      if (cpuUnits === undefined && memoryMiB === undefined) {
        choices.push({ title: `Set ${describeSetting('cpu', String(values[0]))} (the smallest Fargate size)`, edits: [setSize('cpu', values[0])] });
      }
      // At least the cpu that was written, with the memory moved into that size's range.
      const atLeast = cpuUnits === undefined ? undefined : values.find((value) => value >= cpuUnits) ?? values[values.length - 1];
      const newMemory = atLeast === undefined || memoryMiB === undefined || keepingMemory.includes(atLeast) ? undefined : nearestValidMemory(atLeast, memoryMiB, os);
      if (atLeast !== undefined && newMemory !== undefined) {
        choices.push({
          title: `Set ${describeSetting('cpu', String(atLeast))} and ${describeSetting('memory', String(newMemory))}`,
          edits: [setSize('cpu', atLeast), setSize('memory', newMemory)],
        });
      }
    }
    if ('validMemory' in fix && memory.kind === 'value' && cpuUnits !== undefined && isValidCpu(cpuUnits, os) && (memoryMiB === undefined || !isValidPair(cpuUnits, memoryMiB, os))) {
      const allowed = validMemoryFor(cpuUnits, os);
      const newMemory = memoryMiB === undefined ? allowed[0] : nearestValidMemory(cpuUnits, memoryMiB, os);
      if (newMemory !== undefined) {
        const which = memoryMiB === undefined ? 'smallest' : newMemory >= memoryMiB ? 'next' : 'largest';
        choices.push({ title: `Set ${describeSetting('memory', String(newMemory))} (the ${which} value cpu ${cpuUnits} allows)`, edits: [setSize('memory', newMemory)] });
      }
      if (smallestCpu !== undefined && smallestCpu !== cpuUnits) choices.push(smallestCpuChoice(smallestCpu));
    }
    return choices.map((choice, i) => ({ ...choice, safe: false, preferred: i === 0 }));
  },
};

/** Absent or null means missing; placeholders and values of the wrong type are unknown (value-type reports the type). */
function read(node: Node | undefined, parse: (value: string | number) => number | undefined): SizeReading {
  if (!node || node.type === 'null') return { kind: 'absent' };
  if (isPlaceholderNode(node) || (node.type !== 'string' && node.type !== 'number')) return { kind: 'unknown' };
  return { kind: 'value', node, parsed: parse(node.value as string | number) };
}

function missingFinding(
  cpuMissing: boolean,
  memoryMissing: boolean,
  cpuUnits: number | undefined,
  memoryMiB: number | undefined,
  os: FargateOs,
): { message: string; fix?: FargateCpuMemoryFix } {
  const smallest = validCpuValues(os)[0];
  const smallestMemory = validMemoryFor(smallest, os)[0];
  if (cpuMissing && memoryMissing) {
    return {
      message: `Fargate task has no task-level "cpu" or "memory": ${REQUIREMENT}. Add them, for example "cpu": "${smallest}" with "memory": "${smallestMemory}".`,
      fix: { insert: { cpu: String(smallest), memory: String(smallestMemory) } },
    };
  }
  if (memoryMissing) {
    if (cpuUnits === undefined) {
      return { message: `Fargate task has no task-level "memory": ${REQUIREMENT}. Add "memory" with a value valid for the task's cpu.` };
    }
    const memory = validMemoryFor(cpuUnits, os)[0];
    return {
      message: `Fargate task has no task-level "memory": ${REQUIREMENT}. Add "memory": "${memory}" (cpu ${describeCpu(cpuUnits)} allows ${describeMemoryValues(validMemoryFor(cpuUnits, os))}).`,
      fix: { insert: { memory: String(memory) } },
    };
  }
  if (memoryMiB === undefined) {
    return {
      message: `Fargate task has no task-level "cpu": ${REQUIREMENT}. Add "cpu" with a size that allows the task's memory: ${listWithOr(validCpuValues(os).map(String))} CPU units.`,
    };
  }
  const cpu = smallestCpuFor(memoryMiB, os);
  if (cpu === undefined) {
    return {
      message: `Fargate task has no task-level "cpu": ${REQUIREMENT}. No Fargate cpu allows ${memoryMiB} MiB, so add "cpu" and change "memory", for example "cpu": "${smallest}" with "memory": "${smallestMemory}".`,
    };
  }
  return {
    message: `Fargate task has no task-level "cpu": ${REQUIREMENT}. Add "cpu": "${cpu}", the smallest size that allows ${memoryMiB} MiB.`,
    fix: { insert: { cpu: String(cpu) } },
  };
}

function unknownCpuMessage(node: Node, os: FargateOs): string {
  const values = listWithOr(validCpuValues(os).map(String));
  return os === 'windows'
    ? `Task cpu ${raw(node)} is not a Fargate size for Windows containers, which run on 1, 2 or 4 vCPU. Use ${values} CPU units.`
    : `Task cpu ${raw(node)} is not a Fargate size. Use ${values} CPU units (".25 vCPU" to "16 vCPU").`;
}

/** The value as written: `"1 vCPU"` for a string, `1024` for a number. */
function raw(node: Node): string {
  return JSON.stringify(node.value);
}

/** The value nearest to `target`; the larger one on a tie, so the task does not shrink. */
function closestTo(target: number, values: readonly number[]): number | undefined {
  return values.reduce<number | undefined>((best, value) => (best === undefined || Math.abs(value - target) <= Math.abs(best - target) ? value : best), undefined);
}

import { Node } from 'jsonc-parser';
import { isFargate, isWindows } from '../document/facts';
import { isPlaceholderNode } from '../document/json';
import { setValue } from '../document/jsonEdit';
import { describeCpu, parseCpuUnits, parseMemoryMiB } from '../document/units';
import { describeMemoryValues, FargateOs, isValidCpu, isValidPair, listWithOr, nearestValidMemory, smallestCpuFor, validCpuValues, validMemoryFor } from '../fargate/sizes';
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
  { insert: { cpu?: string; memory?: string } } | { validCpu: number[]; smallestCpu?: number } | { validMemory: number[]; nearestMemory?: number; smallestCpu?: number };

/** A task-level size property as the rule sees it. */
type SizeReading = { readonly kind: 'absent' } | { readonly kind: 'unknown' } | { readonly kind: 'value'; readonly node: Node; readonly parsed: number | undefined };

/** GuardDuty adds its agent to Linux tasks only, so a Windows task needs the sizes for Fargate alone. */
function requirement(os: FargateOs): string {
  return os === 'windows' ? 'Fargate requires task-level cpu and memory' : 'Fargate and GuardDuty Runtime Monitoring both require task-level cpu and memory';
}

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
      reportAt(cpu.node, unknownCpuMessage(raw(cpu.node, doc.parsed.text), os), fix);
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
        `Task memory ${raw(memory.node, doc.parsed.text)} is not valid with cpu ${describeCpu(cpuUnits)} on Fargate, which allows ${describeMemoryValues(validMemory)}. ${advice}`,
        fix,
      );
    }
  },
  // Every choice changes the task's size, and with it what the task costs and what its containers get.
  fixes(fix, { doc }) {
    const task = doc.task;
    if (!task) return [];
    const sizes: TaskSizes = { os: isWindows(doc) ? 'windows' : 'linux', cpu: read(task.get('cpu'), parseCpuUnits), memory: read(task.get('memory'), parseMemoryMiB) };
    const choices = isRecord(fix.insert) ? insertChoices(fix.insert) : 'validCpu' in fix ? cpuChoices(sizes) : 'validMemory' in fix ? memoryChoices(sizes) : [];
    return choices.map(({ verb, set, why }, i) => {
      const entries = Object.entries(set).map(([key, value]) => ({ key, value: String(value) }));
      return {
        title: `${verb} ${entries.map(({ key, value }) => describeSetting(key, value)).join(' and ')}${why ? ` (${why})` : ''}`,
        edits: entries.map(({ key, value }) => setValue([...task.path, key], value)),
        safe: false,
        preferred: i === 0,
      };
    });
  },
};

interface TaskSizes {
  readonly os: FargateOs;
  readonly cpu: SizeReading;
  readonly memory: SizeReading;
}

/** One way to make the pair valid: the sizes to write, and why these. */
interface SizeChoice {
  readonly verb: 'Add' | 'Set';
  readonly set: { readonly cpu?: number | string; readonly memory?: number | string };
  readonly why?: string;
}

function parsed(reading: SizeReading): number | undefined {
  return reading.kind === 'value' ? reading.parsed : undefined;
}

function insertChoices(insert: Record<string, unknown>): SizeChoice[] {
  const set = Object.fromEntries(
    (['cpu', 'memory'] as const).flatMap((key) => {
      const value = insert[key];
      return typeof value === 'string' && /^\d+$/.test(value) ? [[key, value]] : [];
    }),
  );
  return Object.keys(set).length > 0 ? [{ verb: 'Add', set }] : [];
}

/** cpu is not a Fargate size: the closest size that keeps the memory, the cheapest, or at least what was written. */
function cpuChoices({ os, cpu, memory }: TaskSizes): SizeChoice[] {
  const cpuUnits = parsed(cpu);
  const memoryMiB = parsed(memory);
  if (cpu.kind !== 'value' || (cpuUnits !== undefined && isValidCpu(cpuUnits, os))) return [];
  const values = validCpuValues(os);
  const keepingMemory = memoryMiB === undefined ? values : values.filter((value) => isValidPair(value, memoryMiB, os));
  const choices: SizeChoice[] = [];
  const closest = cpuUnits === undefined ? undefined : closestTo(cpuUnits, keepingMemory);
  if (closest !== undefined) {
    choices.push({ verb: 'Set', set: { cpu: closest }, why: memoryMiB === undefined ? 'the closest Fargate size' : `the closest size that allows ${memoryMiB} MiB` });
  }
  const smallest = memoryMiB === undefined ? undefined : smallestCpuFor(memoryMiB, os);
  if (smallest !== undefined && smallest !== closest) choices.push({ verb: 'Set', set: { cpu: smallest }, why: `the smallest size that allows ${memoryMiB} MiB` });
  if (cpuUnits === undefined && memoryMiB === undefined) choices.push({ verb: 'Set', set: { cpu: values[0] }, why: 'the smallest Fargate size' });
  if (cpuUnits !== undefined && memoryMiB !== undefined) {
    // At least the cpu that was written, with the memory moved into that size's range.
    const atLeast = values.find((value) => value >= cpuUnits) ?? values[values.length - 1];
    const newMemory = keepingMemory.includes(atLeast) ? undefined : nearestValidMemory(atLeast, memoryMiB, os);
    if (newMemory !== undefined) choices.push({ verb: 'Set', set: { cpu: atLeast, memory: newMemory } });
  }
  return choices;
}

/** memory is not valid with a valid cpu: the next valid memory, or the smallest cpu that allows the memory. */
function memoryChoices({ os, cpu, memory }: TaskSizes): SizeChoice[] {
  const cpuUnits = parsed(cpu);
  const memoryMiB = parsed(memory);
  if (memory.kind !== 'value' || cpuUnits === undefined || !isValidCpu(cpuUnits, os) || (memoryMiB !== undefined && isValidPair(cpuUnits, memoryMiB, os))) return [];
  const choices: SizeChoice[] = [];
  const newMemory = memoryMiB === undefined ? validMemoryFor(cpuUnits, os)[0] : nearestValidMemory(cpuUnits, memoryMiB, os);
  if (newMemory !== undefined) {
    const which = memoryMiB === undefined ? 'smallest' : newMemory >= memoryMiB ? 'next' : 'largest';
    choices.push({ verb: 'Set', set: { memory: newMemory }, why: `the ${which} value cpu ${cpuUnits} allows` });
  }
  const smallest = memoryMiB === undefined ? undefined : smallestCpuFor(memoryMiB, os);
  if (smallest !== undefined && smallest !== cpuUnits) choices.push({ verb: 'Set', set: { cpu: smallest }, why: `the smallest size that allows ${memoryMiB} MiB` });
  return choices;
}

/** Absent or null means missing; placeholders and values of the wrong type are unknown (value-type reports the type). */
function read(node: Node | undefined, parse: (value: string | number) => number | undefined): SizeReading {
  if (!node || node.type === 'null') return { kind: 'absent' };
  if (isPlaceholderNode(node) || (node.type !== 'string' && node.type !== 'number')) return { kind: 'unknown' };
  return { kind: 'value', node, parsed: parse(node.value as string | number) };
}

function missingFinding(cpuMissing: boolean, memoryMissing: boolean, cpuUnits: number | undefined, memoryMiB: number | undefined, os: FargateOs): { message: string; fix?: FargateCpuMemoryFix } {
  const smallest = validCpuValues(os)[0];
  const smallestMemory = validMemoryFor(smallest, os)[0];
  if (cpuMissing && memoryMissing) {
    return {
      message: `Fargate task has no task-level "cpu" or "memory": ${requirement(os)}. Add them, for example "cpu": "${smallest}" with "memory": "${smallestMemory}".`,
      fix: { insert: { cpu: String(smallest), memory: String(smallestMemory) } },
    };
  }
  if (memoryMissing) {
    if (cpuUnits === undefined) {
      return { message: `Fargate task has no task-level "memory": ${requirement(os)}. Add "memory" with a value valid for the task's cpu.` };
    }
    const memory = validMemoryFor(cpuUnits, os)[0];
    return {
      message: `Fargate task has no task-level "memory": ${requirement(os)}. Add "memory": "${memory}" (cpu ${describeCpu(cpuUnits)} allows ${describeMemoryValues(validMemoryFor(cpuUnits, os))}).`,
      fix: { insert: { memory: String(memory) } },
    };
  }
  if (memoryMiB === undefined) {
    return {
      message: `Fargate task has no task-level "cpu": ${requirement(os)}. Add "cpu" with a size that allows the task's memory: ${listWithOr(validCpuValues(os).map(String))} CPU units.`,
    };
  }
  const cpu = smallestCpuFor(memoryMiB, os);
  if (cpu === undefined) {
    return {
      message: `Fargate task has no task-level "cpu": ${requirement(os)}. No Fargate cpu allows ${memoryMiB} MiB, so add "cpu" and change "memory", for example "cpu": "${smallest}" with "memory": "${smallestMemory}".`,
    };
  }
  return {
    message: `Fargate task has no task-level "cpu": ${requirement(os)}. Add "cpu": "${cpu}", the smallest size that allows ${memoryMiB} MiB.`,
    fix: { insert: { cpu: String(cpu) } },
  };
}

function unknownCpuMessage(written: string, os: FargateOs): string {
  const values = listWithOr(validCpuValues(os).map(String));
  return os === 'windows'
    ? `Task cpu ${written} is not a Fargate size for Windows containers, which run on 1, 2 or 4 vCPU. Use ${values} CPU units.`
    : `Task cpu ${written} is not a Fargate size. Use ${values} CPU units (".25 vCPU" to "16 vCPU").`;
}

/** The value as written, `"1 vCPU"` or `1024` (`1e400` too, which JavaScript reads as Infinity); a long one shortened. */
function raw(node: Node, text: string): string {
  const written = text.slice(node.offset, node.offset + node.length);
  return written.length > 40 ? `${written.slice(0, 36)}…${node.type === 'string' ? '"' : ''}` : written;
}

/** The value nearest to `target`; the larger one on a tie, so the task does not shrink. */
function closestTo(target: number, values: readonly number[]): number | undefined {
  return values.reduce<number | undefined>((best, value) => (best === undefined || Math.abs(value - target) <= Math.abs(best - target) ? value : best), undefined);
}

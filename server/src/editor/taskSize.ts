import { isFargate, isWindows, taskCpuUnits, taskMemoryMiB } from '../document/facts';
import { TaskDefinitionDocument } from '../document/taskDefinition';
import { describeCpu } from '../document/units';
import { FargateOs, guardDutyAgentMemoryMiB, isValidPair, validCpuValues, validMemoryFor } from '../fargate/sizes';

function fargateOs(doc: TaskDefinitionDocument): FargateOs {
  return isWindows(doc) ? 'windows' : 'linux';
}

/** Fargate sizes apply when the task asks for Fargate, or says nothing about where it runs. */
function fargateSizesApply(doc: TaskDefinitionDocument): boolean {
  return isFargate(doc) || !doc.task?.has('requiresCompatibilities');
}

/** Task cpu values (units) that go with this memory; every cpu value when the memory is unknown or fits none. */
export function cpuChoices(doc: TaskDefinitionDocument): readonly number[] {
  const os = fargateOs(doc);
  const memory = taskMemoryMiB(doc);
  const all = validCpuValues(os);
  const fitting = memory === undefined ? [] : all.filter((cpu) => validMemoryFor(cpu, os).includes(memory));
  return fitting.length ? fitting : all;
}

/** Task memory values (MiB) that go with this cpu; every Fargate memory value when the cpu is unknown or invalid. */
export function memoryChoices(doc: TaskDefinitionDocument): readonly number[] {
  const os = fargateOs(doc);
  const cpu = taskCpuUnits(doc);
  const forCpu = cpu === undefined ? [] : validMemoryFor(cpu, os);
  if (forCpu.length) return forCpu;
  return [...new Set(validCpuValues(os).flatMap((each) => validMemoryFor(each, os)))].sort((a, b) => a - b);
}

/** The Fargate sizes completion offers for the task's `cpu` or `memory`; undefined for any other key. */
export function taskSizeChoices(key: string | number, doc: TaskDefinitionDocument): readonly number[] | undefined {
  if (key === 'cpu') return cpuChoices(doc);
  if (key === 'memory') return memoryChoices(doc);
  return undefined;
}

/**
 * Markdown for a hover on task `cpu` or `memory`: the Fargate size table for the task's OS with the current
 * cpu row spelled out and the current memory in bold, whether the pair is valid, and the GuardDuty agent's share.
 */
export function taskSizeMarkdown(doc: TaskDefinitionDocument): string | undefined {
  if (!doc.task || !fargateSizesApply(doc)) return undefined;
  const os = fargateOs(doc);
  const cpu = taskCpuUnits(doc);
  const memory = taskMemoryMiB(doc);
  const rows = validCpuValues(os).map((each) => sizeRow(each, validMemoryFor(each, os), cpu, memory));
  return [
    `**Fargate task sizes** (${os === 'windows' ? 'Windows' : 'Linux'})`,
    '',
    '| cpu | memory (MiB) |',
    '|---|---|',
    ...rows,
    '',
    verdict(os, cpu, memory),
    '',
    guardDutyLine(os, cpu, memory),
  ].join('\n');
}

function sizeRow(cpu: number, memories: readonly number[], currentCpu: number | undefined, currentMemory: number | undefined): string {
  if (cpu !== currentCpu) return `| ${describeCpu(cpu)} | ${compactList(memories)} |`;
  const listed = memories.map((each) => (each === currentMemory ? `**${each}**` : String(each))).join(', ');
  return `| **${describeCpu(cpu)}** | ${listed} |`;
}

/** Long rows as a range, so the table stays readable; the current row is always spelled out. */
function compactList(values: readonly number[]): string {
  if (values.length <= 4) return values.join(', ');
  return `${values[0]}–${values[values.length - 1]}, step ${values[1] - values[0]}`;
}

function verdict(os: FargateOs, cpu: number | undefined, memory: number | undefined): string {
  if (cpu === undefined) {
    if (memory === undefined) return 'Fargate requires task `cpu` and `memory` as one of these pairs.';
    const cpus = validCpuValues(os).filter((each) => validMemoryFor(each, os).includes(memory));
    return cpus.length ? `Memory ${memory} MiB goes with cpu ${cpus.join(', ')}.` : `Memory ${memory} MiB is not a Fargate size.`;
  }
  const memories = validMemoryFor(cpu, os);
  if (!memories.length) return `Cpu ${cpu} is not a Fargate size${os === 'windows' ? ' for Windows' : ''}: use ${validCpuValues(os).join(', ')}.`;
  if (memory === undefined) return `Cpu ${describeCpu(cpu)} needs task memory of ${memories.join(', ')} MiB.`;
  return memories.includes(memory)
    ? `Cpu ${describeCpu(cpu)} with ${memory} MiB is a valid Fargate size.`
    : `Memory ${memory} MiB does not go with cpu ${describeCpu(cpu)}: use ${memories.join(', ')}.`;
}

function guardDutyLine(os: FargateOs, cpu: number | undefined, memory: number | undefined): string {
  if (os === 'windows') return '**GuardDuty Runtime Monitoring** does not support Windows tasks: no agent runs in this task.';
  // The agent's share is only defined for a real Fargate size; an invalid pair gets the general rule.
  const agent = cpu !== undefined && memory !== undefined && isValidPair(cpu, memory, os) ? guardDutyAgentMemoryMiB(cpu, memory) : undefined;
  if (agent === undefined || memory === undefined) {
    return '**GuardDuty agent**: its sidecar takes up to 128 MiB of task memory up to 4 vCPU, 256 or 512 MiB at 8 vCPU and 1 GiB at 16 vCPU.';
  }
  return `**GuardDuty agent**: its sidecar may use up to ${agent} MiB of this task's ${memory} MiB, leaving ${memory - agent} MiB for your containers.`;
}

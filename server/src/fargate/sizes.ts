/**
 * Fargate task sizes: which task-level cpu/memory pairs Fargate accepts, and how much of the task's memory
 * the GuardDuty Runtime Monitoring agent sidecar may take. Pure data and functions, shared by rules,
 * hover and completion. cpu is in CPU units (1024 = 1 vCPU), memory in MiB.
 */

export type FargateOs = 'linux' | 'windows';

/** Linux table. 8 and 16 vCPU need Linux platform version 1.4.0 or later, which is what LATEST gives. */
const LINUX_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

/** Windows containers on Fargate need at least 1 vCPU and have no 8 or 16 vCPU sizes; memory is as on Linux. */
const WINDOWS_CPU: ReadonlySet<number> = new Set([1024, 2048, 4096]);

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

/** Computed once: rules ask for them for every task. */
const VALID_CPU: Readonly<Record<FargateOs, readonly number[]>> = {
  linux: Object.freeze([...LINUX_SIZES.keys()]),
  windows: Object.freeze([...LINUX_SIZES.keys()].filter((cpu) => WINDOWS_CPU.has(cpu))),
};

export function validCpuValues(os: FargateOs = 'linux'): readonly number[] {
  return VALID_CPU[os];
}

export function isValidCpu(cpu: number, os: FargateOs = 'linux'): boolean {
  return validCpuValues(os).includes(cpu);
}

/** The memory values Fargate accepts with this cpu, ascending; empty when the cpu is not a Fargate size. */
export function validMemoryFor(cpu: number, os: FargateOs = 'linux'): readonly number[] {
  return isValidCpu(cpu, os) ? (LINUX_SIZES.get(cpu) ?? []) : [];
}

export function isValidPair(cpu: number, memory: number, os: FargateOs = 'linux'): boolean {
  return validMemoryFor(cpu, os).includes(memory);
}

/** The smallest valid memory for this cpu that is at least `minimum`, or undefined when none is that large. */
export function smallestValidMemoryAtLeast(cpu: number, minimum: number, os: FargateOs = 'linux'): number | undefined {
  return validMemoryFor(cpu, os).find((memory) => memory >= minimum);
}

/**
 * The valid memory for this cpu closest to `memory`, rounding up (so the containers keep at least what was
 * asked for) and falling back to the largest value when `memory` is above the range.
 */
export function nearestValidMemory(cpu: number, memory: number, os: FargateOs = 'linux'): number | undefined {
  const values = validMemoryFor(cpu, os);
  return smallestValidMemoryAtLeast(cpu, memory, os) ?? values[values.length - 1];
}

/** The smallest cpu with which this memory is valid, or undefined when no cpu allows it. */
export function smallestCpuFor(memory: number, os: FargateOs = 'linux'): number | undefined {
  return validCpuValues(os).find((cpu) => isValidPair(cpu, memory, os));
}

/**
 * The most memory (MiB) the GuardDuty agent sidecar may use inside a task of this size, from the GuardDuty
 * prerequisites table (which says MB; taken as MiB). That table stops at 20 GB for 4 vCPU while Fargate
 * allows 30 GB; 128 is assumed for the whole 4 vCPU range. Undefined when the cpu is not a Fargate size.
 */
export function guardDutyAgentMemoryMiB(cpu: number, memory: number): number | undefined {
  if (!LINUX_SIZES.has(cpu)) return undefined;
  if (cpu <= 4096) return 128;
  if (cpu === 8192) return memory < 32 * 1024 ? 256 : 512;
  return 1024;
}

/** "512, 1024 or 2048 MiB", "2048 to 8192 MiB in steps of 1024": short enough for a message or a hover. */
export function describeMemoryValues(values: readonly number[]): string {
  if (values.length === 0) return 'no memory value';
  const step = values.length > 1 ? values[1] - values[0] : 0;
  const evenlySpaced = values.every((value, i) => i === 0 || value - values[i - 1] === step);
  if (values.length > 3 && evenlySpaced) return `${values[0]} to ${values[values.length - 1]} MiB in steps of ${step}`;
  return `${listWithOr(values.map(String))} MiB`;
}

/** "256, 512 or 1024". */
export function listWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

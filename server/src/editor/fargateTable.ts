// TEMPORARY: replaced by server/src/fargate/sizes.ts at merge
/**
 * Fargate task sizes and the GuardDuty agent's share of task memory, from the Amazon ECS Developer Guide
 * ("Task CPU and memory") and the GuardDuty Runtime Monitoring prerequisites for Fargate.
 */

export type FargateOs = 'LINUX' | 'WINDOWS';

/** Every valid task memory (MiB) per task cpu (units) on Linux. */
const LINUX_MEMORY_BY_CPU: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, [1024, 2048, 3072, 4096]],
  [1024, steps(2048, 8192, 1024)],
  [2048, steps(4096, 16384, 1024)],
  [4096, steps(8192, 30720, 1024)],
  [8192, steps(16384, 61440, 4096)],
  [16384, steps(32768, 122880, 8192)],
]);

/** 8 and 16 vCPU need Linux platform version 1.4.0, so Windows tasks stop at 4 vCPU; memory ranges match Linux. */
const WINDOWS_CPU = [1024, 2048, 4096];

export function validCpuValues(os: FargateOs): number[] {
  return os === 'WINDOWS' ? [...WINDOWS_CPU] : [...LINUX_MEMORY_BY_CPU.keys()];
}

/** The task memory values (MiB) Fargate accepts with this cpu; empty when the cpu is not a Fargate size. */
export function validMemoryFor(cpuUnits: number, os: FargateOs): number[] {
  if (os === 'WINDOWS' && !WINDOWS_CPU.includes(cpuUnits)) return [];
  return [...(LINUX_MEMORY_BY_CPU.get(cpuUnits) ?? [])];
}

/**
 * The most memory (MiB) the GuardDuty security agent sidecar may take out of a Fargate task of this size;
 * undefined when the pair is not a valid Linux Fargate size. GuardDuty's table stops at 20 GB for 4 vCPU;
 * larger 4 vCPU sizes are given the same 128 MiB.
 */
export function guardDutyAgentMemoryMiB(cpuUnits: number, memoryMiB: number): number | undefined {
  if (!validMemoryFor(cpuUnits, 'LINUX').includes(memoryMiB)) return undefined;
  if (cpuUnits <= 4096) return 128;
  if (cpuUnits === 8192) return memoryMiB <= 28 * 1024 ? 256 : 512;
  return 1024;
}

function steps(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

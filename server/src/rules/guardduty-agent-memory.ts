import { isFargate, platform } from '../document/facts';
import { isPlaceholderNode, numberValue } from '../document/json';
import { describeCpu, parseCpuUnits, parseMemoryMiB } from '../document/units';
import { guardDutyAgentMemoryMiB, isValidPair, validMemoryFor } from '../fargate/sizes';
import { setValue } from '../document/jsonEdit';
import { describeSetting } from './_fix';
import { Rule } from './rule';

/**
 * Fix payload: `{ raiseMemoryTo: number }`, the smallest valid task memory (MiB) for this cpu that leaves the agent
 * room; no payload when no memory for this cpu is enough.
 */
export const guarddutyAgentMemory: Rule = {
  meta: {
    id: 'guardduty-agent-memory',
    title: "Task memory should leave room for the GuardDuty agent sidecar after the containers' hard limits",
    defaultSeverity: 'warning',
    enforces: { source: 'guardduty', prerequisite: 'Memory for the GuardDuty agent sidecar' },
  },
  check({ doc, reportAt }) {
    const task = doc.task;
    if (!task || !isFargate(doc)) return;
    // GuardDuty only adds its agent to Linux tasks; an unknown or Windows platform gets no finding.
    if (platform(doc).os !== 'linux') return;

    const cpuNode = task.get('cpu');
    const memoryNode = task.get('memory');
    if (!cpuNode || !memoryNode || isPlaceholderNode(cpuNode) || isPlaceholderNode(memoryNode)) return;
    if (!isSize(cpuNode.value) || !isSize(memoryNode.value)) return;
    const cpu = parseCpuUnits(cpuNode.value);
    const memory = parseMemoryMiB(memoryNode.value);
    // An invalid or unreadable pair is fargate-cpu-memory's finding.
    if (cpu === undefined || memory === undefined || !isValidPair(cpu, memory)) return;

    const containersMiB = doc.containers.reduce((sum, container) => sum + hardLimitMiB(numberValue(container.get('memory'))), 0);
    const agentMiB = guardDutyAgentMemoryMiB(cpu, memory);
    if (agentMiB === undefined || containersMiB + agentMiB <= memory) return;

    // The agent's share can grow with the task memory (8 vCPU), so check each candidate with its own share.
    const raiseMemoryTo = validMemoryFor(cpu).find((candidate) => containersMiB + (guardDutyAgentMemoryMiB(cpu, candidate) ?? agentMiB) <= candidate);
    const advice =
      raiseMemoryTo === undefined
        ? `No task memory for cpu ${describeCpu(cpu)} is enough: lower the containers' memory, or choose a larger cpu.`
        : `Raise task memory to "${raiseMemoryTo}", the next valid value for cpu ${describeCpu(cpu)} with room for the agent, or lower the containers' memory.`;
    reportAt(
      memoryNode,
      `The containers' hard memory limits (${containersMiB} MiB) plus the GuardDuty agent sidecar's share (${agentMiB} MiB) come to ${containersMiB + agentMiB} MiB, more than the task memory of ${memory} MiB. ${advice}`,
      raiseMemoryTo === undefined ? undefined : { raiseMemoryTo },
    );
  },
  // A bigger task costs more: the user decides.
  fixes(fix, { doc }) {
    const memory = fix.raiseMemoryTo;
    if (typeof memory !== 'number' || !Number.isInteger(memory) || memory <= 0 || !doc.task) return [];
    return [{ title: `Set ${describeSetting('memory', String(memory))}`, edits: [setValue([...doc.task.path, 'memory'], String(memory))], safe: false, preferred: true }];
  },
};

function isSize(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** A container's `memory` hard limit counts when it is a positive integer; anything else is value-type's concern. */
function hardLimitMiB(value: number | undefined): number {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : 0;
}

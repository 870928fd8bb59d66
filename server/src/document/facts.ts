import { arrayItems, childValue, isPlaceholderNode, stringValue } from './json';
import { parseCpuUnits, parseMemoryMiB } from './units';
import { TaskDefinitionDocument } from './taskDefinition';

/** Facts about a task definition that several rules read. `undefined` means unknown, never "no". */

/** `requiresCompatibilities` contains FARGATE. */
export function isFargate(doc: TaskDefinitionDocument): boolean {
  return arrayItems(doc.task?.get('requiresCompatibilities')).some((item) => stringValue(item) === 'FARGATE');
}

/** `runtimePlatform.operatingSystemFamily`, or undefined when absent or a placeholder. */
export function operatingSystemFamily(doc: TaskDefinitionDocument): string | undefined {
  const family = childValue(doc.task?.get('runtimePlatform'), 'operatingSystemFamily');
  return isPlaceholderNode(family) ? undefined : stringValue(family);
}

/**
 * `unset` is what ECS treats as Linux (and what Security Hub evaluates under both ECS.20 and ECS.21);
 * `unknown` is a placeholder or a value of another type, so rules that depend on the OS stay silent.
 */
export type OsKind = 'linux' | 'windows' | 'unset' | 'unknown';

export function osKind(doc: TaskDefinitionDocument): OsKind {
  // A bare container array carries no runtimePlatform: the Terraform resource around it does. Treat it as unset.
  const platform = doc.task?.get('runtimePlatform');
  if (!platform || platform.type === 'null') return 'unset';
  if (platform.type !== 'object') return 'unknown';
  const family = childValue(platform, 'operatingSystemFamily');
  if (!family || family.type === 'null') return 'unset';
  if (family.type !== 'string' || isPlaceholderNode(family)) return 'unknown';
  const value = family.value as string;
  if (value === 'LINUX') return 'linux';
  if (value.startsWith('WINDOWS_SERVER')) return 'windows';
  // Not a valid family: another rule reports it; here it is unknown.
  return 'unknown';
}

export function isWindows(doc: TaskDefinitionDocument): boolean {
  return osKind(doc) === 'windows';
}

/** Linux, or no operating system family given (which ECS treats as Linux). */
export function isLinuxOrUnset(doc: TaskDefinitionDocument): boolean {
  const family = operatingSystemFamily(doc);
  return family === undefined || family === 'LINUX';
}

/** The task's network mode as ECS applies it: absent means `bridge` on EC2 (and is invalid on Fargate). */
export function networkMode(doc: TaskDefinitionDocument): string | undefined {
  const node = doc.task?.get('networkMode');
  return isPlaceholderNode(node) ? undefined : stringValue(node);
}

/** Task-level cpu in CPU units, when present and readable. */
export function taskCpuUnits(doc: TaskDefinitionDocument): number | undefined {
  const node = doc.task?.get('cpu');
  if (!node || isPlaceholderNode(node) || (node.type !== 'string' && node.type !== 'number')) return undefined;
  return parseCpuUnits(node.value as string | number);
}

/** Task-level memory in MiB, when present and readable. */
export function taskMemoryMiB(doc: TaskDefinitionDocument): number | undefined {
  const node = doc.task?.get('memory');
  if (!node || isPlaceholderNode(node) || (node.type !== 'string' && node.type !== 'number')) return undefined;
  return parseMemoryMiB(node.value as string | number);
}

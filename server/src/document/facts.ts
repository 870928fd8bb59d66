import { arrayItems, childValue, isPlaceholderNode, stringValue } from './json';
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

export function isWindows(doc: TaskDefinitionDocument): boolean {
  return operatingSystemFamily(doc)?.startsWith('WINDOWS_SERVER') ?? false;
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

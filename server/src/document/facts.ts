import { arrayItems, childValue, isPlaceholderNode, stringValue } from './json';
import { parseCpuUnits, parseMemoryMiB } from './units';
import { TaskDefinitionDocument } from './taskDefinition';
import { OPERATING_SYSTEM_FAMILIES } from './fields';

/** Facts about a task definition that several rules read. `undefined` means unknown, never "no". */

/**
 * Each fact is answered once per task definition (a document's analysis does not change), however many rules
 * ask: most rules depend on the platform, and the answer reads every container's image.
 */
function memoized<T>(answer: (doc: TaskDefinitionDocument) => T): (doc: TaskDefinitionDocument) => T {
  const answers = new WeakMap<TaskDefinitionDocument, { readonly value: T }>();
  return (doc) => {
    let answered = answers.get(doc);
    if (!answered) answers.set(doc, (answered = { value: answer(doc) }));
    return answered.value;
  };
}

/** `requiresCompatibilities` contains FARGATE. */
export const isFargate = memoized((doc): boolean => arrayItems(doc.task?.get('requiresCompatibilities')).some((item) => stringValue(item) === 'FARGATE'));

/**
 * The operating system a task runs on, answered once for every rule and editor feature:
 * - `runtimePlatform.operatingSystemFamily` decides when it is `LINUX` or a `WINDOWS_SERVER_*` value;
 * - absent or `null` (describe output and templates write unset fields as null), or no `runtimePlatform` at all:
 *   Windows when every container's image is a known Windows base image, otherwise Linux by default, as ECS runs it;
 * - a placeholder, another type or a value ECS does not know: unknown, so rules that depend on the OS stay silent.
 * A bare container array has no task level: its images decide, as for an absent family.
 */
export type Platform =
  | { readonly os: 'linux'; readonly basis: 'operatingSystemFamily' | 'default' }
  | { readonly os: 'windows'; readonly basis: 'operatingSystemFamily'; readonly family: string }
  | { readonly os: 'windows'; readonly basis: 'images' }
  | { readonly os: 'unknown' };

export const platform = memoized(platformOf);

function platformOf(doc: TaskDefinitionDocument): Platform {
  const runtimePlatform = doc.task?.get('runtimePlatform');
  const family = runtimePlatform?.type === 'object' ? childValue(runtimePlatform, 'operatingSystemFamily') : runtimePlatform;
  if (!family || family.type === 'null') {
    return allWindowsImages(doc) ? { os: 'windows', basis: 'images' } : { os: 'linux', basis: 'default' };
  }
  if (runtimePlatform?.type !== 'object' || family.type !== 'string' || isPlaceholderNode(family)) return { os: 'unknown' };
  const value = family.value as string;
  if (value === 'LINUX') return { os: 'linux', basis: 'operatingSystemFamily' };
  if ((OPERATING_SYSTEM_FAMILIES as readonly string[]).includes(value) && value.startsWith('WINDOWS_SERVER')) return { os: 'windows', basis: 'operatingSystemFamily', family: value };
  // Not a family ECS knows: value-type reports it; here it is unknown.
  return { os: 'unknown' };
}

/** How a message names the task's platform: "a Linux task", "a WINDOWS_SERVER_2022_CORE task", ... */
export function describePlatform(found: Platform): string {
  switch (found.os) {
    case 'windows':
      return found.basis === 'images' ? 'a Windows task (every container image is a Windows image)' : `a ${found.family} task`;
    case 'linux':
      return 'a Linux task';
    default:
      return 'a task';
  }
}

/** A Windows task, whether its operating system family or its images say so. */
export function isWindows(doc: TaskDefinitionDocument): boolean {
  return platform(doc).os === 'windows';
}

/**
 * Known Windows base images and the images built on them: the repository decides (`mcr.microsoft.com/windows/...`,
 * `mcr.microsoft.com/dotnet/framework/...`, the retired Docker Hub `microsoft/...` names), or a Microsoft image
 * whose tag names a Windows variant (`mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022`).
 */
const WINDOWS_REPOSITORIES = /^(?:mcr\.microsoft\.com\/(?:windows(?:\/[^:@]*)?|dotnet\/framework\/[^:@]+)|microsoft\/(?:windowsservercore|nanoserver|iis|aspnet|dotnet-framework|wcf))(?:[:@]|$)/;
const WINDOWS_TAG = /^mcr\.microsoft\.com\/[^:@]+:[^@]*\b(?:nanoserver|windowsservercore)\b/;

export function isWindowsImage(image: string): boolean {
  const name = image.trim().toLowerCase();
  return WINDOWS_REPOSITORIES.test(name) || WINDOWS_TAG.test(name);
}

function allWindowsImages(doc: TaskDefinitionDocument): boolean {
  return (
    doc.containers.length > 0 &&
    doc.containers.every((container) => {
      const image = stringValue(container.get('image'));
      return image !== undefined && isWindowsImage(image);
    })
  );
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

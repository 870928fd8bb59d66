import { Node } from 'jsonc-parser';
import { childValue, isPlaceholderNode } from '../document/json';
import { ObjectView, TaskDefinitionDocument } from '../document/taskDefinition';

/**
 * Shared by the Security Hub user rules (ECS.1, ECS.20, ECS.21) and the Windows exemption of ECS.5:
 * which operating system a task targets, and who a container runs as.
 */

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

/**
 * A container's `user`:
 * - `absent`: no property, or `null` (describe-task-definition output writes unset fields as null); `node` is the null;
 * - `empty`: `""`, which also leaves the image's default user in place;
 * - `set`: a string value;
 * - `unknown`: a placeholder, or another type (left to the value-type rule).
 */
export type ContainerUser =
  | { readonly kind: 'absent'; readonly node: Node | undefined }
  | { readonly kind: 'empty'; readonly node: Node }
  | { readonly kind: 'set'; readonly node: Node; readonly value: string }
  | { readonly kind: 'unknown' };

export function containerUser(container: ObjectView): ContainerUser {
  const node = container.get('user');
  if (!node || node.type === 'null') return { kind: 'absent', node };
  if (node.type !== 'string' || isPlaceholderNode(node)) return { kind: 'unknown' };
  const value = node.value as string;
  return value === '' ? { kind: 'empty', node } : { kind: 'set', node, value };
}

/** `user` is `user`, `user:group`, `uid` or `uid:gid`; the user part alone decides whether it is root. */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0];
  return user === 'root' || user === '0';
}

/** Windows account names are case-insensitive. */
export function isWindowsAdminUser(value: string): boolean {
  return value.toLowerCase() === 'containeradministrator';
}

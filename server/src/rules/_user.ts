import { Node } from 'jsonc-parser';
import { booleanValue, isPlaceholderNode } from '../document/json';
import { ObjectView } from '../document/taskDefinition';

/** Shared by the Security Hub user rules (ECS.1, ECS.20, ECS.21): who a container runs as. */

/**
 * A container's `user`:
 * - `absent`: no property, or `null` (describe-task-definition output writes unset fields as null); `node` is the null;
 * - `empty`: `""`, which also leaves the image's default user in place;
 * - `set`: a string value;
 * - `unknown`: a placeholder, or another type (left to the value-type rule).
 */
type ContainerUser =
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

/**
 * Whether a container may run privileged: `privileged` is set to anything but `false` or `null` (a placeholder is
 * unknown, so it may). The AWS Config rule behind ECS.1 passes a host-mode container that opts into privileged mode.
 */
export function mayRunPrivileged(container: ObjectView): boolean {
  const privileged = container.get('privileged');
  return privileged !== undefined && privileged.type !== 'null' && booleanValue(privileged) !== false;
}

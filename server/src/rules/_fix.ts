import { JSONPath } from 'jsonc-parser';
import { setValue } from '../document/jsonEdit';
import { ContainerView, TaskDefinitionDocument } from '../document/taskDefinition';
import { FixData, FixProposal } from './rule';

/**
 * Shared by the rules' `fixes`: reading payloads that may have made a round trip through an editor, and
 * finding the object a finding belongs to in the current document.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function startsWith(path: JSONPath, prefix: JSONPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/** The container a finding is on or inside; found by index, since fix-all asks for thousands in a large file. */
export function containerAt(doc: TaskDefinitionDocument, path: JSONPath): ContainerView | undefined {
  const first = doc.containers[0];
  const index = first ? path[first.path.length - 1] : undefined;
  if (typeof index !== 'number') return undefined;
  // Items that are not objects have no view, so the list index and the container index can differ.
  const container = doc.containers[index]?.index === index ? doc.containers[index] : doc.containers.find((candidate) => candidate.index === index);
  return container && startsWith(path, container.path) ? container : undefined;
}

/** `"key": value` as the titles write it. */
export function describeSetting(key: string, value: unknown): string {
  return `"${key}": ${JSON.stringify(value)}`;
}

/** A rule's own `{ set: { key } }` on the container of the finding: the value is the rule's, not the payload's. */
export function setOnContainer(fix: FixData, doc: TaskDefinitionDocument, path: JSONPath, key: string, value: unknown, safe: boolean): FixProposal[] {
  const container = containerAt(doc, path);
  if (!isRecord(fix.set) || fix.set.key !== key || !container) return [];
  return [{ title: `Set ${describeSetting(key, value)}`, edits: [setValue([...container.path, key], value)], safe, preferred: true }];
}

/** The `{ replaceWith }` payload: the value that replaces the one at the finding's path. */
export function replacement(fix: FixData): { value: unknown } | undefined {
  return 'replaceWith' in fix && fix.replaceWith !== undefined ? { value: fix.replaceWith } : undefined;
}

/** Replace the value at the finding's path with one of the rule's allowed values. */
export function replaceWithAllowed(fix: FixData, path: JSONPath, allowed: readonly unknown[], safe: boolean): FixProposal[] {
  const replace = replacement(fix);
  const key = path[path.length - 1];
  if (!replace || !allowed.includes(replace.value) || typeof key !== 'string') return [];
  return [{ title: `Set ${describeSetting(key, replace.value)}`, edits: [setValue(path, replace.value)], safe, preferred: true }];
}

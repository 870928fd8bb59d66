import { Node } from 'jsonc-parser';
import { nodeAt, propertyOf } from './json';
import { collide, JsonEdit, TextChange } from './jsonEdit';
import { columnOf, lineStartOf, trimmedEnd } from './lines';

/**
 * The path-based edits of `jsonEdit.ts`, made on a YAML text as a person would: only the lines that change are
 * touched, so comments, indentation, quoting and flow (`{ }`, `[ ]`) or block style stay as they were, and new
 * lines take the indentation of their siblings. `root` is the tree `parseYaml` built (offsets into `text`).
 */
export function yamlEditChanges(text: string, root: Node | undefined, edits: readonly JsonEdit[]): TextChange[] | undefined {
  if (!root) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const changes: TextChange[] = [];
  for (const edit of edits) {
    const change = changeFor(text, root, edit, eol);
    if (!change || changes.some((other) => collide(other, change))) return undefined;
    changes.push(change);
  }
  return changes;
}

function changeFor(text: string, root: Node, edit: JsonEdit, eol: string): TextChange | undefined {
  // Only a JSON document's root array holds a wrapped task definition.
  if (edit.kind === 'unwrap') return undefined;
  if (edit.kind === 'append') {
    const array = nodeAt(root, edit.path);
    return array?.type === 'array' ? appendTo(text, array, edit.value, eol) : undefined;
  }
  if (edit.path.length === 0) return undefined;
  const parent = nodeAt(root, edit.path.slice(0, -1));
  const last = edit.path[edit.path.length - 1];
  const child = parent?.type === 'object' && typeof last === 'string' ? propertyOf(parent, last) : parent?.type === 'array' && typeof last === 'number' ? parent.children?.[last] : undefined;
  if (!parent || !isEditable(text, parent)) return undefined;
  if (edit.kind === 'remove') return child ? removeFrom(text, parent, child) : undefined;
  if (child) {
    const value = child.type === 'property' ? child.children?.[1] : child;
    if (!value) return undefined;
    if (value.length === 0) return { offset: value.offset, length: 0, content: ` ${flow(edit.value)}` };
    // Flow text is valid in both styles: a new collection value is written `{ ... }` or `[ ... ]`.
    return { offset: value.offset, length: trimmedEnd(text, value) - value.offset, content: flow(edit.value) };
  }
  if (parent.type !== 'object' || typeof last !== 'string') return undefined;
  return addProperty(text, parent, last, edit.value, eol);
}

/** A tagged node (`!If [...]`) became an object in the tree: its text is not a mapping to edit. */
function isEditable(text: string, container: Node): boolean {
  return text[container.offset] !== '!';
}

function isFlow(text: string, container: Node): boolean {
  return text[container.offset] === (container.type === 'object' ? '{' : '[');
}

function addProperty(text: string, object: Node, key: string, value: unknown, eol: string): TextChange | undefined {
  const children = object.children ?? [];
  if (isFlow(text, object)) return flowInsert(text, object, `${scalar(key)}: ${flow(value)}`);
  const first = children[0];
  if (!first) return undefined;
  const column = columnOf(text, first.offset);
  const at = lineEndAfter(text, children[children.length - 1]);
  return { offset: at, length: 0, content: `${eol}${' '.repeat(column)}${scalar(key)}:${blockValue(value, column, eol)}`, appends: true };
}

function appendTo(text: string, array: Node, value: unknown, eol: string): TextChange | undefined {
  if (!isEditable(text, array)) return undefined;
  if (isFlow(text, array)) return flowInsert(text, array, flow(value));
  const items = array.children ?? [];
  const first = items[0];
  if (!first) return undefined;
  const dash = text.lastIndexOf('-', first.offset - 1);
  if (dash < lineStartOf(text, first.offset)) return undefined;
  const column = columnOf(text, dash);
  return { offset: lineEndAfter(text, items[items.length - 1]), length: 0, content: `${eol}${' '.repeat(column)}- ${blockItem(value, column + 2, eol)}`, appends: true };
}

function removeFrom(text: string, container: Node, child: Node): TextChange | undefined {
  const children = container.children ?? [];
  const index = children.indexOf(child);
  if (index < 0) return undefined;
  if (isFlow(text, container)) {
    if (children.length === 1) return { offset: container.offset + 1, length: container.length - 2, content: '' };
    if (index < children.length - 1) return { offset: child.offset, length: children[index + 1].offset - child.offset, content: '' };
    const previousEnd = children[index - 1].offset + children[index - 1].length;
    return { offset: previousEnd, length: child.offset + child.length - previousEnd, content: '' };
  }
  // The last entry of a block mapping or sequence: leave an empty flow collection in its place.
  if (children.length === 1) return { offset: container.offset, length: trimmedEnd(text, container) - container.offset, content: container.type === 'object' ? '{}' : '[]' };
  const start = lineStartOf(text, child.offset);
  const end = lineEndAfter(text, child);
  // Whole lines go, with the line break before them, so the neighbours and their comments stay.
  const lineBreak = text.lastIndexOf('\n', start - 1) >= 0 ? (text[start - 2] === '\r' ? 2 : 1) : 0;
  // A property must start its line; a sequence item follows its dash. (The first key of `- Name: app` does neither.)
  if (text.slice(start, child.offset).trim() !== (container.type === 'array' ? '-' : '')) return undefined;
  return { offset: start - lineBreak, length: end - start + lineBreak, content: '' };
}

function flowInsert(text: string, container: Node, content: string): TextChange | undefined {
  const close = trimmedEnd(text, container) - 1;
  if (text[close] !== (container.type === 'object' ? '}' : ']')) return undefined;
  const children = container.children ?? [];
  if (children.length === 0) return { offset: container.offset + 1, length: close - container.offset - 1, content: container.type === 'object' ? ` ${content} ` : content };
  const last = children[children.length - 1];
  return { offset: last.offset + last.length, length: 0, content: `, ${content}`, appends: true };
}

/** A value after `Key:` in a block mapping: scalars and empty collections inline, others as indented block lines. */
function blockValue(value: unknown, column: number, eol: string): string {
  const indent = ' '.repeat(column + 2);
  if (Array.isArray(value) && value.length > 0) return value.map((item) => `${eol}${indent}- ${blockItem(item, column + 4, eol)}`).join('');
  if (isObject(value) && Object.keys(value).length > 0) {
    return Object.entries(value)
      .map(([key, item]) => `${eol}${indent}${scalar(key)}:${blockValue(item, column + 2, eol)}`)
      .join('');
  }
  return ` ${flow(value)}`;
}

/** A sequence item after `- `: an object's first key on the dash's line, the others below it at `column`. */
function blockItem(value: unknown, column: number, eol: string): string {
  if (!isObject(value) || Object.keys(value).length === 0) return flow(value);
  return Object.entries(value)
    .map(([key, item], i) => `${i === 0 ? '' : `${eol}${' '.repeat(column)}`}${scalar(key)}:${blockValue(item, column, eol)}`)
    .join('');
}

/** YAML flow text: `{ Name: a, Value: "1" }`, `[a, b]`, or a scalar. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (isObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${scalar(key)}: ${flow(item)}`).join(', ')} }`;
  }
  return scalar(value);
}

/** Plain when YAML reads it back as the same string; double-quoted (JSON's syntax is YAML's) otherwise. */
function scalar(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value) ?? 'null';
  const plain = /^[A-Za-z_/][A-Za-z0-9_./@-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The end of the line a node ends on (after any comment there), before the line break. */
function lineEndAfter(text: string, node: Node): number {
  const end = trimmedEnd(text, node);
  const lineBreak = text.indexOf('\n', end);
  const lineEnd = lineBreak < 0 ? text.length : lineBreak;
  return text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
}

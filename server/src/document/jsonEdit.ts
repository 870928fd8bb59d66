import { findNodeAtLocation, FormattingOptions, JSONPath, Node, parseTree } from 'jsonc-parser';
import { propertyOf } from './json';

/**
 * Path-based edits of a JSON document that keep its layout: key order, indentation, line endings, and
 * one-line objects left on one line. jsonc-parser's `modify` with formatting options reflows every line
 * the edit touches (a one-line `{ "name": "app", "image": "nginx" }` next to the change becomes five
 * lines), so the text of each change is built here and only the new text takes the document's style.
 */
export type JsonEdit =
  /** Replace the value at `path`, or add the property (its parent object must exist). */
  | { readonly kind: 'set'; readonly path: JSONPath; readonly value: unknown }
  /** Delete the property or array item at `path`. */
  | { readonly kind: 'remove'; readonly path: JSONPath }
  /** Add an item at the end of the array at `path`. */
  | { readonly kind: 'append'; readonly path: JSONPath; readonly value: unknown }
  /** Replace the one-item array at `path` with its item, as written, one indentation level out (JSON only). */
  | { readonly kind: 'unwrap'; readonly path: JSONPath };

export const setValue = (path: JSONPath, value: unknown): JsonEdit => ({ kind: 'set', path, value });
export const removeValue = (path: JSONPath): JsonEdit => ({ kind: 'remove', path });
export const appendItem = (path: JSONPath, value: unknown): JsonEdit => ({ kind: 'append', path, value });
export const unwrapItem = (path: JSONPath): JsonEdit => ({ kind: 'unwrap', path });

/** The document's own indentation (tabs or spaces, and how many) and line ending. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let tabLines = 0;
  let spaceLines = 0;
  let smallestSpaces = Infinity;
  // Line by line as `text.split(/\r?\n/)` gives them, without making a string per line: "fix all" detects the
  // formatting on every pass, and a 1 MB text has 40,000 lines.
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length + 1 : newline + 1;
    const end = newline === -1 ? text.length : newline > start && text.charCodeAt(newline - 1) === CARRIAGE_RETURN ? newline - 1 : newline;
    let indentEnd = start;
    while (indentEnd < end && (text.charCodeAt(indentEnd) === SPACE || text.charCodeAt(indentEnd) === TAB)) indentEnd++;
    // Lines without indentation, and blank lines, say nothing.
    if (indentEnd > start && indentEnd < end) {
      if (text.charCodeAt(start) === TAB) {
        tabLines++;
      } else {
        spaceLines++;
        smallestSpaces = Math.min(smallestSpaces, indentEnd - start);
      }
    }
    start = next;
  }
  if (tabLines > spaceLines) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: spaceLines > 0 ? smallestSpaces : 2, eol };
}

const TAB = 9;
const CARRIAGE_RETURN = 13;
const SPACE = 32;

/**
 * A change of the text. `appends` marks an addition after the last member of a non-empty object or array:
 * several of those can share an offset, and go in the order given.
 */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
  readonly appends?: boolean;
}

/**
 * The text changes that make the edits, all resolved on `text` (like LSP text edits, not one after the
 * other); undefined when an edit's path is not there or two changes collide.
 */
export function jsonEditChanges(text: string, edits: readonly JsonEdit[], options: { formatting?: FormattingOptions; root?: Node } = {}): TextChange[] | undefined {
  const root = options.root ?? parseTree(text, [], { allowTrailingComma: true });
  if (!root) return undefined;
  const style = styleOf(options.formatting ?? detectFormatting(text));
  const changes: TextChange[] = [];
  for (const edit of edits) {
    const change = changeFor(text, root, edit, style);
    if (!change || changes.some((other) => collide(other, change))) return undefined;
    changes.push(change);
  }
  return changes;
}

/**
 * Whether two changes cannot both be made on the same text. Touching counts as colliding (a removal of an
 * object's last member and an addition after it would fight over the comma), except for additions after
 * the same last member.
 */
export function collide(a: TextChange, b: TextChange): boolean {
  if (a.appends && b.appends && a.offset === b.offset) return false;
  return a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
}

/** Makes changes that do not collide, in one sweep over the text. */
export function applyTextChanges(text: string, changes: readonly TextChange[]): string {
  const ordered = changes.map((change, order) => ({ change, order })).sort((a, b) => a.change.offset - b.change.offset || a.order - b.order);
  const pieces: string[] = [];
  let cursor = 0;
  for (const { change } of ordered) {
    pieces.push(text.slice(cursor, change.offset), change.content);
    cursor = change.offset + change.length;
  }
  pieces.push(text.slice(cursor));
  return pieces.join('');
}

/** The text after the edits; undefined when they cannot be made. */
export function applyJsonEdits(text: string, edits: readonly JsonEdit[], formatting?: FormattingOptions): string | undefined {
  const changes = jsonEditChanges(text, edits, { formatting });
  return changes && applyTextChanges(text, changes);
}

interface Style {
  readonly unit: string;
  readonly eol: string;
}

function styleOf(formatting: FormattingOptions): Style {
  return { unit: formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t', eol: formatting.eol ?? '\n' };
}

function changeFor(text: string, root: Node, edit: JsonEdit, style: Style): TextChange | undefined {
  if (edit.kind === 'unwrap') {
    const array = findNodeAtLocation(root, edit.path);
    return array?.type === 'array' && array.children?.length === 1 ? unwrap(text, array, array.children[0]) : undefined;
  }
  if (edit.kind === 'append') {
    const array = findNodeAtLocation(root, edit.path);
    return array?.type === 'array' ? insertChild(text, array, (layout) => serialize(edit.value, layout, style), style) : undefined;
  }
  if (edit.path.length === 0) return undefined;
  const parent = findNodeAtLocation(root, edit.path.slice(0, -1));
  const last = edit.path[edit.path.length - 1];
  const child = childAt(parent, last);
  if (edit.kind === 'remove') return parent && child ? removeChild(parent, child) : undefined;
  if (!parent) return undefined;
  if (child) {
    const valueNode = child.type === 'property' ? child.children?.[1] : child;
    if (!valueNode) return undefined;
    const layout = { indent: lineIndent(text, child.offset), multiline: isMultiline(text, parent) };
    return { offset: valueNode.offset, length: valueNode.length, content: serialize(edit.value, layout, style) };
  }
  if (parent.type !== 'object' || typeof last !== 'string') return undefined;
  return insertChild(text, parent, (layout) => `${JSON.stringify(last)}: ${serialize(edit.value, layout, style)}`, style);
}

/** The property node of a key in an object, or the item node at an index in an array. */
function childAt(parent: Node | undefined, segment: string | number): Node | undefined {
  if (parent?.type === 'object' && typeof segment === 'string') return propertyOf(parent, segment);
  if (parent?.type === 'array' && typeof segment === 'number') return parent.children?.[segment];
  return undefined;
}

interface Layout {
  /** Indentation of the line the new text starts on. */
  readonly indent: string;
  /** Whether objects and arrays in the new text spread over several lines. */
  readonly multiline: boolean;
}

/** Adds a property or item at the end of an object or array, in the style of its siblings. */
function insertChild(text: string, container: Node, render: (layout: Layout) => string, style: Style): TextChange | undefined {
  const close = container.offset + container.length - 1;
  if (text[close] !== (container.type === 'object' ? '}' : ']')) return undefined;
  const children = container.children ?? [];
  const containerIndent = lineIndent(text, container.offset);
  if (children.length === 0) {
    // An empty object or array takes the shape of the one around it.
    const multiline = container.parent ? isMultiline(text, container.parent.type === 'property' ? container.parent.parent! : container.parent) : true;
    const inner = { offset: container.offset + 1, length: close - container.offset - 1 };
    if (!multiline) {
      const content = render({ indent: containerIndent, multiline: false });
      return { ...inner, content: container.type === 'object' ? ` ${content} ` : content };
    }
    const indent = containerIndent + style.unit;
    return { ...inner, content: `${style.eol}${indent}${render({ indent, multiline: true })}${style.eol}${containerIndent}` };
  }
  const lastChild = children[children.length - 1];
  const end = lastChild.offset + lastChild.length;
  if (!isMultiline(text, container)) {
    return { offset: end, length: 0, content: `, ${render({ indent: containerIndent, multiline: false })}`, appends: true };
  }
  const indent = lineIndent(text, lastChild.offset);
  // A new array item looks like the item before it: one line when that one is on one line.
  const multiline = container.type === 'object' || spansLines(text, lastChild);
  return { offset: end, length: 0, content: `,${style.eol}${indent}${render({ indent, multiline })}`, appends: true };
}

/** Deletes a property or item with the comma and white space that separate it from a neighbour. */
function removeChild(container: Node, child: Node): TextChange | undefined {
  const children = container.children ?? [];
  const index = children.indexOf(child);
  if (index < 0) return undefined;
  if (children.length === 1) {
    return { offset: container.offset + 1, length: container.length - 2, content: '' };
  }
  if (index < children.length - 1) {
    return { offset: child.offset, length: children[index + 1].offset - child.offset, content: '' };
  }
  const previousEnd = children[index - 1].offset + children[index - 1].length;
  return { offset: previousEnd, length: child.offset + child.length - previousEnd, content: '' };
}

/** An object or array whose first member starts on a later line than its opening bracket. */
function isMultiline(text: string, container: Node): boolean {
  const first = container.children?.[0];
  return first ? text.slice(container.offset, first.offset).includes('\n') : spansLines(text, container);
}

function spansLines(text: string, node: Node): boolean {
  return text.slice(node.offset, node.offset + node.length).includes('\n');
}

/**
 * The array's text replaced by its item's, the user's own text: the lines after the item's first lose the
 * indentation the item has beyond the array's, so `[\n  {\n    "a": 1\n  }\n]` becomes `{\n  "a": 1\n}`.
 */
function unwrap(text: string, array: Node, item: Node): TextChange {
  const itemStartsLine = text.lastIndexOf('\n', item.offset - 1) > text.lastIndexOf('\n', array.offset - 1);
  const arrayIndent = lineIndent(text, array.offset);
  const itemIndent = itemStartsLine ? lineIndent(text, item.offset) : arrayIndent;
  const extra = itemIndent.startsWith(arrayIndent) ? itemIndent.slice(arrayIndent.length) : '';
  const [first, ...rest] = text.slice(item.offset, item.offset + item.length).split('\n');
  const content = [first, ...rest.map((line) => (extra && line.startsWith(extra) ? line.slice(extra.length) : line))].join('\n');
  return { offset: array.offset, length: array.length, content };
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** JSON text for a value: `{ "a": 1 }` on one line, or one member per line indented one level deeper. */
function serialize(value: unknown, layout: Layout, style: Style): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const scalars = value.every((item) => item === null || typeof item !== 'object');
    if (!layout.multiline || scalars) return `[${value.map((item) => serialize(item, { ...layout, multiline: false }, style)).join(', ')}]`;
    const inner = { indent: layout.indent + style.unit, multiline: true };
    return `[${style.eol}${value.map((item) => inner.indent + serialize(item, inner, style)).join(`,${style.eol}`)}${style.eol}${layout.indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    if (!layout.multiline) return `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${serialize(item, layout, style)}`).join(', ')} }`;
    const inner = { indent: layout.indent + style.unit, multiline: true };
    const members = entries.map(([key, item]) => `${inner.indent}${JSON.stringify(key)}: ${serialize(item, inner, style)}`);
    return `{${style.eol}${members.join(`,${style.eol}`)}${style.eol}${layout.indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

import { Node } from 'jsonc-parser';
import { TextChange } from './jsonEdit';
import { ParsedJson } from './parse';
import { parseYaml } from './yamlTree';
import { columnOf, lineStartOf, trimmedEnd } from './lines';

/**
 * Whether text changes leave an error-free YAML text free of errors, decided on the lines of the smallest block
 * mapping or sequence around them instead of by parsing the whole new text. In block YAML a collection's lines
 * are read by their own indentation: when the collection starts at column `c`, the line after it is indented
 * less than `c`, and its lines, old and new, are all indented at least `c` with every quote, bracket and block
 * scalar closed among them, they parse alone (its first line's `- ` prefixes blanked) exactly as in place, and
 * the text around them is read as before. So when they parse alone without an error, old and new, as one
 * collection of the same kind at column `c`, the whole new text has no error either. Undefined when this cannot
 * tell: the caller parses the whole new text then. Only `true` is ever answered, so the two never disagree on a
 * verdict as long as `true` is right; the differential tests check it over real templates and fuzzed ones.
 */
export function yamlChangesKeepSyntax(parsed: ParsedJson, changes: readonly TextChange[]): true | undefined {
  const { root, syntaxErrors, tooDeepAt, text } = parsed;
  if (!root || syntaxErrors.length > 0 || tooDeepAt !== undefined || changes.length === 0 || !hasDefaultDirectives(parsed)) return undefined;
  const start = Math.min(...changes.map((change) => change.offset));
  const end = Math.max(...changes.map((change) => change.offset + change.length));
  for (const collection of enclosingBlockCollections(text, root, start, end)) {
    const region = regionOf(text, collection);
    if (!region || start < region.start || end > region.end) continue;
    const inert = inertFlowCollections(text, collection, changes);
    const edited = standalone(text, region, inert, changes);
    // The innermost collection whose indentation the edited lines keep is the one parsed (an item appended to a
    // sequence is not inside its last item's mapping); one parse at most, then the caller parses everything.
    if (!withinIndentation(edited.text, region.column)) continue;
    // A change at the line break before the collection's line must leave that line break first: the line before stays as it was.
    if (region.start < lineStartOf(text, region.nodeOffset) && !/^\r?\n/.test(edited.text)) return undefined;
    const original = standalone(text, region, inert, []);
    // Parsing both costs more than parsing the new text once when they are most of a large text; on a small one either is quick.
    if (text.length > SMALL_TEXT && original.text.length + edited.text.length > text.length) return undefined;
    const clean = withinIndentation(original.text, region.column) && parsesAlone(original, collection.type, region.column) && parsesAlone(edited, collection.type, region.column);
    return clean ? true : undefined;
  }
  return undefined;
}

/** Below this many characters the region is checked alone however much of the text it is. */
const SMALL_TEXT = 64 * 1024;

/** The lines a block collection is read from, and what a standalone parse of them needs to know. */
interface Region {
  /** Offsets in the text: the changes must fall within them. */
  readonly start: number;
  readonly end: number;
  /** The column the collection starts at (its first key, or its dashes). */
  readonly column: number;
  /** Where the collection itself starts; before it on its line, only spaces and `- ` (blanked when parsed alone). */
  readonly nodeOffset: number;
}

/**
 * The block mappings and sequences whose lines hold [start, end), innermost first; the root is not one (checking
 * it is parsing everything).
 */
function enclosingBlockCollections(text: string, root: Node, start: number, end: number): Node[] {
  const chain: Node[] = [];
  let node: Node | undefined = root;
  while (node) {
    // An alias's copy is not descended into: its nodes' offsets are the anchored node's, elsewhere in the text.
    const children: Node[] = text[node.offset] === '*' ? [] : (node.children?.flatMap((child) => (child.type === 'property' ? (child.children?.[1] ?? []) : child)) ?? []);
    // Its line break before its first line counts: a change removing the first entry starts there.
    node = children.find((child) => (child.type === 'object' || child.type === 'array') && lineStartOf(text, child.offset) - 2 <= start && end <= lineEndOf(text, trimmedEnd(text, child)));
    if (node) chain.push(node);
  }
  return chain.reverse();
}

function regionOf(text: string, node: Node): Region | undefined {
  const first = text[node.offset];
  // Block collections only: a flow collection, a tagged value (`!If [...]`, an object in the tree), an alias's copy.
  if (first === '{' || first === '[' || first === '!' || first === '&' || first === '*') return undefined;
  if (node.type === 'array' && first !== '-') return undefined;
  const lineStart = lineStartOf(text, node.offset);
  const prefix = text.slice(lineStart, node.offset);
  if (!/^ *(?:- +)*$/.test(prefix)) return undefined;
  const column = node.offset - lineStart;
  // A sequence at its key's column (`Key:\n- a`) ends at a key of that column, not only at a line indented less:
  // its lines are read by the parent's indentation. So does a collection after a tag on its key's line (`Key: !Sub`).
  const opener = openerOf(text, node);
  if (opener === undefined || column === 0 || opener >= column) return undefined;
  const end = lineEndOf(text, trimmedEnd(text, node));
  if (!nextLineIndentedLess(text, end, column)) return undefined;
  // With nothing but spaces before it, the line break before the collection's line is in the region too: a change
  // that removes its first entry's line starts there.
  const start = /-/.test(prefix) || lineStart === 0 ? node.offset : lineStart - (text[lineStart - 2] === '\r' ? 2 : 1);
  if (hasLoneCarriageReturn(text, Math.min(start, lineStart), end)) return undefined;
  return { start, end, column, nodeOffset: node.offset };
}

/** The column of what opens a collection: the key it is the value of (or the tag before it), or its sequence's dash. */
function openerOf(text: string, node: Node): number | undefined {
  const parent = node.parent;
  if (parent?.type === 'property') return parent.children?.[0] ? columnOf(text, parent.children[0].offset) : undefined;
  if (parent?.type === 'array' && text[parent.offset] === '-') return columnOf(text, parent.offset);
  return undefined;
}

/** Whether the first line after `end` with anything on it (a comment too) is indented less than `column`, or there is none. */
function nextLineIndentedLess(text: string, end: number, column: number): boolean {
  let lineBreak = text.indexOf('\n', end);
  while (lineBreak >= 0) {
    const lineStart = lineBreak + 1;
    let indent = lineStart;
    while (text[indent] === ' ') indent++;
    const next = text[indent];
    if (next === '\t' || (next === '\r' && text[indent + 1] !== '\n')) return false;
    if (next !== '\n' && next !== '\r' && next !== undefined) return indent - lineStart < column;
    lineBreak = text.indexOf('\n', lineStart);
  }
  return true;
}

/**
 * The region's text to parse alone, with the changes inside it made: the collection's first line with its `- `
 * prefixes blanked, so the collection starts at its own column as it does in place.
 */
function standalone(text: string, region: Region, inert: readonly TextChange[], changes: readonly TextChange[]): Fragment {
  const blanked = region.start === region.nodeOffset ? ' '.repeat(region.column) : '';
  const ordered = [...inert, ...changes].sort((a, b) => a.offset - b.offset);
  const pieces: string[] = [blanked];
  const emptied: number[] = [];
  let length = blanked.length;
  let cursor = region.start;
  for (const change of ordered) {
    const before = text.slice(cursor, change.offset);
    length += before.length;
    if (inert.includes(change)) emptied.push(length);
    pieces.push(before, change.content);
    length += change.content.length;
    cursor = change.offset + change.length;
  }
  pieces.push(text.slice(cursor, region.end));
  return { text: pieces.join(''), emptied };
}

/** A region's text to parse alone, and where in it the flow collections emptied to `[]` or `{}` are. */
interface Fragment {
  readonly text: string;
  readonly emptied: readonly number[];
}

/**
 * The flow collections (`[...]`, `{...}`) in a collection that are written on one line no change touches, each as
 * a change that empties it: the region is parsed alone with `[]` and `{}` in their place, so a 66,000-item
 * sequence beside the edited key costs nothing to check. Such a collection had no error (the text had none), and
 * where the parse alone still reads `[]` as a flow collection (`readAsFlowCollections`), the full one reads as
 * before: on one line no indentation reaches into it.
 */
function inertFlowCollections(text: string, collection: Node, changes: readonly TextChange[]): TextChange[] {
  const inert: TextChange[] = [];
  const visit = (node: Node | undefined): void => {
    if (!node) return;
    const first = text[node.offset];
    // An alias's copy holds nodes elsewhere in the text.
    if (first === '*') return;
    if (first === '[' || first === '{') {
      const end = trimmedEnd(text, node);
      const lineStart = lineStartOf(text, node.offset);
      const lineEnd = lineEndOf(text, end);
      const oneLine = text[end - 1] === (first === '[' ? ']' : '}') && !/[\r\n]/.test(text.slice(node.offset, end));
      const untouched = changes.every((change) => change.offset + change.length < lineStart || leavesLineEnd(text, lineEnd, change));
      if (oneLine && untouched && end - node.offset > 2) inert.push({ offset: node.offset, length: end - node.offset, content: first === '[' ? '[]' : '{}' });
      return;
    }
    for (const child of node.children ?? []) visit(child.type === 'property' ? child.children?.[1] : child);
  };
  visit(collection);
  return inert;
}

/**
 * Whether a change leaves the line ending at `lineEnd` and its line break as they are: it lies past the line break,
 * or it starts at the line's end and what follows the line is still a line break (or the end of the text).
 */
function leavesLineEnd(text: string, lineEnd: number, change: TextChange): boolean {
  const breakEnd = lineEnd + (text[lineEnd] === '\r' ? 2 : text[lineEnd] === '\n' ? 1 : 0);
  if (change.offset >= breakEnd && breakEnd > lineEnd) return true;
  if (change.offset !== lineEnd) return false;
  const next = change.content.length > 0 ? change.content : text.slice(change.offset + change.length, change.offset + change.length + 2);
  return next === '' || /^\r?\n/.test(next);
}

/** Every line with anything on it indented `column` or more, by spaces; no tab, lone carriage return or byte order mark to read differently. */
function withinIndentation(fragment: string, column: number): boolean {
  if (/\r(?!\n)|\uFEFF/.test(fragment)) return false;
  for (const line of fragment.split('\n')) {
    let indent = 0;
    while (line[indent] === ' ') indent++;
    const next = line[indent];
    if (next === '\t') return false;
    if (next !== undefined && next !== '\r' && indent < column) return false;
  }
  return true;
}

/** Whether a fragment parses alone without an error, as one collection of the type given starting at `column`. */
function parsesAlone(fragment: Fragment, type: Node['type'], column: number): boolean {
  const alone = parseYaml(fragment.text);
  const clean = alone.syntaxErrors.length === 0 && alone.tooDeepAt === undefined && alone.root?.type === type && columnOf(fragment.text, alone.root.offset) === column;
  return clean && readAsFlowCollections(fragment, alone.root!);
}

/**
 * Whether each emptied flow collection is still read as one: a line's role can change with the lines before it
 * (after a new `Key: 1` a more indented line continues its plain scalar, where `: ` in the full collection would
 * be an error and `[]` is not). As a flow collection at the same place, the full one reads as it did: on one line
 * its content depends on nothing around it.
 */
function readAsFlowCollections(fragment: Fragment, root: Node): boolean {
  if (fragment.emptied.length === 0) return true;
  const flowCollections = new Set<number>();
  const visit = (node: Node | undefined): void => {
    if (!node) return;
    if ((node.type === 'array' || node.type === 'object') && (fragment.text[node.offset] === '[' || fragment.text[node.offset] === '{')) flowCollections.add(node.offset);
    for (const child of node.children ?? []) visit(child.type === 'property' ? child.children?.[1] : child);
  };
  visit(root);
  return fragment.emptied.every((offset) => flowCollections.has(offset));
}

/** No `%YAML` or `%TAG` directive: a tag handle defined there would not resolve in a fragment parsed alone. */
function hasDefaultDirectives(parsed: ParsedJson): boolean {
  const directives = parsed.yamlDocument?.directives;
  if (!directives) return false;
  return !directives.yaml.explicit && Object.keys(directives.tags).every((handle) => handle === '!!') && directives.tags['!!'] === 'tag:yaml.org,2002:';
}

function hasLoneCarriageReturn(text: string, from: number, to: number): boolean {
  for (let at = text.indexOf('\r', from); at >= 0 && at < to; at = text.indexOf('\r', at + 1)) if (text[at + 1] !== '\n') return true;
  return false;
}

/** The end of the line `offset` is on, before its line break. */
function lineEndOf(text: string, offset: number): number {
  const lineBreak = text.indexOf('\n', offset);
  const lineEnd = lineBreak < 0 ? text.length : lineBreak;
  return text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
}

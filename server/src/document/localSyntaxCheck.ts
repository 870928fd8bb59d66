import { Node } from 'jsonc-parser';
import { TextChange } from './jsonEdit';
import { parseJson, ParsedJson } from './parse';
import { yamlChangesKeepSyntax } from './yamlLocalSyntaxCheck';

/**
 * Whether text changes leave the document with no more syntax errors than it had, decided on the edited region
 * instead of by parsing the whole new text; undefined when this cannot tell (the caller parses the whole new
 * text then). YAML: `yamlChangesKeepSyntax`.
 */
export function changesKeepSyntax(parsed: ParsedJson, changes: readonly TextChange[]): true | undefined {
  return parsed.language === 'yaml' ? yamlChangesKeepSyntax(parsed, changes) : jsonChangesKeepSyntax(parsed, changes);
}

/**
 * Whether text changes leave the JSON with no more syntax errors than it had, decided on the smallest object
 * or array that strictly encloses them all instead of by parsing the whole new text: when that node had no
 * syntax error and its new text parses alone as one error-free value, the tokens around it are the same as
 * before, so the whole document has exactly its old errors. Undefined when this cannot tell (the caller
 * parses the whole new text then).
 */
function jsonChangesKeepSyntax(parsed: ParsedJson, changes: readonly TextChange[]): true | undefined {
  const { root, syntaxErrors, tooDeepAt, text } = parsed;
  if (!root || tooDeepAt !== undefined || changes.length === 0) return undefined;
  const start = Math.min(...changes.map((change) => change.offset));
  const end = Math.max(...changes.map((change) => change.offset + change.length));
  const node = enclosingContainer(root, start, end);
  if (!node) return undefined;
  const nodeEnd = node.offset + node.length;
  if (syntaxErrors.some((error) => error.offset + error.length >= node.offset && error.offset <= nodeEnd)) return undefined;
  const ordered = [...changes].sort((a, b) => a.offset - b.offset);
  const pieces: string[] = [];
  let cursor = node.offset;
  for (const change of ordered) {
    pieces.push(text.slice(cursor, change.offset), change.content);
    cursor = change.offset + change.length;
  }
  pieces.push(text.slice(cursor, nodeEnd));
  const fragment = parseJson(pieces.join(''));
  const clean = fragment.tooDeepAt === undefined && fragment.syntaxErrors.length === 0 && fragment.root?.type === node.type;
  return clean ? true : undefined;
}

/** The innermost object or array whose brackets strictly enclose [start, end). */
function enclosingContainer(root: Node, start: number, end: number): Node | undefined {
  const encloses = (node: Node | undefined): node is Node => !!node && (node.type === 'object' || node.type === 'array') && node.offset < start && end < node.offset + node.length;
  if (!encloses(root)) return undefined;
  let node = root;
  for (;;) {
    const next = node.children?.map((child) => (child.type === 'property' ? child.children?.[1] : child)).find((child) => encloses(child));
    if (!next) return node;
    node = next;
  }
}

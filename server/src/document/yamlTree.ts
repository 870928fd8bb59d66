import { Node, ParseError, ParseErrorCode } from 'jsonc-parser';
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node as YamlNode, parseDocument, Scalar } from 'yaml';
import { ParsedJson } from './parse';

/** CloudFormation's short intrinsic tags and the long form each stands for. */
const SHORT_TAGS: ReadonlyMap<string, string> = new Map([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...['Sub', 'GetAtt', 'If', 'Join', 'Select', 'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs', 'Split', 'Equals', 'And', 'Or', 'Not', 'Transform', 'Length', 'ToJsonString'].map(
    (name): [string, string] => [`!${name}`, `Fn::${name}`],
  ),
]);

/** Aliases deeper than this are not followed (a billion-laughs document must not hang the server). */
const MAX_ALIAS_DEPTH = 16;
/**
 * Nor more nodes than this copied through aliases in one document: the depth bound alone lets nine aliases
 * of nine aliases, seven levels deep, expand to 4.8 million nodes (the analysis hung for minutes).
 */
const MAX_ALIASED_NODES = 10_000;
/** What is left of MAX_ALIASED_NODES in the parse under way (parsing is synchronous). */
let aliasedNodesLeft = MAX_ALIASED_NODES;

/**
 * Parses YAML into the same tree the JSON parser builds (jsonc-parser nodes with offsets into the text), so
 * everything that reads a parsed document reads YAML too. Short tags become their long form: `!Ref X` is an
 * object `{ "Ref": "X" }` spanning the tag and its value. The `yaml` document is kept for edits.
 */
export function parseYaml(text: string): ParsedJson {
  let document: Document;
  // The parser makes an Error per warning, one per CloudFormation short tag (`!Ref`: "unresolved tag"), and
  // only their positions are read: no stack traces, which cost more than the rest of the parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    document = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  } catch {
    // The parser is error-tolerant; this guards against a stack overflow on absurdly nested input.
    return { text, root: undefined, syntaxErrors: [{ error: ParseErrorCode.InvalidSymbol, offset: 0, length: 0 }], language: 'yaml' };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const syntaxErrors: ParseError[] = document.errors.map((error) => ({
    error: ParseErrorCode.InvalidSymbol,
    offset: error.pos[0],
    length: Math.max(0, error.pos[1] - error.pos[0]),
  }));
  aliasedNodesLeft = MAX_ALIASED_NODES;
  const root = document.contents ? convert(document.contents as YamlNode, text, document, undefined, 0) : undefined;
  return { text, root, syntaxErrors, language: 'yaml', yamlDocument: document };
}

function convert(node: YamlNode, text: string, document: Document, parent: Node | undefined, aliasDepth: number): Node {
  if (isAlias(node)) return convertAlias(node, text, document, parent, aliasDepth);
  if (aliasDepth > 0) aliasedNodesLeft--;
  const [start, end] = node.range ?? [0, 0, 0];
  const longForm = node.tag ? SHORT_TAGS.get(node.tag) : undefined;
  if (longForm) {
    const tagStart = Math.max(0, text.lastIndexOf(node.tag!, start));
    const object: Node = { type: 'object', offset: tagStart, length: end - tagStart, parent, children: [] };
    const property: Node = { type: 'property', offset: tagStart, length: end - tagStart, parent: object, colonOffset: tagStart + node.tag!.length, children: [] };
    const key: Node = { type: 'string', value: longForm, offset: tagStart, length: node.tag!.length, parent: property };
    property.children!.push(key, convertUntagged(node, text, document, property, aliasDepth, start, end));
    object.children!.push(property);
    return object;
  }
  return convertUntagged(node, text, document, parent, aliasDepth, start, end);
}

function convertUntagged(node: YamlNode, text: string, document: Document, parent: Node | undefined, aliasDepth: number, start: number, end: number): Node {
  if (isMap(node)) {
    const object: Node = { type: 'object', offset: start, length: end - start, parent, children: [] };
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const keyNode = pair.key as Scalar;
      const [keyStart, keyEnd] = keyNode.range ?? [start, start];
      const valueEnd = (pair.value as YamlNode | null)?.range?.[1] ?? keyEnd;
      const property: Node = { type: 'property', offset: keyStart, length: valueEnd - keyStart, parent: object, colonOffset: keyEnd, children: [] };
      const key: Node = { type: 'string', value: String(keyNode.value), offset: keyStart, length: keyEnd - keyStart, parent: property };
      property.children!.push(key);
      // `Key:` with nothing after it is null, as in YAML.
      const value = pair.value ? convert(pair.value as YamlNode, text, document, property, aliasDepth) : { type: 'null' as const, value: null, offset: keyEnd, length: 0, parent: property };
      property.children!.push(value);
      object.children!.push(property);
    }
    return object;
  }
  if (isSeq(node)) {
    const array: Node = { type: 'array', offset: start, length: end - start, parent, children: [] };
    for (const item of node.items) {
      if (item === null) continue;
      array.children!.push(convert(item as YamlNode, text, document, array, aliasDepth));
    }
    return array;
  }
  const value = isScalar(node) ? node.value : null;
  return { ...scalarOf(value), offset: start, length: end - start, parent };
}

function convertAlias(alias: Alias, text: string, document: Document, parent: Node | undefined, aliasDepth: number): Node {
  const target = aliasDepth < MAX_ALIAS_DEPTH && aliasedNodesLeft > 0 ? alias.resolve(document) : undefined;
  const [start, end] = alias.range ?? [0, 0];
  if (!target) return { type: 'null', value: null, offset: start, length: end - start, parent };
  // The alias stands where it is written: its own span, the anchored node's content.
  const copy = convert(target as YamlNode, text, document, parent, aliasDepth + 1) as { offset: number; length: number } & Node;
  copy.offset = start;
  copy.length = end - start;
  return copy;
}

function scalarOf(value: unknown): Pick<Node, 'type' | 'value'> {
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'bigint') return { type: 'number', value: Number(value) };
  if (value === null || value === undefined) return { type: 'null', value: null };
  return { type: 'string', value: String(value) };
}

import { Node, ParseError, ParseErrorCode } from 'jsonc-parser';
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node as YamlNode, parseDocument, Scalar } from 'yaml';
import { ParsedJson } from './parse';
import { BranchNode, LeafNode } from './treeNode';

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
    const object = new BranchNode('object', tagStart, end - tagStart, parent);
    const property = new BranchNode('property', tagStart, end - tagStart, object);
    property.colonOffset = tagStart + node.tag!.length;
    const key = new LeafNode('string', tagStart, node.tag!.length, property, longForm);
    property.children = [key, convertUntagged(node, text, document, property, aliasDepth, start, end)];
    object.children = [property];
    return object;
  }
  return convertUntagged(node, text, document, parent, aliasDepth, start, end);
}

function convertUntagged(node: YamlNode, text: string, document: Document, parent: Node | undefined, aliasDepth: number, start: number, end: number): Node {
  if (isMap(node)) {
    const object = new BranchNode('object', start, end - start, parent);
    const properties: Node[] = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const keyNode = pair.key as Scalar;
      const [keyStart, keyEnd] = keyNode.range ?? [start, start];
      const valueEnd = (pair.value as YamlNode | null)?.range?.[1] ?? keyEnd;
      const property = new BranchNode('property', keyStart, valueEnd - keyStart, object);
      property.colonOffset = keyEnd;
      const key = new LeafNode('string', keyStart, keyEnd - keyStart, property, String(keyNode.value));
      // `Key:` with nothing after it is null, as in YAML.
      const value = pair.value ? convert(pair.value as YamlNode, text, document, property, aliasDepth) : new LeafNode('null', keyEnd, 0, property, null);
      property.children = [key, value];
      properties.push(property);
    }
    object.children = properties;
    return object;
  }
  if (isSeq(node)) {
    const array = new BranchNode('array', start, end - start, parent);
    const items: Node[] = [];
    for (const item of node.items) {
      if (item === null) continue;
      items.push(convert(item as YamlNode, text, document, array, aliasDepth));
    }
    array.children = items;
    return array;
  }
  return scalarNode(isScalar(node) ? node.value : null, start, end - start, parent);
}

function convertAlias(alias: Alias, text: string, document: Document, parent: Node | undefined, aliasDepth: number): Node {
  const target = aliasDepth < MAX_ALIAS_DEPTH && aliasedNodesLeft > 0 ? alias.resolve(document) : undefined;
  const [start, end] = alias.range ?? [0, 0];
  if (!target) return new LeafNode('null', start, end - start, parent, null);
  // The alias stands where it is written: its own span, the anchored node's content.
  const copy = convert(target as YamlNode, text, document, parent, aliasDepth + 1) as { offset: number; length: number } & Node;
  copy.offset = start;
  copy.length = end - start;
  return copy;
}

function scalarNode(value: unknown, offset: number, length: number, parent: Node | undefined): LeafNode {
  if (typeof value === 'string') return new LeafNode('string', offset, length, parent, value);
  if (typeof value === 'number') return new LeafNode('number', offset, length, parent, value);
  if (typeof value === 'boolean') return new LeafNode('boolean', offset, length, parent, value);
  if (typeof value === 'bigint') return new LeafNode('number', offset, length, parent, Number(value));
  if (value === null || value === undefined) return new LeafNode('null', offset, length, parent, null);
  return new LeafNode('string', offset, length, parent, String(value));
}

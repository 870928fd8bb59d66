import { Node, ParseError, ParseErrorCode } from 'jsonc-parser';
import { Alias, Composer, CST, Document, isAlias, isMap, isPair, isScalar, isSeq, Lexer, Node as YamlNode, Parser, Scalar, visit, YAMLParseError } from 'yaml';
import { INTRINSIC_FUNCTIONS } from './cloudformation/intrinsics';
import { MAX_NESTING_DEPTH, ParsedJson } from './parse';
import { BranchNode, LeafNode } from './treeNode';

/** CloudFormation's short intrinsic tags and the long form each stands for. */
const SHORT_TAGS: ReadonlyMap<string, string> = new Map(INTRINSIC_FUNCTIONS.map((each) => [each.shortTag, each.name]));

/** Aliases deeper than this are not followed (a billion-laughs document must not hang the server). */
const MAX_ALIAS_DEPTH = 16;
/**
 * Nor more nodes than this copied through aliases in one document: the depth bound alone lets nine aliases
 * of nine aliases, seven levels deep, expand to 4.8 million nodes (the analysis hung for minutes).
 */
const MAX_ALIASED_NODES = 10_000;

/**
 * Parses YAML into the same tree the JSON parser builds (jsonc-parser nodes with offsets into the text), so
 * everything that reads a parsed document reads YAML too. Short tags become their long form: `!Ref X` is an
 * object `{ "Ref": "X" }` spanning the tag and its value. The `yaml` document is kept for edits. A text whose
 * sequences and mappings nest deeper than MAX_NESTING_DEPTH gets no tree, only `tooDeepAt`, as JSON does.
 */
export function parseYaml(text: string): ParsedJson {
  // The parser makes an Error per warning, one per CloudFormation short tag (`!Ref`: "unresolved tag"), and
  // only their positions are read: no stack traces, which cost more than the rest of the parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let composed: ComposedYaml;
  try {
    composed = composeFirstDocument(text);
  } catch (error) {
    // The depth guard is meant to make a stack overflow unreachable; should it ever be fooled, the text is "too
    // deep", never a crash of the server's request or of the CLI run. The parser throws on nothing else.
    if (error instanceof RangeError) return { text, root: undefined, syntaxErrors: [], tooDeepAt: 0, language: 'yaml' };
    return { text, root: undefined, syntaxErrors: [{ error: ParseErrorCode.InvalidSymbol, offset: 0, length: 0 }], language: 'yaml' };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if ('tooDeepAt' in composed) return { text, root: undefined, syntaxErrors: [], tooDeepAt: composed.tooDeepAt, language: 'yaml' };
  const { document } = composed;
  const syntaxErrors: ParseError[] = document.errors.map((error) => ({
    error: ParseErrorCode.InvalidSymbol,
    offset: error.pos[0],
    length: Math.max(0, error.pos[1] - error.pos[0]),
  }));
  const conversion: Conversion = { text, document, aliasedNodesLeft: MAX_ALIASED_NODES };
  const root = document.contents ? convert(document.contents as YamlNode, conversion, undefined, { aliases: 0, collections: 0 }) : undefined;
  return { text, root, syntaxErrors, language: 'yaml', yamlDocument: document };
}

type ComposedYaml = { readonly document: Document } | { readonly tooDeepAt: number };

const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false } as const;

/**
 * What `parseDocument` does (the first document of the stream, an error for a second one), with the nesting
 * bounded before the `yaml` package recurses. Its lexer and CST parser are loops over an explicit stack, but its
 * composer recurses, about a kilobyte of stack per collection: it overflowed at 875 nested flow sequences. So
 * the CST parser's tokens reach the composer only once their depth is checked, from what the `yaml` package's
 * own lexer and parser read: nothing in a quoted scalar, a comment or a block scalar can fool the count.
 */
function composeFirstDocument(text: string): ComposedYaml {
  const tokens = depthCheckedTokens(text, MAX_NESTING_DEPTH);
  let document: Document | undefined;
  for (const next of new Composer(PARSE_OPTIONS).compose(tokens, true, text.length)) {
    if (!document) {
      document = next;
      continue;
    }
    document.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
    break;
  }
  if (tokens.tooDeepAt !== undefined) return { tooDeepAt: tokens.tooDeepAt };
  // Only a caller already deep in the stack could still exhaust it: the composer catches that and says where.
  const exhausted = document!.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
  return exhausted ? { tooDeepAt: exhausted.pos[0] } : { document: document! };
}

type CheckedTokens = Iterable<CST.Token> & { tooDeepAt?: number };

/**
 * The CST parser's tokens as long as no collection nests deeper than `maxDepth`; then they end, and `tooDeepAt`
 * says where the first collection too deep starts. Two checks, both without recursion:
 * - while reading, the parser's stack (the document, the open collections, each inside the one below it, a
 *   scalar): a 100,000-deep text is read only a little past depth `maxDepth`, so it costs what a small text does;
 * - each finished document's CST, walked, because the parser also nests without its stack: a flow collection
 *   followed by `:` becomes the key of a new map in its place (and a scalar, which holds nothing). That adds at
 *   most one level per place on the stack, so a document whose stack stayed within `maxDepth` / 2 needs no walk.
 */
function depthCheckedTokens(text: string, maxDepth: number): CheckedTokens {
  const parser = new Parser();
  let deepestStack = 0;
  const checked: CheckedTokens = {
    *[Symbol.iterator]() {
      const tooDeep = (token: CST.Token) => 2 * deepestStack > maxDepth && (checked.tooDeepAt = offsetBeyondDepth(token, maxDepth)) !== undefined;
      for (const lexeme of new Lexer().lex(text)) {
        for (const token of parser.next(lexeme)) {
          if (tooDeep(token)) return;
          yield token;
        }
        const stack = parser.stack.length;
        if (stack > deepestStack) {
          deepestStack = stack;
          if (stack > maxDepth + 2) {
            const tooDeepOnStack = parser.stack.filter(CST.isCollection)[maxDepth];
            if (tooDeepOnStack) return void (checked.tooDeepAt = tooDeepOnStack.offset);
          }
        }
      }
      for (const token of parser.end()) {
        if (tooDeep(token)) return;
        yield token;
      }
    },
  };
  return checked;
}

/** The offset of the first collection in `token` nested deeper than `maxDepth` collections, found without recursion. */
function offsetBeyondDepth(token: CST.Token, maxDepth: number): number | undefined {
  // Only what can hold a collection is visited: collections, documents, and block scalars (whose props take a
  // collection misplaced before them).
  const pending: CST.Token[] = [token];
  const depths: number[] = [0];
  const visit = (child: CST.Token | null | undefined, depth: number) => {
    if (child && (CST.isCollection(child) || child.type === 'block-scalar')) {
      pending.push(child);
      depths.push(depth);
    }
  };
  for (let current = pending.pop(); current; current = pending.pop()) {
    const depth = depths.pop()! + (CST.isCollection(current) ? 1 : 0);
    if (depth > maxDepth) return current.offset;
    switch (current.type) {
      case 'document':
        visit(current.value, depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of current.items) {
          visit(item.key, depth);
          visit(item.value, depth);
        }
        break;
      case 'block-scalar':
        current.props.forEach((prop) => visit(prop, depth));
        break;
    }
  }
  return undefined;
}

/** One conversion under way: the text, the `yaml` document its aliases resolve in, and what is left of MAX_ALIASED_NODES. */
interface Conversion {
  readonly text: string;
  readonly document: Document;
  aliasedNodesLeft: number;
  /** What each alias of the document stands for, found at the first alias (`aliasTargets`). */
  aliasTargets?: Map<Alias, YamlNode | undefined>;
}

/** How deep a node is: in aliases followed, and in sequences and mappings around it (aliases' content counted). */
interface Depth {
  readonly aliases: number;
  readonly collections: number;
}

function convert(node: YamlNode, conversion: Conversion, parent: Node | undefined, depth: Depth): Node {
  if (isAlias(node)) return convertAlias(node, conversion, parent, depth);
  if (depth.aliases > 0) conversion.aliasedNodesLeft--;
  const [start, end] = node.range ?? [0, 0, 0];
  // The text nests no deeper than MAX_NESTING_DEPTH (composeFirstDocument), but an alias's content does not count
  // there: sixteen aliases of 500-deep sequences, each inside the next, would be 8,000 levels deep. What lies
  // beyond the bound through aliases is null, as aliases beyond the alias bounds are.
  if ((isMap(node) || isSeq(node)) && depth.collections >= MAX_NESTING_DEPTH) return new LeafNode('null', start, end - start, parent, null);
  const longForm = node.tag ? SHORT_TAGS.get(node.tag) : undefined;
  if (longForm) {
    const tagStart = Math.max(0, conversion.text.lastIndexOf(node.tag!, start));
    const object = new BranchNode('object', tagStart, end - tagStart, parent);
    const property = new BranchNode('property', tagStart, end - tagStart, object);
    property.colonOffset = tagStart + node.tag!.length;
    const key = new LeafNode('string', tagStart, node.tag!.length, property, longForm);
    property.children = [key, convertUntagged(node, conversion, property, depth, start, end)];
    object.children = [property];
    return object;
  }
  return convertUntagged(node, conversion, parent, depth, start, end);
}

function convertUntagged(node: YamlNode, conversion: Conversion, parent: Node | undefined, depth: Depth, start: number, end: number): Node {
  const inside: Depth = { aliases: depth.aliases, collections: depth.collections + 1 };
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
      const value = pair.value ? convert(pair.value as YamlNode, conversion, property, inside) : new LeafNode('null', keyEnd, 0, property, null);
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
      items.push(convert(item as YamlNode, conversion, array, inside));
    }
    array.children = items;
    return array;
  }
  return scalarNode(isScalar(node) ? node.value : null, start, end - start, parent);
}

function convertAlias(alias: Alias, conversion: Conversion, parent: Node | undefined, depth: Depth): Node {
  const target = depth.aliases < MAX_ALIAS_DEPTH && conversion.aliasedNodesLeft > 0 ? (conversion.aliasTargets ??= aliasTargets(conversion.document)).get(alias) : undefined;
  const [start, end] = alias.range ?? [0, 0];
  if (!target) return new LeafNode('null', start, end - start, parent, null);
  // The alias stands where it is written: its own span, the anchored node's content.
  const copy = convert(target as YamlNode, conversion, parent, { aliases: depth.aliases + 1, collections: depth.collections }) as { offset: number; length: number } & Node;
  copy.offset = start;
  copy.length = end - start;
  return copy;
}

/**
 * The node each alias stands for: the last node before it anchored with its name, as `Alias.resolve` finds it.
 * In one pass over the document: `Alias.resolve` walks the whole document for each alias, and an alias bomb's
 * 10,000 copies in a 150 KB template took minutes.
 */
function aliasTargets(document: Document): Map<Alias, YamlNode | undefined> {
  const targets = new Map<Alias, YamlNode | undefined>();
  const anchored = new Map<string, YamlNode>();
  visit(document, {
    Node: (_key, node) => {
      if (isAlias(node)) targets.set(node, anchored.get(node.source));
      else if (node.anchor) anchored.set(node.anchor, node);
    },
  });
  return targets;
}

function scalarNode(value: unknown, offset: number, length: number, parent: Node | undefined): LeafNode {
  if (typeof value === 'string') return new LeafNode('string', offset, length, parent, value);
  if (typeof value === 'number') return new LeafNode('number', offset, length, parent, value);
  if (typeof value === 'boolean') return new LeafNode('boolean', offset, length, parent, value);
  if (typeof value === 'bigint') return new LeafNode('number', offset, length, parent, Number(value));
  if (value === null || value === undefined) return new LeafNode('null', offset, length, parent, null);
  return new LeafNode('string', offset, length, parent, String(value));
}

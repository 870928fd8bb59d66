import type { Node } from 'jsonc-parser';
import { BranchNode, LeafNode } from './treeNode';

/** Thrown (never escaping this module) at the first character that is not plainly strict JSON. */
const NOT_STRICT = Symbol('not strict JSON');

// Character codes.
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const ONE = 49;
const NINE = 57;
const COLON = 58;
const UPPER_A = 65;
const UPPER_E = 69;
const UPPER_F = 70;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const LOWER_A = 97;
const LOWER_B = 98;
const LOWER_E = 101;
const LOWER_F = 102;
const LOWER_L = 108;
const LOWER_N = 110;
const LOWER_R = 114;
const LOWER_S = 115;
const LOWER_T = 116;
const LOWER_U = 117;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/**
 * Tab, line feed and carriage return as bits by character code. One bit test: with a comparison per character, the
 * comparisons after the first went unreached until a carriage return came, and V8 deoptimized the parser then.
 */
const CONTROL_WHITESPACE = (1 << TAB) | (1 << LINE_FEED) | (1 << CARRIAGE_RETURN);

/** Integers with at most this many digits are exact in a double, so adding up their digits gives `Number()`'s value. */
const EXACT_INTEGER_DIGITS = 15;

/**
 * Where a scan for too-deep nesting can start instead of at offset 0 on a text the fast path gave up on: right
 * after the opening bracket of the innermost container open when it stopped, with that container and those
 * around it open. Everything before is strict JSON, so a scan from the start would be there in the same state.
 */
export interface NestingScanStart {
  readonly offset: number;
  /** The open containers, outermost first. */
  readonly open: readonly ('object' | 'array')[];
}

type StrictJsonParse = { readonly root: Node } | { readonly root: undefined; readonly resumeNestingScan: NestingScanStart };

/**
 * The tree jsonc-parser's `parseTree` builds for `text`, node for node, when the text is plainly strict JSON
 * (RFC 8259 grammar, whitespace only space, tab, LF and CR, nesting at most `maxDepth` deep, not empty), on
 * which `parseTree` reports no error. For any other text no root: the caller parses it with `parseTree`, whose
 * recovery and errors this does not repeat, and may start its depth scan where this says. Written for speed:
 * one pass of `charCodeAt`, strings without escapes sliced from the text, each container's children copied
 * once into an array of their exact number.
 */
export function parseStrictJson(text: string, maxDepth: number): StrictJsonParse {
  keepParserShapeAlive ??= new StrictJsonParser('', 0);
  const parser = new StrictJsonParser(text, maxDepth);
  try {
    return { root: parser.document() };
  } catch (error) {
    if (error === NOT_STRICT) return { root: undefined, resumeNestingScan: parser.nestingScanStart() };
    throw error;
  }
}

/**
 * One parser kept alive for the life of the process. V8's optimized parser code depends on the parser objects'
 * shape, which lives only while a parser does: every full collection between two parses (the server's heap
 * trimmer runs them after large edits) dropped that code and the next parse ran unoptimized and recompiled it.
 */
let keepParserShapeAlive: StrictJsonParser | undefined;

class StrictJsonParser {
  private pos = 0;
  private depth = 0;
  /** The innermost open object or array. */
  private container: BranchNode | undefined = undefined;
  /** The children of every open container, innermost last; `pendingCount` of them are live. */
  private readonly pending: Node[] = [];
  private pendingCount = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  nestingScanStart(): NestingScanStart {
    const open: ('object' | 'array')[] = [];
    for (let node: Node | undefined = this.container; node; node = node.parent) if (node.type !== 'property') open.push(node.type as 'object' | 'array');
    return { offset: this.container ? this.container.offset + 1 : 0, open: open.reverse() };
  }

  document(): Node {
    this.skipWhitespace();
    if (this.pos >= this.text.length) throw NOT_STRICT; // empty content: parseTree's own answer
    const root = this.value(undefined);
    this.skipWhitespace();
    if (this.pos !== this.text.length) throw NOT_STRICT;
    return root;
  }

  private skipWhitespace(): void {
    const text = this.text;
    const length = text.length;
    let pos = this.pos;
    // Never a read past the end (where the text ends in whitespace): V8 deoptimizes the first `charCodeAt` out of
    // bounds and from then on calls the builtin at that site instead of inlining it, in every function that inlines this.
    while (pos < length) {
      const code = text.charCodeAt(pos);
      // Most tokens follow no whitespace or one space: two comparisons end the loop at anything above a space.
      if (code !== SPACE && (code > SPACE || ((1 << code) & CONTROL_WHITESPACE) === 0)) break;
      pos++;
    }
    this.pos = pos;
  }

  /** The value at the current position (whitespace already skipped); what follows it is the caller's to check. */
  private value(parent: BranchNode | undefined): Node {
    const text = this.text;
    const start = this.pos;
    switch (text.charCodeAt(start)) {
      case OPEN_BRACE:
        return this.object(parent);
      case OPEN_BRACKET:
        return this.array(parent);
      case QUOTE: {
        const value = this.string();
        return new LeafNode('string', start, this.pos - start, parent, value);
      }
      case LOWER_T:
        if (text.charCodeAt(start + 1) !== LOWER_R || text.charCodeAt(start + 2) !== LOWER_U || text.charCodeAt(start + 3) !== LOWER_E) throw NOT_STRICT;
        this.pos = start + 4;
        return new LeafNode('boolean', start, 4, parent, true);
      case LOWER_F:
        if (text.charCodeAt(start + 1) !== LOWER_A || text.charCodeAt(start + 2) !== LOWER_L || text.charCodeAt(start + 3) !== LOWER_S || text.charCodeAt(start + 4) !== LOWER_E) {
          throw NOT_STRICT;
        }
        this.pos = start + 5;
        return new LeafNode('boolean', start, 5, parent, false);
      case LOWER_N:
        if (text.charCodeAt(start + 1) !== LOWER_U || text.charCodeAt(start + 2) !== LOWER_L || text.charCodeAt(start + 3) !== LOWER_L) throw NOT_STRICT;
        this.pos = start + 4;
        return new LeafNode('null', start, 4, parent, null);
      default:
        return this.number(parent);
    }
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) throw NOT_STRICT; // the caller's depth guard reports where
  }

  private object(parent: BranchNode | undefined): Node {
    this.enter();
    const text = this.text;
    const node = new BranchNode('object', this.pos, -1, parent);
    const outer = this.container;
    this.container = node;
    const first = this.pendingCount;
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      for (;;) {
        const keyStart = this.pos;
        if (text.charCodeAt(keyStart) !== QUOTE) throw NOT_STRICT;
        const property = new BranchNode('property', keyStart, -1, node);
        const name = this.string();
        const key = new LeafNode('string', keyStart, this.pos - keyStart, property, name);
        this.skipWhitespace();
        if (text.charCodeAt(this.pos) !== COLON) throw NOT_STRICT;
        property.colonOffset = this.pos++;
        this.skipWhitespace();
        const value = this.value(property);
        property.length = this.pos - keyStart;
        property.children = [key, value];
        this.pending[this.pendingCount++] = property;
        this.skipWhitespace();
        const next = text.charCodeAt(this.pos);
        if (next === CLOSE_BRACE) break;
        if (next !== COMMA) throw NOT_STRICT;
        this.pos++;
        this.skipWhitespace();
      }
    }
    this.pos++;
    node.length = this.pos - node.offset;
    node.children = this.pending.slice(first, this.pendingCount);
    this.pendingCount = first;
    this.container = outer;
    this.depth--;
    return node;
  }

  private array(parent: BranchNode | undefined): Node {
    this.enter();
    const text = this.text;
    const node = new BranchNode('array', this.pos, -1, parent);
    const outer = this.container;
    this.container = node;
    const first = this.pendingCount;
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      for (;;) {
        const item = this.value(node);
        this.pending[this.pendingCount++] = item;
        this.skipWhitespace();
        const next = text.charCodeAt(this.pos);
        if (next === CLOSE_BRACKET) break;
        if (next !== COMMA) throw NOT_STRICT;
        this.pos++;
        this.skipWhitespace();
      }
    }
    this.pos++;
    node.length = this.pos - node.offset;
    node.children = this.pending.slice(first, this.pendingCount);
    this.pendingCount = first;
    this.container = outer;
    this.depth--;
    return node;
  }

  /** The value of the string whose opening quote is at the current position; moves past its closing quote. */
  private string(): string {
    const text = this.text;
    const length = text.length;
    const start = this.pos + 1;
    for (let pos = start; pos < length; pos++) {
      const code = text.charCodeAt(pos);
      if (code > BACKSLASH) continue; // lower-case letters and most of the rest: one comparison
      if (code === QUOTE) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      if (code === BACKSLASH) return this.escapedString(start, pos);
      if (code < SPACE) throw NOT_STRICT; // a control character or line break: parseTree reports it
    }
    throw NOT_STRICT; // unterminated
  }

  /** The rest of a string from its first backslash, decoded as jsonc-parser's scanner decodes it. */
  private escapedString(start: number, backslash: number): string {
    const text = this.text;
    const length = text.length;
    let result = text.slice(start, backslash);
    let pos = backslash;
    let chunk = pos;
    while (pos < length) {
      const code = text.charCodeAt(pos);
      if (code === QUOTE) {
        this.pos = pos + 1;
        return result + text.slice(chunk, pos);
      }
      if (code === BACKSLASH) {
        result += text.slice(chunk, pos);
        pos++;
        switch (text.charCodeAt(pos++)) {
          case QUOTE:
            result += '"';
            break;
          case BACKSLASH:
            result += '\\';
            break;
          case SLASH:
            result += '/';
            break;
          case LOWER_B:
            result += '\b';
            break;
          case LOWER_F:
            result += '\f';
            break;
          case LOWER_N:
            result += '\n';
            break;
          case LOWER_R:
            result += '\r';
            break;
          case LOWER_T:
            result += '\t';
            break;
          case LOWER_U: {
            let unit = 0;
            for (const end = pos + 4; pos < end; pos++) unit = unit * 16 + hexDigit(text.charCodeAt(pos));
            // One UTF-16 unit per escape, a lone surrogate included, as jsonc-parser decodes it.
            result += String.fromCharCode(unit);
            break;
          }
          default:
            throw NOT_STRICT;
        }
        chunk = pos;
        continue;
      }
      if (code < SPACE) throw NOT_STRICT;
      pos++;
    }
    throw NOT_STRICT;
  }

  /** A number by RFC 8259's grammar; its value is `Number()` of its text, as jsonc-parser gives it (`1e400` is Infinity). */
  private number(parent: BranchNode | undefined): Node {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    let code = text.charCodeAt(pos);
    const negative = code === MINUS;
    if (negative) code = text.charCodeAt(++pos);
    const digitsStart = pos;
    let integer = 0;
    if (code === ZERO) {
      code = text.charCodeAt(++pos);
    } else if (code >= ONE && code <= NINE) {
      do {
        integer = integer * 10 + (code - ZERO);
        code = text.charCodeAt(++pos);
      } while (code >= ZERO && code <= NINE);
    } else {
      throw NOT_STRICT;
    }
    let exact = pos - digitsStart <= EXACT_INTEGER_DIGITS;
    if (code === DOT) {
      code = text.charCodeAt(++pos);
      if (!(code >= ZERO && code <= NINE)) throw NOT_STRICT;
      do code = text.charCodeAt(++pos);
      while (code >= ZERO && code <= NINE);
      exact = false;
    }
    if (code === LOWER_E || code === UPPER_E) {
      code = text.charCodeAt(++pos);
      if (code === PLUS || code === MINUS) code = text.charCodeAt(++pos);
      if (!(code >= ZERO && code <= NINE)) throw NOT_STRICT;
      do code = text.charCodeAt(++pos);
      while (code >= ZERO && code <= NINE);
      exact = false;
    }
    this.pos = pos;
    const value = exact ? (negative ? -integer : integer) : Number(text.slice(start, pos));
    return new LeafNode('number', start, pos - start, parent, value);
  }
}

function hexDigit(code: number): number {
  if (code >= ZERO && code <= NINE) return code - ZERO;
  if (code >= UPPER_A && code <= UPPER_F) return code - UPPER_A + 10;
  if (code >= LOWER_A && code <= LOWER_F) return code - LOWER_A + 10;
  throw NOT_STRICT;
}

import { createScanner, Node, ParseError, parseTree, SyntaxKind } from 'jsonc-parser';
import type { Document } from 'yaml';
import { NestingScanStart, parseStrictJson } from './strictJson';

/** Deeper nesting than this is not a task definition, and the recursive parser would overflow the stack. */
export const MAX_NESTING_DEPTH = 512;

export interface ParsedJson {
  readonly text: string;
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
  /** Set when the text nests deeper than MAX_NESTING_DEPTH: the offset where it does; no tree is built. */
  readonly tooDeepAt?: number;
  /** Set when the text is longer than MAX_ANALYSED_CHARS: it is not parsed at all. */
  readonly tooLarge?: { readonly looksLikeTaskDefinition: boolean };
  /** How the text is written; absent means JSON. A YAML text's tree is built by `parseYaml` (document/yamlTree). */
  readonly language?: 'json' | 'yaml';
  /** The YAML parser's own document, for edits that keep the YAML's layout. */
  readonly yamlDocument?: Document;
}

/**
 * Longer texts are not analysed: the ECS API takes task definitions up to 64 KiB and CloudFormation templates up
 * to 1 MB, and parsing and validating a 50 MB file would freeze the editor for minutes at gigabytes of memory.
 */
export const MAX_ANALYSED_CHARS = 8 * 1024 * 1024;

/** What a text too long to analyse gets instead of a parse: nothing but the notice json-syntax gives it. */
export function tooLargeToParse(text: string): ParsedJson {
  // A cheap look at the start, so a huge package-lock.json gets no notice while a huge task definition does.
  const looksLikeTaskDefinition = /"?containerDefinitions"?\s*:/i.test(text.slice(0, 1024 * 1024));
  return { text, root: undefined, syntaxErrors: [], tooLarge: { looksLikeTaskDefinition } };
}

/**
 * One error-tolerant parse per document version. Comments and trailing commas count as syntax
 * errors because the ECS API and the AWS CLI read strict JSON.
 */
export function parseJson(text: string): ParsedJson {
  // Most texts are strict JSON: one fast pass builds the very tree parseTree would, the depth checked as it goes.
  const strict = parseStrictJson(text, MAX_NESTING_DEPTH);
  return strict.root ? { text, root: strict.root, syntaxErrors: [] } : parseJsonTolerantly(text, strict.resumeNestingScan);
}

/**
 * The parse of any text, with jsonc-parser's error recovery: what `parseJson` gives a text that is not plainly
 * strict JSON (a syntax error, a comment, nesting too deep, no content). Exported for the tests that prove the
 * fast path gives exactly this on every text it accepts.
 */
export function parseJsonTolerantly(text: string, nestingScanStart?: NestingScanStart): ParsedJson {
  const tooDeepAt = offsetBeyondDepth(text, MAX_NESTING_DEPTH, nestingScanStart);
  if (tooDeepAt !== undefined) return { text, root: undefined, syntaxErrors: [], tooDeepAt };
  const syntaxErrors: ParseError[] = [];
  try {
    const root = parseTree(text, syntaxErrors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
    return { text, root, syntaxErrors };
  } catch (error) {
    // The guard below is meant to make this unreachable; should it ever be fooled, one file is "too deep",
    // never a crash of the whole CLI run or of the server's request.
    if (error instanceof RangeError) return { text, root: undefined, syntaxErrors: [], tooDeepAt: 0 };
    throw error;
  }
}

/**
 * The offset where the parser would recurse deeper than `maxDepth`, found without recursion so hostile input
 * cannot exhaust the recursive parser's stack. It reads the text with the parser's own scanner, so strings,
 * comments and line breaks (`\r` ends an unclosed string too) are tokens exactly as the parser sees them. A
 * closing bracket counts only when it closes the innermost open one of its kind: the parser skips mismatched
 * ones (`[},[},...` nests it ever deeper), so this count is never below the parser's depth. It starts at `from`
 * when the strict parse says where (the text before is strict JSON, read there already).
 */
function offsetBeyondDepth(text: string, maxDepth: number, from: NestingScanStart = { offset: 0, open: [] }): number | undefined {
  const scanner = createScanner(text, false);
  scanner.setPosition(from.offset);
  const open: SyntaxKind[] = from.open.map((type) => (type === 'object' ? SyntaxKind.OpenBraceToken : SyntaxKind.OpenBracketToken));
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (open.push(token) > maxDepth) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      const opener = token === SyntaxKind.CloseBraceToken ? SyntaxKind.OpenBraceToken : SyntaxKind.OpenBracketToken;
      if (open.at(-1) === opener) open.pop();
    }
  }
  return undefined;
}

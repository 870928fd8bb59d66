import { createScanner, Node, ParseError, parseTree, SyntaxKind } from 'jsonc-parser';

/** Deeper nesting than this is not a task definition, and the recursive parser would overflow the stack. */
export const MAX_NESTING_DEPTH = 512;

export interface ParsedJson {
  readonly text: string;
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
  /** Set when the text nests deeper than MAX_NESTING_DEPTH: the offset where it does; no tree is built. */
  readonly tooDeepAt?: number;
}

/**
 * One error-tolerant parse per document version. Comments and trailing commas count as syntax
 * errors because the ECS API and the AWS CLI read strict JSON.
 */
export function parseJson(text: string): ParsedJson {
  const tooDeepAt = offsetBeyondDepth(text, MAX_NESTING_DEPTH);
  if (tooDeepAt !== undefined) return { text, root: undefined, syntaxErrors: [], tooDeepAt };
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  return { text, root, syntaxErrors };
}

/** Iterative scan (no recursion), so hostile input cannot exhaust the stack. */
function offsetBeyondDepth(text: string, maxDepth: number): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > maxDepth) return scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

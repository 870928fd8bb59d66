import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';

export interface Token {
  readonly kind: SyntaxKind;
  readonly start: number;
  readonly end: number;
  /** A string with no closing quote (the user is still typing it). */
  readonly unterminated: boolean;
}

interface TokensAround {
  /** The word, string or literal the cursor is in or right after: what a completion replaces. */
  readonly current: Token | undefined;
  /** The last token that ends before `current` (or the cursor). */
  readonly previous: Token | undefined;
  /** The first token that starts after `current` (or the cursor). */
  readonly next: Token | undefined;
}

const REPLACEABLE = new Set([SyntaxKind.StringLiteral, SyntaxKind.NumericLiteral, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword, SyntaxKind.NullKeyword, SyntaxKind.Unknown]);
const TRIVIA = new Set([SyntaxKind.Trivia, SyntaxKind.LineBreakTrivia, SyntaxKind.LineCommentTrivia, SyntaxKind.BlockCommentTrivia]);

/** The significant tokens around `offset`, by scanning (robust to the broken JSON of a half-typed edit). */
export function tokensAround(text: string, offset: number): TokensAround {
  const scanner = createScanner(text, false);
  let previous: Token | undefined;
  let current: Token | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (TRIVIA.has(kind)) continue;
    const start = scanner.getTokenOffset();
    const token: Token = { kind, start, end: start + scanner.getTokenLength(), unterminated: scanner.getTokenError() === ScanError.UnexpectedEndOfString };
    if (start >= offset) return { current, previous, next: token };
    if (REPLACEABLE.has(kind) && offset <= token.end) current = token;
    else previous = token;
  }
  return { current, previous, next: undefined };
}

import { SyntaxKind } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Range } from 'vscode-languageserver-types';
import { Token } from './tokens';

/** Where the completion goes and what must surround it to keep the JSON valid. */
export interface EditSpan {
  readonly range: Range;
  /** The user typed the opening quote, so the filter text must start with one. */
  readonly quoted: boolean;
  /** The cursor directly follows `:`. */
  readonly afterColon: boolean;
  /** The next token starts another property or item, so a comma must follow. */
  readonly needsComma: boolean;
  /** The next token is `:`: the key is being renamed and its value stays. */
  readonly colonFollows: boolean;
  /** Offsets of the replaced text (the key being typed there is not "already present"). */
  readonly start: number;
  readonly end: number;
  /** The previous significant token closes an object, so a new array item needs a leading comma. */
  readonly afterItem: boolean;
}

const STARTS_VALUE = new Set([
  SyntaxKind.StringLiteral,
  SyntaxKind.NumericLiteral,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword,
  SyntaxKind.OpenBraceToken,
  SyntaxKind.OpenBracketToken,
]);

export function editSpan(document: TextDocument, offset: number, current: Token | undefined, next: Token | undefined): EditSpan {
  const text = document.getText();
  const start = current?.start ?? offset;
  // A string the user is still typing runs to the end of the line: replace only what is before the cursor.
  const end = current && !current.unterminated ? current.end : offset;
  const before = text.slice(0, start).trimEnd();
  return {
    range: { start: document.positionAt(start), end: document.positionAt(end) },
    quoted: text[start] === '"',
    afterColon: text[start - 1] === ':',
    needsComma: next !== undefined && STARTS_VALUE.has(next.kind),
    colonFollows: next?.kind === SyntaxKind.ColonToken,
    start,
    end,
    afterItem: before.endsWith('}'),
  };
}

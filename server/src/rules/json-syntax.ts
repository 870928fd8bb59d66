import { ParseErrorCode } from 'jsonc-parser';
import { MAX_NESTING_DEPTH, ParsedJson } from '../document/parse';
import { Finding, SyntaxRule } from './rule';

const MESSAGES: Record<number, string> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character: this is not valid JSON.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number.',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here.',
  [ParseErrorCode.ValueExpected]: 'A value is expected here.',
  [ParseErrorCode.ColonExpected]: 'A colon is expected after the property name.',
  [ParseErrorCode.CommaExpected]: 'A comma is expected between values.',
  [ParseErrorCode.CloseBraceExpected]: 'A closing brace "}" is expected: the object is not closed.',
  [ParseErrorCode.CloseBracketExpected]: 'A closing bracket "]" is expected: the array is not closed.',
  [ParseErrorCode.EndOfFileExpected]: 'Nothing may follow the top-level value.',
  [ParseErrorCode.InvalidCommentToken]: 'Comments are not allowed: the ECS API and the AWS CLI read strict JSON.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'The comment is not closed.',
  [ParseErrorCode.UnexpectedEndOfString]: 'The string is not closed: a closing double quote is expected.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'The number is incomplete.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid Unicode escape sequence.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in a string.',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in a string: control characters must be escaped.',
};

export const jsonSyntax: SyntaxRule = {
  meta: {
    id: 'json-syntax',
    title: 'The file must be strict JSON',
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: 'RegisterTaskDefinition and the AWS CLI accept strict JSON only' },
  },
  checkSyntax(parsed: ParsedJson): Finding[] {
    if (parsed.tooDeepAt !== undefined) {
      return [{ offset: parsed.tooDeepAt, length: 1, path: [], message: `Arrays and objects nest deeper than ${MAX_NESTING_DEPTH} levels here; no task definition does, so the file is not analysed further.` }];
    }
    const findings: Finding[] = parsed.syntaxErrors.map((error) => {
      const trailingComma = error.error === ParseErrorCode.PropertyNameExpected || error.error === ParseErrorCode.ValueExpected
        ? trailingCommaBefore(parsed.text, error.offset)
        : undefined;
      if (trailingComma !== undefined) {
        return { offset: trailingComma, length: 1, path: [], message: 'Trailing comma: remove it, strict JSON does not allow one.' };
      }
      const length = Math.max(1, Math.min(error.length, parsed.text.length - error.offset));
      return { offset: error.offset, length: error.offset < parsed.text.length ? length : 0, path: [], message: MESSAGES[error.error] ?? 'Invalid JSON.' };
    });
    if (parsed.root === undefined && parsed.syntaxErrors.length === 0) {
      findings.push({ offset: 0, length: 0, path: [], message: 'The file is empty: a task definition is a JSON object.' });
    }
    return findings;
  },
};

/** The offset of a comma that directly precedes a closing `}` or `]` at `offset`, if any. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',' ? i : undefined;
}

import { ParseErrorCode } from 'jsonc-parser';
import { MAX_ANALYSED_CHARS, MAX_NESTING_DEPTH, ParsedJson } from '../document/parse';
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
    if (parsed.tooLarge) {
      const megabytes = (parsed.text.length / (1024 * 1024)).toFixed(1);
      return [
        {
          offset: 0,
          length: 0,
          path: [],
          message: `The file is ${megabytes} MB, far beyond any task definition (the ECS API takes at most 64 KiB): it is not analysed. Files over ${MAX_ANALYSED_CHARS / (1024 * 1024)} MB are skipped so the editor stays responsive.`,
        },
      ];
    }
    if (parsed.tooDeepAt !== undefined) {
      return [
        {
          offset: parsed.tooDeepAt,
          length: 1,
          path: [],
          message: `Arrays and objects nest deeper than ${MAX_NESTING_DEPTH} levels here; no task definition does, so the file is not analysed further.`,
        },
      ];
    }
    const findings: Finding[] = [];
    // One finding per place: the parser can report one trailing comma twice, and a placeholder twice.
    const seen = new Set<number>();
    let coveredUntil = -1;
    for (const error of parsed.syntaxErrors) {
      if (error.offset < coveredUntil) continue;
      const placeholder = unquotedPlaceholderAt(parsed.text, error.offset);
      if (placeholder !== undefined) {
        // The parser trips over the placeholder in several places, and on the token right after `{{...}}`.
        coveredUntil = echoEnd(parsed.text, placeholder.offset + placeholder.text.length);
        findings.push({
          offset: placeholder.offset,
          length: placeholder.text.length,
          path: [],
          message: `The template placeholder ${placeholder.text} is not quoted, so this file is a template and not JSON yet: lint the rendered file, or quote the placeholder ("${placeholder.text}") where the value is a string.`,
        });
        continue;
      }
      const trailingComma = error.error === ParseErrorCode.PropertyNameExpected || error.error === ParseErrorCode.ValueExpected ? trailingCommaBefore(parsed.text, error.offset) : undefined;
      const finding: Finding =
        trailingComma !== undefined
          ? { offset: trailingComma, length: 1, path: [], message: 'Trailing comma: remove it, strict JSON does not allow one.' }
          : syntaxError(parsed.text, error.offset, error.length, MESSAGES[error.error] ?? 'Invalid JSON.');
      if (seen.has(finding.offset)) continue;
      seen.add(finding.offset);
      findings.push(finding);
    }
    if (parsed.root === undefined && parsed.syntaxErrors.length === 0) {
      findings.push({ offset: 0, length: 0, path: [], message: 'The file is empty: a task definition is a JSON object.' });
    }
    return findings;
  },
};

function syntaxError(text: string, offset: number, errorLength: number, message: string): Finding {
  const length = Math.max(1, Math.min(errorLength, text.length - offset));
  return { offset, length: offset < text.length ? length : 0, path: [], message };
}

/** Unquoted `${var}`, `{{ var }}` or `#{var}` where a JSON value should start: Terraform, Jinja/Mustache, Octopus. */
const UNQUOTED_PLACEHOLDER = /^(?:\$\{[^{}"\n]{1,200}\}|#\{[^{}"\n]{1,200}\}|\{\{[^{}"\n]{1,200}\}\})/;

/** The placeholder the error at `offset` is in: it starts there, or one character before for `{{`, whose first brace parses. */
function unquotedPlaceholderAt(text: string, offset: number): { offset: number; text: string } | undefined {
  for (const start of [offset, offset - 1]) {
    const match = start >= 0 ? UNQUOTED_PLACEHOLDER.exec(text.slice(start, start + 210)) : null;
    if (match && start + match[0].length > offset) return { offset: start, text: match[0] };
  }
  return undefined;
}

/** Just past the first token after `end`: an error there is the parser still recovering from the placeholder. */
function echoEnd(text: string, end: number): number {
  let i = end;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i + 1;
}

/** The offset of a comma that directly precedes a closing `}` or `]` at `offset`, if any. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',' ? i : undefined;
}

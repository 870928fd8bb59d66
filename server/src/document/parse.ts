import { Node, ParseError, parseTree } from 'jsonc-parser';
import type { Document } from 'yaml';

/** Deeper nesting than this is not a task definition, and the recursive parser would overflow the stack. */
export const MAX_NESTING_DEPTH = 512;

export interface ParsedJson {
  readonly text: string;
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
  /** Set when the text nests deeper than MAX_NESTING_DEPTH: the offset where it does; no tree is built. */
  readonly tooDeepAt?: number;
  /** How the text is written; absent means JSON. A YAML text's tree is built by `parseYaml` (document/yamlTree). */
  readonly language?: 'json' | 'yaml';
  /** The YAML parser's own document, for edits that keep the YAML's layout. */
  readonly yamlDocument?: Document;
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

/**
 * A character loop (no recursion, no tokenizer: it costs a fraction of the parse) that skips strings,
 * so hostile input cannot exhaust the recursive parser's stack. Comments are rare and only make it
 * count brackets inside them, which can only make it stricter.
 */
function offsetBeyondDepth(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c /* \\ */) i++;
      else if (code === 0x22 /* " */ || code === 0x0a /* an unclosed string ends at the line, as in the parser */) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (++depth > maxDepth) return i;
    } else if ((code === 0x7d /* } */ || code === 0x5d /* ] */) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

import { Node, ParseError, parseTree } from 'jsonc-parser';

export interface ParsedJson {
  readonly text: string;
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
}

/**
 * One error-tolerant parse per document version. Comments and trailing commas count as syntax
 * errors because the ECS API and the AWS CLI read strict JSON.
 */
export function parseJson(text: string): ParsedJson {
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  return { text, root, syntaxErrors };
}

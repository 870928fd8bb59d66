import { Node } from 'jsonc-parser';
import { arrayItems, childValue } from '../../server/src/document/json';

/**
 * The plain definition of the nodes a field path reaches, the one `walkFields` and the rules' one walk per
 * object replaced: each segment maps every node reached so far to its child, or to its items for `*`.
 */
export function plainNodesMatching(root: Node, pattern: readonly string[]): Node[] {
  let current: Node[] = [root];
  for (const segment of pattern) {
    current = current.flatMap((node) => {
      if (segment === '*') return arrayItems(node);
      const child = childValue(node, segment);
      return child ? [child] : [];
    });
  }
  return current;
}

/** Whether `JSON.parse` (the ECS API's and the AWS CLI's reading of JSON) accepts the text. */
export function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Node, parseTree } from 'jsonc-parser';
import { arrayItems, childValue } from '../../server/src/document/json';
import { nodesMatching } from '../../server/src/document/schema';

/** The plain definition: each segment maps every node reached so far to its child, or to its items for `*`. */
function plainNodesMatching(root: Node, pattern: readonly string[]): Node[] {
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

describe('nodesMatching', () => {
  it('reaches exactly the nodes of the plain definition (random documents and patterns)', () => {
    const key = fc.constantFrom('a', 'b', 'c');
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.constant(null), fc.dictionary(key, tie('value'), { maxKeys: 3 }), fc.array(tie('value'), { maxLength: 3 })),
    })).value;
    fc.assert(
      fc.property(value, fc.array(fc.constantFrom('a', 'b', 'c', '*'), { maxLength: 4 }), (json, pattern) => {
        const root = parseTree(JSON.stringify(json))!;
        assert.deepEqual(nodesMatching(root, pattern), plainNodesMatching(root, pattern));
      }),
      { numRuns: 2000 },
    );
  });
});

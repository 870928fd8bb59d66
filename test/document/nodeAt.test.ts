import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findNodeAtLocation, getNodePath, JSONPath, Node, parseTree } from 'jsonc-parser';
import { nodeAt } from '../../server/src/document/json';
import { parseYaml } from '../../server/src/document/yamlTree';

/** Every node's path, and each path with its last key changed to one that is not there. */
function pathsOf(root: Node): JSONPath[] {
  const paths: JSONPath[] = [];
  const visit = (node: Node) => {
    const path = getNodePath(node);
    paths.push(path, [...path, 'missing'], [...path, 0], [...path, 99]);
    node.children?.forEach((child) => visit(child.type === 'property' ? child.children![1] : child));
  };
  visit(root);
  return paths;
}

describe('nodeAt: constant time per key of a large object, the node findNodeAtLocation finds', () => {
  it('agrees with findNodeAtLocation on objects small and large, with duplicate keys', () => {
    // Texts, not values: a value cannot hold a key twice. Objects of 0 to 80 properties drawn from 40 keys.
    const key = fc.integer({ min: 0, max: 39 }).map((i) => `"k${i}"`);
    const { value } = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('1', '"s"', 'null', 'true'),
        fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
        fc.array(fc.tuple(key, tie('value')), { maxLength: 80 }).map((entries) => `{${entries.map(([k, v]) => `${k}:${v}`).join(',')}}`),
      ),
    }));
    fc.assert(
      fc.property(value, (text) => {
        const root = parseTree(text)!;
        for (const path of pathsOf(root)) assert.equal(nodeAt(root, path), findNodeAtLocation(root, path), JSON.stringify(path));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the first of a duplicated resource in a template with a hundred resources', () => {
    const resources = Array.from({ length: 100 }, (_, i) => `  R${i}:\n    Type: AWS::SNS::Topic`).join('\n');
    const { root } = parseYaml(`Resources:\n${resources}\n  R7:\n    Type: AWS::ECS::Cluster\n`);
    const found = nodeAt(root, ['Resources', 'R7', 'Type']);
    assert.equal(found?.value, 'AWS::SNS::Topic');
    assert.equal(found, findNodeAtLocation(root!, ['Resources', 'R7', 'Type']));
    assert.equal(nodeAt(root, ['Resources', 'R100']), undefined);
    assert.equal(nodeAt(undefined, ['Resources']), undefined);
  });
});

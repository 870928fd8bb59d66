import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Node, parseTree } from 'jsonc-parser';
import { FieldSpec, fieldTree, walkFields } from '../../server/src/document/schema';
import { plainNodesMatching } from '../support/oracles';

/** JSON text with what JSON.stringify never writes: repeated keys, and a property without a value (`"a":}`). */
type Value = number | null | { entries: [string, Value | 'no value'][] } | Value[];

function write(value: Value | 'no value'): string {
  if (value === 'no value') return '';
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${value.entries.map(([key, item]) => `"${key}":${write(item)}`).join(',')}}`;
  return JSON.stringify(value);
}

describe('walkFields', () => {
  it('reaches for each spec exactly the nodes of the plain definition, in document order (random documents and tables)', () => {
    const key = fc.constantFrom('a', 'b', 'c', '*');
    const value = fc.letrec<{ value: Value }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.integer(),
        fc.constant(null),
        fc.record({ entries: fc.array(fc.tuple(key, fc.oneof(tie('value'), fc.constant<'no value'>('no value'))), { maxLength: 4 }) }),
        // Large objects, with many repeated keys.
        fc.record({ entries: fc.array(fc.tuple(key, fc.oneof(fc.integer(), fc.constant<'no value'>('no value'))), { minLength: 30, maxLength: 40 }) }),
        fc.array(tie('value'), { maxLength: 3 }),
      ),
    })).value;
    const pattern = fc.array(fc.constantFrom('a', 'b', 'c', '*'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(value, fc.array(pattern, { maxLength: 6 }), (document, patterns) => {
        const root = parseTree(write(document), [])!;
        const specs: FieldSpec[] = patterns.map((path) => ({ path, type: 'string' }));
        const reached: Node[][] = specs.map(() => []);
        walkFields(root, fieldTree(specs), (spec, index, node) => {
          assert.equal(spec, specs[index]);
          reached[index].push(node);
        });
        specs.forEach((spec, index) => {
          const expected = plainNodesMatching(root, spec.path);
          const offsets = (nodes: Node[]) => nodes.map((node) => node.offset);
          assert.deepEqual(offsets(reached[index]), offsets(expected), spec.path.join('.'));
          assert.ok(
            reached[index].every((node, i) => node === expected[i]),
            'the same nodes',
          );
        });
      }),
      { numRuns: 2000 },
    );
  });
});

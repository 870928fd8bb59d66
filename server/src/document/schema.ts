import { Node } from 'jsonc-parser';
import { Field, FIELDS, FieldType, NamePairs } from './fields';

/**
 * The fields RegisterTaskDefinition checks the JSON type of, as the `value-type` rule walks them: the
 * checked rows of the field table (document/fields.ts), with an array's items as rows of their own.
 */

/** The JSON type the API expects; `integer` is a JSON number without a fraction. */
export type JsonType = 'string' | 'integer' | 'boolean' | 'array' | 'object';

/** A path below the task object or below one container: property keys, and `*` for every item of an array. */
export type FieldPattern = readonly string[];

export interface FieldSpec {
  readonly path: FieldPattern;
  readonly type: JsonType;
  /** The only values the API accepts, for enumerated strings (case-sensitive). */
  readonly enum?: readonly string[];
  /** What a number counts, for messages. */
  readonly unit?: string;
  /** A short example of the expected shape, shown when the type is wrong. */
  readonly example?: string;
  readonly pairs?: NamePairs;
}

const JSON_TYPES: Record<FieldType, { readonly type: JsonType; readonly items?: JsonType }> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  object: { type: 'object' },
  'string map': { type: 'object' },
  'array of strings': { type: 'array', items: 'string' },
  'array of integers': { type: 'array', items: 'integer' },
  'array of objects': { type: 'array', items: 'object' },
};

function specsOf(field: Field): FieldSpec[] {
  const { check } = field;
  if (!check) return [];
  const { type, items } = JSON_TYPES[field.type];
  const spec: FieldSpec = { path: field.path, type, enum: items ? undefined : field.values, unit: field.unit, example: check.example, pairs: check.pairs };
  if (!items || !check.items) return [spec];
  const itemEnum = items === 'string' ? field.values : undefined;
  return [spec, { path: [...field.path, '*'], type: items, enum: itemEnum, example: check.items.example, pairs: check.items.pairs }];
}

const CHECKED = FIELDS.flatMap(specsOf);
const inContainer = (spec: FieldSpec) => spec.path.length > 2 && spec.path[0] === 'containerDefinitions' && spec.path[1] === '*';

/** Task-level fields. `runtimePlatform.cpuArchitecture` is not checked: the `guardduty-cpu-architecture` rule owns that value. */
export const TASK_FIELDS: readonly FieldSpec[] = CHECKED.filter((spec) => !inContainer(spec));

/** Fields of one container definition, relative to the container object. */
export const CONTAINER_FIELDS: readonly FieldSpec[] = CHECKED.filter(inContainer).map((spec) => ({ ...spec, path: spec.path.slice(2) }));

/**
 * A scope's specs as a tree of their path segments, so that one walk of an object reads each of its
 * properties once, however many fields the table has (value-type looks at every field of every container).
 */
export interface FieldTree {
  /** The specs whose path ends here, with their index in the table. */
  readonly specs: readonly { readonly spec: FieldSpec; readonly index: number }[];
  /** Below a property of an object, by key. */
  readonly keys: ReadonlyMap<string, FieldTree>;
  /** Below every item of an array (`*`). */
  readonly items: FieldTree | undefined;
}

interface MutableFieldTree {
  specs: { spec: FieldSpec; index: number }[];
  keys: Map<string, MutableFieldTree>;
  items: MutableFieldTree | undefined;
}

export function fieldTree(specs: readonly FieldSpec[]): FieldTree {
  const newTree = (): MutableFieldTree => ({ specs: [], keys: new Map(), items: undefined });
  const root = newTree();
  specs.forEach((spec, index) => {
    let tree = root;
    for (const segment of spec.path) {
      if (segment === '*') {
        tree = tree.items ??= newTree();
      } else {
        let next = tree.keys.get(segment);
        if (!next) tree.keys.set(segment, (next = newTree()));
        tree = next;
      }
    }
    tree.specs.push({ spec, index });
  });
  return root;
}

/**
 * Calls `found` for every spec of the tree and every node below `root` its path reaches: exactly the nodes
 * `nodesMatching` gives for the spec (a repeated key: the last one, as in JSON.parse), each spec's nodes in
 * document order; the order across specs is the walk's.
 */
export function walkFields(root: Node, tree: FieldTree, found: (spec: FieldSpec, index: number, node: Node) => void): void {
  if (root.type === 'object' && tree.keys.size > 0) {
    const properties = root.children ?? [];
    const visitedBefore = visited.length;
    // From the last property: of a repeated key the last one wins, as in JSON.parse, and an earlier one finds its
    // field visited. Each key is compared with the object's few visited fields, by identity, not with every later key.
    for (let i = properties.length - 1; i >= 0; i--) {
      const parts = properties[i].children;
      const key = parts?.[0]?.value;
      const below = typeof key === 'string' ? tree.keys.get(key) : undefined;
      if (!below || visitedSince(visitedBefore, below)) continue;
      visited.push(below);
      const value = parts![1];
      if (!value) continue;
      foundAll(below.specs, value, found);
      walkFields(value, below, found);
    }
    visited.length = visitedBefore;
  } else if (root.type === 'array' && tree.items) {
    const items = root.children ?? [];
    for (let i = 0; i < items.length; i++) {
      foundAll(tree.items.specs, items[i], found);
      walkFields(items[i], tree.items, found);
    }
  }
}

/**
 * The fields visited in the objects being walked, the innermost object's last (a stack: an object's entries go when
 * its walk ends). Should `found` throw, its entries stay below the next walk's start, which never reads them.
 */
const visited: FieldTree[] = [];

function visitedSince(start: number, tree: FieldTree): boolean {
  for (let i = start; i < visited.length; i++) if (visited[i] === tree) return true;
  return false;
}

/** `found` for each spec at one node. Index loops here and above: a walk runs mostly before V8 optimizes it, where `for...of` allocates. */
function foundAll(specs: FieldTree['specs'], node: Node, found: (spec: FieldSpec, index: number, node: Node) => void): void {
  for (let i = 0; i < specs.length; i++) found(specs[i].spec, specs[i].index, node);
}

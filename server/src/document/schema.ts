import { Node } from 'jsonc-parser';
import { Field, FIELDS, FieldType, NamePairs } from './fields';
import { childValue } from './json';

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

/** Every node below `root` that the pattern reaches; a missing property or a non-container on the way yields nothing. */
export function nodesMatching(root: Node, pattern: FieldPattern): Node[] {
  // Loops rather than flatMap, stopping at the first segment that matches nothing: value-type asks every
  // container for every field it knows, and most are absent.
  let current: Node[] = [root];
  for (const segment of pattern) {
    const next: Node[] = [];
    for (const node of current) {
      if (segment !== '*') {
        const child = childValue(node, segment);
        if (child) next.push(child);
      } else if (node.type === 'array' && node.children) {
        for (const item of node.children) next.push(item);
      }
    }
    if (next.length === 0) return next;
    current = next;
  }
  return current;
}

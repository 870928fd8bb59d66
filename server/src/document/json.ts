import { Node, JSONPath, findNodeAtLocation } from 'jsonc-parser';

/** The value node of `key` in an object node, or undefined. */
export function childValue(objectNode: Node | undefined, key: string): Node | undefined {
  return propertyOf(objectNode, key)?.children?.[1];
}

/** The `property` node (key + value) of `key` in an object node; the last one wins, as in JSON.parse. */
export function propertyOf(objectNode: Node | undefined, key: string): Node | undefined {
  if (objectNode?.type !== 'object') return undefined;
  const properties = objectNode.children;
  if (!properties) return undefined;
  // From the end: the last property of that key is the one (an index loop: this runs before V8 optimizes anything).
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i];
    if (property.children?.[0]?.value === key) return property;
  }
  return undefined;
}

/** The key node of a value node that sits in an object property. */
export function keyOf(valueNode: Node): Node | undefined {
  const parent = valueNode.parent;
  return parent?.type === 'property' ? parent.children?.[0] : undefined;
}

/**
 * The JSON path of a node, in time proportional to its depth. jsonc-parser's getNodePath finds an array item's
 * index with `indexOf`, which made paths of a 100,000-item array quadratic (minutes for one validation).
 */
export function pathOf(node: Node): JSONPath {
  const path: JSONPath = [];
  for (let current = node; current.parent?.children; current = current.parent) {
    const parent = current.parent;
    if (parent.type === 'property') {
      path.push(parent.children![0].value as string);
    } else if (parent.type === 'array') {
      const index = indexInArray(parent, current);
      if (index !== -1) path.push(index);
    }
  }
  return path.reverse();
}

/** Each array's item indexes, computed once per array on first use (and released with the tree). */
const itemIndexes = new WeakMap<Node, Map<Node, number>>();

function indexInArray(array: Node, item: Node): number {
  const children = array.children ?? [];
  // Small arrays: a scan is cheaper than a map.
  if (children.length <= 32) return children.indexOf(item);
  let indexes = itemIndexes.get(array);
  if (!indexes) {
    indexes = new Map(children.map((child, index) => [child, index]));
    itemIndexes.set(array, indexes);
  }
  return indexes.get(item) ?? -1;
}

/** The root of the tree a node is in. */
export function rootOf(node: Node): Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

/**
 * The node at a path, as jsonc-parser's `findNodeAtLocation` finds it (the first property of a key), in constant
 * time per key of a large object: a template's `Resources` holds thousands of resources, and fixes, hover and
 * the template's variants look paths up in it many times per request.
 */
export function nodeAt(root: Node | undefined, path: JSONPath): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    const small = typeof segment === 'number' || node.type !== 'object' || !node.children || node.children.length < INDEXED_FROM;
    node = small ? findNodeAtLocation(node, [segment]) : keyIndexOf(node).get(segment);
  }
  return node;
}

/** Objects with this many properties or more get an index of their keys, built on the first look-up. */
const INDEXED_FROM = 32;
const keyIndexes = new WeakMap<Node, Map<unknown, Node>>();

/** Each key's value node, the first property of the key winning (trees are not changed once built). */
function keyIndexOf(object: Node): Map<unknown, Node> {
  let index = keyIndexes.get(object);
  if (!index) {
    index = new Map();
    for (const property of object.children ?? []) {
      const [key, value] = property.children ?? [];
      if (property.children?.length === 2 && !index.has(key.value)) index.set(key.value, value);
    }
    keyIndexes.set(object, index);
  }
  return index;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function booleanValue(node: Node | undefined): boolean | undefined {
  return node?.type === 'boolean' ? (node.value as boolean) : undefined;
}

export function numberValue(node: Node | undefined): number | undefined {
  return node?.type === 'number' ? (node.value as number) : undefined;
}

export function arrayItems(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** The property nodes of an object node; none for anything else. */
export function objectProperties(node: Node | undefined): Node[] {
  return node?.type === 'object' ? (node.children ?? []) : [];
}

/** Templating placeholders used by CodeDeploy, shells, Octopus, Mustache/Jinja and Terraform. */
const PLACEHOLDER = /<[A-Za-z0-9_.:-]+>|\$\{[^}]*\}|#\{[^}]*\}|\{\{[^}]*\}\}/;

/** A string that holds a placeholder is an unknown value, never a finding. */
export function containsPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/** True when the node is a string whose value is (or contains) a placeholder. */
export function isPlaceholderNode(node: Node | undefined): boolean {
  return node?.type === 'string' && containsPlaceholder(node.value as string);
}

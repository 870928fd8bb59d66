import { Node, JSONPath, getNodePath, findNodeAtLocation } from 'jsonc-parser';

/** The value node of `key` in an object node, or undefined. */
export function childValue(objectNode: Node | undefined, key: string): Node | undefined {
  return propertyOf(objectNode, key)?.children?.[1];
}

/** The `property` node (key + value) of `key` in an object node; the last one wins, as in JSON.parse. */
export function propertyOf(objectNode: Node | undefined, key: string): Node | undefined {
  if (objectNode?.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const property of objectNode.children ?? []) {
    if (property.children?.[0]?.value === key) found = property;
  }
  return found;
}

/** The key node of a value node that sits in an object property. */
export function keyOf(valueNode: Node): Node | undefined {
  const parent = valueNode.parent;
  return parent?.type === 'property' ? parent.children?.[0] : undefined;
}

export function pathOf(node: Node): JSONPath {
  return getNodePath(node);
}

export function nodeAt(root: Node | undefined, path: JSONPath): Node | undefined {
  return root ? findNodeAtLocation(root, path) : undefined;
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
  return node?.type === 'array' ? node.children ?? [] : [];
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

import { JSONPath, Node } from 'jsonc-parser';
import { childValue, propertyOf, stringValue } from '../json';
import { isIntrinsicName } from './intrinsics';

/** A resource of a CloudFormation template: where it is and what it declares. */
export interface TemplateResource {
  readonly logicalId: string;
  readonly type: string;
  /** The logical id's key node: where findings about the resource as a whole go. */
  readonly keyNode: Node;
  readonly node: Node;
  /** The `Properties` object, when the resource has one. */
  readonly properties: Node | undefined;
}

/** A template parameter, as `Ref` resolves it. */
export interface TemplateParameter {
  readonly name: string;
  readonly type: string | undefined;
  readonly defaultValue: Node | undefined;
  readonly allowedValues: readonly Node[];
}

export interface Template {
  readonly root: Node;
  readonly resources: readonly TemplateResource[];
  readonly parameters: ReadonlyMap<string, TemplateParameter>;
}

export const TASK_DEFINITION_TYPE = 'AWS::ECS::TaskDefinition';
/** What every ECS resource type starts with. */
export const ECS_RESOURCE_TYPE_PREFIX = 'AWS::ECS::';

/**
 * Decides by content whether a parsed document is a CloudFormation template (or CDK output): it has an
 * `AWSTemplateFormatVersion`, or its `Resources` hold at least one `AWS::` type. Other JSON and YAML is left alone.
 */
export function findTemplate(root: Node | undefined): Template | undefined {
  if (root?.type !== 'object') return undefined;
  const resourcesNode = childValue(root, 'Resources');
  const resources = resourcesOf(resourcesNode);
  const declared = propertyOf(root, 'AWSTemplateFormatVersion') !== undefined;
  if (!declared && !resources.some((resource) => resource.type.startsWith('AWS::'))) return undefined;
  return { root, resources, parameters: parametersOf(childValue(root, 'Parameters')) };
}

function resourcesOf(resourcesNode: Node | undefined): TemplateResource[] {
  if (resourcesNode?.type !== 'object') return [];
  return (resourcesNode.children ?? []).flatMap((property) => {
    const [keyNode, node] = property.children ?? [];
    const type = stringValue(childValue(node, 'Type'));
    if (!keyNode || node?.type !== 'object' || type === undefined) return [];
    const properties = childValue(node, 'Properties');
    return [{ logicalId: String(keyNode.value), type, keyNode, node, properties: properties?.type === 'object' ? properties : undefined }];
  });
}

function parametersOf(parametersNode: Node | undefined): Map<string, TemplateParameter> {
  const parameters = new Map<string, TemplateParameter>();
  if (parametersNode?.type !== 'object') return parameters;
  for (const property of parametersNode.children ?? []) {
    const [keyNode, node] = property.children ?? [];
    if (!keyNode || node?.type !== 'object') continue;
    const allowed = childValue(node, 'AllowedValues');
    parameters.set(String(keyNode.value), {
      name: String(keyNode.value),
      type: stringValue(childValue(node, 'Type')),
      defaultValue: childValue(node, 'Default'),
      allowedValues: allowed?.type === 'array' ? (allowed.children ?? []) : [],
    });
  }
  return parameters;
}

/**
 * A template path without the `Fn::If` branches on it: a branch is the value of the property the `Fn::If` is in
 * (`Cpu: !If [C, |, 256]` is at `Cpu`), and the keys of an object in a branch are that property's keys.
 */
export function withoutIfBranches(templatePath: JSONPath): JSONPath {
  return templatePath.filter((_, i) => !isIfBranch(templatePath, i) && !isIfBranch(templatePath, i - 1));
}

function isIfBranch(templatePath: JSONPath, i: number): boolean {
  return templatePath[i] === 'Fn::If' && (templatePath[i + 1] === 1 || templatePath[i + 1] === 2);
}

/** The intrinsic function an object stands for (`Ref`, `Fn::If`, `Condition`, ...), when it is one. */
export function intrinsicOf(node: Node): { name: string; argument: Node } | undefined {
  if (node.type !== 'object' || node.children?.length !== 1) return undefined;
  const [key, argument] = node.children[0].children ?? [];
  const name = key?.value as string;
  if (!argument || !isIntrinsicName(name)) return undefined;
  return { name, argument };
}

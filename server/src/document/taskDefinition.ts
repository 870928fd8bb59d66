import { JSONPath, Node } from 'jsonc-parser';
import { arrayItems, childValue, pathOf, propertyOf, stringValue } from './json';
import { ParsedJson } from './parse';
import type { TemplateSource } from './cloudformation/source';
import { findTemplate } from './cloudformation/template';

/**
 * The shapes in which task definitions are kept in repositories:
 * - `register-input`: the `aws ecs register-task-definition --cli-input-json` input (also CodeDeploy `taskdef.json`);
 * - `describe-output`: `aws ecs describe-task-definition` output, `{"taskDefinition": {...}}`;
 * - `container-array`: a bare array of container definitions, as Terraform users keep them;
 * - `cloudformation`: an `AWS::ECS::TaskDefinition` resource of a CloudFormation template (JSON, YAML, CDK output),
 *   normalized to the API's names (see `cloudformation/source.ts`).
 */
export type TaskDefinitionShape = 'register-input' | 'describe-output' | 'container-array' | 'cloudformation';

/** An object of the task definition and where to point when one of its properties is missing. */
export interface ObjectView {
  readonly node: Node;
  readonly path: JSONPath;
  /** The narrowest node that stands for the whole object: used for missing-property findings. */
  readonly anchor: Node;
  get(key: string): Node | undefined;
  has(key: string): boolean;
}

export interface ContainerView extends ObjectView {
  readonly index: number;
  /** The container's name, or a stand-in such as `#2` when it has none. */
  readonly label: string;
}

export interface TaskDefinitionDocument {
  readonly shape: TaskDefinitionShape;
  readonly parsed: ParsedJson;
  /** The task-level object; undefined for a bare container array. */
  readonly task: ObjectView | undefined;
  readonly containers: readonly ContainerView[];
  /** Set for a task definition read from a template: how its API paths and names map back onto the template. */
  readonly template?: TemplateSource;
}

/** Decides by content whether a JSON document is a task definition, and gives its views. */
export function findTaskDefinition(parsed: ParsedJson): TaskDefinitionDocument | undefined {
  const root = parsed.root;
  if (root?.type === 'object') {
    const wrapped = childValue(root, 'taskDefinition');
    if (wrapped?.type === 'object' && childValue(wrapped, 'containerDefinitions')) {
      const anchor = propertyOf(root, 'taskDefinition')!.children![0];
      return taskDefinitionOf('describe-output', parsed, wrapped, anchor);
    }
    if (childValue(root, 'containerDefinitions')) {
      return taskDefinitionOf('register-input', parsed, root, taskAnchor(root));
    }
    return undefined;
  }
  if (root?.type === 'array' && looksLikeContainerArray(root)) {
    return { shape: 'container-array', parsed, task: undefined, containers: containerViews(root) };
  }
  return undefined;
}

/** A root array that holds task definitions (`[{ "family": ..., "containerDefinitions": [...] }]`, seen in real repositories). */
export interface TaskDefinitionsInArray {
  readonly array: Node;
  /** How many of its items are task definitions (register input or describe output). */
  readonly taskDefinitions: number;
  /** How many items it has in all. */
  readonly items: number;
}

/**
 * A task definition wrapped in an array is not linted as one: `aws ecs register-task-definition --cli-input-json`
 * rejects any input that is not an object ("Invalid type: expecting map"), and so does RegisterTaskDefinition. The
 * task-definition-in-array rule reports it; a bare container array (Terraform's) is no such array.
 */
export function taskDefinitionsInArray(root: Node | undefined): TaskDefinitionsInArray | undefined {
  if (root?.type !== 'array' || looksLikeContainerArray(root)) return undefined;
  const items = arrayItems(root);
  const taskDefinitions = items.filter((item) => item.type === 'object' && isTaskDefinitionObject(item)).length;
  return taskDefinitions > 0 ? { array: root, taskDefinitions, items: items.length } : undefined;
}

/** What such an array is and what to do, in one wording for the rule's finding and the CLI's notice. */
export function describeTaskDefinitionsInArray(found: TaskDefinitionsInArray): string {
  const one = found.taskDefinitions === 1 && found.items === 1;
  const what = one ? 'a task definition inside an array' : `an array of ${found.taskDefinitions} task definitions`;
  return `${what}: the AWS CLI (--cli-input-json) and RegisterTaskDefinition take one task definition object, not an array, so remove the enclosing [ ]${one ? '' : ' and keep one task definition per file'}`;
}

/** Why a document is not linted as a task definition, for a host to tell the user who named it. */
export function whyNotATaskDefinition(parsed: ParsedJson): string {
  const root = parsed.root;
  if (findTemplate(root) || parsed.language === 'yaml') {
    return `${parsed.language === 'yaml' ? 'YAML is read as a CloudFormation template, and this one has' : 'a CloudFormation template with'} no ECS task definition, service, cluster, task set or capacity provider`;
  }
  if (root?.type === 'array') {
    const inArray = taskDefinitionsInArray(root);
    return inArray ? describeTaskDefinitionsInArray(inArray) : 'an array, but not of container definitions with "name" and "image"';
  }
  return 'no "containerDefinitions"';
}

/** Register input (`containerDefinitions` at the top) or describe output (`{"taskDefinition": {...}}`). */
function isTaskDefinitionObject(node: Node): boolean {
  const wrapped = childValue(node, 'taskDefinition');
  return childValue(node, 'containerDefinitions') !== undefined || (wrapped?.type === 'object' && childValue(wrapped, 'containerDefinitions') !== undefined);
}

/** A task definition over a task object: `anchor` stands for the whole task in findings about a missing property. */
export function taskDefinitionOf(shape: TaskDefinitionShape, parsed: ParsedJson, taskNode: Node, anchor: Node, template?: TemplateSource): TaskDefinitionDocument {
  const task = objectView(taskNode, anchor);
  return { shape, parsed, task, containers: containerViews(task.get('containerDefinitions')), ...(template && { template }) };
}

/** For the task object itself the family names it best; otherwise its first key. */
function taskAnchor(taskNode: Node): Node {
  return propertyOf(taskNode, 'family')?.children?.[0] ?? taskNode.children?.[0]?.children?.[0] ?? openingBrace(taskNode);
}

function openingBrace(node: Node): Node {
  return { ...node, length: 1, children: undefined };
}

function looksLikeContainerArray(root: Node): boolean {
  const items = arrayItems(root);
  return items.length > 0 && items.every((item) => item.type === 'object' && (propertyOf(item, 'name') || propertyOf(item, 'image'))) && items.some((item) => propertyOf(item, 'image'));
}

function containerViews(containersNode: Node | undefined): ContainerView[] {
  const views: ContainerView[] = [];
  arrayItems(containersNode).forEach((item, index) => {
    if (item.type !== 'object') return;
    const nameNode = childValue(item, 'name');
    const name = stringValue(nameNode);
    const anchor = nameNode ?? item.children?.[0]?.children?.[0] ?? openingBrace(item);
    views.push(new NodeContainerView(item, anchor, index, name ? `"${name}"` : `#${index + 1}`));
  });
  return views;
}

function objectView(node: Node, anchor: Node = openingBrace(node)): ObjectView {
  return new NodeObjectView(node, anchor);
}

/**
 * A view of one object: a class rather than closures spread into a literal per container. Lookups scan the
 * properties: measured, an index per object was no faster on real files and cost memory on large ones.
 */
class NodeObjectView implements ObjectView {
  readonly path: JSONPath;

  constructor(
    readonly node: Node,
    readonly anchor: Node,
  ) {
    this.path = pathOf(node);
  }

  get(key: string): Node | undefined {
    return this.property(key)?.children?.[1];
  }

  has(key: string): boolean {
    return this.property(key) !== undefined;
  }

  /** The last property of that key wins, as in JSON.parse. */
  private property(key: string): Node | undefined {
    return propertyOf(this.node, key);
  }
}

class NodeContainerView extends NodeObjectView implements ContainerView {
  constructor(
    node: Node,
    anchor: Node,
    readonly index: number,
    readonly label: string,
  ) {
    super(node, anchor);
  }
}

import { JSONPath, Node } from 'jsonc-parser';
import { arrayItems, childValue, isPlaceholderNode, nodeAt, rootOf, stringValue } from './json';
import { ParsedJson } from './parse';
import { intrinsicOf, Template } from './cloudformation/template';
import { ResourceForm, resourceFields, spellsProperty, templateNameBelow, TemplateNameStep, templateNames } from './resourceFields';

/**
 * The ECS resources around a task definition that GuardDuty and Security Hub also judge: services, clusters,
 * task sets and capacity providers. They are read from two places:
 * - CLI input (form `create` or `update`): the `--cli-input-json` of `aws ecs create-service` / `update-service` / `create-cluster` /
 *   `create-task-set` / `create-capacity-provider`, in the API's camelCase names;
 * - a template (form `template`): `AWS::ECS::Service`, `AWS::ECS::Cluster`, `AWS::ECS::TaskSet` and
 *   `AWS::ECS::CapacityProvider` resources of a template, in PascalCase.
 * Rules read both through `ResourceObject`, by the API's names.
 */
export type EcsResourceKind = 'service' | 'cluster' | 'task-set' | 'capacity-provider';

const TEMPLATE_TYPES: Readonly<Record<string, EcsResourceKind>> = {
  'AWS::ECS::Service': 'service',
  'AWS::ECS::Cluster': 'cluster',
  'AWS::ECS::TaskSet': 'task-set',
  'AWS::ECS::CapacityProvider': 'capacity-provider',
};

export interface EcsResource {
  readonly kind: EcsResourceKind;
  /** How it is written: a template resource, or the input of the command that creates it or updates it (update-service). */
  readonly form: ResourceForm;
  /** The resource's own object: the template resource's `Properties`, or the CLI input. */
  readonly properties: ResourceObject;
  /** Where a finding about the resource as a whole goes: the logical id, or the input's first key. */
  readonly anchor: Node;
  /** The template's logical id; undefined for CLI input. */
  readonly logicalId?: string;
  readonly template?: Template;
}

/** An object of a resource, read by the API's property names whatever the document spells them. */
export class ResourceObject {
  constructor(
    /** The object node; undefined for an object the document does not have (yet). */
    readonly node: Node | undefined,
    /** Its path in the document (with the document's spelling). */
    readonly path: JSONPath,
    /** How a template spells the object's properties (from the resource field table); undefined in CLI input, which uses the API's names. */
    private readonly templateNames: TemplateNameStep | undefined,
  ) {}

  /** The value node of an API property (`assignPublicIp` finds `AssignPublicIp` in a template). */
  get(apiKey: string): Node | undefined {
    const property = this.property(apiKey);
    return property?.children?.[1];
  }

  /** The object below an API property, present or not, with its path in the document's spelling. */
  object(apiKey: string): ResourceObject {
    const value = this.get(apiKey);
    const names = this.templateNames && templateNameBelow(this.templateNames, apiKey);
    return new ResourceObject(this.isLiteralObject(value) ? value : undefined, [...this.path, this.keyFor(apiKey)], names);
  }

  /** The items of an array property that are objects, each as a `ResourceObject`. */
  items(apiKey: string): ResourceObject[] {
    const array = this.get(apiKey);
    const names = this.templateNames && templateNameBelow(templateNameBelow(this.templateNames, apiKey), '*');
    return arrayItems(array).flatMap((item, index) => (this.isLiteralObject(item) ? [new ResourceObject(item, [...this.path, this.keyFor(apiKey), index], names)] : []));
  }

  /** An item the array property does not have yet, appended after the present ones: how a fix spells a new item's keys. */
  newItem(apiKey: string): ResourceObject {
    const names = this.templateNames && templateNameBelow(templateNameBelow(this.templateNames, apiKey), '*');
    return new ResourceObject(undefined, [...this.path, this.keyFor(apiKey), arrayItems(this.get(apiKey)).length], names);
  }

  /** An object written out, not an intrinsic function of a template that computes one (unknown: never read). */
  private isLiteralObject(node: Node | undefined): node is Node {
    return node?.type === 'object' && (!this.templateNames || intrinsicOf(node) === undefined);
  }

  /** How this document spells an API property: as written when present, else the template's or the API's name. */
  keyFor(apiKey: string): string {
    const written = this.property(apiKey)?.children?.[0]?.value;
    if (typeof written === 'string') return written;
    return this.templateNames ? templateNameBelow(this.templateNames, apiKey).name : apiKey;
  }

  /** The property as the document writes it; the last one when a key is repeated, as `JSON.parse` reads it. */
  private property(apiKey: string): Node | undefined {
    if (this.node?.type !== 'object') return undefined;
    const names = this.templateNames && templateNameBelow(this.templateNames, apiKey);
    let found: Node | undefined;
    for (const property of this.node.children ?? []) {
      const key = property.children?.[0]?.value;
      if (typeof key !== 'string') continue;
      if (names ? spellsProperty(names, key) : key === apiKey) found = property;
    }
    return found;
  }
}

/** Every service, cluster, task set and capacity provider the document declares: in its template (`findTemplate`), or as CLI input. */
export function findResources(parsed: ParsedJson, template: Template | undefined): EcsResource[] {
  if (template) {
    return template.resources.flatMap((resource) => {
      const kind = TEMPLATE_TYPES[resource.type];
      if (!kind) return [];
      const path = ['Resources', resource.logicalId, 'Properties'];
      const properties = new ResourceObject(resource.properties, path, templateNames(kind));
      return [{ kind, form: 'template' as const, properties, anchor: resource.keyNode, logicalId: resource.logicalId, template }];
    });
  }
  if (parsed.language === 'yaml' || parsed.root?.type !== 'object') return [];
  const input = cliInputOf(parsed.root);
  const anchor = parsed.root.children?.[0]?.children?.[0];
  return input && anchor ? [{ ...input, properties: new ResourceObject(parsed.root, [], undefined), anchor }] : [];
}

const LIST_TASKS_KEYS = ['desiredStatus', 'startedBy', 'containerInstance', 'family', 'nextToken', 'maxResults'];

/**
 * Which `--cli-input-json` an object is, by the keys only that command takes; undefined for anything else
 * (a task definition, a package.json). Task sets and services share most keys: a task set has an
 * `externalId` or a `scale`, which no service input has. update-service input names its service by `service`
 * (create-service by `serviceName`).
 */
function cliInputOf(root: Node): { readonly kind: EcsResourceKind; readonly form: ResourceForm } | undefined {
  const has = (key: string) => childValue(root, key) !== undefined;
  if (has('containerDefinitions') || childValue(root, 'taskDefinition')?.type === 'object') return undefined;
  // list-tasks input also has a serviceName (and a launchType), beside keys no create-service input has.
  if (has('serviceName') && LIST_TASKS_KEYS.some(has)) return undefined;
  if (has('serviceName') || (has('service') && (has('taskDefinition') || has('networkConfiguration') || has('platformVersion') || has('desiredCount') || has('forceNewDeployment')))) {
    if (has('service') && (has('externalId') || has('scale'))) return { kind: 'task-set', form: 'create' };
    return { kind: 'service', form: has('serviceName') ? 'create' : 'update' };
  }
  if (has('service') && has('cluster') && onlyUpdateServiceKeys(root)) return { kind: 'service', form: 'update' };
  if (has('clusterName') && !has('service')) return { kind: 'cluster', form: 'create' };
  if (has('name') && has('autoScalingGroupProvider')) return { kind: 'capacity-provider', form: 'create' };
  return undefined;
}

/**
 * Whether every key with a value is one update-service takes (a key still being typed has none): how update-service
 * input that names nothing to change yet, `{"cluster": ..., "service": ...}`, is told from the other commands that
 * name a cluster and a service (delete-service's `force`, update-task-set's `taskSet`, list-service-deployments' `status`).
 */
function onlyUpdateServiceKeys(root: Node): boolean {
  const known = resourceFields('service', 'update');
  return (root.children ?? []).every((property) => {
    const [key, value] = property.children ?? [];
    return value === undefined || (typeof key?.value === 'string' && known.at([key.value]) !== undefined);
  });
}

/** A value a property may take, and where a finding about it goes. */
export interface PossibleValue {
  /** The literal value node (a parameter's default, a branch of `Fn::If`, or the value itself). */
  readonly node: Node;
  /** Where the template writes it: the value, or the `Ref` / `Fn::If` that stands for it. */
  readonly at: Node;
  /** When the value is only one possibility: `parameter PublicIp is "ENABLED"`, `condition IsProd is true`. */
  readonly when?: string;
}

/**
 * The values a property can have: itself when literal; in a template a parameter's default and its other
 * allowed values, and both branches of an `Fn::If`. Other intrinsic functions and placeholders are unknown:
 * no value, so never a finding.
 */
export function possibleValues(resource: EcsResource, node: Node | undefined, depth = 0): PossibleValue[] {
  if (!node || isPlaceholderNode(node) || depth > 8) return [];
  const call = resource.template ? intrinsicOf(node) : undefined;
  if (!call) return [{ node, at: node }];
  if (call.name === 'Ref' && call.argument.type === 'string') {
    const parameter = resource.template!.parameters.get(call.argument.value as string);
    if (!parameter) return [];
    const values: PossibleValue[] = parameter.defaultValue ? [{ node: parameter.defaultValue, at: node }] : [];
    for (const allowed of parameter.allowedValues) {
      if (allowed.value !== parameter.defaultValue?.value) values.push({ node: allowed, at: node, when: `parameter ${parameter.name} is ${JSON.stringify(allowed.value)}` });
    }
    return values;
  }
  if (call.name === 'Fn::If' && call.argument.type === 'array') {
    const [condition, whenTrue, whenFalse] = arrayItems(call.argument);
    const name = stringValue(condition) ?? '?';
    const branch = (value: Node | undefined, holds: boolean) => possibleValues(resource, value, depth + 1).map((possible) => ({ ...possible, when: possible.when ?? `condition ${name} is ${holds}` }));
    return [...branch(whenTrue, true), ...branch(whenFalse, false)];
  }
  return [];
}

/** The string values a property can have (see `possibleValues`). */
export function possibleStrings(resource: EcsResource, node: Node | undefined): (PossibleValue & { readonly value: string })[] {
  return possibleValues(resource, node).flatMap((possible) => {
    const value = stringValue(possible.node);
    return value === undefined ? [] : [{ ...possible, value }];
  });
}

/**
 * How messages name a resource: by what the CLI input calls it (`Service "api"`); in a template `The service`,
 * since every finding there starts with the resource's logical id.
 */
export function describeResource(resource: EcsResource): string {
  const noun = { service: 'service', cluster: 'cluster', 'task-set': 'task set', 'capacity-provider': 'capacity provider' }[resource.kind];
  if (resource.form === 'template') return `The ${noun}`;
  const nameKey = { service: 'serviceName', cluster: 'clusterName', 'task-set': 'service', 'capacity-provider': 'name' }[resource.kind];
  const nameNode = resource.properties.get(nameKey) ?? (resource.kind === 'service' ? resource.properties.get('service') : undefined);
  const name = stringValue(nameNode);
  const capitalized = noun.charAt(0).toUpperCase() + noun.slice(1);
  return name !== undefined && !isPlaceholderNode(nameNode) ? `${capitalized} "${name}"` : capitalized;
}

/** The node at a document path, inside the resource's document (a fix checks the finding's value is still there). */
export function nodeInDocument(resource: EcsResource, path: JSONPath): Node | undefined {
  return nodeAt(rootOf(resource.anchor), path);
}

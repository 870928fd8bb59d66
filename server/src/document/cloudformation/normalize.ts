import { JSONPath, Node } from 'jsonc-parser';
import { arrayItems, nodeAt, pathOf, rootOf } from '../json';
import { apiName, FieldStep, isFreeFormMap, ScalarType, stepInto, TASK_FIELD_TREE, templateName } from './names';
import { intrinsicOf, Template, TemplateResource } from './template';

/** What the intrinsics of one variant resolve to: parameters bound to a value, conditions to true or false. */
export interface Bindings {
  readonly parameters: ReadonlyMap<string, Node>;
  readonly conditions: ReadonlyMap<string, boolean>;
  /** How a finding that only this variant has says so: `parameter LaunchType is "EC2"`. */
  readonly label?: string;
}

/** A task definition resource as the rules read it: API names, intrinsics resolved, scalars typed as ECS receives them. */
export interface NormalizedTask {
  /** The normalized `Properties` object; every node keeps the offsets of the template node it comes from. */
  readonly root: Node;
  /** The template node each normalized node comes from. */
  readonly sourceOf: ReadonlyMap<Node, Node>;
  /** Nodes that an intrinsic function produced: the template has no literal there to edit. */
  readonly fromIntrinsic: ReadonlySet<Node>;
  /** Parameters with `AllowedValues` and conditions that the resource's values depend on. */
  readonly parametersUsed: ReadonlySet<string>;
  readonly conditionsUsed: ReadonlySet<string>;
}

const NO_VALUE = Symbol('AWS::NoValue');

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

class Normalizer {
  readonly sourceOf = new Map<Node, Node>();
  readonly fromIntrinsic = new Set<Node>();
  readonly parametersUsed = new Set<string>();
  readonly conditionsUsed = new Set<string>();

  constructor(
    private readonly template: Template,
    private readonly bindings: Bindings,
  ) {}

  /** A copy of `source` in API terms; `step` is where it stands in the field table. */
  build(source: Node, parent: Node | undefined, step: FieldStep | undefined): Node | typeof NO_VALUE {
    const call = intrinsicOf(source);
    if (call) return this.resolve(call.name, call.argument, source, parent, step);
    const node: Mutable<Node> = { type: source.type, value: source.value, offset: source.offset, length: source.length, parent };
    convertScalar(node, step);
    this.sourceOf.set(node, source);
    if (source.type === 'object') {
      const freeForm = step?.freeForm === true;
      node.children = [];
      for (const property of source.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const name = freeForm ? String(key.value) : apiName(String(key.value));
        const normalizedProperty: Mutable<Node> = { type: 'property', offset: property.offset, length: property.length, colonOffset: property.colonOffset, parent: node, children: [] };
        const child = this.build(value, normalizedProperty, stepInto(step, name));
        if (child === NO_VALUE) continue;
        const normalizedKey: Node = { type: 'string', value: name, offset: key.offset, length: key.length, parent: normalizedProperty };
        this.sourceOf.set(normalizedProperty, property);
        normalizedProperty.children!.push(normalizedKey, child);
        node.children.push(normalizedProperty);
      }
    } else if (source.type === 'array') {
      node.children = [];
      for (const item of arrayItems(source)) {
        const child = this.build(item, node, stepInto(step, 0));
        if (child !== NO_VALUE) node.children.push(child);
      }
    }
    return node;
  }

  /** The value an intrinsic stands for in this variant, spanning the intrinsic; unknown values become placeholders. */
  private resolve(name: string, argument: Node, source: Node, parent: Node | undefined, step: FieldStep | undefined): Node | typeof NO_VALUE {
    if (name === 'Ref' && argument.type === 'string') {
      const target = argument.value as string;
      if (target === 'AWS::NoValue') return NO_VALUE;
      const parameter = this.template.parameters.get(target);
      if (parameter) {
        if (parameter.allowedValues.length > 0) this.parametersUsed.add(target);
        const value = this.bindings.parameters.get(target) ?? parameter.defaultValue;
        if (value && (value.type === 'string' || value.type === 'number' || value.type === 'boolean')) {
          const isList = parameter.type === 'CommaDelimitedList' || parameter.type?.startsWith('List<');
          return isList ? this.listOf(String(value.value), source, parent, stepInto(step, 0)) : this.scalar(value, source, parent, step);
        }
      }
    } else if (name === 'Fn::If' && argument.type === 'array' && argument.children?.length === 3) {
      const [condition, whenTrue, whenFalse] = argument.children;
      if (condition.type === 'string') {
        const conditionName = condition.value as string;
        this.conditionsUsed.add(conditionName);
        const holds = this.bindings.conditions.get(conditionName);
        if (holds !== undefined) return this.build(holds ? whenTrue : whenFalse, parent, step);
      }
    } else if (name === 'Fn::Sub') {
      // A `${Var}` in the string is a placeholder already; a string without one is the value itself.
      const text = argument.type === 'string' ? argument : argument.children?.[0];
      if (text?.type === 'string') return this.scalar(text, source, parent, step);
    }
    return this.scalar({ type: 'string', value: `\${${placeholderName(name, argument)}}`, offset: source.offset, length: source.length }, source, parent);
  }

  /** A value an intrinsic stands for, spanning the intrinsic in the template. */
  private scalar(value: Node, source: Node, parent: Node | undefined, step?: FieldStep): Node {
    const node: Mutable<Node> = { type: value.type, value: value.value, offset: source.offset, length: source.length, parent };
    convertScalar(node, step);
    this.sourceOf.set(node, source);
    this.fromIntrinsic.add(node);
    return node;
  }

  private listOf(text: string, source: Node, parent: Node | undefined, itemStep: FieldStep | undefined): Node {
    const node: Mutable<Node> = { type: 'array', offset: source.offset, length: source.length, parent, children: [] };
    node.children = text.split(',').map((item) => this.scalar({ type: 'string', value: item.trim(), offset: 0, length: 0 }, source, node, itemStep));
    this.sourceOf.set(node, source);
    this.fromIntrinsic.add(node);
    return node;
  }
}

/**
 * What an unknown value is called in messages (a container named by `!Ref ServiceName` is "${ServiceName}"):
 * the parameter or resource a `Ref` names, the attribute a `GetAtt` reads, or the function.
 */
function placeholderName(name: string, argument: Node): string {
  if (name === 'Ref' && argument.type === 'string') return argument.value as string;
  if (name === 'Fn::GetAtt') {
    if (argument.type === 'string') return argument.value as string;
    const parts = arrayItems(argument).map((part) => part.value);
    if (parts.length > 0 && parts.every((part) => typeof part === 'string')) return parts.join('.');
  }
  return name;
}

/** The resource's properties normalized for one variant. */
export function normalizeTask(template: Template, resource: TemplateResource, bindings: Bindings): NormalizedTask | undefined {
  if (!resource.properties) return undefined;
  const normalizer = new Normalizer(template, bindings);
  const root = normalizer.build(resource.properties, undefined, TASK_FIELD_TREE);
  if (root === NO_VALUE || root.type !== 'object') return undefined;
  return { root, ...normalizer };
}

/**
 * CloudFormation converts a scalar to the property's type before it calls ECS (`Cpu: 256` is sent as "256",
 * `Essential: "true"` as true), so the rules see the value ECS receives, and a type CloudFormation fixes is no finding.
 */
function convertScalar(node: Mutable<Node>, step: FieldStep | undefined): void {
  const converted = step?.scalar && cloudFormationConversion(step.scalar, node);
  if (converted) Object.assign(node, converted);
}

/** The scalar CloudFormation sends for a value of a field of this type, when it is not the value as written. */
export function cloudFormationConversion(type: ScalarType, node: Node): Pick<Node, 'type' | 'value'> | undefined {
  if (type === 'string' && (node.type === 'number' || node.type === 'boolean')) return { type: 'string', value: String(node.value) };
  if (type === 'integer' && node.type === 'string' && /^\s*-?\d+\s*$/.test(node.value as string)) return { type: 'number', value: Number(node.value) };
  if (type === 'boolean' && node.type === 'string' && /^\s*(true|false)\s*$/i.test(node.value as string)) {
    return { type: 'boolean', value: (node.value as string).trim().toLowerCase() === 'true' };
  }
  return undefined;
}

/** Where an API path of the normalized task is in the template, and whether an intrinsic stands on the way. */
export function templatePathOf(task: NormalizedTask, apiPath: JSONPath): { path: JSONPath; viaIntrinsic: boolean } | undefined {
  for (let depth = apiPath.length; depth >= 0; depth--) {
    const node = nodeAt(task.root, apiPath.slice(0, depth));
    const source = node && task.sourceOf.get(node);
    if (!node || !source) continue;
    const rest = apiPath.slice(depth);
    const freeFormAt = (i: number) => isFreeFormMap(apiPath.slice(0, depth + i));
    const tail = rest.map((segment, i) => (typeof segment === 'number' || freeFormAt(i) ? segment : templateName(segment)));
    return { path: [...pathOf(source), ...tail], viaIntrinsic: task.fromIntrinsic.has(node) };
  }
  return undefined;
}

/**
 * The API path of the normalized node a template path leads to; keys past the last node are renamed. `exact`
 * asks for the node itself: undefined when the path ends inside an intrinsic this variant does not take.
 */
export function apiPathOf(task: NormalizedTask, templatePath: JSONPath, propertiesPath: JSONPath, exact = false): JSONPath | undefined {
  if (!propertiesPath.every((segment, i) => templatePath[i] === segment)) return undefined;
  const normalizedOf = normalizedBySource(task);
  const templateSource = task.sourceOf.get(task.root);
  const templateRoot = templateSource && rootOf(templateSource);
  for (let depth = templatePath.length; depth >= propertiesPath.length; depth--) {
    const source = nodeAt(templateRoot, templatePath.slice(0, depth));
    const normalized = source && normalizedOf.get(source);
    if (!normalized) {
      if (exact) return undefined;
      continue;
    }
    const path = pathOf(normalized);
    for (const segment of templatePath.slice(depth)) path.push(typeof segment === 'number' || isFreeFormMap(path) ? segment : apiName(segment));
    return path;
  }
  return undefined;
}

/** The inverse of `sourceOf`, built once per normalized task: hover and fixes ask it for many paths. */
const inverses = new WeakMap<NormalizedTask, Map<Node, Node>>();
function normalizedBySource(task: NormalizedTask): Map<Node, Node> {
  let inverse = inverses.get(task);
  if (!inverse) {
    inverse = new Map();
    for (const [normalized, source] of task.sourceOf) if (!inverse.has(source)) inverse.set(source, normalized);
    inverses.set(task, inverse);
  }
  return inverse;
}

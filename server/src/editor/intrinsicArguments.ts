import { findNodeAtLocation, JSONPath, Node } from 'jsonc-parser';
import { arrayItems, childValue, objectProperties, stringValue } from '../document/json';
import { ECS_RESOURCE_TYPE_PREFIX, findTemplate, Template, TemplateResource } from '../document/cloudformation/template';
import { GET_ATT_ATTRIBUTES } from './resourceAttributes';

/** A name an intrinsic function's argument may be, as completion offers it. */
export interface ArgumentChoice {
  readonly name: string;
  readonly detail: string;
}

/** The pseudo parameters `Ref` resolves besides the template's parameters and resources. */
const PSEUDO_PARAMETERS = ['AWS::AccountId', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'AWS::NotificationARNs'];

/** Where completion works: the properties of an ECS resource (other resources are left to other extensions). */
interface ArgumentPlace {
  readonly template: Template;
  /** The resource the argument is written in. */
  readonly logicalId: string;
}

function argumentPlace(root: Node | undefined, path: JSONPath): ArgumentPlace | undefined {
  if (path[0] !== 'Resources' || path[2] !== 'Properties') return undefined;
  const template = findTemplate(root);
  const logicalId = path[1];
  if (typeof logicalId !== 'string' || !template?.resources.some((resource) => resource.logicalId === logicalId && resource.type.startsWith(ECS_RESOURCE_TYPE_PREFIX))) return undefined;
  return { template, logicalId };
}

/**
 * The names an intrinsic function takes at a template path, inside the properties of an ECS resource: a `Ref`'s
 * parameters, then the other resources, then the pseudo parameters; an `Fn::If`'s conditions; an `Fn::GetAtt`'s
 * resources, then the attributes of the one named (`Resource.Attribute` in its one-string form). Undefined when
 * the path is no such argument.
 */
export function intrinsicArgumentChoices(root: Node | undefined, path: JSONPath): ArgumentChoice[] | undefined {
  const last = path[path.length - 1];
  const functionName = typeof last === 'number' ? path[path.length - 2] : last;
  const argument = typeof last === 'number' ? last : undefined;
  const kind =
    functionName === 'Ref' && argument === undefined
      ? 'ref'
      : functionName === 'Fn::If' && argument === 0
        ? 'condition'
        : functionName === 'Fn::GetAtt' && (argument === undefined || argument <= 1)
          ? 'getAtt'
          : undefined;
  const place = kind && argumentPlace(root, path);
  if (!place) return undefined;
  const { template, logicalId } = place;
  switch (kind) {
    case 'condition':
      return keyChoices(childValue(template.root, 'Conditions'), 'Condition');
    case 'ref':
      return [...parameterChoices(template), ...otherResources(place).map(resourceChoice), ...PSEUDO_PARAMETERS.map((name) => ({ name, detail: 'Pseudo parameter' }))];
    case 'getAtt': {
      if (argument === 0) return otherResources(place).map(resourceChoice);
      if (argument === undefined) return attributeChoices(otherResources(place));
      const named = stringValue(arrayItems(findNodeAtLocation(template.root, path.slice(0, -1)))[0]);
      const resource = template.resources.find((each) => each.logicalId === named && each.logicalId !== logicalId);
      return (resource ? (GET_ATT_ATTRIBUTES.get(resource.type) ?? []) : []).map((name) => ({ name, detail: `${resource?.type} attribute` }));
    }
  }
}

/**
 * The names a `${...}` of an `Fn::Sub` string at this path may be: the variables of its map, the parameters, the
 * other resources, their documented attributes (`Resource.Attribute`) and the pseudo parameters (`AWS::NoValue`
 * is no string). Undefined when the path is no `Fn::Sub` string in an ECS resource.
 */
export function subVariableChoices(root: Node | undefined, path: JSONPath): ArgumentChoice[] | undefined {
  const last = path[path.length - 1];
  const isList = last === 0 && path[path.length - 2] === 'Fn::Sub';
  if (!(isList || last === 'Fn::Sub')) return undefined;
  const place = argumentPlace(root, path);
  if (!place) return undefined;
  const variablesNode = isList ? arrayItems(findNodeAtLocation(place.template.root, path.slice(0, -1)))[1] : undefined;
  const variables = keyChoices(variablesNode, 'Variable');
  const resources = otherResources(place);
  const pseudo = PSEUDO_PARAMETERS.filter((name) => name !== 'AWS::NoValue').map((name) => ({ name, detail: 'Pseudo parameter' }));
  return [...variables, ...parameterChoices(place.template), ...resources.map(resourceChoice), ...attributeChoices(resources), ...pseudo];
}

/** The keys of an object node (a template's `Conditions`, an `Fn::Sub`'s variables), as choices. */
function keyChoices(objectNode: Node | undefined, detail: string): ArgumentChoice[] {
  return objectProperties(objectNode).flatMap((property) => {
    const name = stringValue(property.children?.[0]);
    return name === undefined ? [] : [{ name, detail }];
  });
}

function parameterChoices(template: Template): ArgumentChoice[] {
  return [...template.parameters.values()].map((parameter) => {
    const byDefault: unknown = parameter.defaultValue?.value;
    return { name: parameter.name, detail: `Parameter${parameter.type ? ` · ${parameter.type}` : ''}${byDefault !== undefined ? ` · default ${String(byDefault)}` : ''}` };
  });
}

/** The resources an argument may name: every one but the resource it is written in. */
function otherResources({ template, logicalId }: ArgumentPlace): TemplateResource[] {
  return template.resources.filter((resource) => resource.logicalId !== logicalId);
}

function resourceChoice(resource: TemplateResource): ArgumentChoice {
  return { name: resource.logicalId, detail: resource.type };
}

/** `Resource.Attribute` for each attribute the resources' types document. */
function attributeChoices(resources: readonly TemplateResource[]): ArgumentChoice[] {
  return resources.flatMap((resource) => (GET_ATT_ATTRIBUTES.get(resource.type) ?? []).map((attribute) => ({ name: `${resource.logicalId}.${attribute}`, detail: `${resource.type} attribute` })));
}

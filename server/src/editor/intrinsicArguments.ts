import { JSONPath, Node } from 'jsonc-parser';
import { childValue, stringValue } from '../document/json';
import { ECS_RESOURCE_TYPE_PREFIX, findTemplate } from '../document/cloudformation/template';

/** A name an intrinsic function's argument may be, as completion offers it. */
export interface ArgumentChoice {
  readonly name: string;
  readonly detail: string;
}

/** The pseudo parameters `Ref` resolves besides the template's parameters and resources. */
const PSEUDO_PARAMETERS = ['AWS::AccountId', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'AWS::NotificationARNs'];

/**
 * The names an intrinsic function takes at a template path, inside the properties of an ECS resource (where
 * completion works; other resources are left to other extensions): a `Ref`'s parameters, then the other
 * resources, then the pseudo parameters; an `Fn::If`'s conditions. Undefined when the path is no such argument.
 */
export function intrinsicArgumentChoices(root: Node | undefined, path: JSONPath): ArgumentChoice[] | undefined {
  const last = path[path.length - 1];
  const isRef = last === 'Ref';
  const isCondition = last === 0 && path[path.length - 2] === 'Fn::If';
  if (!(isRef || isCondition) || path[0] !== 'Resources' || path[2] !== 'Properties') return undefined;
  const template = findTemplate(root);
  const logicalId = path[1];
  if (!template?.resources.some((resource) => resource.logicalId === logicalId && resource.type.startsWith(ECS_RESOURCE_TYPE_PREFIX))) return undefined;
  if (isCondition) {
    const conditions = childValue(template.root, 'Conditions');
    return (conditions?.type === 'object' ? (conditions.children ?? []) : []).flatMap((property) => {
      const name = stringValue(property.children?.[0]);
      return name === undefined ? [] : [{ name, detail: 'Condition' }];
    });
  }
  const parameters = [...template.parameters.values()].map((parameter) => {
    const byDefault: unknown = parameter.defaultValue?.value;
    return { name: parameter.name, detail: `Parameter${parameter.type ? ` · ${parameter.type}` : ''}${byDefault !== undefined ? ` · default ${String(byDefault)}` : ''}` };
  });
  const resources = template.resources.filter((resource) => resource.logicalId !== logicalId).map((resource) => ({ name: resource.logicalId, detail: resource.type }));
  return [...parameters, ...resources, ...PSEUDO_PARAMETERS.map((name) => ({ name, detail: 'Pseudo parameter' }))];
}

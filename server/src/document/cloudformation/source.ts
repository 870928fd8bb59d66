import { JSONPath, Node } from 'jsonc-parser';
import { JsonEdit } from '../jsonEdit';
import { ParsedJson } from '../parse';
import { taskDefinitionOf, TaskDefinitionDocument } from '../taskDefinition';
import { inTemplateWords, toTemplateValue } from './names';
import { Bindings, normalizeTask, NormalizedTask, apiPathOf, templatePathOf } from './normalize';
import { TASK_DEFINITION_TYPE, Template, TemplateResource } from './template';

/** How a task definition read from a template maps back onto it: the rules work in API terms, findings and edits in the template's. */
export interface TemplateSource {
  readonly logicalId: string;
  /** The template path of the resource's `Properties`. */
  readonly propertiesPath: JSONPath;
  /** Undefined for the template as its defaults give it; else which parameter value or condition this variant assumes. */
  readonly variant: string | undefined;
  /** The template path of an API path (`["containerDefinitions", 0]` → `["Resources", "Web", "Properties", "ContainerDefinitions", 0]`). */
  templatePath(apiPath: JSONPath): JSONPath;
  /**
   * The API path of a template path inside this resource, or undefined outside it. With `exact`, only when the
   * path leads to a value this variant reads (not into the branch of an `Fn::If` it does not take).
   */
  apiPath(templatePath: JSONPath, exact?: boolean): JSONPath | undefined;
  /** An edit of the task in API terms as an edit of the template; undefined when it would write over an intrinsic function. */
  templateEdit(edit: JsonEdit): JsonEdit | undefined;
  /** A message or title with the API's property names spelled as the template spells them. */
  wording(text: string): string;
}

/** Beyond this many variants of one resource (parameter values, condition outcomes) the rest are not checked. */
const MAX_VARIANTS = 24;

/** The task definitions of a CloudFormation template (`findTemplate`), one per resource and variant. */
export function templateTaskDefinitions(parsed: ParsedJson, template: Template): TaskDefinitionDocument[] {
  return template.resources.filter((resource) => resource.type === TASK_DEFINITION_TYPE).flatMap((resource) => resourceVariants(parsed, template, resource));
}

function resourceVariants(parsed: ParsedJson, template: Template, resource: TemplateResource): TaskDefinitionDocument[] {
  const base = normalizeTask(template, resource, { parameters: new Map(), conditions: new Map() });
  if (!base) return [];
  const documents = [documentOf(parsed, resource, base, undefined)];
  // A variant can reveal more to vary: a condition or a parameter inside the Fn::If branch it takes. Those
  // variants keep the bindings that revealed them.
  const conditionsSeen = new Set<string>();
  const parametersSeen = new Set<string>();
  const pending: Bindings[] = [];
  const extend = (from: Bindings | undefined, label: string, parameter?: [string, Node], condition?: [string, boolean]): Bindings => ({
    parameters: new Map([...(from?.parameters ?? []), ...(parameter ? [parameter] : [])]),
    conditions: new Map([...(from?.conditions ?? []), ...(condition ? [condition] : [])]),
    label: from?.label ? `${from.label} and ${label}` : label,
  });
  const discover = (task: NormalizedTask, from: Bindings | undefined) => {
    for (const condition of task.conditionsUsed) {
      if (conditionsSeen.has(condition)) continue;
      conditionsSeen.add(condition);
      for (const holds of [true, false]) pending.push(extend(from, `condition ${condition} is ${holds}`, undefined, [condition, holds]));
    }
    for (const name of task.parametersUsed) {
      if (parametersSeen.has(name)) continue;
      parametersSeen.add(name);
      const parameter = template.parameters.get(name)!;
      for (const value of parameter.allowedValues) {
        if (value.value === parameter.defaultValue?.value) continue;
        pending.push(extend(from, `parameter ${name} is ${JSON.stringify(value.value)}`, [name, value]));
      }
    }
  };
  discover(base, undefined);
  for (let made = 0; made < MAX_VARIANTS && pending.length > 0; made++) {
    const bindings = pending.shift()!;
    const task = normalizeTask(template, resource, bindings);
    if (!task) continue;
    documents.push(documentOf(parsed, resource, task, bindings.label));
    discover(task, bindings);
  }
  return documents;
}

function documentOf(parsed: ParsedJson, resource: TemplateResource, task: NormalizedTask, variant: string | undefined): TaskDefinitionDocument {
  const propertiesPath = ['Resources', resource.logicalId, 'Properties'];
  const source: TemplateSource = {
    logicalId: resource.logicalId,
    propertiesPath,
    variant,
    templatePath: (apiPath) => templatePathOf(task, apiPath)?.path ?? propertiesPath,
    apiPath: (templatePath, exact) => apiPathOf(task, templatePath, propertiesPath, exact),
    templateEdit: (edit) => {
      // A template is an object: there is no array of task definitions to unwrap.
      if (edit.kind === 'unwrap') return undefined;
      const target = templatePathOf(task, edit.path);
      if (!target || target.viaIntrinsic) return undefined;
      return edit.kind === 'remove' ? { ...edit, path: target.path } : { ...edit, path: target.path, value: toTemplateValue(edit.kind === 'append' ? [...edit.path, 0] : edit.path, edit.value) };
    },
    wording: inTemplateWords,
  };
  return taskDefinitionOf('cloudformation', parsed, task.root, resource.keyNode, source);
}

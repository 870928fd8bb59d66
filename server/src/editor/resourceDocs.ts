import { JSONPath, Node } from 'jsonc-parser';
import { ruleDocsUrl } from '../engine/protocol';
import { resourceRules } from '../rules';
import { Enforces } from '../rules/rule';
import { EcsResource, EcsResourceKind } from '../document/resources';
import { withoutIfBranches } from '../document/cloudformation/template';
import { ResourceField, ResourceFieldIndex, resourceFields, ResourceForm, resourceTemplateName, apiKeyOf, TemplateNameStep, templateNames } from '../document/resourceFields';
import { fieldKey, fieldLines, recommendedFirst } from './fieldDocs';
import { objectProperties } from '../document/json';

/**
 * The resource field table (document/resourceFields.ts) as hover and completion show it, and where a document
 * path lies in it: which service, cluster, task set or capacity provider, and which of its properties.
 */

/** A place inside one resource of the document. */
export interface ResourcePlace {
  readonly resource: EcsResource;
  readonly fields: ResourceFieldIndex;
  /** The path relative to the resource's properties, by the API's names (array indexes kept). */
  readonly apiPath: JSONPath;
}

/** The resource a document path lies in (at or below its properties), or undefined. */
export function resourcePlace(resources: readonly EcsResource[], documentPath: JSONPath): ResourcePlace | undefined {
  for (const resource of resources) {
    const base = resource.properties.path;
    if (documentPath.length < base.length || base.some((segment, i) => documentPath[i] !== segment)) continue;
    const fields = resourceFields(resource.kind, resource.form);
    const rest = documentPath.slice(base.length);
    const apiPath = resource.form === 'template' ? toApiPath(templateNames(resource.kind), rest) : rest;
    return { resource, fields, apiPath };
  }
  return undefined;
}

/**
 * Template keys to API names, level by level, as the rules read them; unknown keys stay. A branch of an `Fn::If`
 * is the value of the property the `Fn::If` is in: its keys are that property's.
 */
function toApiPath(names: TemplateNameStep, templatePath: JSONPath): JSONPath {
  const apiPath: JSONPath = [];
  let step: TemplateNameStep | undefined = names;
  for (const segment of withoutIfBranches(templatePath)) {
    const apiKey = typeof segment === 'number' ? segment : ((step && apiKeyOf(step, segment)) ?? segment);
    apiPath.push(apiKey);
    step = step?.children.get(typeof apiKey === 'number' ? '*' : apiKey);
  }
  return apiPath;
}

/** A property name as the document spells it. */
export function resourceKeyName(place: Pick<ResourcePlace, 'resource'>, entry: ResourceField): string {
  return place.resource.form === 'template' ? resourceTemplateName(entry) : fieldKey(entry);
}

/**
 * The properties completion offers in an object of the resource: those of its level (as shown), without those the
 * API rejects beside a property already there (`launchType` beside `capacityProviderStrategy`). `typed` is the
 * key being typed, which does not count as there.
 */
export function propertyChoices(place: ResourcePlace, objectNode: Node | undefined, typed?: Node): ResourceField[] {
  const present = new Set<string>();
  for (const property of objectProperties(objectNode)) {
    const key = property.children?.[0];
    if (key && key !== typed && typeof key.value === 'string') present.add(key.value.toLowerCase());
  }
  return place.fields
    .of(place.apiPath)
    .filter((entry) => !entry.conflicts?.some((other) => present.has(other.toLowerCase())))
    .map(resourceFieldDoc);
}

const withRecommendedFirst = new Map<ResourceField, ResourceField>();

/** The entry as hover and completion show it: the recommended value first. */
export function resourceFieldDoc(entry: ResourceField): ResourceField {
  if (!entry.values || !entry.recommended) return entry;
  let doc = withRecommendedFirst.get(entry);
  if (!doc) withRecommendedFirst.set(entry, (doc = { ...entry, values: recommendedFirst(entry.values, entry.recommended) }));
  return doc;
}

const TEMPLATE_PAGES: Readonly<Record<EcsResourceKind, readonly [string, string]>> = {
  service: ['AWS::ECS::Service', 'aws-resource-ecs-service.html'],
  cluster: ['AWS::ECS::Cluster', 'aws-resource-ecs-cluster.html'],
  'task-set': ['AWS::ECS::TaskSet', 'aws-resource-ecs-taskset.html'],
  'capacity-provider': ['AWS::ECS::CapacityProvider', 'aws-resource-ecs-capacityprovider.html'],
};
const TEMPLATE_REFERENCE_URL = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference';
const API_REFERENCE_URL = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference';

/** The AWS page of the resource in this form: its CloudFormation reference, or the API action the CLI input is for. */
function referenceLink(kind: EcsResourceKind, form: ResourceForm): string {
  if (form === 'template') {
    const [title, page] = TEMPLATE_PAGES[kind];
    return `[${title}](${TEMPLATE_REFERENCE_URL}/${page})`;
  }
  const action = form === 'update' ? 'UpdateService' : { service: 'CreateService', cluster: 'CreateCluster', 'task-set': 'CreateTaskSet', 'capacity-provider': 'CreateCapacityProvider' }[kind];
  return `[${action}](${API_REFERENCE_URL}/API_${action}.html)`;
}

/** Hover and completion text for a resource property: what it is, the rules that check it (linked), the AWS page. */
export function resourceFieldMarkdown(place: Pick<ResourcePlace, 'resource'>, entry: ResourceField): string {
  const lines = fieldLines(resourceFieldDoc(entry), resourceKeyName(place, entry));
  for (const line of ruleLines(entry, place.resource.kind)) lines.push('', line);
  lines.push('', referenceLink(place.resource.kind, place.resource.form));
  return lines.join('\n');
}

/** One line per rule that reads the property on this kind of resource: what it enforces, its title, its docs. */
function ruleLines(entry: ResourceField, kind: EcsResourceKind): string[] {
  return (entry.rules ?? []).flatMap((id) => {
    const rule = resourceRules.find((each) => each.meta.id === id);
    if (!rule || !rule.kinds.includes(kind)) return [];
    return [`**${enforcedBy(rule.meta.enforces)}**: ${rule.meta.title} ([${id}](${ruleDocsUrl(id)})).`];
  });
}

function enforcedBy(enforces: Enforces): string {
  switch (enforces.source) {
    case 'security-hub':
      return `Security Hub ${enforces.control}`;
    case 'guardduty':
      return 'GuardDuty Runtime Monitoring';
    case 'ecs-api':
      return 'ECS API';
  }
}

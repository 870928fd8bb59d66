import { JSONPath } from 'jsonc-parser';
import { FIELDS } from '../fields';

/**
 * CloudFormation spells the task definition's properties in PascalCase (`ReadonlyRootFilesystem`), the ECS API
 * in camelCase (`readonlyRootFilesystem`). The rules read the API's names; this is the one place that maps
 * between the two. Most names differ only in their first letter; these do not.
 */
const TEMPLATE_TO_API: ReadonlyMap<string, string> = new Map([
  ['EFSVolumeConfiguration', 'efsVolumeConfiguration'],
  ['FSxWindowsFileServerVolumeConfiguration', 'fsxWindowsFileServerVolumeConfiguration'],
  ['IAM', 'iam'],
]);
const API_TO_TEMPLATE: ReadonlyMap<string, string> = new Map([...TEMPLATE_TO_API].map(([template, api]) => [api, template]));

/** The API's property names, from the field table. */
const PROPERTY_NAMES: ReadonlySet<string> = new Set(FIELDS.flatMap((field) => field.path).filter((segment) => segment !== '*'));

/** The scalar type CloudFormation converts a value to before it calls ECS. */
export type ScalarType = 'string' | 'integer' | 'boolean';

/**
 * The field table as a tree to walk while reading a template, one step per key or array item (`*`): what the
 * object or value there is. Reading a large template visits every node once, so no path is built or compared.
 */
export interface FieldStep {
  readonly children: ReadonlyMap<string, FieldStep>;
  /** An object whose keys are the user's own (labels, driver options): never renamed. */
  readonly freeForm: boolean;
  readonly scalar?: ScalarType;
}

const SCALAR_OF: Partial<Record<string, { self?: ScalarType; items?: ScalarType }>> = {
  string: { self: 'string' },
  integer: { self: 'integer' },
  boolean: { self: 'boolean' },
  'array of strings': { items: 'string' },
  'array of integers': { items: 'integer' },
};

interface MutableStep {
  children: Map<string, MutableStep>;
  freeForm: boolean;
  scalar?: ScalarType;
}

function buildFieldTree(): FieldStep {
  const root: MutableStep = { children: new Map(), freeForm: false };
  const stepTo = (path: readonly string[]) =>
    path.reduce((step, segment) => {
      let child = step.children.get(segment);
      if (!child) step.children.set(segment, (child = { children: new Map(), freeForm: false }));
      return child;
    }, root);
  for (const field of FIELDS) {
    const step = stepTo(field.path);
    if (field.type === 'string map') step.freeForm = true;
    const scalar = SCALAR_OF[field.type];
    if (scalar?.self) step.scalar = scalar.self;
    if (scalar?.items) stepTo([...field.path, '*']).scalar = scalar.items;
  }
  return root;
}

/** The task object's step; undefined steps below it are fields the table does not know. */
export const TASK_FIELD_TREE: FieldStep = buildFieldTree();

/** The step for a key (or, for a number, an array item) below `step`. */
export function stepInto(step: FieldStep | undefined, segment: string | number): FieldStep | undefined {
  return step?.children.get(typeof segment === 'number' ? '*' : segment);
}

function stepAt(apiPath: JSONPath): FieldStep | undefined {
  let step: FieldStep | undefined = TASK_FIELD_TREE;
  for (const segment of apiPath) step = stepInto(step, segment);
  return step;
}

export function apiName(templateName: string): string {
  return TEMPLATE_TO_API.get(templateName) ?? templateName.charAt(0).toLowerCase() + templateName.slice(1);
}

export function templateName(apiKey: string): string {
  return API_TO_TEMPLATE.get(apiKey) ?? apiKey.charAt(0).toUpperCase() + apiKey.slice(1);
}

/** Whether the keys of the object at this API path (relative to the task) are the user's, never renamed. */
export function isFreeFormMap(apiPath: JSONPath): boolean {
  return stepAt(apiPath)?.freeForm === true;
}

/** A value as the template spells it: the object keys renamed, below `apiPath` (where the value goes). */
export function toTemplateValue(apiPath: JSONPath, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item, i) => toTemplateValue([...apiPath, i], item));
  if (value === null || typeof value !== 'object') return value;
  const freeForm = isFreeFormMap(apiPath);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [freeForm ? key : templateName(key), toTemplateValue([...apiPath, key], item)]));
}

/**
 * Rewrites the API's property names in a message or a fix title into the template's: quoted ones
 * (`"readonlyRootFilesystem"` → `"ReadonlyRootFilesystem"`), and unquoted multi-word ones (`executionRoleArn`);
 * a one-word name unquoted (memory, user) is prose.
 */
export function inTemplateWords(text: string): string {
  return text
    .replace(/"([a-z][A-Za-z0-9]*)"/g, (whole, name: string) => (PROPERTY_NAMES.has(name) ? `"${templateName(name)}"` : whole))
    .replace(/(?<![\w"/:.-])([a-z]+[A-Z][A-Za-z0-9]*)(?![\w"/:-])/g, (whole, name: string) => (PROPERTY_NAMES.has(name) ? templateName(name) : whole));
}

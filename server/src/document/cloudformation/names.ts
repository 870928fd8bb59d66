import { JSONPath } from 'jsonc-parser';
import { FIELDS, patternKey } from '../fields';

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

/** The API's property names, and the maps whose keys are the user's own (labels, driver options), from the field table. */
const PROPERTY_NAMES: ReadonlySet<string> = new Set(FIELDS.flatMap((field) => field.path).filter((segment) => segment !== '*'));
const FREE_FORM_MAPS: ReadonlySet<string> = new Set(FIELDS.filter((field) => field.type === 'string map').map((field) => patternKey(field.path)));

export function apiName(templateName: string): string {
  return TEMPLATE_TO_API.get(templateName) ?? templateName.charAt(0).toLowerCase() + templateName.slice(1);
}

export function templateName(apiKey: string): string {
  return API_TO_TEMPLATE.get(apiKey) ?? apiKey.charAt(0).toUpperCase() + apiKey.slice(1);
}

/** Whether the keys of the object at this API path (relative to the task) are the user's, never renamed. */
export function isFreeFormMap(apiPath: JSONPath): boolean {
  return FREE_FORM_MAPS.has(patternKey(apiPath));
}

/** A value as the template spells it: the object keys renamed, below `apiPath` (where the value goes). */
export function toTemplateValue(apiPath: JSONPath, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item, i) => toTemplateValue([...apiPath, i], item));
  if (value === null || typeof value !== 'object') return value;
  const freeForm = isFreeFormMap(apiPath);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [freeForm ? key : templateName(key), toTemplateValue([...apiPath, key], item)]),
  );
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

import { JSONPath } from 'jsonc-parser';

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

/** Maps whose keys are the user's own (labels, driver options): their keys are never renamed. */
const FREE_FORM_MAPS: ReadonlySet<string> = new Set(['dockerLabels', 'options', 'driverOpts', 'labels']);

export function apiName(templateName: string): string {
  return TEMPLATE_TO_API.get(templateName) ?? templateName.charAt(0).toLowerCase() + templateName.slice(1);
}

export function templateName(apiKey: string): string {
  return API_TO_TEMPLATE.get(apiKey) ?? apiKey.charAt(0).toUpperCase() + apiKey.slice(1);
}

/** Whether the keys of the object at the end of this API path are the user's, not property names. */
export function isFreeFormMap(apiPath: JSONPath): boolean {
  const last = apiPath[apiPath.length - 1];
  return typeof last === 'string' && FREE_FORM_MAPS.has(last);
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
 * Rewrites the API's property names quoted in a message or a fix title (`"readonlyRootFilesystem"`) into the
 * template's (`"ReadonlyRootFilesystem"`): camelCase words, and the one-word names in `known`.
 */
export function inTemplateWords(text: string, known: ReadonlySet<string>): string {
  return text.replace(/"([a-z][A-Za-z0-9]*)"/g, (whole, name: string) => (known.has(name) || /[a-z][A-Z]/.test(name) ? `"${templateName(name)}"` : whole));
}

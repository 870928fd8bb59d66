import { JSONPath } from 'jsonc-parser';
import { Field, FIELDS, patternKey } from '../document/fields';
import { ResourceField } from '../document/resourceFields';

/**
 * The field table (document/fields.ts) as hover and completion show it: allowed values with the recommended
 * one first.
 */

/** The AWS page every field links to; `anchor` narrows it to the field's section where the page has one. */
export const TASK_DEFINITION_PARAMETERS_URL = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html';

export type FieldDoc = Field;

/** A task definition field or a resource property: what hover and completion show alike. */
export type DocumentedField = FieldDoc | ResourceField;

export const FIELD_DOCS: readonly FieldDoc[] = FIELDS.map((field) => (field.values && field.recommended ? { ...field, values: recommendedFirst(field.values, field.recommended) } : field));

export function recommendedFirst(values: readonly string[], recommended: string): string[] {
  return [recommended, ...values.filter((value) => value !== recommended)];
}

const byPattern = new Map<string, FieldDoc>(FIELD_DOCS.map((doc) => [patternKey(doc.path), doc]));
const byParentPattern = groupByParent(FIELD_DOCS);

/** The doc of the field at this task-relative path (array indexes match `*`). */
export function fieldDocAt(taskPath: JSONPath): FieldDoc | undefined {
  return byPattern.get(patternKey(taskPath));
}

/** The fields an object at this task-relative path may have, in table order. */
export function fieldsOf(objectTaskPath: JSONPath): readonly FieldDoc[] {
  return byParentPattern.get(patternKey(objectTaskPath)) ?? [];
}

export function fieldDocsUrl(doc: FieldDoc): string {
  return doc.anchor ? `${TASK_DEFINITION_PARAMETERS_URL}#${doc.anchor}` : TASK_DEFINITION_PARAMETERS_URL;
}

/** Hover and completion text for a field; `keyName` spells its name as the document does (a template's PascalCase). */
export function fieldMarkdown(doc: FieldDoc, keyName: (apiKey: string) => string = (key) => key): string {
  const lines = fieldLines(doc, keyName(fieldKey(doc)));
  lines.push('', `[Task definition parameters](${fieldDocsUrl(doc)})`);
  return lines.join('\n');
}

/** A field's own key, by the API's name (`readonlyRootFilesystem`): the last step of its path. */
export function fieldKey(doc: DocumentedField): string {
  return doc.path[doc.path.length - 1];
}

/** The lines every field's text starts with: its name as the document spells it, type, summary, values and requirements. */
export function fieldLines(doc: DocumentedField, key: string): string[] {
  const lines = [`**${key}** · ${doc.type}`, '', doc.summary];
  if (doc.values) lines.push('', `Allowed values: ${doc.values.map((value) => `\`${value}\``).join(', ')}`);
  for (const requirement of doc.requires ?? []) lines.push('', requirement);
  return lines;
}

function groupByParent(docs: readonly FieldDoc[]): Map<string, FieldDoc[]> {
  const groups = new Map<string, FieldDoc[]>();
  for (const doc of docs) {
    const parent = patternKey(doc.path.slice(0, -1));
    groups.set(parent, [...(groups.get(parent) ?? []), doc]);
  }
  return groups;
}

import { findNodeAtLocation, getLocation, JSONPath, Location, Node, SyntaxKind } from 'jsonc-parser';
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position, TextEdit } from 'vscode-languageserver-types';
import { arrayItems, objectProperties, stringValue } from '../document/json';
import { IntrinsicFunction } from '../document/cloudformation/intrinsics';
import { ResourceField } from '../document/resourceFields';
import { TaskDefinitionDocument } from '../document/taskDefinition';
import { Analysis, analyzeText } from '../service/analysis';
import { EditSpan, editSpan } from './editSpan';
import { DocumentedField, FieldDoc, fieldDocAt, fieldKey, fieldMarkdown, fieldsOf } from './fieldDocs';
import { propertyChoices, ResourcePlace, resourceFieldDoc, resourceFieldMarkdown, resourceKeyName, resourcePlace } from './resourceDocs';
import { ArgumentChoice, intrinsicArgumentChoices } from './intrinsicArguments';
import { intrinsicFunctionsAt, intrinsicItem } from './intrinsicFunctions';
import { newContainerCompletion } from './newContainer';
import { subVariableCompletions } from './subVariables';
import { FrameOptions, taskFrame } from './taskPath';
import { cpuChoices, memoryChoices, taskSizeChoices } from './taskSize';
import { tokensAround } from './tokens';
import { completeYaml } from './yamlCompletion';

/**
 * Completion at a position: property names valid in the object at the cursor (without those already
 * there), values for enum-like fields and for task cpu/memory, and a new container definition.
 */
export function complete(analysis: Analysis, position: Position, options: FrameOptions = {}): CompletionItem[] {
  const { document, parsed } = analysis;
  if (parsed.language === 'yaml') return analysis.taskDefinition || analysis.resources.length > 0 ? completeYaml(analysis, position) : [];
  if (!parsed.root) return [];
  const offset = document.offsetAt(position);
  const location = getLocation(parsed.text, offset);
  const tokens = tokensAround(parsed.text, offset);
  const edit = editSpan(document, offset, tokens.current, tokens.next);
  const standIn = location.isAtPropertyKey ? (edit.colonFollows ? '""' : '"": 0,') : ' 0,';
  const objectPath = location.isAtPropertyKey ? location.path.slice(0, -1) : location.path;
  if (!location.isAtPropertyKey && tokens.current?.kind === SyntaxKind.StringLiteral) {
    const subVariables = subVariableCompletions(parsed.root, location.path, document, offset, tokens.current.start);
    if (subVariables) return subVariables;
  }
  const argumentChoices = location.isAtPropertyKey ? undefined : intrinsicArgumentChoices(parsed.root, location.path);
  if (argumentChoices) return argumentCompletions(argumentChoices, edit);
  const place = resourcePlace(analysis.resources, objectPath);
  if (place) return completeResource(place, location, parsed.root, edit, tokens.current !== undefined);
  // Other JSON files (a large package-lock.json, say) are not parsed a second time.
  const mayBeHidden = !analysis.taskDefinition && parsed.text.includes('"containerDefinitions"');
  const recognised = mayBeHidden ? withStandIn(analysis, edit, standIn) : analysis;
  const frame = taskFrame(recognised, options);
  const root = recognised.parsed.root;
  if (!frame || !root) return [];
  const taskDefinition = frame.taskDefinitionAt(location.path);
  if (location.isAtPropertyKey) {
    const objectPath = location.path.slice(0, -1);
    const taskPath = frame.toTaskPath(objectPath);
    if (!taskPath) return [];
    const objectNode = findNodeAtLocation(root, objectPath);
    const inArray = typeof taskPath[taskPath.length - 1] === 'number';
    const functions = frame.shape === 'cloudformation' ? intrinsicFunctionsAt(fieldDocAt(inArray ? taskPath.slice(0, -1) : taskPath), inArray, objectNode, edit.start, root) : undefined;
    if (functions) return intrinsicCompletions(functions, edit);
    const keyOf = (doc: FieldDoc) => frame.keyName(fieldKey(doc));
    return propertyCompletions(fieldsOf(taskPath), objectNode, edit, taskDefinition, keyOf, (doc) => fieldMarkdown(doc, frame.keyName));
  }
  const taskPath = frame.toTaskPath(location.path);
  // A value is already complete before the cursor: nothing to insert here.
  if (!taskPath || (location.previousNode && !tokens.current)) return [];
  if (isContainerSlot(taskPath) && !tokens.current) return [newContainerCompletion(taskDefinition, edit)];
  const inArray = typeof taskPath[taskPath.length - 1] === 'number';
  const doc = fieldDocAt(inArray ? taskPath.slice(0, -1) : taskPath);
  if (!doc) return [];
  const choices = inArray ? itemChoices(doc, findNodeAtLocation(root, location.path.slice(0, -1)), edit) : valueChoices(doc, taskPath, taskDefinition);
  return valueCompletions(doc, choices, edit, fieldMarkdown(doc, frame.keyName));
}

/** Completion inside a service, cluster, task set or capacity provider: its property names and enumerated values. */
function completeResource(place: ResourcePlace, location: Location, root: Node, edit: EditSpan, typing: boolean): CompletionItem[] {
  const markdown = (entry: ResourceField) => resourceFieldMarkdown(place, entry);
  if (location.isAtPropertyKey) {
    const objectNode = findNodeAtLocation(root, location.path.slice(0, -1));
    const typed = objectNode?.children?.map((property) => property.children?.[0]).find((key) => key?.offset === edit.start);
    const { apiPath } = place;
    const inArray = typeof apiPath[apiPath.length - 1] === 'number';
    const entry = place.fields.at(inArray ? apiPath.slice(0, -1) : apiPath);
    const functions = place.resource.form === 'template' ? intrinsicFunctionsAt(entry, inArray, objectNode, edit.start, root) : undefined;
    if (functions) return intrinsicCompletions(functions, edit);
    const keyOf = (entry: ResourceField) => resourceKeyName(place, entry);
    return propertyCompletions(propertyChoices(place, objectNode, typed), objectNode, edit, undefined, keyOf, markdown);
  }
  // A value is already complete before the cursor: nothing to insert here.
  if (location.previousNode && !typing) return [];
  const { apiPath } = place;
  const inArray = typeof apiPath[apiPath.length - 1] === 'number';
  const entry = place.fields.at(inArray ? apiPath.slice(0, -1) : apiPath);
  if (!entry) return [];
  const doc = resourceFieldDoc(entry);
  const choices = inArray ? itemChoices(doc, findNodeAtLocation(root, location.path.slice(0, -1)), edit) : valueChoices(doc, apiPath, undefined);
  return valueCompletions(doc, choices, edit, markdown(entry));
}

/** Intrinsic function names as keys, with a snippet for the argument. */
function intrinsicCompletions(functions: readonly IntrinsicFunction[], edit: EditSpan): CompletionItem[] {
  return functions.map((fn, index) => {
    const newText = edit.colonFollows ? `"${fn.name}"` : `"${fn.name}": ${fn.argumentSnippet ?? '$1'}${edit.needsComma ? ',' : ''}`;
    return intrinsicItem(fn, index, edit.range, newText, edit.quoted ? `"${fn.name}"` : fn.name);
  });
}

/** The names a `Ref` or an `Fn::If` condition takes, as JSON strings. */
function argumentCompletions(choices: readonly ArgumentChoice[], edit: EditSpan): CompletionItem[] {
  return choices.map((choice, index) => {
    const json = JSON.stringify(choice.name);
    return {
      label: json,
      kind: CompletionItemKind.Reference,
      detail: choice.detail,
      sortText: String(index).padStart(3, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: TextEdit.replace(edit.range, `${edit.afterColon ? ' ' : ''}${json}${edit.needsComma ? ',' : ''}`),
    };
  });
}

/**
 * Half-typed JSON can hide what the document is: after `"key":` or an unclosed `"`, the parser reads the
 * next property's key as a value and may lose the `containerDefinitions` the document is recognised by.
 * Then the document is read again with a complete stand-in for what is being typed. Only facts and keys
 * are read from that tree (offsets after the cursor are shifted).
 */
function withStandIn(analysis: Analysis, edit: EditSpan, standIn: string): Analysis {
  const text = analysis.parsed.text;
  return analyzeText(`${text.slice(0, edit.start)}${standIn}${text.slice(edit.end)}`, analysis.document.uri);
}

function propertyCompletions<F extends DocumentedField>(
  fields: readonly F[],
  objectNode: Node | undefined,
  edit: EditSpan,
  taskDefinition: TaskDefinitionDocument | undefined,
  keyOf: (doc: F) => string,
  markdown: (doc: F) => string,
): CompletionItem[] {
  const present = new Set(
    objectProperties(objectNode)
      .map((property) => property.children?.[0])
      .filter((key): key is Node => key !== undefined && key.offset !== edit.start)
      .map((key) => String(key.value)),
  );
  return fields
    .filter((doc) => !present.has(keyOf(doc)))
    .map((doc, index) => {
      const key = keyOf(doc);
      const newText = edit.colonFollows ? `"${key}"` : `"${key}": ${valueSnippet(doc, taskDefinition)}${edit.needsComma ? ',' : ''}`;
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: doc.type,
        documentation: { kind: MarkupKind.Markdown, value: markdown(doc) },
        filterText: edit.quoted ? `"${key}"` : key,
        sortText: String(index).padStart(3, '0'),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: TextEdit.replace(edit.range, newText),
      };
    });
}

/** The value to insert after a completed key, as a snippet with the cursor inside. */
function valueSnippet(doc: DocumentedField, taskDefinition: TaskDefinitionDocument | undefined): string {
  if (doc.valueSnippet) return doc.valueSnippet;
  const taskSize = doc.path.length === 1 && taskDefinition ? taskSizeChoices(doc.path[0], taskDefinition) : undefined;
  if (taskSize) return `"\${1|${taskSize.join(',')}|}"`;
  const choice = doc.values ? `\${1|${doc.values.join(',')}|}` : '$1';
  switch (doc.type) {
    case 'string':
      return `"${choice}"`;
    case 'integer':
    case 'number':
      return '$1';
    case 'boolean':
      return '${1|true,false|}';
    case 'object':
    case 'string map':
      return '{$1}';
    case 'array of strings':
      return `["${choice}"]`;
    case 'array of integers':
      return '[$1]';
    case 'array of objects':
      return '[{$1}]';
  }
}

function isContainerSlot(taskPath: JSONPath): boolean {
  return taskPath.length === 2 && taskPath[0] === 'containerDefinitions' && typeof taskPath[1] === 'number';
}

interface ValueChoice {
  /** The JSON text inserted, which is also the label (strings keep their quotes). */
  readonly json: string;
  readonly detail?: string;
}

function valueCompletions(doc: DocumentedField, choices: readonly ValueChoice[], edit: EditSpan, markdown: string): CompletionItem[] {
  return choices.map((choice, index) => ({
    label: choice.json,
    kind: doc.type === 'boolean' ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
    detail: choice.detail,
    documentation: { kind: MarkupKind.Markdown, value: markdown },
    sortText: String(index).padStart(3, '0'),
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: TextEdit.replace(edit.range, `${edit.afterColon ? ' ' : ''}${choice.json}${edit.needsComma ? ',' : ''}`),
  }));
}

function valueChoices(doc: DocumentedField, taskPath: JSONPath, taskDefinition: TaskDefinitionDocument | undefined): ValueChoice[] {
  if (taskPath.length === 1 && taskDefinition) {
    if (taskPath[0] === 'cpu') return cpuChoices(taskDefinition).map((cpu) => ({ json: `"${cpu}"`, detail: 'Fargate task cpu (units)' }));
    if (taskPath[0] === 'memory') return memoryChoices(taskDefinition).map((memory) => ({ json: `"${memory}"`, detail: 'Fargate task memory (MiB)' }));
  }
  if (doc.type === 'boolean') {
    // The value a security control asks for comes first.
    const order = doc.valueSnippet === 'false' ? ['false', 'true'] : ['true', 'false'];
    return order.map((json) => ({ json }));
  }
  return doc.type === 'string' && doc.values ? doc.values.map((value) => ({ json: JSON.stringify(value) })) : [];
}

/** Enum items of an array, without those already in it. */
function itemChoices(doc: DocumentedField, arrayNode: Node | undefined, edit: EditSpan): ValueChoice[] {
  if (doc.type !== 'array of strings' || !doc.values) return [];
  const present = new Set(
    arrayItems(arrayNode)
      .filter((item) => item.offset !== edit.start)
      .map(stringValue),
  );
  return doc.values.filter((value) => !present.has(value)).map((value) => ({ json: JSON.stringify(value) }));
}

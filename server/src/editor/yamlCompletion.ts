import { findNodeAtOffset, getNodePath, JSONPath, Node } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { arrayItems, stringValue } from '../document/json';
import { TaskDefinitionDocument } from '../document/taskDefinition';
import { analyze, Analysis } from '../service/analysis';
import { DocumentedField, fieldDocAt, fieldKey, fieldMarkdown, fieldsOf } from './fieldDocs';
import { IntrinsicFunction } from '../document/cloudformation/intrinsics';
import { intrinsicFunctionsAt, intrinsicItem } from './intrinsicFunctions';
import { propertyChoices, ResourcePlace, resourceFieldDoc, resourceFieldMarkdown, resourceKeyName, resourcePlace } from './resourceDocs';
import { intrinsicArgumentChoices } from './intrinsicArguments';
import { subVariableCompletions } from './subVariables';
import { taskFrame } from './taskPath';
import { taskSizeChoices } from './taskSize';

/** What the text is read with in place of the word being typed: a half-typed line would not parse as what it will be. */
const STAND_IN = 'ecsGuardCompletionStandIn';

/** `  Rea|`, `  - Rea|`, `  - - Rea|` (an object in a list in a list: an `!If` branch), `  Fn::I|`: a key being typed (or nothing yet) on its own line. */
const KEY_LINE = /^(\s*(?:-\s+)*)(Fn:{1,2}[A-Za-z0-9]*|[A-Za-z][A-Za-z0-9]*)?$/;
/** `  NetworkMode: aw|`, `  Cpu: !I|`: a plain value (or a short tag) being typed after its key. */
const VALUE_LINE = /^\s*(?:-\s+)*[A-Za-z][A-Za-z0-9]*:[ \t]+(!?[A-Za-z0-9_.-]*)$/;
/** `  - FAR|`, `  - - FAR|`: an item of a list of strings (also in a list, such as an `!If` branch), or the first key of a new object in a list. */
const ITEM_LINE = /^\s*(?:-\s+)+(!?[A-Za-z0-9_.-]*)$/;
/** `{ Name: web, Ima|`: a key being typed in a flow mapping (what follows its `{` or `,`). */
const FLOW_KEY = /^[ \t]*(Fn:{1,2}[A-Za-z0-9]*|[A-Za-z][A-Za-z0-9]*)?$/;
/** `{ NetworkMode: aw|`: a plain value being typed after its key in a flow mapping. */
const FLOW_VALUE = /^[ \t]*[A-Za-z][A-Za-z0-9]*:[ \t]+(!?[A-Za-z0-9_.-]*)$/;
/** What may follow an entry of a flow mapping on its line: the next entry or the end of the mapping. */
const FLOW_ENTRY_END = /^[ \t]*([,}]|$)/;
/** `Cpu: !If [IsProd, 10|, 256]`: an item of a flow sequence, such as a branch of an `!If`. */
const FLOW_ITEM = /[[,][ \t]*(!?[A-Za-z0-9_.-]*)$/;
/** `Cpu: !Ref Ta|`, `!GetAtt Role.A|`: the name a `!Ref` or `!GetAtt` short form refers to. */
const REF_NAME = /!(?:Ref|GetAtt)[ \t]+([A-Za-z0-9_:.-]*)$/;
/** What may follow an item of a flow sequence on its line: the next item or the end of the sequence. */
const FLOW_ITEM_END = /^[ \t]*[,\]]/;

/**
 * Completion in a YAML CloudFormation template, inside an `AWS::ECS::TaskDefinition` resource or a service,
 * cluster, task set or capacity provider: property names
 * as the template spells them (without those present), indented for YAML, and the values of enumerated fields
 * and of the task size (also in an `!If` branch), and the names a `!Ref` or an `!If` condition takes. The line being typed is replaced by a stand-in and the text read again, so the
 * position is known from YAML's own structure rather than guessed from indentation.
 */
export function completeYaml(analysis: Analysis, position: Position): CompletionItem[] {
  const { document } = analysis;
  const text = document.getText();
  const offset = document.offsetAt(position);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  const subVariables = before.includes('${') ? subVariablesAt(analysis, offset, lineStart) : undefined;
  if (subVariables) return subVariables;
  const flow = innermostFlowCollection(before);
  if (flow?.opener === '{') return flowMappingCompletions(analysis, offset, lineStart + flow.entryStart, after);
  const endsValue = after.trim() === '' || FLOW_ITEM_END.test(after);
  const refName = endsValue ? REF_NAME.exec(before) : null;
  if (refName) return valueCompletions(analysis, offset - refName[1].length, offset);
  const flowItem = endsValue ? FLOW_ITEM.exec(before) : null;
  if (flowItem) {
    const items = valueCompletions(analysis, offset - flowItem[1].length, offset);
    if (items.length > 0) return items;
  }
  if (after.trim() !== '') return [];
  const value = VALUE_LINE.exec(before);
  if (value) return valueCompletions(analysis, offset - value[1].length, offset);
  const item = ITEM_LINE.exec(before);
  const items = item ? valueCompletions(analysis, offset - item[1].length, offset) : [];
  if (items.length > 0) return items;
  const key = KEY_LINE.exec(before);
  return key ? keyCompletions(analysis, lineStart + key[1].length, offset) : [];
}

/** The `${...}` names of an `!Sub` string, read from the text as it is (a string with a `${` in it parses). */
function subVariablesAt(analysis: Analysis, offset: number, lineStart: number): CompletionItem[] | undefined {
  const root = analysis.parsed.root;
  const node = root && findNodeAtOffset(root, offset);
  if (node?.type !== 'string') return undefined;
  return subVariableCompletions(root, getNodePath(node), analysis.document, offset, Math.max(node.offset, lineStart));
}

/**
 * The innermost flow collection (`{ ... }` or `[ ... ]`) the line is inside of at its end, and where its entry
 * being typed starts (after the `{`, `[` or `,`). Quoted strings are skipped. A collection opened on an earlier
 * line is not seen: the line is then read as a block line.
 */
function innermostFlowCollection(line: string): { opener: '{' | '['; entryStart: number } | undefined {
  const open: { opener: '{' | '['; entryStart: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"' || char === "'") {
      const close = line.indexOf(char, i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (char === '{' || char === '[') open.push({ opener: char, entryStart: i + 1 });
    else if (char === '}' || char === ']') open.pop();
    else if (char === ',' && open.length > 0) open[open.length - 1].entryStart = i + 1;
    else if (char === '#' && /\s/.test(line[i - 1] ?? ' ')) return undefined;
  }
  return open[open.length - 1];
}

/** An entry of a flow mapping: its key being typed (properties as in a block mapping, written flow style) or its value. */
function flowMappingCompletions(analysis: Analysis, offset: number, entryStart: number, after: string): CompletionItem[] {
  if (!FLOW_ENTRY_END.test(after)) return [];
  const entry = analysis.document.getText().slice(entryStart, offset);
  const name = REF_NAME.exec(entry) ?? FLOW_VALUE.exec(entry);
  if (name) return valueCompletions(analysis, offset - name[1].length, offset);
  const key = FLOW_KEY.exec(entry);
  return key ? keyCompletions(analysis, offset - (key[1]?.length ?? 0), offset, 'flow') : [];
}

interface StandIn {
  readonly reread: Analysis;
  /** The stand-in's node in the text read again. */
  readonly node: Node;
}

function withStandIn(analysis: Analysis, start: number, end: number, standIn: string): StandIn | undefined {
  const text = analysis.document.getText();
  const { uri, languageId, version } = analysis.document;
  const reread = analyze(TextDocument.create(uri, languageId, version, `${text.slice(0, start)}${standIn}${text.slice(end)}`));
  const node = reread.parsed.root && findNodeAtOffset(reread.parsed.root, start + 1);
  return node?.type === 'string' && node.value === STAND_IN ? { reread, node } : undefined;
}

function keyCompletions(analysis: Analysis, start: number, end: number, style: 'block' | 'flow' = 'block'): CompletionItem[] {
  const found = withStandIn(analysis, start, end, `${STAND_IN}: 0`);
  const object = found?.node.parent?.parent;
  if (!found || object?.type !== 'object') return [];
  const objectPath = getNodePath(object);
  const present = new Set((object.children ?? []).map((property) => String(property.children?.[0]?.value)));
  const column = style === 'flow' ? undefined : start - (analysis.document.getText().lastIndexOf('\n', start - 1) + 1);
  const range = { start: analysis.document.positionAt(start), end: analysis.document.positionAt(end) };
  const place = resourcePlace(found.reread.resources, objectPath);
  const functions = functionsAt(found, object, place?.apiPath ?? taskFrame(found.reread)?.toTaskPath(objectPath), place);
  if (functions) return functions.map((fn, index) => intrinsicItem(fn, index, range, `${fn.name}: ${yamlArgument(fn)}`));
  if (place) {
    return keyItems(
      propertyChoices(place, object, found.node),
      present,
      range,
      column,
      undefined,
      (doc) => resourceKeyName(place, doc),
      (doc) => resourceFieldMarkdown(place, doc),
    );
  }
  const frame = taskFrame(found.reread);
  const taskPath = frame?.toTaskPath(objectPath);
  if (!frame || !taskPath) return [];
  const taskDefinition = taskFrame(analysis)?.taskDefinitionAt(objectPath);
  return keyItems(
    fieldsOf(taskPath),
    present,
    range,
    column,
    taskDefinition,
    (doc) => frame.keyName(fieldKey(doc)),
    (doc) => fieldMarkdown(doc, frame.keyName),
  );
}

/** The intrinsic functions the object being written may be, in a template (`Cpu:` followed by a mapping). */
function functionsAt(found: StandIn, object: Node, path: JSONPath | undefined, place: ResourcePlace | undefined): IntrinsicFunction[] | undefined {
  if (!path || (place ? place.resource.form !== 'template' : taskFrame(found.reread)?.shape !== 'cloudformation')) return undefined;
  const inArray = typeof path[path.length - 1] === 'number';
  const fieldPath = inArray ? path.slice(0, -1) : path;
  const doc = place ? place.fields.at(fieldPath) : fieldDocAt(fieldPath);
  return intrinsicFunctionsAt(doc, inArray, object, found.node.offset, found.reread.parsed.root);
}

function keyItems<F extends DocumentedField>(
  fields: readonly F[],
  present: ReadonlySet<string>,
  range: Range,
  column: number | undefined,
  taskDefinition: TaskDefinitionDocument | undefined,
  keyOf: (doc: F) => string,
  markdown: (doc: F) => string,
): CompletionItem[] {
  return fields
    .filter((doc) => !present.has(keyOf(doc)))
    .map((doc, index) => {
      const key = keyOf(doc);
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: doc.type,
        documentation: { kind: MarkupKind.Markdown, value: markdown(doc) },
        sortText: String(index).padStart(3, '0'),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: TextEdit.replace(range, `${key}:${valueSnippet(doc, column, taskDefinition)}`),
      };
    });
}

function valueCompletions(analysis: Analysis, start: number, end: number): CompletionItem[] {
  const found = withStandIn(analysis, start, end, STAND_IN);
  if (!found) return [];
  const path = getNodePath(found.node);
  const range = { start: analysis.document.positionAt(start), end: analysis.document.positionAt(end) };
  const argumentChoices = intrinsicArgumentChoices(found.reread.parsed.root, path);
  const shortTag = analysis.document.getText()[start] === '!';
  if (argumentChoices && shortTag) return [];
  if (argumentChoices) {
    return argumentChoices.map((choice, index) => ({
      label: choice.name,
      kind: CompletionItemKind.Reference,
      detail: choice.detail,
      sortText: String(index).padStart(3, '0'),
      textEdit: TextEdit.replace(range, choice.name),
    }));
  }
  const place = resourcePlace(found.reread.resources, path);
  const taskPath = place ? place.apiPath : taskFrame(found.reread)?.toTaskPath(path);
  if (!taskPath) return [];
  const inArray = typeof taskPath[taskPath.length - 1] === 'number';
  const fieldPath = inArray ? taskPath.slice(0, -1) : taskPath;
  const resourceEntry = place?.fields.at(fieldPath);
  const doc = place ? resourceEntry && resourceFieldDoc(resourceEntry) : fieldDocAt(fieldPath);
  if (!doc) return [];
  if (shortTag) return shortTagItems(intrinsicFunctionsAt(doc, inArray, undefined, start, found.reread.parsed.root) ?? [], range);
  const taskDefinition = place ? undefined : taskFrame(analysis)?.taskDefinitionAt(path);
  const present = inArray ? new Set(arrayItems(found.node.parent).map(stringValue)) : new Set<string | undefined>();
  return choicesFor(doc, taskPath, inArray, taskDefinition)
    .filter((choice) => !present.has(choice))
    .map((choice, index) => ({
      label: choice,
      kind: doc.type === 'boolean' ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
      sortText: String(index).padStart(3, '0'),
      textEdit: TextEdit.replace(range, choice),
    }));
}

/** The functions a value may be, by their short tags (`!If [$1, $2, $3]`). */
function shortTagItems(functions: readonly IntrinsicFunction[], range: Range): CompletionItem[] {
  return functions.map((fn, index) => intrinsicItem(fn, index, range, `${fn.shortTag} ${yamlArgument(fn)}`, undefined, fn.shortTag));
}

/** A function's argument snippet as YAML writes it: names and strings unquoted (`[$1, $2, $3]`). */
function yamlArgument(fn: IntrinsicFunction): string {
  return (fn.argumentSnippet ?? '$1').replace(/"(\$\d)"/g, '$1');
}

function choicesFor(doc: DocumentedField, taskPath: JSONPath, inArray: boolean, taskDefinition: TaskDefinitionDocument | undefined): string[] {
  if (inArray) return doc.type === 'array of strings' && doc.values ? [...doc.values] : [];
  const taskSize = taskPath.length === 1 && taskDefinition ? taskSizeChoices(taskPath[0], taskDefinition) : undefined;
  if (taskSize) return taskSize.map(String);
  if (doc.type === 'boolean') return doc.valueSnippet === 'false' ? ['false', 'true'] : ['true', 'false'];
  return doc.type === 'string' && doc.values ? [...doc.values] : [];
}

/**
 * What follows `Key:`: the value on the same line, or an indented block on the next for objects and lists; in a
 * flow mapping (no `column`), objects and lists in flow style too.
 */
function valueSnippet(doc: DocumentedField, column: number | undefined, taskDefinition: TaskDefinitionDocument | undefined): string {
  if (column === undefined) return flowValueSnippet(doc, taskDefinition);
  const below = `\n${' '.repeat(column + 2)}`;
  const choice = (values: readonly (string | number)[]) => `\${1|${values.join(',')}|}`;
  const taskSize = doc.path.length === 1 && taskDefinition ? taskSizeChoices(doc.path[0], taskDefinition) : undefined;
  if (taskSize) return ` ${choice(taskSize)}`;
  switch (doc.type) {
    case 'string':
      return doc.values ? ` ${choice(doc.values)}` : ' $1';
    case 'integer':
    case 'number':
      return ' $1';
    case 'boolean':
      return ` ${choice(doc.valueSnippet === 'false' ? ['false', 'true'] : ['true', 'false'])}`;
    case 'object':
    case 'string map':
      return `${below}$1`;
    case 'array of strings':
      return `${below}- ${doc.values ? choice(doc.values) : '$1'}`;
    case 'array of integers':
    case 'array of objects':
      return `${below}- $1`;
  }
}

function flowValueSnippet(doc: DocumentedField, taskDefinition: TaskDefinitionDocument | undefined): string {
  switch (doc.type) {
    case 'object':
    case 'string map':
      return ' {$1}';
    case 'array of strings':
      return ` [${doc.values ? `\${1|${doc.values.join(',')}|}` : '$1'}]`;
    case 'array of integers':
      return ' [$1]';
    case 'array of objects':
      return ' [{$1}]';
    default:
      return valueSnippet(doc, 0, taskDefinition);
  }
}

import { Node } from 'jsonc-parser';
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Range, TextEdit } from 'vscode-languageserver-types';
import { arrayItems, childValue, objectProperties, stringValue } from '../document/json';
import { IntrinsicFunction, intrinsicFunctionsFor } from '../document/cloudformation/intrinsics';
import { DocumentedField } from './fieldDocs';

const REFERENCE_URL = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html';

/**
 * The intrinsic functions an object may be at a property of a template (`"Cpu": { | }`): where the property takes
 * a scalar or a list, the object can only be a function computing it. Undefined where the object is the
 * property's own value (`LogConfiguration`), or other keys are there already (a function has exactly one).
 * `inArray`: the object is an item of the property's array.
 */
export function intrinsicFunctionsAt(doc: DocumentedField | undefined, inArray: boolean, objectNode: Node | undefined, typed: number, root: Node | undefined): IntrinsicFunction[] | undefined {
  const kind = doc && valueKind(doc, inArray);
  if (!kind) return undefined;
  const others = objectProperties(objectNode).filter((property) => property.children?.[0]?.offset !== typed);
  if (others.length > 0) return undefined;
  return intrinsicFunctionsFor(kind, declaredTransforms(root));
}

function valueKind(doc: DocumentedField, inArray: boolean): 'scalar' | 'list' | undefined {
  switch (doc.type) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return inArray ? undefined : 'scalar';
    case 'array of strings':
    case 'array of integers':
      return inArray ? 'scalar' : 'list';
    case 'array of objects':
      return inArray ? undefined : 'list';
    case 'object':
    case 'string map':
      return undefined;
  }
}

/** The template's `Transform` (the document's root is the template): one name or a list. */
function declaredTransforms(root: Node | undefined): string[] {
  const transform = childValue(root, 'Transform');
  if (transform?.type === 'array') return arrayItems(transform).flatMap((item) => stringValue(item) ?? []);
  const name = stringValue(transform);
  return name ? [name] : [];
}

/** What the completion item of a function shows beside the text it inserts. */
export function intrinsicItem(fn: IntrinsicFunction, index: number, range: Range, newText: string, filterText?: string, label = fn.name): CompletionItem {
  const transform = fn.transform ? `\n\nNeeds \`Transform: ${fn.transform}\`.` : '';
  return {
    label,
    kind: CompletionItemKind.Function,
    detail: `${label === fn.name ? fn.shortTag : fn.name} · intrinsic function`,
    documentation: { kind: MarkupKind.Markdown, value: `**${fn.name}**\n\n${fn.summary ?? ''}${transform}\n\n[Intrinsic function reference](${REFERENCE_URL})` },
    filterText,
    sortText: String(index).padStart(3, '0'),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: TextEdit.replace(range, newText),
  };
}

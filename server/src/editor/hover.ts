import { findNodeAtOffset, getNodePath, JSONPath, Node } from 'jsonc-parser';
import { Hover, MarkupKind, Position, Range } from 'vscode-languageserver-types';
import { ruleDocsUrl } from '../engine/protocol';
import { ruleMeta } from '../rules';
import { Analysis } from '../service/analysis';
import { LintFinding } from '../service/validate';
import { TaskDefinitionDocument } from '../document/taskDefinition';
import { FieldDoc, fieldDocAt, fieldMarkdown } from './fieldDocs';
import { RuleDocs } from './ruleDocs';
import { resourceFieldMarkdown, resourcePlace } from './resourceDocs';
import { intrinsicOf } from '../document/cloudformation/template';
import { FrameOptions, taskFrame } from './taskPath';
import { taskSizeMarkdown } from './taskSize';

export interface HoverOptions extends FrameOptions {
  /** Findings of `validate` on the same analysis; the ones under the cursor are explained. */
  readonly findings?: readonly LintFinding[];
  /** Where rule docs are read from; a shared, caching instance by default. */
  readonly ruleDocs?: RuleDocs;
}

const sharedRuleDocs = new RuleDocs();
const SECTION_BREAK = '\n\n---\n\n';

/** Markdown for the findings, the field and (on task cpu or memory) the Fargate sizes under the cursor. */
export function hover(analysis: Analysis, position: Position, options: HoverOptions = {}): Hover | null {
  const findings = (options.findings ?? []).filter((finding) => rangeContains(finding.range, position));
  const sections = findings.map((finding) => findingMarkdown(finding, options.ruleDocs ?? sharedRuleDocs));
  const property = resourcePropertyUnderCursor(analysis, position);
  const field = property ? undefined : fieldUnderCursor(analysis, position, options);
  if (property) sections.push(property.markdown);
  if (field) {
    sections.push(fieldMarkdown(field.doc, field.keyName));
    const isTaskSize = field.taskPath.length === 1 && (field.taskPath[0] === 'cpu' || field.taskPath[0] === 'memory');
    const sizes = isTaskSize && field.taskDefinition ? taskSizeMarkdown(field.taskDefinition) : undefined;
    if (sizes) sections.push(sizes);
  }
  if (!sections.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join(SECTION_BREAK) },
    range: property?.range ?? field?.range ?? findings[0].range,
  };
}

interface FieldUnderCursor {
  readonly doc: FieldDoc;
  readonly taskPath: JSONPath;
  readonly range: Range;
  readonly taskDefinition: TaskDefinitionDocument | undefined;
  readonly keyName: (apiKey: string) => string;
}

/** A documented key, or a scalar value of one (an array item counts as a value of its array). */
function fieldUnderCursor(analysis: Analysis, position: Position, options: FrameOptions): FieldUnderCursor | undefined {
  const { document, parsed } = analysis;
  const frame = taskFrame(analysis, options);
  const node = parsed.root && frame ? findNodeAtOffset(parsed.root, document.offsetAt(position)) : undefined;
  if (!frame || !node || !isScalar(node)) return undefined;
  for (const place of placesUnder(node, frame.shape === 'cloudformation')) {
    const taskPath = frame.toTaskPath(place.path);
    if (!taskPath) continue;
    const arrayItem = !place.isKey && typeof taskPath[taskPath.length - 1] === 'number';
    const fieldPath = arrayItem ? taskPath.slice(0, -1) : taskPath;
    const doc = fieldDocAt(fieldPath);
    if (!doc) continue;
    const range = { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
    return { doc, taskPath: fieldPath, range, taskDefinition: frame.taskDefinitionAt(place.path), keyName: frame.keyName };
  }
  return undefined;
}

/** A documented property of a service, cluster, task set or capacity provider, or a scalar value of one. */
function resourcePropertyUnderCursor(analysis: Analysis, position: Position): { readonly markdown: string; readonly range: Range } | undefined {
  const { document, parsed, resources } = analysis;
  if (resources.length === 0 || !parsed.root) return undefined;
  const node = findNodeAtOffset(parsed.root, document.offsetAt(position));
  if (!node || !isScalar(node)) return undefined;
  for (const { path, isKey } of placesUnder(node, resources[0].form === 'template')) {
    const place = resourcePlace(resources, path);
    if (!place) continue;
    const { apiPath } = place;
    const arrayItem = !isKey && typeof apiPath[apiPath.length - 1] === 'number';
    const entry = place.fields.at(arrayItem ? apiPath.slice(0, -1) : apiPath);
    if (!entry) continue;
    const range = { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
    return { markdown: resourceFieldMarkdown(place, entry), range };
  }
  return undefined;
}

/**
 * The places a hover may explain, in order: the key or value under the cursor, then in a template each intrinsic
 * function call around it (a one-key `Ref` / `Fn::*` / `Condition` object), from the innermost out. The first
 * place a field table documents is explained: inside `!Ref Parameter`, an `!If`'s condition or an `!Sub`, the
 * property the call computes; a value in a branch of an `!If` is the property's own value already.
 */
function* placesUnder(node: Node, inTemplate: boolean): Generator<{ readonly path: JSONPath; readonly isKey: boolean }> {
  yield { path: getNodePath(node), isKey: node.parent?.type === 'property' && node.parent.children?.[0] === node };
  if (!inTemplate) return;
  for (let ancestor = node.parent; ancestor; ancestor = ancestor.parent) {
    if (intrinsicOf(ancestor)) yield { path: getNodePath(ancestor), isKey: false };
  }
}

function isScalar(node: Node): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null';
}

function findingMarkdown(finding: LintFinding, ruleDocs: RuleDocs): string {
  const title = ruleMeta(finding.ruleId)?.title;
  const lines = [`**${finding.ruleId}** (${finding.severity})${title ? `: ${title}` : ''}`, '', finding.message];
  const fix = ruleDocs.fixSection(finding.ruleId);
  if (fix) lines.push('', '**How to fix**', '', fix);
  lines.push('', `[Rule documentation](${ruleDocsUrl(finding.ruleId)})`);
  return lines.join('\n');
}

/** LSP ranges end before `end`; an empty range (an end-of-file finding) holds its one position. */
function rangeContains(range: Range, position: Position): boolean {
  if (comparePositions(position, range.start) < 0) return false;
  const toEnd = comparePositions(position, range.end);
  return toEnd < 0 || (toEnd === 0 && comparePositions(range.start, range.end) === 0);
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

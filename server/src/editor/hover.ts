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
  const node = scalarUnderCursor(analysis, position);
  const property = node && resourcePropertyAt(analysis, node);
  const field = node && !property ? fieldAt(analysis, node, options) : undefined;
  if (property) sections.push(property);
  if (field) {
    sections.push(fieldMarkdown(field.doc, field.keyName));
    const isTaskSize = field.taskPath.length === 1 && (field.taskPath[0] === 'cpu' || field.taskPath[0] === 'memory');
    const sizes = isTaskSize && field.taskDefinition ? taskSizeMarkdown(field.taskDefinition) : undefined;
    if (sizes) sections.push(sizes);
  }
  if (!sections.length) return null;
  const { document } = analysis;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join(SECTION_BREAK) },
    range: node && (property || field) ? { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) } : findings[0].range,
  };
}

/** The key or scalar value under the cursor, which a property's or field's hover explains (and spans). */
function scalarUnderCursor(analysis: Analysis, position: Position): Node | undefined {
  const { document, parsed } = analysis;
  const node = parsed.root ? findNodeAtOffset(parsed.root, document.offsetAt(position)) : undefined;
  return node && isScalar(node) ? node : undefined;
}

interface FieldUnderCursor {
  readonly doc: FieldDoc;
  readonly taskPath: JSONPath;
  readonly taskDefinition: TaskDefinitionDocument | undefined;
  readonly keyName: (apiKey: string) => string;
}

/** A documented key, or a scalar value of one (an array item counts as a value of its array). */
function fieldAt(analysis: Analysis, node: Node, options: FrameOptions): FieldUnderCursor | undefined {
  const frame = taskFrame(analysis, options);
  if (!frame) return undefined;
  for (const place of placesUnder(node, frame.shape === 'cloudformation')) {
    const taskPath = frame.toTaskPath(place.path);
    if (!taskPath) continue;
    const arrayItem = !place.isKey && typeof taskPath[taskPath.length - 1] === 'number';
    const fieldPath = arrayItem ? taskPath.slice(0, -1) : taskPath;
    const doc = fieldDocAt(fieldPath);
    if (!doc) continue;
    return { doc, taskPath: fieldPath, taskDefinition: frame.taskDefinitionAt(place.path), keyName: frame.keyName };
  }
  return undefined;
}

/** The markdown for a documented property of a service, cluster, task set or capacity provider, or a scalar value of one. */
function resourcePropertyAt({ resources }: Analysis, node: Node): string | undefined {
  if (resources.length === 0) return undefined;
  for (const { path, isKey } of placesUnder(node, resources[0].form === 'template')) {
    const place = resourcePlace(resources, path);
    if (!place) continue;
    const { apiPath } = place;
    const arrayItem = !isKey && typeof apiPath[apiPath.length - 1] === 'number';
    const entry = place.fields.at(arrayItem ? apiPath.slice(0, -1) : apiPath);
    if (entry) return resourceFieldMarkdown(place, entry);
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

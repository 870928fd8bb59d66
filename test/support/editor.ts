import * as assert from 'node:assert/strict';
import { CompletionItem, Position, TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../server/src/editor/completion';
import { hover, HoverOptions } from '../../server/src/editor/hover';
import { FrameOptions } from '../../server/src/editor/taskPath';
import { Analysis, analyzeText } from '../../server/src/service/analysis';
import { validate } from '../../server/src/service/validate';
import { markedDocument } from './markedDocument';

export interface AtCursor {
  readonly text: string;
  readonly offset: number;
  readonly analysis: Analysis;
  readonly position: Position;
}

/** A document written with a `|` cursor, analysed; `uri` names the file (its extension picks JSON or YAML). */
function atCursor(marked: string, uri?: string): AtCursor {
  const { text, cursor } = markedDocument(marked, { cursor: true });
  if (cursor === undefined) throw new Error('mark the cursor with |');
  const analysis = analyzeText(text, uri);
  return { text, offset: cursor, analysis, position: analysis.document.positionAt(cursor) };
}

/** The hover Markdown at the cursor, with the findings `validate` gives for the same analysis; undefined for no hover. */
export function hoverAt(marked: string, options: HoverOptions & { uri?: string } = {}): string | undefined {
  const { analysis, position } = atCursor(marked, options.uri);
  const result = hover(analysis, position, { findings: validate(analysis), ...options });
  if (!result) return undefined;
  const contents = result.contents;
  if (typeof contents === 'object' && 'kind' in contents) return contents.value;
  throw new Error('hover contents must be MarkupContent');
}

/** The hover's lines, for asserting on whole lines. */
export function hoverLinesAt(marked: string, options: HoverOptions & { uri?: string } = {}): string[] {
  return hoverAt(marked, options)?.split('\n') ?? [];
}

export function completionsAt(marked: string, options: FrameOptions & { uri?: string } = {}): CompletionItem[] {
  const { analysis, position } = atCursor(marked, options.uri);
  return complete(analysis, position, options);
}

export function completionLabelsAt(marked: string, options: FrameOptions & { uri?: string } = {}): string[] {
  return completionsAt(marked, options).map((item) => item.label);
}

export function completionNamed(marked: string, label: string, options: FrameOptions & { uri?: string } = {}): CompletionItem {
  const item = completionsAt(marked, options).find((each) => each.label === label);
  if (!item) throw new Error(`no completion labelled ${label}`);
  return item;
}

/**
 * The document after accepting a completion, with each snippet placeholder replaced by its default
 * (the first choice, or nothing) as an editor would leave it when the user tabs through.
 */
export function acceptCompletion(marked: string, label: string, options: FrameOptions & { uri?: string } = {}): string {
  const { analysis } = atCursor(marked, options.uri);
  const item = completionNamed(marked, label, options);
  const edit = item.textEdit as TextEdit;
  const start = analysis.document.offsetAt(edit.range.start);
  const end = analysis.document.offsetAt(edit.range.end);
  const text = analysis.document.getText();
  return text.slice(0, start) + snippetDefaults(edit.newText) + text.slice(end);
}

function snippetDefaults(snippet: string): string {
  const defaults = new Map<string, string>();
  const remember = (index: string, value: string) => {
    defaults.set(index, value);
    return value;
  };
  return snippet
    .replace(/\$\{(\d+)\|([^,|]*)[^}]*\|\}/g, (_, index: string, first: string) => remember(index, first))
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, index: string, value: string) => remember(index, value))
    .replace(/\$(\d+)/g, (_, index: string) => defaults.get(index) ?? '')
    .replace(/\\([$}\\])/g, '$1');
}

/** Every one of `expected` is among the completion labels. */
export function assertIncludes(labels: string[], expected: string[]): void {
  const missing = expected.filter((label) => !labels.includes(label));
  assert.deepEqual(missing, [], `missing from ${JSON.stringify(labels)}`);
}

/** None of `unexpected` is among the completion labels. */
export function assertExcludes(labels: string[], unexpected: string[]): void {
  assert.deepEqual(
    labels.filter((label) => unexpected.includes(label)),
    [],
  );
}

import { Position } from 'vscode-languageserver-types';
import { hover, HoverOptions } from '../../server/src/editor/hover';
import { Analysis, analyzeText } from '../../server/src/service/analysis';
import { validate } from '../../server/src/service/validate';
import { markedDocument } from './markedDocument';

export interface AtCursor {
  readonly text: string;
  readonly offset: number;
  readonly analysis: Analysis;
  readonly position: Position;
}

/** A document written with a `|` cursor, analysed. */
export function atCursor(marked: string): AtCursor {
  const { text, cursor } = markedDocument(marked, { cursor: true });
  if (cursor === undefined) throw new Error('mark the cursor with |');
  const analysis = analyzeText(text);
  return { text, offset: cursor, analysis, position: analysis.document.positionAt(cursor) };
}

/** The hover Markdown at the cursor, with the findings `validate` gives for the same analysis; undefined for no hover. */
export function hoverAt(marked: string, options: HoverOptions = {}): string | undefined {
  const { analysis, position } = atCursor(marked);
  const result = hover(analysis, position, { findings: validate(analysis), ...options });
  if (!result) return undefined;
  const contents = result.contents;
  if (typeof contents === 'object' && 'kind' in contents) return contents.value;
  throw new Error('hover contents must be MarkupContent');
}

/** The hover's lines, for asserting on whole lines. */
export function hoverLinesAt(marked: string, options: HoverOptions = {}): string[] {
  return hoverAt(marked, options)?.split('\n') ?? [];
}

/**
 * Test documents are written as the user sees them, with markers:
 * - `«` and `»` around each range a diagnostic is expected on;
 * - `|` for the cursor (hover, completion), when `cursor: true` is asked for.
 */
export interface MarkedDocument {
  readonly text: string;
  readonly ranges: { offset: number; length: number }[];
  readonly cursor: number | undefined;
}

export function markedDocument(marked: string, options: { cursor?: boolean } = {}): MarkedDocument {
  let text = '';
  const ranges: { offset: number; length: number }[] = [];
  const open: number[] = [];
  let cursor: number | undefined;
  for (const char of marked) {
    if (char === '«') {
      open.push(text.length);
    } else if (char === '»') {
      const start = open.pop();
      if (start === undefined) throw new Error('» without «');
      ranges.push({ offset: start, length: text.length - start });
    } else if (char === '|' && options.cursor) {
      cursor = text.length;
    } else {
      text += char;
    }
  }
  if (open.length) throw new Error('« without »');
  ranges.sort((a, b) => a.offset - b.offset);
  return { text, ranges, cursor };
}

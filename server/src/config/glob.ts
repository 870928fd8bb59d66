/**
 * Glob matching for `include` / `ignore` (from `.ecs-guard.json` and the `ecsGuard.*` settings), in time
 * proportional to pattern length × path length whatever the pattern: the workspace writes these patterns, and a
 * backtracking regular expression (`a*a*a*a*a*a*a*a*a*a*a*a*a*a*b`) would hang the server and the CLI.
 *
 * Syntax: `*` (any characters but `/`), `?` (one character but `/`), `**` as a whole path segment (any number
 * of segments, none included), `[abc]`, `[a-z]`, `[!a]` / `[^a]`, `{a,b}` and `{1..3}` alternatives, `\` to
 * escape. Names starting with a dot are matched like any other. Each pattern is compiled once and cached.
 */

/** Limits that keep a compiled pattern small; a glob beyond them is reported and ignored. */
export const MAX_GLOB_LENGTH = 1024;
export const MAX_GLOB_ALTERNATIVES = 256;

type Part =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [string, string])[] };

/** One path segment of a pattern: `**`, or parts matched against exactly one segment. */
type Segment = { readonly kind: 'globstar' } | { readonly kind: 'parts'; readonly parts: readonly Part[] };

export class GlobSyntaxError extends Error {}

export type GlobMatcher = (relativePath: string) => boolean;

const compiled = new Map<string, GlobMatcher>();
const MAX_CACHED = 1024;

/** The matcher of one glob (the same one every time); throws GlobSyntaxError for a glob ECS Guard cannot use. */
export function compileGlob(glob: string): GlobMatcher {
  let matcher = compiled.get(glob);
  if (!matcher) {
    const alternatives = expandBraces(stripDotSlash(glob)).map(parseSegments);
    matcher = (relativePath) => {
      const names = relativePath.split('/');
      return alternatives.some((segments) => matchSegments(segments, names));
    };
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(glob, matcher);
  }
  return matcher;
}

/** Why a glob cannot be used, or undefined. */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'an empty glob';
  try {
    compileGlob(glob);
    return undefined;
  } catch (error) {
    if (error instanceof GlobSyntaxError) return `an unusable glob (${error.message})`;
    throw error;
  }
}

function stripDotSlash(glob: string): string {
  let rest = glob;
  while (rest.startsWith('./')) rest = rest.slice(2);
  return rest;
}

/** `{a,b}` and `{1..3}` become separate patterns, at most MAX_GLOB_ALTERNATIVES of them. */
function expandBraces(glob: string): string[] {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobSyntaxError(`longer than ${MAX_GLOB_LENGTH} characters`);
  if (/[@!+*?]\(/.test(glob.replace(/\\./g, ''))) throw new GlobSyntaxError('extglobs such as @(a|b) are not supported; use {a,b}');
  let results = [''];
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '\\' && i + 1 < glob.length) {
      results = results.map((result) => result + glob.slice(i, i + 2));
      i++;
    } else if (char === '{') {
      const close = matchingBrace(glob, i);
      if (close === undefined) {
        results = results.map((result) => result + '\\{');
        continue;
      }
      const choices = braceChoices(glob.slice(i + 1, close)).flatMap(expandBraces);
      results = results.flatMap((result) => choices.map((choice) => result + choice));
      if (results.length > MAX_GLOB_ALTERNATIVES) throw new GlobSyntaxError(`more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
      i = close;
    } else {
      results = results.map((result) => result + char);
    }
  }
  return results;
}

function matchingBrace(glob: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return undefined;
}

/** The comma-separated choices of a brace body (nested braces kept whole), or a numeric range. */
function braceChoices(body: string): string[] {
  const range = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (Math.abs(to - from) >= MAX_GLOB_ALTERNATIVES) throw new GlobSyntaxError(`more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
    const step = from <= to ? 1 : -1;
    return Array.from({ length: Math.abs(to - from) + 1 }, (_, k) => String(from + k * step));
  }
  const choices: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      choices.push(body.slice(start, i));
      start = i + 1;
    }
  }
  choices.push(body.slice(start));
  // `{a}` is not an alternative in shells or picomatch: it stands for itself.
  return choices.length === 1 ? [`\\{${choices[0]}\\}`] : choices;
}

function parseSegments(pattern: string): Segment[] {
  const segments: Segment[] = [];
  for (const source of splitSegments(pattern)) {
    if (source === '**') {
      // `a/**/**/b` is `a/**/b`: consecutive globstars would only multiply the work.
      if (segments.at(-1)?.kind !== 'globstar') segments.push({ kind: 'globstar' });
    } else {
      segments.push({ kind: 'parts', parts: parseParts(source) });
    }
  }
  return segments;
}

/** Splits at `/` outside brackets and escapes. */
function splitSegments(pattern: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '/') {
      segments.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(pattern.slice(start));
  return segments;
}

function parseParts(source: string): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\' && i + 1 < source.length) {
      parts.push({ kind: 'char', char: source[++i] });
    } else if (char === '*') {
      // `a**b` inside a segment is `a*b`.
      if (parts.at(-1)?.kind !== 'star') parts.push({ kind: 'star' });
    } else if (char === '?') {
      parts.push({ kind: 'any' });
    } else if (char === '[') {
      const parsed = parseClass(source, i);
      if (parsed) {
        parts.push(parsed.part);
        i = parsed.end;
      } else {
        parts.push({ kind: 'char', char });
      }
    } else {
      parts.push({ kind: 'char', char });
    }
  }
  return parts;
}

/** `[...]` from `open`; undefined when it is not closed (then `[` is an ordinary character). */
function parseClass(source: string, open: number): { part: Part; end: number } | undefined {
  let i = open + 1;
  const negated = source[i] === '!' || source[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  for (let first = true; i < source.length; first = false) {
    if (source[i] === ']' && !first) return { part: { kind: 'class', negated, ranges }, end: i };
    let low = source[i];
    if (low === '\\' && i + 1 < source.length) low = source[++i];
    if (source[i + 1] === '-' && i + 2 < source.length && source[i + 2] !== ']') {
      let high = source[i + 2];
      i += 2;
      if (high === '\\' && i + 1 < source.length) high = source[++i];
      ranges.push([low, high]);
    } else {
      ranges.push([low, low]);
    }
    i++;
  }
  return undefined;
}

/**
 * Path segments against pattern segments. A globstar's only state is where the last one resumes: when a later
 * segment fails, that globstar takes one more path segment. Earlier globstars never need to, as whatever they
 * could take the last one can (the argument of Russ Cox, "Glob Matching Can Be Simple And Fast Too").
 */
function matchSegments(segments: readonly Segment[], names: readonly string[]): boolean {
  let p = 0;
  let n = 0;
  let restartP = -1;
  let restartN = 0;
  while (p < segments.length || n < names.length) {
    if (p < segments.length) {
      const segment = segments[p];
      if (segment.kind === 'globstar') {
        restartP = p;
        restartN = n + 1;
        p++;
        continue;
      }
      if (n < names.length && matchParts(segment.parts, names[n])) {
        p++;
        n++;
        continue;
      }
    }
    if (restartP >= 0 && restartN <= names.length) {
      p = restartP + 1;
      n = restartN++;
      continue;
    }
    return false;
  }
  return true;
}

/** One segment: the same single-restart scheme for `*` within it. */
function matchParts(parts: readonly Part[], name: string): boolean {
  let p = 0;
  let n = 0;
  let restartP = -1;
  let restartN = 0;
  while (p < parts.length || n < name.length) {
    if (p < parts.length) {
      const part = parts[p];
      if (part.kind === 'star') {
        restartP = p;
        restartN = n + 1;
        p++;
        continue;
      }
      if (n < name.length && matchesChar(part, name[n])) {
        p++;
        n++;
        continue;
      }
    }
    if (restartP >= 0 && restartN <= name.length) {
      p = restartP + 1;
      n = restartN++;
      continue;
    }
    return false;
  }
  return true;
}

function matchesChar(part: Exclude<Part, { kind: 'star' }>, char: string): boolean {
  switch (part.kind) {
    case 'char':
      return part.char === char;
    case 'any':
      return true;
    case 'class':
      return part.ranges.some(([low, high]) => low <= char && char <= high) !== part.negated;
  }
}

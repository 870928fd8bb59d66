/**
 * TextMate grammars are run by Oniguruma, but no Oniguruma binding is installed here. A pattern that
 * uses none of the syntax below means the same under JavaScript's RegExp (without flags), so the tests
 * can compile and run it with RegExp instead. (\d, \w, \s and \b may still differ on non-ASCII text,
 * which the samples do not use.)
 */
export function onigurumaOnlySyntax(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    const next = source[i + 1] ?? '';
    if (char === '\\') {
      if ('hHAzZGKRXOyYe'.includes(next)) found.push(`\\${next} escape`);
      else if (next === 'x' && source[i + 2] === '{') found.push('\\x{...} escape');
      else if (next === 'p' || next === 'P') found.push(`\\${next}{...} property (JavaScript needs the u flag)`);
      else if (next === 'g') found.push('\\g subexpression call');
      i++;
    } else if (inClass) {
      if (char === '[' && next === ':') found.push('POSIX bracket [:...:]');
      else if (char === '[') found.push('nested character class');
      else if (char === '&' && next === '&') found.push('class intersection &&');
      else if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
      // `[]...]` and `[^]...]`: Oniguruma reads the `]` as a literal, JavaScript as the end of the class.
      const first = next === '^' ? source[i + 2] : next;
      if (first === ']') found.push('] first in a character class');
    } else if (char === '(' && next === '?') {
      const group = source.slice(i + 2);
      if (group.startsWith('>')) found.push('atomic group (?>...)');
      else if (group.startsWith('#')) found.push('comment group (?#...)');
      else if (group.startsWith('(')) found.push('conditional group (?(...)...)');
      else if (group.startsWith('~')) found.push('absent operator (?~...)');
      else if (/^[imxWDSPIL-]+[:)]/.test(group)) found.push('inline options (?imx)');
    } else if ('*+?}'.includes(char) && next === '+') {
      found.push('possessive quantifier');
    }
  }
  return found;
}

/** How many capture groups a JavaScript pattern has: an empty alternative lets it match "". */
export function captureGroupCount(pattern: string): number {
  return new RegExp(`${pattern}|`).exec('')!.length - 1;
}

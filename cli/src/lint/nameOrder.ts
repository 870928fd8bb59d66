/**
 * The order of files in the report: Unicode collation for English (`new Intl.Collator('en').compare`), the same
 * on every machine whatever its locale, so that a CI log or a SARIF file lists files as a developer's terminal does.
 *
 * Names made only of ASCII are compared here, by the collation's own rules for those characters (it costs no
 * collator: setting up ICU's takes ~5 ms, a noticeable part of a short run); any other name goes to the collator.
 * test/cli/name-order.test.ts proves the two agree.
 */
export function compareNames(a: string, b: string): number {
  return isAscii(a) && isAscii(b) ? compareAscii(a, b) : collator().compare(a, b);
}

/**
 * ASCII in the collation's order: controls are ignored; spaces, then punctuation and symbols in this order, then
 * digits, then letters, a letter's two cases at the same place (upper after lower only when nothing else differs).
 */
const COLLATION_ORDER = '\t\n\v\f\r _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';

/** Each ASCII character's place in COLLATION_ORDER, from 1; 0 for the ignored controls. */
const PRIMARY = new Uint8Array(128);
for (let index = 0; index < COLLATION_ORDER.length; index++) PRIMARY[COLLATION_ORDER.charCodeAt(index)] = index + 1;
for (let code = 65; code <= 90; code++) PRIMARY[code] = PRIMARY[code + 32];

function compareAscii(a: string, b: string): number {
  // First level: the characters' places, ignored controls skipped.
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && PRIMARY[a.charCodeAt(i)] === 0) i++;
    while (j < b.length && PRIMARY[b.charCodeAt(j)] === 0) j++;
    if (i === a.length || j === b.length) {
      if (i !== a.length || j !== b.length) return i === a.length ? -1 : 1;
      break;
    }
    const difference = PRIMARY[a.charCodeAt(i)] - PRIMARY[b.charCodeAt(j)];
    if (difference !== 0) return difference < 0 ? -1 : 1;
    i++;
    j++;
  }
  // Third level (ASCII has no accents for the second): lower case before upper, at the first letter that differs.
  i = 0;
  j = 0;
  for (;;) {
    while (i < a.length && PRIMARY[a.charCodeAt(i)] === 0) i++;
    while (j < b.length && PRIMARY[b.charCodeAt(j)] === 0) j++;
    if (i === a.length) return 0;
    const upperA = isUpper(a.charCodeAt(i));
    if (upperA !== isUpper(b.charCodeAt(j))) return upperA ? 1 : -1;
    i++;
    j++;
  }
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 127) return false;
  return true;
}

let englishCollator: Intl.Collator | undefined;

function collator(): Intl.Collator {
  return (englishCollator ??= new Intl.Collator('en'));
}

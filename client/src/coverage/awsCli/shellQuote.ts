/** Quotes one argument for a POSIX shell (bash, zsh): left bare when safe, else single-quoted. */
export function shellQuote(argument: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(argument)) return argument;
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** The shells a copied AWS CLI command is quoted for. */
export type ShellKind = 'posix' | 'powershell' | 'cmd';

/** Quotes one argument for a POSIX shell (bash, zsh): left bare when safe, else single-quoted. */
export function shellQuote(argument: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(argument)) return argument;
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/**
 * Quotes one argument for `shell`. PowerShell: single quotes ('' inside), which expand nothing. cmd.exe:
 * double quotes, `"` written `\"` as the program's argument parser reads it; `%` cannot be escaped inside
 * quotes on cmd's command line, so an argument with `%NAME%` in it may still expand there.
 */
export function quoteArgument(argument: string, shell: ShellKind): string {
  switch (shell) {
    case 'posix':
      return shellQuote(argument);
    case 'powershell':
      // Bare only a flag or a word starting with a letter: PowerShell reads 0123… as a number, @… and $… as variables.
      return /^(?:--?)?[A-Za-z][A-Za-z0-9_./:-]*$/.test(argument) ? argument : `'${argument.replace(/'/g, "''")}'`;
    case 'cmd':
      return /^[A-Za-z0-9_+=:,./-]+$/.test(argument) ? argument : `"${argument.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
  }
}

/** A command line for `shell` from its words. */
export function commandLine(words: readonly string[], shell: ShellKind): string {
  return words.map((word) => quoteArgument(word, shell)).join(' ');
}

/**
 * The kind of the user's shell from its path (VS Code's `env.shell`, or `$SHELL` / `%ComSpec%`):
 * pwsh and powershell are PowerShell, cmd.exe is cmd, anything else (bash, zsh, fish, sh, Git Bash, WSL)
 * takes POSIX quoting. Without a path: cmd's syntax on Windows would be a guess, so PowerShell, the
 * Windows terminal default; POSIX elsewhere.
 */
export function shellKindOf(shellPath: string | undefined, platform: string): ShellKind {
  const name =
    (shellPath ?? '')
      .split(/[\\/]/)
      .pop()
      ?.toLowerCase()
      .replace(/\.exe$/, '') ?? '';
  if (name === 'pwsh' || name === 'powershell' || name.startsWith('pwsh-')) return 'powershell';
  if (name === 'cmd') return 'cmd';
  if (!name) return platform === 'win32' ? 'powershell' : 'posix';
  return 'posix';
}

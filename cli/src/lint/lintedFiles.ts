// Which files `ecs-guard lint` takes: the names a folder walk picks up and the size limit. Kept free of the
// engine so that the help text (in the CLI's entry bundle) can quote them without loading the lint command.

/** The file names a folder walk picks up; one list, so that more kinds (YAML templates) are one line away. */
export const LINTED_FILE_EXTENSIONS: readonly string[] = ['.json', '.jsonc', '.yaml', '.yml', '.template'];

export function isLintedFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return LINTED_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * Files larger than this are refused. The ECS API takes task definitions of up to 64 KiB and CloudFormation
 * templates of up to 1 MB; 10 MiB leaves room for generated files and is still analysed in about a second.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`.replace('.0 ', ' ');
}

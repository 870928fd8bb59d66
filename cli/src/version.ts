/** Replaced by the bundler with package.json's version; "dev" when run from sources (tests). */
declare const ECS_GUARD_VERSION: string | undefined;

export function cliVersion(): string {
  return typeof ECS_GUARD_VERSION === 'string' ? ECS_GUARD_VERSION : 'dev';
}

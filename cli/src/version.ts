import * as fs from 'node:fs';
import * as path from 'node:path';

/** Replaced by the bundler with package.json's version. */
declare const ECS_GUARD_VERSION: string | undefined;

/** The package version; from sources (tests), read from package.json so that SARIF and --version show a real one. */
export function cliVersion(): string {
  if (typeof ECS_GUARD_VERSION === 'string') return ECS_GUARD_VERSION;
  try {
    return (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'dev';
  }
}

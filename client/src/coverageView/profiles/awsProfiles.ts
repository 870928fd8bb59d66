import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The shared config and credentials files, where the SDK reads them. */
export interface AwsProfileFiles {
  readonly configFile: string;
  readonly credentialsFile: string;
}

export interface AwsProfile {
  readonly name: string;
  /** Which files define it (a profile can have its keys in one and its region in the other). */
  readonly definedIn: readonly ('config' | 'credentials')[];
}

/** AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE when set (a leading ~/ is the home, as for the SDK), else ~/.aws/. */
export function awsProfileFiles(env: NodeJS.ProcessEnv = process.env): AwsProfileFiles {
  // The SDK's order for the home folder.
  const home = env.HOME || env.USERPROFILE || (env.HOMEPATH ? `${env.HOMEDRIVE ?? `C:${path.sep}`}${env.HOMEPATH}` : os.homedir());
  const resolve = (value: string | undefined, fallback: string) => {
    if (!value) return path.join(home, '.aws', fallback);
    return value.startsWith('~/') ? path.join(home, value.slice(2)) : value;
  };
  return { configFile: resolve(env.AWS_CONFIG_FILE, 'config'), credentialsFile: resolve(env.AWS_SHARED_CREDENTIALS_FILE, 'credentials') };
}

/**
 * Profile names in a config file: `[default]` and `[profile name]`, read as the SDK reads them, so that
 * every name offered is one the SDK finds. Other sections (`[sso-session x]`, `[services x]`) are not
 * profiles. Only section headers are looked at: keys, and so secrets, never are.
 */
export function profileNamesInConfig(text: string): string[] {
  const names: string[] = [];
  for (const section of sectionNames(text)) {
    if (section === 'default') names.push('default');
    const prefixed = PREFIXED_SECTION.exec(section);
    if (prefixed?.[1] === 'profile') names.push(prefixed[3]);
  }
  return unique(names);
}

/** Profile names in a credentials file: every plain section (the SDK files `[prefix name]` under another key). */
export function profileNamesInCredentials(text: string): string[] {
  return unique(sectionNames(text).filter((section) => !PREFIXED_SECTION.test(section)));
}

/** The profiles of both files, `default` first, then by name. */
export function mergeProfiles(configText: string | undefined, credentialsText: string | undefined): AwsProfile[] {
  const byName = new Map<string, ('config' | 'credentials')[]>();
  const add = (names: string[], file: 'config' | 'credentials') => names.forEach((name) => byName.set(name, [...(byName.get(name) ?? []), file]));
  add(profileNamesInConfig(configText ?? ''), 'config');
  add(profileNamesInCredentials(credentialsText ?? ''), 'credentials');
  return [...byName.entries()].map(([name, definedIn]) => ({ name, definedIn })).sort((a, b) => Number(b.name === 'default') - Number(a.name === 'default') || a.name.localeCompare(b.name));
}

/** Reads both files; a missing or unreadable file just has no profiles. */
export async function readAwsProfiles(files: AwsProfileFiles = awsProfileFiles()): Promise<AwsProfile[]> {
  const read = (file: string) => fs.promises.readFile(file, 'utf8').catch(() => undefined);
  const [config, credentials] = await Promise.all([read(files.configFile), read(files.credentialsFile)]);
  return mergeProfiles(config, credentials);
}

// The SDK's own section grammar (smithy shared-ini-file-loader parseIni): `prefix name`, the name optionally quoted.
const PREFIXED_SECTION = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;

/** Section names as the SDK sees them: comments cut, the line trimmed, the name between the brackets as is. */
function sectionNames(text: string): string[] {
  const names: string[] = [];
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.split(/(?:^|\s)[;#]/)[0].trim();
    if (line.startsWith('[') && line.endsWith(']') && line.length > 2) names.push(line.slice(1, -1));
  }
  return names;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The profile the SDK uses when none is given: AWS_PROFILE, else "default". */
export function effectiveProfile(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return profile || env.AWS_PROFILE || 'default';
}

/**
 * Whether a profile signs in through IAM Identity Center (SSO), read from the shared config file
 * (AWS_CONFIG_FILE or ~/.aws/config). Such a profile is fixed with `aws sso login`, not with new keys.
 */
export function isSsoProfile(profile: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.AWS_CONFIG_FILE || path.join(env.HOME || os.homedir(), '.aws', 'config');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const keys = profileKeys(text, profile);
  return keys.some((key) => key === 'sso_session' || key === 'sso_start_url' || key === 'sso_account_id');
}

/** The keys of `[profile name]` (or `[default]`) in an ini text. */
function profileKeys(text: string, profile: string): string[] {
  const wanted = new Set([`profile ${profile}`, ...(profile === 'default' ? ['default'] : [])]);
  const keys: string[] = [];
  let inside = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^\s+/, '');
    const section = /^\[\s*([^\]]+?)\s*\]/.exec(line);
    if (section) {
      inside = wanted.has(section[1].replace(/\s+/g, ' '));
      continue;
    }
    const key = /^([A-Za-z0-9_.-]+)\s*=/.exec(line);
    if (inside && key) keys.push(key[1].toLowerCase());
  }
  return keys;
}

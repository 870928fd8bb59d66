import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { GuardDutyClientConfig } from '@aws-sdk/client-guardduty';

/**
 * The credential provider for a profile. `ignoreCache` makes each resolution re-read the shared files,
 * so `aws sso login` or edited keys take effect on the next refresh without restarting VS Code.
 * A named profile goes through fromIni, which fails with a clear message when the profile does not
 * exist (the full chain would fall through to instance metadata instead).
 */
export function credentialsFor(profile: string | undefined, region: string): NonNullable<GuardDutyClientConfig['credentials']> {
  // Role assumption and SSO use the same region as the GuardDuty calls.
  const clientConfig = { region };
  return profile ? fromIni({ profile, ignoreCache: true, clientConfig }) : fromNodeProviderChain({ ignoreCache: true, clientConfig });
}

type Credentials = NonNullable<GuardDutyClientConfig['credentials']>;

/**
 * The same credentials, noting every secret they resolve to (access key id, secret key, session token)
 * in `secrets`, so error messages can be scrubbed of those exact values, whatever their length or shape.
 */
export function rememberingSecrets(credentials: Credentials, secrets: Set<string>): Credentials {
  const remember = <T>(identity: T): T => {
    const record = (identity ?? {}) as Record<string, unknown>;
    for (const key of ['accessKeyId', 'secretAccessKey', 'sessionToken']) if (typeof record[key] === 'string' && record[key]) secrets.add(record[key] as string);
    return identity;
  };
  if (typeof credentials !== 'function') return remember(credentials);
  return async (...args: Parameters<typeof credentials>) => remember(await credentials(...args));
}

/**
 * The provider's first answer for every caller, a failure included; a caller asking for a refresh (the SDK
 * does after an expired token) gets a new resolution, which later callers then share.
 */
export function resolvedOnce(credentials: Credentials): Credentials {
  if (typeof credentials !== 'function') return credentials;
  let identity: ReturnType<typeof credentials> | undefined;
  return (properties?: Record<string, unknown>) => {
    if (!identity || properties?.forceRefresh) identity = credentials(properties);
    return identity;
  };
}

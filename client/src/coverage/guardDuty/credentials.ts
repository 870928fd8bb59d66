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

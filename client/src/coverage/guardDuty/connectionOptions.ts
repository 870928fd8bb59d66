import type { GuardDutyClientConfig } from '@aws-sdk/client-guardduty';

/** How to reach GuardDuty in one region. */
export interface GuardDutyConnectionOptions {
  readonly region: string;
  /** A profile of the shared config/credentials files; the SDK's default chain when absent. */
  readonly profile?: string;
  /** Explicit credentials or provider (tests, or a host that resolves credentials itself); wins over `profile`. */
  readonly credentials?: GuardDutyClientConfig['credentials'];
  /** An endpoint override (a proxy, or a local fake), used as-is. */
  readonly endpoint?: string;
  /** Total attempts per call including SDK retries; DEFAULT_MAX_ATTEMPTS when absent (never AWS_MAX_ATTEMPTS). */
  readonly maxAttempts?: number;
  /** Per attempt; a slower answer fails with a timeout. Default 15 s. */
  readonly requestTimeoutMs?: number;
  /** Cancels every call in flight. */
  readonly signal?: AbortSignal;
  /**
   * Whether AWS_ENDPOINT_URL(_GUARDDUTY) and `endpoint_url` in ~/.aws/config may redirect the calls.
   * Off by default: a variable set for another tool must not silently send our calls elsewhere.
   */
  readonly useConfiguredEndpointUrls?: boolean;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
/**
 * The SDK's own default, set explicitly: left unset, the SDK would take AWS_MAX_ATTEMPTS or `max_attempts`
 * from ~/.aws/config, set for other tools, and the stated bound on requests would no longer hold.
 */
export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;

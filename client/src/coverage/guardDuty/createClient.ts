import { GuardDutyClient, GuardDutyClientConfig } from '@aws-sdk/client-guardduty';
import { DEFAULT_CONNECTION_TIMEOUT_MS, DEFAULT_MAX_ATTEMPTS, DEFAULT_REQUEST_TIMEOUT_MS, GuardDutyConnectionOptions } from './connectionOptions';
import { credentialsFor } from './credentials';
import { limitResponseSize } from './responseSizeLimit';

/**
 * The SDK logs nothing of ours: requests and answers never reach a log. Without `info`, the SDK's logger
 * middleware also skips copying every answer through its sensitive-data filter (the SDK calls `info?.()`).
 */
const SILENT_LOGGER = { trace: () => undefined, debug: () => undefined, warn: () => undefined, error: () => undefined } as unknown as NonNullable<GuardDutyClientConfig['logger']>;

/** A GuardDuty client for one region. Build a new one per refresh: credentials are then resolved anew. */
export function createGuardDutyClient(options: GuardDutyConnectionOptions): GuardDutyClient {
  const client = new GuardDutyClient({
    region: options.region,
    credentials: options.credentials ?? credentialsFor(options.profile, options.region),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    logger: SILENT_LOGGER,
    ignoreConfiguredEndpointUrls: !options.useConfiguredEndpointUrls,
    ...(options.endpoint
      ? // FIPS or dual-stack settings from the environment cannot combine with a custom endpoint.
        { endpoint: options.endpoint, useFipsEndpoint: false, useDualstackEndpoint: false }
      : {}),
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      // Without this the SDK only logs a warning when the request timeout passes.
      throwOnRequestTimeout: true,
      connectionTimeout: DEFAULT_CONNECTION_TIMEOUT_MS,
    },
  });
  limitResponseSize(client);
  return client;
}

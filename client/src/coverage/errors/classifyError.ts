import { shellQuote } from '../awsCli/shellQuote';
import { CoverageError, LoadTimeoutError, MalformedResponseError, REQUIRED_IAM_ACTIONS } from './coverageError';
import { asSentence, redactKnownSecrets, safeServiceMessage } from './redactSecrets';
import { effectiveProfile, isSsoProfile } from './ssoProfile';

export interface ErrorContext {
  readonly region: string;
  /** The profile asked for; the SDK's own choice (AWS_PROFILE, default) when absent. */
  readonly profile?: string;
  /** The endpoint override, to name it in network messages. */
  readonly endpoint?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The credentials' values in use: scrubbed from every text, however short or unusual they are. */
  readonly secrets?: readonly string[];
}

/** What the SDK (and Node) put on errors; every member is optional because any value can be thrown. */
interface ErrorFacts {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly status?: number;
  readonly fault?: string;
  readonly attempts?: number;
  readonly requestId?: string;
}

const CREDENTIAL_ERROR_NAMES = new Set([
  'CredentialsProviderError',
  'TokenProviderError',
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
]);
const EXPIRED_ERROR_NAMES = new Set(['ExpiredTokenException', 'ExpiredToken']);
const ACCESS_DENIED_NAMES = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException']);
// The names the SDK's retry strategy treats as throttling.
const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'LimitExceededException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'TransactionInProgressException',
  'PriorRequestNotComplete',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);
const TLS_CODE = /^(?:CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|ERR_TLS_|ERR_SSL_)/;

/** A request id is quoted to AWS Support; anything else an endpoint sends in its place is dropped. */
const REQUEST_ID = /^[A-Za-z0-9-]{1,128}$/;

/**
 * Turns anything a GuardDuty call threw into a kind, a message and a next step. Every text that leaves
 * here is scrubbed of the known secrets and of anything that looks like one.
 */
export function classifyError(error: unknown, context: ErrorContext): CoverageError {
  const result = classify(error, context);
  const scrub = (text: string) => redactKnownSecrets(text, context.secrets);
  const requestId = result.requestId === undefined ? undefined : scrub(result.requestId);
  return {
    kind: result.kind,
    message: scrub(result.message),
    nextStep: scrub(result.nextStep),
    ...(requestId !== undefined && REQUEST_ID.test(requestId) ? { requestId } : {}),
  };
}

function classify(error: unknown, context: ErrorContext): CoverageError {
  const facts = factsOf(error);
  const where = `GuardDuty in ${context.region}`;
  const withRequestId = (result: Omit<CoverageError, 'requestId'>): CoverageError => (facts.requestId ? { ...result, requestId: facts.requestId } : result);

  if (error instanceof LoadTimeoutError) {
    return {
      kind: 'timeout',
      message: `${where} did not finish loading within ${formatSeconds(error.timeoutMs)}.`,
      nextStep: `Check the network, VPN or proxy${context.endpoint ? ` and the endpoint ${context.endpoint}` : ''}, then try again; an account with very many clusters may need a longer time-out.`,
    };
  }
  if (facts.name === 'AbortError') return { kind: 'cancelled', message: `Loading ${where} was cancelled.`, nextStep: 'Load it again when needed.' };
  if (CREDENTIAL_ERROR_NAMES.has(facts.name) || /could not load credentials|sso session|token is expired|security token included in the request is (?:invalid|expired)/i.test(facts.message)) {
    return withRequestId(credentialsError(facts, context));
  }
  if (ACCESS_DENIED_NAMES.has(facts.name) || (facts.status === 403 && !facts.name.endsWith('TokenException'))) {
    const said = safeServiceMessage(facts.message);
    return withRequestId({
      kind: 'access-denied',
      message: asSentence(`Access denied by ${where}${said ? `: ${said}` : ''}`),
      nextStep: `Allow ${REQUIRED_IAM_ACTIONS.join(', ')} for ${identityOf(context)} (check also SCPs and permission boundaries).`,
    });
  }
  if (THROTTLING_NAMES.has(facts.name) || facts.status === 429) {
    return withRequestId({
      kind: 'throttling',
      message: `${where} throttled the requests${facts.attempts ? ` (${facts.attempts} attempt${facts.attempts === 1 ? '' : 's'})` : ''}.`,
      nextStep: 'Wait a minute and try again; check less often or fewer regions at once.',
    });
  }
  // Node's HTTP parser: whatever answered does not speak HTTP (a TLS port asked in plain HTTP, SSH, a banner).
  if (facts.code?.startsWith('HPE_')) {
    return {
      kind: 'malformed-response',
      message: `The answer of ${where}${context.endpoint ? ` at ${context.endpoint}` : ''} is not HTTP (${facts.code}).`,
      nextStep: 'Check the endpoint URL: its host, port, and http or https.',
    };
  }
  // The SDK names a connection reset a TimeoutError too; the code tells them apart.
  const networkCode = facts.code !== undefined && NETWORK_CODES.has(facts.code);
  if ((facts.name === 'TimeoutError' && !networkCode) || facts.code === 'ETIMEDOUT' || facts.name === 'RequestTimeout' || facts.name === 'RequestTimeoutException') {
    return {
      kind: 'timeout',
      message: `${where} did not answer in time.`,
      nextStep: `Check the network, VPN or proxy${context.endpoint ? ` and the endpoint ${context.endpoint}` : ''}, then try again.`,
    };
  }
  // Message patterns only count without an HTTP status: a service message may well mention networks.
  if ((facts.code && (NETWORK_CODES.has(facts.code) || TLS_CODE.test(facts.code))) || (facts.status === undefined && /socket hang up|getaddrinfo/i.test(facts.message))) {
    return {
      kind: 'network',
      message: `Cannot reach ${where}${context.endpoint ? ` at ${context.endpoint}` : ''} (${facts.code ?? safeServiceMessage(facts.message, 80)}).`,
      nextStep: 'Check the network connection, VPN, proxy and endpoint URL, then try again.',
    };
  }
  if (error instanceof MalformedResponseError || (isSuccess(facts.status) && (facts.name === 'SyntaxError' || facts.name === 'TypeError' || /deserialization error/i.test(facts.message)))) {
    return withRequestId({
      kind: 'malformed-response',
      message: asSentence(`The answer of ${where} could not be read${error instanceof MalformedResponseError ? `: ${facts.message}` : ''}`),
      nextStep: context.endpoint ? `Check that ${context.endpoint} speaks the GuardDuty API, then try again.` : 'Try again; if it keeps happening, report it with the request id.',
    });
  }
  if (facts.status !== undefined || facts.fault !== undefined) {
    const said = safeServiceMessage(facts.message);
    const serverSide = facts.fault === 'server' || (facts.status ?? 0) >= 500;
    return withRequestId({
      kind: 'service',
      message: asSentence(`${where} answered ${facts.name}${facts.status ? ` (HTTP ${facts.status})` : ''}${said ? `: ${said}` : ''}`),
      nextStep: serverSide
        ? 'This is on the AWS side: try again later, and check the AWS Health Dashboard if it persists.'
        : 'Check the region and that the detector belongs to this account, then try again.',
    });
  }
  return {
    kind: 'unexpected',
    message: asSentence(`Loading ${where} failed: ${safeServiceMessage(`${facts.name}: ${facts.message}`)}`),
    nextStep: 'Try again; if it keeps happening, report it to the ECS Guard maintainers.',
  };
}

function credentialsError(facts: ErrorFacts, context: ErrorContext): Omit<CoverageError, 'requestId'> {
  const env = context.env ?? process.env;
  const profile = effectiveProfile(context.profile, env);
  const named = context.profile || env.AWS_PROFILE ? ` (profile "${profile}")` : '';
  if (isSsoProfile(profile, env) || /\bsso\b/i.test(facts.message)) {
    return {
      kind: 'credentials',
      message: `The IAM Identity Center (SSO) session${named} is missing or has expired.`,
      nextStep: `Run \`aws sso login --profile ${shellQuote(profile)}\`, then try again.`,
      ssoProfile: profile,
    };
  }
  const expired = EXPIRED_ERROR_NAMES.has(facts.name) || /expired/i.test(facts.message);
  if (expired) return { kind: 'credentials', message: `The AWS credentials${named} have expired.`, nextStep: 'Renew them (sign in again or get a new session token), then try again.' };
  if (facts.name === 'CredentialsProviderError' || facts.name === 'TokenProviderError') {
    return {
      kind: 'credentials',
      message: asSentence(`No usable AWS credentials were found${named}: ${safeServiceMessage(facts.message, 160)}`),
      nextStep: `Configure them (for example \`aws configure --profile ${shellQuote(profile)}\`) or choose another profile, then try again.`,
    };
  }
  return {
    kind: 'credentials',
    message: `GuardDuty in ${context.region} refused the AWS credentials${named}: ${facts.name}.`,
    nextStep: 'Check that the access key is active and belongs to the intended account, then try again.',
  };
}

function identityOf(context: ErrorContext): string {
  const env = context.env ?? process.env;
  return context.profile || env.AWS_PROFILE ? `the identity of profile "${effectiveProfile(context.profile, env)}"` : 'the identity in use';
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

function factsOf(error: unknown): ErrorFacts {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return { name: 'Error', message: String(error) };
  const record = error as unknown as Record<string, unknown>;
  const metadata = (typeof record.$metadata === 'object' && record.$metadata !== null ? record.$metadata : {}) as Record<string, unknown>;
  return {
    name: stringOr(record.name, 'Error'),
    message: stringOr(record.message, ''),
    code: typeof record.code === 'string' ? record.code : undefined,
    status: typeof metadata.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined,
    fault: typeof record.$fault === 'string' ? record.$fault : undefined,
    attempts: typeof metadata.attempts === 'number' ? metadata.attempts : undefined,
    requestId: typeof metadata.requestId === 'string' ? metadata.requestId : undefined,
  };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

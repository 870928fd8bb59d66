/** Why a region's coverage could not be shown. */
export type CoverageErrorKind = 'no-detector' | 'access-denied' | 'credentials' | 'throttling' | 'network' | 'timeout' | 'cancelled' | 'service' | 'malformed-response' | 'unexpected';

export interface CoverageError {
  readonly kind: CoverageErrorKind;
  /** What went wrong, for people; never contains credentials, tokens or signed headers. */
  readonly message: string;
  /** What to do about it. */
  readonly nextStep: string;
  /** The AWS request id, worth quoting to AWS Support. */
  readonly requestId?: string;
  /** A credentials error fixed by `aws sso login --profile <ssoProfile>`: the view offers to copy that command. */
  readonly ssoProfile?: string;
}

/** Thrown by the access layer when GuardDuty's answer lacks something the model requires. */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
}

/** The IAM actions ECS Guard needs; all three are read-only. */
export const REQUIRED_IAM_ACTIONS = ['guardduty:ListDetectors', 'guardduty:ListCoverage', 'guardduty:GetCoverageStatistics'] as const;

/** The whole load ran out of time (a trickling or hanging endpoint, or far too many pages). */
export class LoadTimeoutError extends Error {
  override readonly name = 'LoadTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`did not finish within ${timeoutMs} ms`);
  }
}

import { WireError } from './httpWire';

export type FakeOperation = 'ListDetectors' | 'ListCoverage' | 'GetCoverageStatistics';

/** Every fault the fake can inject; `POST /__fake/faults` and `--fault` accept these names. */
export const FAULT_KINDS = [
  'throttling',
  'internal-error',
  'access-denied',
  'expired-token',
  'slow',
  'malformed',
  'no-detectors',
  // The connection: headers and half the body, then a reset; headers and half the body, then nothing
  // (the connection stays open); the body one byte per second.
  'reset-mid-body',
  'never-finish',
  'trickle',
  // A 200 whose body never ends, as fast as the client reads it: a client must bound what it buffers.
  'endless-body',
  // ListCoverage pagination gone wrong: the page for token T carries T again; tokens A and B in turn;
  // a new token every time. The last two answer the first page whatever the token.
  'repeat-token',
  'alternating-tokens',
  'endless-tokens',
  // A proxy that echoes the request's signed headers (Authorization, the session token) in its error
  // message and request id: what a client must never print.
  'echo-request',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** How a malformed answer is broken: cut-off JSON, or valid JSON with an ISO date where epoch seconds belong. */
export type MalformedVariant = 'truncated-json' | 'iso-timestamp';

export interface Fault {
  readonly kind: FaultKind;
  /** Only requests signed for this region; every region when absent. */
  readonly region?: string;
  /** Only requests for this detector (ListDetectors has none, so it never matches a detector-scoped fault). */
  readonly detectorId?: string;
  readonly operation?: FakeOperation;
  /** `slow`: how long to wait before answering. */
  readonly delayMs?: number;
  /** `throttling`: the error name sent; TooManyRequestsException (429) unless ThrottlingException (400). */
  readonly throttlingName?: 'TooManyRequestsException' | 'ThrottlingException';
  readonly malformed?: MalformedVariant;
  /** How many matching requests the fault affects before it clears itself; forever when absent. */
  readonly times?: number;
}

export interface FaultTarget {
  readonly region: string;
  readonly detectorId?: string;
  readonly operation: FakeOperation;
}

/** Active faults; each request takes the ones matching it (counting down `times`). */
export class FaultSet {
  private faults: { fault: Fault; remaining: number }[] = [];

  add(fault: Fault): void {
    this.faults.push({ fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((entry) => entry.fault);
  }

  take(target: FaultTarget): Fault[] {
    const matching = this.faults.filter(({ fault, remaining }) => remaining > 0 && matches(fault, target));
    matching.forEach((entry) => entry.remaining--);
    this.faults = this.faults.filter((entry) => entry.remaining > 0);
    return matching.map((entry) => entry.fault);
  }
}

function matches(fault: Fault, target: FaultTarget): boolean {
  if (fault.region !== undefined && fault.region !== target.region) return false;
  if (fault.operation !== undefined && fault.operation !== target.operation) return false;
  if (fault.detectorId !== undefined && fault.detectorId !== target.detectorId) return false;
  return true;
}

/** The error answer of an error fault; undefined for faults that change the answer in other ways. */
export function faultError(fault: Fault, target: FaultTarget): WireError | undefined {
  switch (fault.kind) {
    case 'throttling':
      return fault.throttlingName === 'ThrottlingException'
        ? { status: 400, errorType: 'ThrottlingException', message: 'Rate exceeded' }
        : { status: 429, errorType: 'TooManyRequestsException', message: 'Too Many Requests' };
    case 'internal-error':
      return { status: 500, errorType: 'InternalServerErrorException', message: 'The request is rejected since an internal exception was found.' };
    case 'access-denied':
      return {
        status: 403,
        errorType: 'AccessDeniedException',
        message: `User: arn:aws:iam::111122223333:user/fake is not authorized to perform: guardduty:${target.operation} on resource: arn:aws:guardduty:${target.region}:111122223333:detector/${target.detectorId ?? '*'}`,
      };
    case 'expired-token':
      return { status: 403, errorType: 'ExpiredTokenException', message: 'The security token included in the request is expired' };
    default:
      return undefined;
  }
}

export function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}

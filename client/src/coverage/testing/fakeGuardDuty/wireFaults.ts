import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { isRecord } from './coverageQuery';
import { FaultKind } from './faults';
import { WireError } from './httpWire';

export type ConnectionFault = Extract<FaultKind, 'reset-mid-body' | 'never-finish' | 'trickle' | 'endless-body'>;
export type PaginationFault = Extract<FaultKind, 'repeat-token' | 'alternating-tokens' | 'endless-tokens'>;

export function isConnectionFault(kind: FaultKind): kind is ConnectionFault {
  return kind === 'reset-mid-body' || kind === 'never-finish' || kind === 'trickle' || kind === 'endless-body';
}

export function isPaginationFault(kind: FaultKind): kind is PaginationFault {
  return kind === 'repeat-token' || kind === 'alternating-tokens' || kind === 'endless-tokens';
}

/**
 * Sends a 200 answer that goes wrong on the wire: the headers promise the whole body, then half of it is
 * followed by a reset, by silence (the connection stays open until the client gives up), or by the rest
 * at one byte per second.
 */
export function sendBrokenAnswer(res: ServerResponse, kind: ConnectionFault, text: string): void {
  if (kind === 'endless-body') return sendEndlessBody(res);
  const body = Buffer.from(text);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length, 'x-amzn-RequestId': randomUUID() });
  const half = Math.max(1, Math.floor(body.length / 2));
  if (kind === 'trickle') {
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= body.length) {
        clearInterval(timer);
        return void res.end();
      }
      res.write(body.subarray(sent, ++sent));
    }, 1000);
    res.once('close', () => clearInterval(timer));
    return;
  }
  res.write(body.subarray(0, half));
  if (kind === 'reset-mid-body') setImmediate(() => res.socket?.resetAndDestroy());
}

/** `{"resources":[` and then blanks, 64 KiB at a time, for as long as the client reads (chunked, no length). */
function sendEndlessBody(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID() });
  const chunk = Buffer.alloc(64 * 1024, ' ');
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
  };
  res.write('{"resources":[');
  res.on('drain', pump);
  pump();
}

/** The body of a ListCoverage request as the fake should answer it under a pagination fault. */
export function requestForPaginationFault(kind: PaginationFault, body: unknown): unknown {
  // Tokens these faults invent mean nothing to the fake's paging: it answers the first page for them.
  if (kind === 'repeat-token' || !isRecord(body)) return body;
  const { nextToken: _ignored, ...rest } = body;
  return rest;
}

let endlessCounter = 0;

/** The next token a misbehaving service sends back for a request that carried `requestToken`. */
export function misbehavingNextToken(kind: PaginationFault, requestToken: unknown, honestToken: string | undefined): string | undefined {
  switch (kind) {
    case 'repeat-token':
      return typeof requestToken === 'string' && requestToken ? requestToken : honestToken;
    case 'alternating-tokens':
      return requestToken === 'token-A' ? 'token-B' : 'token-A';
    case 'endless-tokens':
      return `token-${++endlessCounter}`;
  }
}

/** An error that quotes the request's signing headers, the way a careless proxy might. */
export function echoedRequestError(headers: IncomingHttpHeaders): WireError & { requestId: string } {
  const token = String(headers['x-amz-security-token'] ?? '');
  return {
    status: 400,
    errorType: 'BadRequestException',
    message: `Rejected request with Authorization: ${headers.authorization ?? ''} and X-Amz-Security-Token: ${token}; security token ${token} is not valid`,
    requestId: token || randomUUID(),
  };
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error answer the way GuardDuty (behind API Gateway) sends it. */
export interface WireError {
  readonly status: number;
  /** Goes to the `x-amzn-ErrorType` header: the name the SDK turns into an exception class. */
  readonly errorType: string;
  readonly message: string;
  /** The body's `__type`; real GuardDuty puts e.g. InvalidInputException there next to a BadRequestException header. */
  readonly bodyType?: string;
  /** The `x-amzn-RequestId` to send; a fresh UUID when absent. */
  readonly requestId?: string;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body));
}

/** Sends a body as-is with a JSON content type (also used to send deliberately broken JSON). */
export function sendText(res: ServerResponse, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...extraHeaders,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: WireError): void {
  const body = { message: error.message, __type: error.bodyType ?? error.errorType };
  sendText(res, error.status, JSON.stringify(body), { 'x-amzn-ErrorType': error.errorType, ...(error.requestId ? { 'x-amzn-RequestId': error.requestId } : {}) });
}

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The region a SigV4 request was signed for, from the credential scope
 * `Credential=AKID/20240101/us-east-1/guardduty/aws4_request`. The signature itself is not checked.
 */
export function regionFromAuthorization(header: string | undefined): string | undefined {
  const match = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/guardduty\/aws4_request/.exec(header ?? '');
  return match?.[1];
}

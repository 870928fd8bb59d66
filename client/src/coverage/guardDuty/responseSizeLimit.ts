import { Readable } from 'node:stream';
import type { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { MalformedResponseError } from '../errors/coverageError';

/**
 * The largest answer read: a full ListCoverage page is tens of kilobytes (50 clusters; even 50 long issues
 * each stay far below). An endpoint sending more is broken or hostile, and buffering it all could take the
 * extension host's memory (the SDK reads a body whole before parsing it).
 */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * Makes the client read every answer's body here, whole, failing with a MalformedResponseError past `maxBytes`
 * (closing the connection), and hand the SDK the bytes: its deserializer takes them as they are, without the
 * stream collector (and Web Streams, loaded on the first answer) it would otherwise pipe the body through.
 */
export function limitResponseSize(client: GuardDutyClient, maxBytes = MAX_RESPONSE_BYTES): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { body?: unknown };
      if (response.body instanceof Readable) response.body = await readLimited(response.body, maxBytes);
      return result;
    },
    // Low priority in the deserialize step: inside the deserializer, so the body is read before it would be.
    { step: 'deserialize', priority: 'low', name: RESPONSE_SIZE_LIMIT },
  );
}

/** The name of the middleware reading the answers (for middleware placed relative to it). */
export const RESPONSE_SIZE_LIMIT = 'ecsGuardResponseSizeLimit';

async function readLimited(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let seen = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > maxBytes) {
      body.destroy();
      throw new MalformedResponseError(`the answer was larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, seen);
}

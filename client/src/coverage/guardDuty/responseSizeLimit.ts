import { Readable, Transform } from 'node:stream';
import type { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { MalformedResponseError } from '../errors/coverageError';

/**
 * The largest answer read: a full ListCoverage page is tens of kilobytes (50 clusters; even 50 long issues
 * each stay far below). An endpoint sending more is broken or hostile, and buffering it all could take the
 * extension host's memory (the SDK reads a body whole before parsing it).
 */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** Makes every answer of the client fail with a MalformedResponseError past `maxBytes`, closing the connection. */
export function limitResponseSize(client: GuardDutyClient, maxBytes = MAX_RESPONSE_BYTES): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { body?: unknown };
      if (response.body instanceof Readable) response.body = limited(response.body, maxBytes);
      return result;
    },
    // Low priority in the deserialize step: inside the deserializer, so the body is wrapped before it is read.
    { step: 'deserialize', priority: 'low', name: 'ecsGuardResponseSizeLimit' },
  );
}

function limited(body: Readable, maxBytes: number): Readable {
  let seen = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) {
        body.destroy();
        return done(new MalformedResponseError(`the answer was larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
      }
      done(null, chunk);
    },
  });
  body.on('error', (error) => limiter.destroy(error));
  return body.pipe(limiter);
}

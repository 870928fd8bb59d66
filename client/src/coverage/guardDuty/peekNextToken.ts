import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ListCoverageCommand } from '@aws-sdk/client-guardduty';

type Middleware = Parameters<ListCoverageCommand['middlewareStack']['addRelativeTo']>[0];
/** The part of a deserialize-step handler this middleware uses (the SDK's own types are in a package we do not depend on). */
type DeserializeHandler = (args: object) => Promise<{ readonly response: unknown }>;

/**
 * A middleware for one ListCoverage call, placed just outside the one that reads the answer's body: it hands
 * `askForNextPage` the page's token from the raw JSON, before the SDK parses the page. When the next page is
 * asked for, this answer goes on to the SDK's parser only after a turn of the event loop, by which time the
 * next request is serialised, signed and on the wire.
 * Only a successful answer with a resources list and a token counts; anything else is left to the SDK and the
 * checks that follow it, as before.
 */
export function peekNextToken(askForNextPage: (token: string) => boolean): Middleware {
  const middleware = (next: DeserializeHandler) => async (args: object) => {
    const result = await next(args);
    const { statusCode, body } = result.response as { statusCode?: number; body?: unknown };
    const token = statusCode === 200 && Buffer.isBuffer(body) ? nextTokenIn(body) : undefined;
    if (token !== undefined && askForNextPage(token)) await nextTurn();
    return result;
  };
  return middleware as unknown as Middleware;
}

/** `nextToken` of a raw ListCoverage answer, as the SDK would give it (an empty token is no token). */
export function nextTokenIn(body: Buffer): string | undefined {
  // The last page has no token: it is not parsed twice. (A key written with escapes is missed, and that page
  // then takes the usual way.)
  if (!body.includes('"nextToken"')) return undefined;
  let page: unknown;
  try {
    page = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof page !== 'object' || page === null || !Array.isArray((page as { resources?: unknown }).resources)) return undefined;
  const token = (page as { nextToken?: unknown }).nextToken;
  return typeof token === 'string' && token ? token : undefined;
}

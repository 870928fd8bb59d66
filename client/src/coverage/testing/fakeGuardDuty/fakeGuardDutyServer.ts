import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoverageStatusChange, handleControlRequest } from './controlApi';
import { Fault, FakeOperation, faultError, FaultSet } from './faults';
import { BodyTooLargeError, readBody, regionFromAuthorization, sendError, sendJson, sendText } from './httpWire';
import { malformedBody } from './malformed';
import { answer } from './operations';
import { RegionStore } from './regionStore';
import { FakeRegionData } from './wireTypes';
import { malformedJsonBody, missingAuthenticationToken, unknownOperation } from './wireErrors';
import { echoedRequestError, isConnectionFault, isPaginationFault, misbehavingNextToken, requestForPaginationFault, sendBrokenAnswer } from './wireFaults';

/** A request the fake received, for assertions (the Authorization header is never kept). */
export interface RecordedRequest {
  readonly operation: FakeOperation;
  readonly method: string;
  readonly path: string;
  /** From the SigV4 credential scope. */
  readonly region: string;
  readonly detectorId?: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
  /** The TCP connection it came on, numbered from 1 in the order the fake accepted them. */
  readonly connection: number;
}

export interface FakeGuardDutyOptions {
  /** Data per region; a region not listed has no detector. */
  readonly regions?: Record<string, FakeRegionData>;
  readonly faults?: readonly Fault[];
  /** 0 (default) picks a free port. The fake always listens on 127.0.0.1 only. */
  readonly port?: number;
}

export interface FakeGuardDuty {
  /** `http://127.0.0.1:<port>`, to pass as the endpoint. */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** The most GuardDuty requests that were open at the same time (received, not yet answered or closed). */
  readonly maxInFlight: number;
  setRegion(region: string, data: FakeRegionData): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  setCoverageStatus(change: CoverageStatusChange): boolean;
  /** Resolves with the next GuardDuty request that arrives and matches (not one already recorded). */
  nextRequest(predicate?: (request: RecordedRequest) => boolean): Promise<RecordedRequest>;
  close(): Promise<void>;
}

interface Route {
  readonly operation: FakeOperation;
  readonly detectorId?: string;
}

interface Waiter {
  readonly predicate: (request: RecordedRequest) => boolean;
  readonly resolve: (request: RecordedRequest) => void;
}

/**
 * A GuardDuty look-alike speaking restJson1 over node:http, for tests and demos: ListDetectors,
 * ListCoverage and GetCoverageStatistics, with switchable faults. Signatures are not verified; the
 * region is read from the credential scope, so one fake serves every region.
 */
export async function startFakeGuardDuty(options: FakeGuardDutyOptions = {}): Promise<FakeGuardDuty> {
  const regions = new RegionStore(options.regions);
  const faults = new FaultSet();
  options.faults?.forEach((fault) => faults.add(fault));
  const requests: RecordedRequest[] = [];
  const waiters: Waiter[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const connections = new WeakMap<object, number>();
  let connectionCount = 0;

  const record = (request: RecordedRequest) => {
    requests.push(request);
    for (const waiter of waiters.filter((candidate) => candidate.predicate(request))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(request);
    }
  };

  const handleGuardDuty = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL, route: Route) => {
    const region = regionFromAuthorization(req.headers.authorization);
    if (!region) return sendError(res, missingAuthenticationToken());
    const body = parseJsonBody(req.method === 'POST' ? await readBody(req) : '');
    if (body === INVALID_JSON) return sendError(res, malformedJsonBody());
    record({
      operation: route.operation,
      method: req.method ?? '',
      path: url.pathname,
      region,
      detectorId: route.detectorId,
      query: Object.fromEntries(url.searchParams),
      body,
      connection: connections.get(req.socket) ?? 0,
    });

    const target = { region, detectorId: route.detectorId, operation: route.operation };
    const active = faults.take(target);
    const slowest = Math.max(0, ...active.filter((fault) => fault.kind === 'slow').map((fault) => fault.delayMs ?? 0));
    if (slowest > 0 && !(await answerLater(slowest, res))) return;
    for (const fault of active) {
      const error = fault.kind === 'echo-request' ? echoedRequestError(req.headers) : faultError(fault, target);
      if (error) return sendError(res, error);
    }
    const data = active.some((fault) => fault.kind === 'no-detectors') ? { resources: [] } : regions.get(region);
    const pagination = route.operation === 'ListCoverage' ? active.map((fault) => fault.kind).find(isPaginationFault) : undefined;
    const operationBody = pagination ? requestForPaginationFault(pagination, body) : body;
    const result = answer({ operation: route.operation, region: data, detectorId: route.detectorId, query: url.searchParams, body: operationBody });
    if (!result.ok) return sendError(res, result.error);
    let value = result.value;
    if (pagination) {
      const page = value as { resources: unknown[]; nextToken?: string };
      value = { ...page, nextToken: misbehavingNextToken(pagination, (body as { nextToken?: unknown }).nextToken, page.nextToken) };
    }
    const malformed = active.find((fault) => fault.kind === 'malformed');
    if (malformed) return sendText(res, 200, malformedBody(value, malformed.malformed));
    const broken = active.map((fault) => fault.kind).find(isConnectionFault);
    if (broken) return sendBrokenAnswer(res, broken, JSON.stringify(value));
    sendJson(res, 200, value);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = matchRoute(req.method ?? '', url.pathname);
    if (route) {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      res.once('close', () => inFlight--);
    }
    const handled = url.pathname.startsWith('/__fake/')
      ? handleControlRequest(req, res, url.pathname, faults, regions, () => ({ requests: requests.length, maxInFlight }))
      : route
        ? handleGuardDuty(req, res, url, route)
        : Promise.resolve(sendError(res, unknownOperation(req.method ?? '', url.pathname)));
    handled.catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BodyTooLargeError) return sendError(res, { status: 413, errorType: 'BadRequestException', message: 'Request body too large' });
      sendError(res, { status: 500, errorType: 'InternalServerErrorException', message: `fake GuardDuty failed: ${String(error)}` });
    });
  });

  server.on('connection', (socket) => connections.set(socket, ++connectionCount));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    setRegion: (region, data) => regions.set(region, data),
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setCoverageStatus: (change) => regions.setCoverageStatus(change),
    nextRequest: (predicate = () => true) => new Promise((resolve) => waiters.push({ predicate, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets of the SDK's agent, and answers still being delayed, would hold the server open.
        server.closeAllConnections();
      }),
  };
}

const INVALID_JSON = Symbol('invalid JSON');

function parseJsonBody(text: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/** Waits before answering; false when the client went away meanwhile (timeout, abort, server closing). */
function answerLater(ms: number, res: http.ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (answered: boolean) => {
      clearTimeout(timer);
      res.off('close', onClose);
      resolve(answered);
    };
    const onClose = () => finish(false);
    const timer = setTimeout(() => finish(true), ms);
    res.once('close', onClose);
  });
}

function matchRoute(method: string, path: string): Route | undefined {
  if (method === 'GET' && path === '/detector') return { operation: 'ListDetectors' };
  const match = /^\/detector\/([^/]+)\/coverage(\/statistics)?$/.exec(path);
  if (method !== 'POST' || !match) return undefined;
  return { operation: match[2] ? 'GetCoverageStatistics' : 'ListCoverage', detectorId: safeDecode(match[1]) };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

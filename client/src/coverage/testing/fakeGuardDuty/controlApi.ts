import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from './coverageQuery';
import { Fault, FAULT_KINDS, FaultSet, isFaultKind } from './faults';
import { readBody, sendJson } from './httpWire';
import { RegionStore } from './regionStore';

/** What `GET /__fake/stats` reports: GuardDuty requests received, and the most open at once. */
export interface FakeStats {
  readonly requests: number;
  readonly maxInFlight: number;
}

/**
 * `/__fake/...`: lets a demo change a running fake. GET/POST/DELETE `/__fake/faults` list, add and clear
 * faults; POST `/__fake/coverage-status` flips a cluster's status; GET `/__fake/stats` counts requests (for
 * a benchmark running the fake in another process). Not part of the GuardDuty protocol.
 */
export async function handleControlRequest(req: IncomingMessage, res: ServerResponse, path: string, faults: FaultSet, regions: RegionStore, stats: () => FakeStats): Promise<void> {
  const text = req.method === 'POST' ? await readBody(req) : '';
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return sendJson(res, 400, { message: 'body is not valid JSON' });
  }
  const route = `${req.method} ${path}`;
  if (route === 'GET /__fake/stats') return sendJson(res, 200, stats());
  if (route === 'GET /__fake/faults') return sendJson(res, 200, { faults: faults.list() });
  if (route === 'DELETE /__fake/faults') {
    faults.clear();
    return sendJson(res, 200, { faults: [] });
  }
  if (route === 'POST /__fake/faults') {
    const fault = parseFault(body);
    if (typeof fault === 'string') return sendJson(res, 400, { message: fault });
    faults.add(fault);
    return sendJson(res, 200, { faults: faults.list() });
  }
  if (route === 'POST /__fake/coverage-status') {
    const change = parseCoverageStatusChange(body);
    if (typeof change === 'string') return sendJson(res, 400, { message: change });
    return regions.setCoverageStatus(change) ? sendJson(res, 200, { updated: true }) : sendJson(res, 404, { message: 'no such cluster' });
  }
  sendJson(res, 404, { message: `no control endpoint ${route}` });
}

/** Parses a fault sent to `POST /__fake/faults`: the fault, or a message saying what is wrong with it. */
export function parseFault(value: unknown): Fault | string {
  if (!isRecord(value)) return 'the body must be a JSON object';
  if (!isFaultKind(value.kind)) return `kind must be one of ${FAULT_KINDS.join(', ')}`;
  for (const key of ['region', 'detectorId', 'operation', 'throttlingName', 'malformed'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') return `${key} must be a string`;
  }
  for (const key of ['delayMs', 'times'] as const) {
    if (value[key] !== undefined && (typeof value[key] !== 'number' || (value[key] as number) < 0)) return `${key} must be a non-negative number`;
  }
  return value as unknown as Fault;
}

export interface CoverageStatusChange {
  readonly region: string;
  readonly clusterName: string;
  readonly accountId?: string;
  readonly coverageStatus: 'HEALTHY' | 'UNHEALTHY';
  readonly issues?: string[];
}

/** Parses `POST /__fake/coverage-status` (to demo transition notifications). */
export function parseCoverageStatusChange(value: unknown): CoverageStatusChange | string {
  if (!isRecord(value)) return 'the body must be a JSON object';
  if (typeof value.region !== 'string' || typeof value.clusterName !== 'string') return 'region and clusterName are required strings';
  if (value.coverageStatus !== 'HEALTHY' && value.coverageStatus !== 'UNHEALTHY') return 'coverageStatus must be HEALTHY or UNHEALTHY';
  if (value.accountId !== undefined && typeof value.accountId !== 'string') return 'accountId must be a string';
  if (value.issues !== undefined && !(Array.isArray(value.issues) && value.issues.every((issue) => typeof issue === 'string'))) return 'issues must be a list of strings';
  return value as unknown as CoverageStatusChange;
}

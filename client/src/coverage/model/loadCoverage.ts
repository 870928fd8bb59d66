import { setMaxListeners } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { classifyError } from '../errors/classifyError';
import { CoverageError, LoadTimeoutError } from '../errors/coverageError';
import { GuardDutyConnectionOptions } from '../guardDuty/connectionOptions';
import { credentialsFor, rememberingSecrets, resolvedOnce } from '../guardDuty/credentials';
import { coveragePageLimit, CoverageStatusCounts, GuardDutyCoverageApi, MAX_COVERAGE_PAGES } from '../guardDuty/guardDutyCoverageApi';
import { mapConcurrently } from './concurrency';
import { ClusterCoverage, clusterKey, RegionCoverage } from './coverageModel';
import { toClusterCoverage } from './toClusterCoverage';

export interface LoadOptions extends Omit<GuardDutyConnectionOptions, 'region'> {
  /** Ask GuardDuty for unhealthy clusters only (statistics still count every cluster). */
  readonly unhealthyOnly?: boolean;
  /**
   * The whole load ends by then, however slowly an endpoint answers (the request timeout only notices
   * silence, not a trickle): a region still loading fails with `timeout`. Default DEFAULT_LOAD_TIMEOUT_MS.
   */
  readonly timeoutMs?: number;
  /** Regions loaded at the same time, each with at most 2 requests in flight. Default MAX_CONCURRENT_REGIONS. */
  readonly maxConcurrentRegions?: number;
  /** Called with each region as soon as it is done (loaded or failed), so a view need not wait for the slowest. */
  readonly onRegionLoaded?: (region: RegionCoverage) => void;
}

export const DEFAULT_LOAD_TIMEOUT_MS = 120_000;
/** Enough for a wide refresh (17 regions) to run in one wave, while bounding connections and requests in flight. */
export const MAX_CONCURRENT_REGIONS = 20;

/**
 * One region's ECS coverage. Never throws: a failure becomes `error`, keeping the detector id when it
 * was found; statistics and clusters are only given when both loaded, so a half-loaded list is never shown.
 */
export function loadRegionCoverage(options: GuardDutyConnectionOptions & Pick<LoadOptions, 'unhealthyOnly' | 'timeoutMs'>): Promise<RegionCoverage> {
  return loadRegion(options, deadlineFor(options));
}

/**
 * Several regions, at most `maxConcurrentRegions` at a time, all under one deadline; each region's failure
 * stays in its own result. Results keep the order asked for.
 */
export function loadCoverage(regions: readonly string[], options: LoadOptions = {}): Promise<RegionCoverage[]> {
  const deadline = deadlineFor(options);
  // One resolution for every region of the load (the files read once, one role assumption, SSO exchange or
  // credential_process run instead of one per region), still anew for every load. Role assumption goes to
  // the first region's STS endpoint: a regional STS endpoint's credentials are valid in every region.
  const credentials = options.credentials ?? (regions.length ? resolvedOnce(credentialsFor(options.profile, regions[0])) : undefined);
  return mapConcurrently(regions, options.maxConcurrentRegions ?? MAX_CONCURRENT_REGIONS, async (region) => {
    const result = await loadRegion({ ...options, region, credentials }, deadline);
    try {
      options.onRegionLoaded?.(result);
    } catch {
      // A listener's failure is not the region's: the load still resolves with every region.
    }
    return result;
  });
}

interface Deadline {
  /** Aborts when the caller cancels or the time is up. */
  readonly stop: AbortSignal;
  readonly timeoutMs: number;
  readonly timedOut: () => boolean;
}

function deadlineFor(options: Pick<LoadOptions, 'timeoutMs' | 'signal'>): Deadline {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  const timer = AbortSignal.timeout(timeoutMs);
  const stop = options.signal ? AbortSignal.any([options.signal, timer]) : timer;
  // Every region in flight listens to it.
  setMaxListeners(0, stop);
  return { stop, timeoutMs, timedOut: () => timer.aborted && !options.signal?.aborted };
}

async function loadRegion(options: GuardDutyConnectionOptions & Pick<LoadOptions, 'unhealthyOnly'>, deadline: Deadline): Promise<RegionCoverage> {
  // A failing call cancels its sibling; the caller's signal and the deadline cancel both.
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  if (deadline.stop.aborted) onAbort();
  else deadline.stop.addEventListener('abort', onAbort, { once: true });
  // The credentials this load signs with, so that no error message can repeat them, however short.
  const secrets = new Set<string>();
  const credentials = rememberingSecrets(options.credentials ?? credentialsFor(options.profile, options.region), secrets);
  const api = new GuardDutyCoverageApi({ ...options, credentials, signal: controller.signal });
  let detectorId: string | null = null;
  try {
    if (controller.signal.aborted) throw abortError();
    detectorId = (await api.findDetectorId()) ?? null;
    if (!detectorId) return { region: options.region, detectorId, statistics: null, clusters: [], error: noDetector(options.region) };
    const detector = detectorId;
    let pageLimit = MAX_COVERAGE_PAGES;
    // Converted page by page while the next page is on its way. A cluster listed twice (the list changed
    // between two pages) is kept once, where it first came, as last listed.
    const clusters = new Map<string, ClusterCoverage>();
    // The first page is asked for before the statistics, so it takes the connection ListDetectors opened:
    // the statistics are off the chain of pages, and wait for a new connection (a TLS handshake with AWS) instead.
    // They are asked for a turn later, once the first page's request is on the wire: prepared side by side, the
    // two requests' serialising and signing alternate, and the first page would leave only after both.
    const [, statistics] = await Promise.all([
      api.listEcsCoverage(
        detector,
        options.unhealthyOnly ? { coverageStatus: 'UNHEALTHY' } : {},
        () => pageLimit,
        (page) => page.map(toClusterCoverage).forEach((cluster) => clusters.set(clusterKey(cluster), cluster)),
      ),
      nextTurn()
        .then(() => {
          // The pages may have failed meanwhile: nothing more is asked for then.
          if (controller.signal.aborted) throw abortError();
          return api.getEcsStatistics(detector);
        })
        .then((counts) => {
          pageLimit = coveragePageLimit(counts.HEALTHY + counts.UNHEALTHY);
          return counts;
        }),
    ]).catch((error: unknown) => {
      controller.abort();
      throw error;
    });
    return { region: options.region, detectorId, statistics, clusters: [...clusters.values()], error: null };
  } catch (error) {
    const cause = deadline.timedOut() ? new LoadTimeoutError(deadline.timeoutMs) : error;
    return { region: options.region, detectorId, statistics: null, clusters: [], error: classifyError(cause, { ...options, secrets: [...secrets] }) };
  } finally {
    deadline.stop.removeEventListener('abort', onAbort);
    api.destroy();
  }
}

function abortError(): Error {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}

function noDetector(region: string): CoverageError {
  return {
    kind: 'no-detector',
    message: `GuardDuty is not enabled in ${region} (no detector for this account).`,
    nextStep: `Enable GuardDuty and Runtime Monitoring in ${region}, or remove ${region} from the regions to check.`,
  };
}

export type { ClusterCoverage, CoverageStatusCounts, RegionCoverage };

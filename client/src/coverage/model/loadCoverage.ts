import { classifyError } from '../errors/classifyError';
import { CoverageError } from '../errors/coverageError';
import { GuardDutyConnectionOptions } from '../guardDuty/connectionOptions';
import { CoverageStatusCounts, GuardDutyCoverageApi } from '../guardDuty/guardDutyCoverageApi';
import { ClusterCoverage, RegionCoverage } from './coverageModel';
import { toClusterCoverage } from './toClusterCoverage';

export interface LoadOptions extends Omit<GuardDutyConnectionOptions, 'region'> {
  /** Ask GuardDuty for unhealthy clusters only (statistics still count every cluster). */
  readonly unhealthyOnly?: boolean;
}

/**
 * One region's ECS coverage. Never throws: a failure becomes `error`, keeping the detector id when it
 * was found; statistics and clusters are only given when both loaded, so a half-loaded list is never shown.
 */
export async function loadRegionCoverage(options: GuardDutyConnectionOptions & Pick<LoadOptions, 'unhealthyOnly'>): Promise<RegionCoverage> {
  // A failing call cancels its sibling; the caller's signal cancels both.
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const api = new GuardDutyCoverageApi({ ...options, signal: controller.signal });
  let detectorId: string | null = null;
  try {
    detectorId = (await api.findDetectorId()) ?? null;
    if (!detectorId) return { region: options.region, detectorId, statistics: null, clusters: [], error: noDetector(options.region) };
    const [statistics, resources] = await Promise.all([
      api.getEcsStatistics(detectorId),
      api.listEcsCoverage(detectorId, options.unhealthyOnly ? { coverageStatus: 'UNHEALTHY' } : {}),
    ]).catch((error: unknown) => {
      controller.abort();
      throw error;
    });
    return { region: options.region, detectorId, statistics, clusters: resources.map(toClusterCoverage), error: null };
  } catch (error) {
    return { region: options.region, detectorId, statistics: null, clusters: [], error: classifyError(error, options) };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    api.destroy();
  }
}

/** Several regions at once; each region's failure stays in its own result. Results keep the order asked for. */
export function loadCoverage(regions: readonly string[], options: LoadOptions = {}): Promise<RegionCoverage[]> {
  return Promise.all(regions.map((region) => loadRegionCoverage({ ...options, region })));
}

function noDetector(region: string): CoverageError {
  return {
    kind: 'no-detector',
    message: `GuardDuty is not enabled in ${region} (no detector for this account).`,
    nextStep: `Enable GuardDuty and Runtime Monitoring in ${region}, or remove ${region} from the regions to check.`,
  };
}

export type { ClusterCoverage, CoverageStatusCounts, RegionCoverage };

import { classifyError, loadCoverage, RegionCoverage } from '../../coverage';
import type { LoadOptions } from '../../coverage';

/** What a refresh needs to know, read anew for every refresh (settings may have changed). */
export interface LoadRequest {
  readonly regions: readonly string[];
  readonly profile?: string;
  readonly endpoint?: string;
  readonly useConfiguredEndpointUrls: boolean;
  /** How long a refresh may take before the regions still loading fail with `timeout`; the core's default when absent. */
  readonly timeoutMs?: number;
}

/**
 * Loads every region; never throws (cancellation included: the caller checks its signal). `onRegion` gets
 * each region as soon as it is done, before the slowest one ends the load.
 */
export type CoverageLoader = (signal: AbortSignal, onRegion?: (region: RegionCoverage) => void) => Promise<RegionCoverage[]>;

type LoadFunction = (regions: readonly string[], options: LoadOptions) => Promise<RegionCoverage[]>;

/**
 * The loader the view uses: the core's loadCoverage with the current settings. A new SDK client (and
 * credential resolution) per refresh is what makes renewed credentials take effect. Should anything throw
 * anyway, each region gets the core's explanation of it, never the raw error.
 */
export function coverageLoader(readRequest: () => LoadRequest, load: LoadFunction = loadCoverage): CoverageLoader {
  return async (signal, onRegion) => {
    const request = readRequest();
    try {
      return await load(request.regions, {
        profile: request.profile,
        endpoint: request.endpoint,
        useConfiguredEndpointUrls: request.useConfiguredEndpointUrls,
        timeoutMs: request.timeoutMs,
        signal,
        onRegionLoaded: onRegion,
      });
    } catch (error) {
      return request.regions.map((region) => ({
        region,
        detectorId: null,
        statistics: null,
        clusters: [],
        error: classifyError(error, { region, profile: request.profile, endpoint: request.endpoint }),
      }));
    }
  };
}

/** The coverage settings as the view uses them, after checking what the user typed. */
export interface CoverageSettings {
  /** Valid region names, without duplicates, in the order given. */
  readonly regions: readonly string[];
  /** Undefined: the SDK's default credential chain. */
  readonly profile: string | undefined;
  /** 0: no automatic refresh. */
  readonly refreshIntervalMinutes: number;
  /** From the user's own settings only; undefined: AWS's endpoints. */
  readonly endpoint: string | undefined;
  readonly useConfiguredEndpointUrls: boolean;
  /** Values that were ignored, and why, for the view's message. */
  readonly problems: readonly string[];
}

/** The values as read; `endpointUrl` and `useConfiguredEndpointUrls` from user settings only (see readCoverageSettings). */
export interface RawCoverageSettings {
  readonly regions: unknown;
  readonly profile: unknown;
  readonly refreshIntervalMinutes: unknown;
  readonly endpointUrl: unknown;
  readonly useConfiguredEndpointUrls: unknown;
}

export const DEFAULT_REFRESH_INTERVAL_MINUTES = 15;
/** A day: more would be no interval at all, and setInterval cannot wait much longer anyway. */
export const MIN_REFRESH_INTERVAL_MINUTES = 1;
export const MAX_REFRESH_INTERVAL_MINUTES = 1440;

// The same shape the CLI accepts: us-east-1, ap-southeast-2, us-gov-west-1, cn-north-1.
const REGION_NAME = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

export function normalizeCoverageSettings(raw: RawCoverageSettings): CoverageSettings {
  const problems: string[] = [];
  return {
    regions: regionsOf(raw.regions, problems),
    profile: typeof raw.profile === 'string' && raw.profile.trim() ? raw.profile.trim() : undefined,
    refreshIntervalMinutes: intervalOf(raw.refreshIntervalMinutes, problems),
    endpoint: endpointOf(raw.endpointUrl, problems),
    useConfiguredEndpointUrls: raw.useConfiguredEndpointUrls === true,
    problems,
  };
}

function regionsOf(value: unknown, problems: string[]): string[] {
  if (!Array.isArray(value)) return [];
  const regions: string[] = [];
  for (const item of value) {
    const region = typeof item === 'string' ? item.trim().toLowerCase() : '';
    if (!REGION_NAME.test(region)) problems.push(`"${String(item)}" is not a region name like us-east-1`);
    else if (!regions.includes(region)) regions.push(region);
  }
  return regions;
}

function intervalOf(value: unknown, problems: string[]): number {
  if (value === undefined) return DEFAULT_REFRESH_INTERVAL_MINUTES;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    problems.push(`refreshIntervalMinutes must be 0 or more; using ${DEFAULT_REFRESH_INTERVAL_MINUTES}`);
    return DEFAULT_REFRESH_INTERVAL_MINUTES;
  }
  if (value === 0) return 0;
  // Under a minute would hammer GuardDuty for data that changes when tasks start.
  return Math.min(Math.max(value, MIN_REFRESH_INTERVAL_MINUTES), MAX_REFRESH_INTERVAL_MINUTES);
}

function endpointOf(value: unknown, problems: string[]): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return value.trim();
  } catch {
    // Reported below.
  }
  problems.push('endpointUrl must be an http(s) URL; AWS endpoints are used');
  return undefined;
}

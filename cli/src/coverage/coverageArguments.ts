import { parseOptions, UsageError } from '../usage';

export const COVERAGE_FORMATS = ['table', 'json'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

export interface CoverageArguments {
  readonly regions: string[];
  readonly profile?: string;
  readonly unhealthyOnly: boolean;
  readonly endpoint?: string;
  readonly format: CoverageFormat;
  /** The whole run's time limit; the core's default when absent. */
  readonly timeoutMs?: number;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

export function parseCoverageArguments(args: string[]): CoverageArguments {
  const { options, positionals } = parseOptions(args, ['region', 'profile', 'endpoint-url', 'format', 'timeout'], ['unhealthy']);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const regionList = options.get('region');
  if (!regionList) throw new UsageError('option --region is required (for example --region us-east-1,eu-west-1)');
  const regions = [...new Set(regionList.split(',').map((region) => region.trim()).filter(Boolean))];
  const invalid = regions.find((region) => !REGION.test(region));
  if (invalid || regions.length === 0) throw new UsageError(`"${invalid ?? regionList}" is not a region name like us-east-1`);
  const format = (options.get('format') ?? 'table') as CoverageFormat;
  if (!COVERAGE_FORMATS.includes(format)) throw new UsageError(`unknown format "${format}" (use ${COVERAGE_FORMATS.join(', ')})`);
  const endpoint = options.get('endpoint-url');
  if (endpoint !== undefined && !isHttpUrl(endpoint)) throw new UsageError(`--endpoint-url must be an http(s) URL, got "${endpoint}"`);
  const profile = options.get('profile');
  if (profile !== undefined && !profile.trim()) throw new UsageError('option --profile needs a profile name');
  const timeout = options.get('timeout');
  const seconds = timeout === undefined ? undefined : Number(timeout);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0 && seconds <= 3600)) throw new UsageError(`--timeout must be a positive number of seconds, at most 3600, got "${timeout}"`);
  return { regions, profile, unhealthyOnly: options.has('unhealthy'), endpoint, format, timeoutMs: seconds === undefined ? undefined : seconds * 1000 };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

import { choiceOption, parseCommandLine, UsageError } from '../usage';

const COVERAGE_FORMATS = ['table', 'json'] as const;
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

const COVERAGE_OPTIONS = {
  region: { type: 'string', short: 'r', multiple: true },
  profile: { type: 'string' },
  'endpoint-url': { type: 'string' },
  format: { type: 'string', short: 'f' },
  unhealthy: { type: 'boolean' },
  timeout: { type: 'string' },
} as const;

export function parseCoverageArguments(args: string[]): CoverageArguments {
  const usage = (message: string) => new UsageError(message, 'coverage');
  const { values, positionals } = parseCommandLine(args, COVERAGE_OPTIONS, 'coverage');
  if (positionals.length) throw usage(`unexpected argument "${positionals[0]}"`);
  const regionList = values.region?.join(',');
  if (!regionList) throw usage('option --region is required (for example --region us-east-1,eu-west-1)');
  const regions = [
    ...new Set(
      regionList
        .split(',')
        .map((region) => region.trim())
        .filter(Boolean),
    ),
  ];
  const invalid = regions.find((region) => !REGION.test(region));
  if (invalid || regions.length === 0) throw usage(`"${invalid ?? regionList}" is not a region name like us-east-1`);
  const format = choiceOption(values.format, COVERAGE_FORMATS, 'table', 'format', 'coverage');
  const endpoint = values['endpoint-url'];
  if (endpoint !== undefined && !isHttpUrl(endpoint)) throw usage(`--endpoint-url must be an http(s) URL, got "${endpoint}"`);
  const profile = values.profile;
  if (profile !== undefined && !profile.trim()) throw usage('option --profile needs a profile name');
  const timeout = values.timeout;
  const seconds = timeout === undefined ? undefined : Number(timeout);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0 && seconds <= 3600)) throw usage(`--timeout must be a positive number of seconds, at most 3600, got "${timeout}"`);
  return { regions, profile, unhealthyOnly: values.unhealthy ?? false, endpoint, format, timeoutMs: seconds === undefined ? undefined : seconds * 1000 };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// The coverage row of the benchmark (issue 11): a refresh against the fake GuardDuty with a fixed latency per
// request, as a ratio to the floor of the round trips that cannot overlap. Entry point for bench/.
// The fake runs in a process of its own, as the real service runs elsewhere: its work must not be counted
// as the client's. Needs the build (`npm run build`): dist/fake-guardduty/server.js and bin/ecs-guard.js.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { COVERAGE_PAGE_SIZE } from '../guardDuty/guardDutyCoverageApi';
import { loadCoverage } from '../model/loadCoverage';
import type { FakeStats } from './fakeGuardDuty/controlApi';

export interface CoverageBenchmarkScenario {
  /** ECS clusters per region, e.g. `{ 'us-east-1': 500 }`. */
  readonly clustersPerRegion: Readonly<Record<string, number>>;
  /** Added by the fake to every request before it answers. */
  readonly latencyMs: number;
}

export interface CoverageBenchmarkResult {
  readonly elapsedMs: number;
  /**
   * The longest region's chain of round trips that must follow one another: ListDetectors, then the
   * ListCoverage pages one after the other (GetCoverageStatistics runs beside the first page), times the latency.
   */
  readonly floorMs: number;
  /** elapsedMs / floorMs: lower is better, 1 is the floor. */
  readonly ratio: number;
  /** Requests of the timed refresh, counted at the fake. */
  readonly requests: number;
  /** The most requests the fake had open at once (over the whole run). */
  readonly maxInFlight: number;
  /** Regions that did not load (a run with any is not a valid figure). */
  readonly failedRegions: readonly string[];
}

const ROOT = path.resolve(__dirname, '../../../..');
const CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' };

/** The sequential round trips of one region with `clusters` clusters. */
export function sequentialRoundTrips(clusters: number): number {
  return 1 + Math.max(1, Math.ceil(clusters / COVERAGE_PAGE_SIZE));
}

export function floorMs(scenario: CoverageBenchmarkScenario): number {
  return Math.max(...Object.values(scenario.clustersPerRegion).map(sequentialRoundTrips)) * scenario.latencyMs;
}

/** Times `loadCoverage` in this process (as the extension refreshes), after one warm-up refresh. */
export function measureInProcess(scenario: CoverageBenchmarkScenario): Promise<CoverageBenchmarkResult> {
  return withFakeProcess(scenario, async (url) => {
    const regions = Object.keys(scenario.clustersPerRegion);
    const load = () => loadCoverage(regions, { endpoint: url, credentials: CREDENTIALS });
    await load();
    return async () => {
      const started = performance.now();
      const result = await load();
      return { elapsedMs: performance.now() - started, failedRegions: result.filter((region) => region.error).map((region) => region.region) };
    };
  });
}

/**
 * Times `ecs-guard coverage` as a fresh process (cold: Node start, loading the bundle, the refresh, exit), after
 * one untimed run: the fake has warmed up as for the in-process figure, and the CLI's code cache is written.
 * `withoutCodeCache` times a run that neither reads nor writes it (NODE_DISABLE_COMPILE_CACHE).
 */
export function measureCliCold(scenario: CoverageBenchmarkScenario, options: { readonly withoutCodeCache?: boolean } = {}): Promise<CoverageBenchmarkResult> {
  const bin = path.join(ROOT, 'bin', 'ecs-guard.js');
  const env = { ...isolatedAwsEnvironment(), ...(options.withoutCodeCache ? { NODE_DISABLE_COMPILE_CACHE: '1' } : {}) };
  return withFakeProcess(scenario, async (url) => {
    const regions = Object.keys(scenario.clustersPerRegion);
    const coverage = () => run(process.execPath, [bin, 'coverage', '--region', regions.join(','), '--endpoint-url', url, '--format', 'json'], env);
    await coverage();
    return async () => {
      const started = performance.now();
      const { code, stdout } = await coverage();
      const elapsedMs = performance.now() - started;
      return { elapsedMs, failedRegions: code === 0 ? [] : failedIn(stdout, regions) };
    };
  });
}

/** Starts the fake in its own process, lets `prepare` warm up, then times what it returns. */
async function withFakeProcess(
  scenario: CoverageBenchmarkScenario,
  prepare: (url: string) => Promise<() => Promise<{ elapsedMs: number; failedRegions: string[] }>>,
): Promise<CoverageBenchmarkResult> {
  const clusters = Object.entries(scenario.clustersPerRegion)
    .map(([region, count]) => `${region}=${count}`)
    .join(',');
  const fake = spawn(process.execPath, [path.join(ROOT, 'dist', 'fake-guardduty', 'server.js'), '--port', '0', '--clusters', clusters, '--latency', String(scenario.latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await listeningUrl(fake);
    const measure = await prepare(url);
    const before = await statsOf(url);
    const { elapsedMs, failedRegions } = await measure();
    const after = await statsOf(url);
    const floor = floorMs(scenario);
    return { elapsedMs, floorMs: floor, ratio: elapsedMs / floor, requests: after.requests - before.requests, maxInFlight: after.maxInFlight, failedRegions };
  } finally {
    fake.kill();
  }
}

function listeningUrl(fake: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: fake.stdout! });
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve(match[1]);
    });
    fake.once('exit', (code) => reject(new Error(`the fake GuardDuty exited (${code}) before listening; run npm run build first`)));
  });
}

async function statsOf(url: string): Promise<FakeStats> {
  return (await (await fetch(`${url}/__fake/stats`)).json()) as FakeStats;
}

/** Fake keys in the environment and nothing else of the machine's AWS set-up. */
function isolatedAwsEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('AWS_')) env[name] = value;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(path.sep, 'nonexistent', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(path.sep, 'nonexistent', 'credentials'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

function failedIn(stdout: string, regions: readonly string[]): string[] {
  try {
    const parsed = JSON.parse(stdout) as { regions: { region: string; error: unknown }[] };
    return parsed.regions.filter((region) => region.error).map((region) => region.region);
  } catch {
    return [...regions];
  }
}

// Coverage refresh against the fake GuardDuty in a process of its own, every request answered after 50 ms,
// through the coverage core's own benchmark entry points (client/src/coverage/testing/coverageBenchmark.ts):
// each figure is the refresh time over the floor, the longest region's chain of round trips that cannot
// overlap (ListDetectors, then the ListCoverage pages one after another) times the latency.
import { CoverageBenchmarkResult, CoverageBenchmarkScenario, measureCliCold, measureInProcess } from '../../client/src/coverage/testing/coverageBenchmark';
import { Figure, RunOptions, spreadOf } from '../support/figure';
import { summarise } from '../support/stats';

const LATENCY_MS = 50;
const ONE_REGION: CoverageBenchmarkScenario = { clustersPerRegion: { 'us-east-1': 500 }, latencyMs: LATENCY_MS };
// 17 regions with 2,000 clusters between them, unevenly, as an organisation's would be.
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'sa-east-1',
  'me-south-1',
];
const MANY_REGIONS: CoverageBenchmarkScenario = {
  clustersPerRegion: Object.fromEntries(REGIONS.map((region, i) => [region, i === 0 ? 400 : 100])),
  latencyMs: LATENCY_MS,
};

async function repeated(times: number, measure: () => Promise<CoverageBenchmarkResult>): Promise<CoverageBenchmarkResult[]> {
  const results: CoverageBenchmarkResult[] = [];
  for (let i = 0; i < times; i++) {
    const result = await measure();
    if (result.failedRegions.length) throw new Error(`coverage benchmark: ${result.failedRegions.join(', ')} did not load`);
    results.push(result);
  }
  return results;
}

function figure(name: string, what: string, target: number, results: CoverageBenchmarkResult[], beside = ''): Figure {
  const ratios = summarise(results.map((result) => result.ratio));
  const elapsed = summarise(results.map((result) => result.elapsedMs));
  return {
    name,
    what,
    unit: 'x',
    value: ratios.median,
    target,
    spread: spreadOf(ratios),
    reference: `floor ${results[0].floorMs.toFixed(0)} ms, refresh ${elapsed.median.toFixed(0)} ms${beside}`,
    notes: `${results[0].requests} requests, at most ${Math.max(...results.map((result) => result.maxInFlight))} in flight`,
  };
}

export async function coverageFigures(options: RunOptions): Promise<Figure[]> {
  const times = options.quick ? 3 : 7;
  const inProcess = await repeated(times, () => measureInProcess(ONE_REGION));
  const cli: CoverageBenchmarkResult[] = [];
  const cliWithoutCache: CoverageBenchmarkResult[] = [];
  // Interleaved, as the CLI rows are: a run with the CLI's code cache (what every run after the first gets), one without.
  for (let round = 0; round < times; round++) {
    cli.push(...(await repeated(1, () => measureCliCold(ONE_REGION))));
    cliWithoutCache.push(...(await repeated(1, () => measureCliCold(ONE_REGION, { withoutCodeCache: true }))));
  }
  const withoutCache = `; ${summarise(cliWithoutCache.map((result) => result.elapsedMs)).median.toFixed(0)} ms without its code cache`;
  const many = await repeated(options.quick ? 2 : 4, () => measureInProcess(MANY_REGIONS));
  return [
    figure('coverage_vs_floor', `coverage of 500 clusters in one region, ${LATENCY_MS} ms per request, in-process / the floor`, 1.1, inProcess),
    figure('coverage_cli_vs_floor', 'the same with `ecs-guard coverage` (a cold process) / the floor', 1.3, cli, withoutCache),
    figure('coverage_17_regions_vs_floor', "17 regions, 2,000 clusters, in-process / the longest region's chain", 1.25, many),
  ];
}

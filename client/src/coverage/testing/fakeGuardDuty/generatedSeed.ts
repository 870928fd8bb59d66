import { ecsClusterResource } from './resourceBuilders';
import { FakeRegionData, WireCoverageResource } from './wireTypes';

/** `count` ECS clusters (every fourth unhealthy) for load tests and the benchmark; one detector per region. */
export function generatedRegion(count: number, detectorId: string): FakeRegionData {
  const resources: WireCoverageResource[] = [];
  for (let i = 0; i < count; i++) {
    resources.push(
      ecsClusterResource({ clusterName: `generated-${i}`, accountId: '111122223333', detectorId, issues: i % 4 === 0 ? [`Agent not reporting for tasks in TaskDefinition - 'generated-${i}:1'`] : [] }),
    );
  }
  return { detectorId, resources };
}

/** Regions with generated clusters, from `{ region: count }`. */
export function generatedSeed(clustersPerRegion: Readonly<Record<string, number>>): Record<string, FakeRegionData> {
  const seed: Record<string, FakeRegionData> = {};
  Object.entries(clustersPerRegion).forEach(([region, count], index) => (seed[region] = generatedRegion(count, `d${String(index).padStart(31, '0')}`)));
  return seed;
}

/** Parses `us-east-1=500,eu-west-1=20` (the fake's `--clusters`); a message when it cannot. */
export function parseClustersPerRegion(text: string): Record<string, number> | string {
  const result: Record<string, number> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const match = /^([a-z0-9-]+)=(\d+)$/.exec(part.trim());
    if (!match) return `"${part}" is not region=count`;
    result[match[1]] = Number(match[2]);
  }
  return result;
}

import { loadCoverage } from '../../../client/src/coverage';
import { CliIO } from '../main';
import { parseCoverageArguments } from './coverageArguments';
import { formatCoverageJson } from './formatCoverageJson';
import { formatCoverageTable } from './formatCoverageTable';

/** `ecs-guard coverage`: live GuardDuty Runtime Monitoring coverage of ECS clusters, per region. */
export async function runCoverage(args: string[], io: CliIO): Promise<number> {
  const options = parseCoverageArguments(args);
  const regions = await loadCoverage(options.regions, { profile: options.profile, endpoint: options.endpoint, unhealthyOnly: options.unhealthyOnly, timeoutMs: options.timeoutMs });
  io.stdout(options.format === 'json' ? formatCoverageJson(regions) : formatCoverageTable(regions, io.color ?? io.isTTY));
  return regions.some((region) => region.error) ? 1 : 0;
}

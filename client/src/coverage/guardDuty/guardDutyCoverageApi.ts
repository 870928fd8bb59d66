import {
  CoverageResource,
  GetCoverageStatisticsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  paginateListCoverage,
} from '@aws-sdk/client-guardduty';
import { MalformedResponseError } from '../errors/coverageError';
import { GuardDutyConnectionOptions } from './connectionOptions';
import { createGuardDutyClient } from './createClient';
import { ecsCoverageCriteria, EcsCoverageQuery } from './ecsCoverageCriteria';

/** ListCoverage's largest page. */
export const COVERAGE_PAGE_SIZE = 50;

export interface CoverageStatusCounts {
  readonly HEALTHY: number;
  readonly UNHEALTHY: number;
}

/** Read-only GuardDuty calls for ECS coverage in one region. Call `destroy()` when done (closes sockets). */
export class GuardDutyCoverageApi {
  private readonly client: GuardDutyClient;
  private readonly signal?: AbortSignal;

  constructor(options: GuardDutyConnectionOptions) {
    this.client = createGuardDutyClient(options);
    this.signal = options.signal;
  }

  /** The region's detector, or undefined when GuardDuty is not enabled there (one detector per account and region). */
  async findDetectorId(): Promise<string | undefined> {
    const output = await this.client.send(new ListDetectorsCommand({}), { abortSignal: this.signal });
    if (!Array.isArray(output.DetectorIds)) throw new MalformedResponseError('ListDetectors returned no detectorIds list');
    return output.DetectorIds[0];
  }

  /** Every ECS coverage resource matching the query, across all pages. */
  async listEcsCoverage(detectorId: string, query: EcsCoverageQuery = {}): Promise<CoverageResource[]> {
    const resources: CoverageResource[] = [];
    const pages = paginateListCoverage(
      // stopOnSameToken: a service (or proxy) repeating a token must not loop forever.
      { client: this.client, pageSize: COVERAGE_PAGE_SIZE, stopOnSameToken: true },
      { DetectorId: detectorId, FilterCriteria: { FilterCriterion: ecsCoverageCriteria(query) } },
      { abortSignal: this.signal },
    );
    for await (const page of pages) {
      // The model requires `resources`, but the SDK does not check it.
      if (!Array.isArray(page.Resources)) throw new MalformedResponseError('ListCoverage returned no resources list');
      resources.push(...page.Resources);
    }
    return resources;
  }

  /** Healthy and unhealthy ECS clusters; a status the service leaves out counts 0. */
  async getEcsStatistics(detectorId: string): Promise<CoverageStatusCounts> {
    const output = await this.client.send(
      new GetCoverageStatisticsCommand({
        DetectorId: detectorId,
        StatisticsType: ['COUNT_BY_COVERAGE_STATUS'],
        FilterCriteria: { FilterCriterion: ecsCoverageCriteria() },
      }),
      { abortSignal: this.signal },
    );
    const counts = output.CoverageStatistics?.CountByCoverageStatus ?? {};
    return { HEALTHY: countOf(counts.HEALTHY), UNHEALTHY: countOf(counts.UNHEALTHY) };
  }

  destroy(): void {
    this.client.destroy();
  }
}

function countOf(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new MalformedResponseError('GetCoverageStatistics returned a count that is not a number');
  return value;
}

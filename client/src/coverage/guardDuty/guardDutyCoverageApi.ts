import { setImmediate as nextTurn } from 'node:timers/promises';
import { CoverageResource, GetCoverageStatisticsCommand, GuardDutyClient, ListCoverageCommand, ListCoverageCommandOutput, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { MalformedResponseError } from '../errors/coverageError';
import { GuardDutyConnectionOptions } from './connectionOptions';
import { createGuardDutyClient } from './createClient';
import { ecsCoverageCriteria, EcsCoverageQuery } from './ecsCoverageCriteria';
import { peekNextToken } from './peekNextToken';
import { RESPONSE_SIZE_LIMIT } from './responseSizeLimit';

/** ListCoverage's largest page. */
export const COVERAGE_PAGE_SIZE = 50;

/** The most ListCoverage pages one region may take (50,000 clusters): beyond, the service is looping. */
export const MAX_COVERAGE_PAGES = 1000;

/**
 * The pages a region may take once the statistics say how many clusters it has: twice the pages they
 * call for (clusters come and go while paging; pages may come back short) plus 10, at most MAX_COVERAGE_PAGES.
 */
export function coveragePageLimit(clusterCount: number): number {
  return Math.min(MAX_COVERAGE_PAGES, 2 * Math.ceil(clusterCount / COVERAGE_PAGE_SIZE) + 10);
}

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

  /**
   * Every ECS coverage resource matching the query, across all pages. Pages are requested one after the
   * other (each needs the previous token); `onPage` gets each page while the next one is already asked for.
   * A token given twice, or more pages than `pageLimit()` (read before each page, so it can tighten once the
   * statistics are known), fails the whole list: the SDK's paginator would loop forever on alternating
   * tokens and end quietly, with a page twice, on a repeated one.
   */
  async listEcsCoverage(
    detectorId: string,
    query: EcsCoverageQuery = {},
    pageLimit: () => number = () => MAX_COVERAGE_PAGES,
    onPage: (resources: CoverageResource[]) => void = () => undefined,
  ): Promise<CoverageResource[]> {
    const resources: CoverageResource[] = [];
    const tokensSeen = new Set<string>();
    const filter = { FilterCriterion: ecsCoverageCriteria(query) };
    let pages = 0;
    // The next page's request, sent as soon as the raw answer showed its token (see `request`).
    let early: { token: string; output: Promise<ListCoverageCommandOutput> } | undefined;
    // The checks below, for a token seen in an answer not yet counted: a token they would refuse is not asked for early.
    const acceptable = (token: string, pagesSoFar: number) => !tokensSeen.has(token) && pagesSoFar < pageLimit();
    const request = (nextToken: string | undefined): Promise<ListCoverageCommandOutput> => {
      const command = new ListCoverageCommand({ DetectorId: detectorId, MaxResults: COVERAGE_PAGE_SIZE, FilterCriteria: filter, NextToken: nextToken });
      // The next page is asked for once this answer is read, while the SDK still parses it: its parsing (a
      // millisecond or two for 50 clusters) then overlaps the next round trip instead of lengthening the chain.
      command.middlewareStack.addRelativeTo(
        peekNextToken((token) => {
          if (early || !acceptable(token, pages + 1)) return false;
          early = { token, output: request(token) };
          // Should this page fail, the request sent early must not become an unhandled rejection.
          early.output.catch(() => undefined);
          return true;
        }),
        { relation: 'before', toMiddleware: RESPONSE_SIZE_LIMIT, name: 'ecsGuardPeekNextToken' },
      );
      return this.client.send(command, { abortSignal: this.signal });
    };
    let inFlight = request(undefined);
    for (;;) {
      const page = await inFlight;
      pages++;
      // The model requires `resources`, but the SDK does not check it.
      if (!Array.isArray(page.Resources)) throw new MalformedResponseError('ListCoverage returned no resources list');
      const nextToken = page.NextToken || undefined;
      const sentEarly = early;
      early = undefined;
      if (nextToken !== undefined) {
        if (tokensSeen.has(nextToken)) throw new MalformedResponseError(`ListCoverage repeated a page token after ${pages} pages; the list would not be complete`);
        tokensSeen.add(nextToken);
        if (pages >= pageLimit())
          throw new MalformedResponseError(`ListCoverage was still returning pages after ${pages} pages (${resources.length + page.Resources.length} resources); the list would not be complete`);
        inFlight = sentEarly?.token === nextToken ? sentEarly.output : request(nextToken);
        // Should onPage throw, the request in flight must not become an unhandled rejection.
        inFlight.catch(() => undefined);
        // The page is handed over once the next request is on the wire (the SDK gets it there within
        // microtasks and ticks): handled first, its conversion would lengthen every round trip of the chain.
        await nextTurn();
      }
      resources.push(...page.Resources);
      onPage(page.Resources);
      if (nextToken === undefined) return resources;
    }
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

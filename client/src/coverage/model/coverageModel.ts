import type { CoverageError } from '../errors/coverageError';
import type { CoverageStatusCounts } from '../guardDuty/guardDutyCoverageApi';
import type { ClassifiedIssue } from '../issues/classifyIssue';

/** HEALTHY and UNHEALTHY as GuardDuty reports them; UNKNOWN when a resource carries neither. */
export type ClusterCoverageStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

/** One ECS cluster of one account, as GuardDuty Runtime Monitoring sees it. */
export interface ClusterCoverage {
  readonly clusterName: string;
  /** 12 digits: the administrator's own account or a member account. */
  readonly accountId: string;
  readonly coverageStatus: ClusterCoverageStatus;
  /** AUTO_MANAGED, MANUAL or DISABLED (Fargate agent management); null when not reported. */
  readonly managementType: string | null;
  readonly issues: readonly ClassifiedIssue[];
  /** EC2 container instances with a healthy agent, of those that can have one; 0/0 for Fargate-only clusters. */
  readonly containerInstances: { readonly covered: number; readonly compatible: number };
  /** Changes when a task starts in the cluster or the status changes; null when not reported. */
  readonly updatedAt: Date | null;
}

/** Identifies a cluster within a region: the same name can exist in several member accounts. */
export function clusterKey(cluster: Pick<ClusterCoverage, 'accountId' | 'clusterName'>): string {
  return JSON.stringify([cluster.accountId, cluster.clusterName]);
}

/** One region's ECS coverage; `error` set means the rest may be partial (see loadRegionCoverage). */
export interface RegionCoverage {
  readonly region: string;
  readonly detectorId: string | null;
  readonly statistics: CoverageStatusCounts | null;
  readonly clusters: readonly ClusterCoverage[];
  readonly error: CoverageError | null;
  /**
   * Set by a refresh that failed (`error`) for a region that had loaded before: the detector, statistics and
   * clusters are those of that earlier load, kept so that nothing already shown disappears, and marked stale.
   */
  readonly stale?: { readonly loadedAt: Date };
}

export type { CoverageStatusCounts };

import type { CoverageStatusChange } from './controlApi';
import { FakeRegionData } from './wireTypes';

/** The fake's data per region; a region never set has no detector. */
export class RegionStore {
  private readonly regions: Map<string, FakeRegionData>;

  constructor(initial: Record<string, FakeRegionData> = {}) {
    this.regions = new Map(Object.entries(initial));
  }

  get(region: string): FakeRegionData {
    return this.regions.get(region) ?? { resources: [] };
  }

  set(region: string, data: FakeRegionData): void {
    this.regions.set(region, data);
  }

  /** Changes the status of an ECS cluster (in every account unless one is named); false when none matched. */
  setCoverageStatus(change: CoverageStatusChange, now: Date = new Date()): boolean {
    const matching = this.get(change.region).resources.filter(
      (resource) => resource.resourceDetails.ecsClusterDetails?.clusterName === change.clusterName && (change.accountId === undefined || resource.accountId === change.accountId),
    );
    const issues = change.coverageStatus === 'HEALTHY' ? [] : (change.issues ?? []);
    for (const resource of matching) {
      resource.coverageStatus = change.coverageStatus;
      resource.updatedAt = Math.floor(now.getTime() / 1000);
      if (issues.length) resource.issue = issues[0];
      else delete resource.issue;
      const details = resource.resourceDetails.ecsClusterDetails;
      if (details) details.fargateDetails = { ...details.fargateDetails, issues: [...issues] };
    }
    return matching.length > 0;
  }
}

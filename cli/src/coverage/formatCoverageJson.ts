import { ClassifiedIssue, RegionCoverage } from '../../../client/src/coverage';

/** The `--format json` document: one entry per region, in the order asked for. */
export function formatCoverageJson(regions: readonly RegionCoverage[]): string {
  return JSON.stringify({ regions: regions.map(regionJson) }, null, 2) + '\n';
}

function regionJson(region: RegionCoverage) {
  return {
    region: region.region,
    detectorId: region.detectorId,
    statistics: region.statistics ? { HEALTHY: region.statistics.HEALTHY, UNHEALTHY: region.statistics.UNHEALTHY } : null,
    clusters: region.clusters.map((cluster) => ({
      clusterName: cluster.clusterName,
      accountId: cluster.accountId,
      coverageStatus: cluster.coverageStatus,
      managementType: cluster.managementType,
      issues: cluster.issues.map(issueJson),
      updatedAt: cluster.updatedAt?.toISOString() ?? null,
    })),
    // The message carries the next step too: the JSON has one text field per error.
    error: region.error ? { kind: region.error.kind, message: `${region.error.message} ${region.error.nextStep}` } : null,
  };
}

function issueJson(issue: ClassifiedIssue) {
  return {
    kind: issue.kind,
    title: issue.title,
    text: issue.text,
    detail: issue.detail ?? null,
    taskDefinition: issue.taskDefinition?.reference ?? null,
    taskIds: issue.taskIds,
    serviceNames: issue.serviceNames,
    steps: issue.steps,
  };
}

import type { CoverageResource } from '@aws-sdk/client-guardduty';
import { classifyIssues } from '../issues/classifyIssue';
import { ClusterCoverage, ClusterCoverageStatus } from './coverageModel';

/** The model of an ECS coverage resource from ListCoverage. */
export function toClusterCoverage(resource: CoverageResource): ClusterCoverage {
  const ecs = resource.ResourceDetails?.EcsClusterDetails;
  const fargate = ecs?.FargateDetails;
  return {
    // resourceId is the fallback because it is not documented whether it holds the name or the ARN.
    clusterName: ecs?.ClusterName ?? clusterNameFromId(resource.ResourceId ?? ''),
    accountId: resource.AccountId ?? '',
    coverageStatus: statusOf(resource.CoverageStatus),
    managementType: fargate?.ManagementType ?? null,
    issues: classifyIssues([resource.Issue, ...(fargate?.Issues ?? [])]),
    containerInstances: {
      covered: ecs?.ContainerInstanceDetails?.CoveredContainerInstances ?? 0,
      compatible: ecs?.ContainerInstanceDetails?.CompatibleContainerInstances ?? 0,
    },
    updatedAt: resource.UpdatedAt instanceof Date && !Number.isNaN(resource.UpdatedAt.getTime()) ? resource.UpdatedAt : null,
  };
}

function statusOf(status: string | undefined): ClusterCoverageStatus {
  return status === 'HEALTHY' || status === 'UNHEALTHY' ? status : 'UNKNOWN';
}

function clusterNameFromId(resourceId: string): string {
  return resourceId.split('/').pop() ?? resourceId;
}

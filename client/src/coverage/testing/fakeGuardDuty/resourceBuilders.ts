import { WireCoverageResource, WireCoverageStatus, WireManagementType } from './wireTypes';

export interface EcsClusterSpec {
  readonly clusterName: string;
  readonly accountId: string;
  readonly detectorId: string;
  readonly coverageStatus?: WireCoverageStatus;
  /** Fargate issues; the first one is also the resource's top-level `issue`, as the console shows it. */
  readonly issues?: readonly string[];
  readonly managementType?: WireManagementType;
  readonly containerInstances?: { covered: number; compatible: number };
  /** Epoch seconds. */
  readonly updatedAt?: number;
}

/** Epoch seconds of a fixed instant, so seeded data and test expectations do not depend on the clock. */
export const BASE_TIME = 1718000000;

/** An ECS coverage resource as ListCoverage returns it. Unhealthy unless there are no issues. */
export function ecsClusterResource(spec: EcsClusterSpec): WireCoverageResource {
  const issues = spec.issues ?? [];
  const coverageStatus = spec.coverageStatus ?? (issues.length ? 'UNHEALTHY' : 'HEALTHY');
  return {
    resourceId: spec.clusterName,
    detectorId: spec.detectorId,
    accountId: spec.accountId,
    coverageStatus,
    ...(issues.length ? { issue: issues[0] } : {}),
    updatedAt: spec.updatedAt ?? BASE_TIME,
    resourceDetails: {
      resourceType: 'ECS',
      ecsClusterDetails: {
        clusterName: spec.clusterName,
        fargateDetails: { managementType: spec.managementType ?? 'AUTO_MANAGED', issues: [...issues] },
        containerInstanceDetails: {
          coveredContainerInstances: spec.containerInstances?.covered ?? 0,
          compatibleContainerInstances: spec.containerInstances?.compatible ?? 0,
        },
      },
    },
  };
}

/** A non-ECS resource, so that the RESOURCE_TYPE filter has something to leave out. */
export function eksClusterResource(clusterName: string, accountId: string, detectorId: string, coverageStatus: WireCoverageStatus = 'HEALTHY'): WireCoverageResource {
  return {
    resourceId: clusterName,
    detectorId,
    accountId,
    coverageStatus,
    updatedAt: BASE_TIME,
    resourceDetails: { resourceType: 'EKS', eksClusterDetails: { clusterName, coveredNodes: 3, compatibleNodes: 3, managementType: 'AUTO_MANAGED' } },
  };
}

export function ec2InstanceResource(instanceId: string, accountId: string, detectorId: string, clusterArn?: string): WireCoverageResource {
  return {
    resourceId: instanceId,
    detectorId,
    accountId,
    coverageStatus: 'UNHEALTHY',
    issue: 'Agent not reporting',
    updatedAt: BASE_TIME,
    resourceDetails: { resourceType: 'EC2', ec2InstanceDetails: { instanceId, instanceType: 'm5.large', clusterArn, managementType: 'AUTO_MANAGED' } },
  };
}

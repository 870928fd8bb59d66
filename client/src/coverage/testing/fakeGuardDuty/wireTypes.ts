/**
 * The JSON the real service puts on the wire (restJson1, member names in camelCase, timestamps as
 * epoch seconds). Kept separate from the SDK's types on purpose: the fake must produce what GuardDuty
 * sends, not what the SDK hands back after parsing.
 */
export type WireCoverageStatus = 'HEALTHY' | 'UNHEALTHY';
export type WireResourceType = 'ECS' | 'EKS' | 'EC2';
export type WireManagementType = 'AUTO_MANAGED' | 'MANUAL' | 'DISABLED';

export interface WireEcsClusterDetails {
  clusterName: string;
  fargateDetails?: { issues?: string[]; managementType?: WireManagementType };
  containerInstanceDetails?: { coveredContainerInstances: number; compatibleContainerInstances: number };
}

export interface WireResourceDetails {
  resourceType: WireResourceType;
  ecsClusterDetails?: WireEcsClusterDetails;
  eksClusterDetails?: { clusterName: string; coveredNodes: number; compatibleNodes: number; managementType?: WireManagementType };
  ec2InstanceDetails?: { instanceId: string; instanceType?: string; clusterArn?: string; managementType?: WireManagementType };
}

export interface WireCoverageResource {
  resourceId: string;
  detectorId: string;
  accountId: string;
  coverageStatus: WireCoverageStatus;
  issue?: string;
  /** Epoch seconds, as a JSON number. */
  updatedAt: number;
  resourceDetails: WireResourceDetails;
}

/** What one region of the fake holds: no detector means GuardDuty is not enabled there. */
export interface FakeRegionData {
  detectorId?: string;
  resources: WireCoverageResource[];
}

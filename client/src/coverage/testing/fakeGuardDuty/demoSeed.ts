import { BASE_TIME, ec2InstanceResource, ecsClusterResource, eksClusterResource } from './resourceBuilders';
import { SAMPLE_ISSUES } from './sampleIssues';
import { FakeRegionData } from './wireTypes';

const ADMIN = '111122223333';
const MEMBER_PROD = '444455556666';
const MEMBER_DEV = '777788889999';
const HOUR = 3600;

/**
 * Demo data: us-east-1 holds every troubleshooting case (and a text matching none), eu-west-1 mixes
 * member accounts, ap-southeast-2 is all healthy, and sa-east-1 has no detector (GuardDuty not enabled).
 */
export function demoSeed(): Record<string, FakeRegionData> {
  const useast = '12abc34d567e8fa901bc2d34e56789f0';
  const euwest = '6cb3f1e2d4a5b6c7d8e9f0a1b2c3d4e5';
  const apse = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
  // One cluster per troubleshooting case; the unrecognised text goes to multi-issue, next to known ones.
  const { unrecognized, ...troubleshootingCases } = SAMPLE_ISSUES;
  const unhealthyCases = Object.entries(troubleshootingCases).map(([name, issue], index) =>
    ecsClusterResource({
      clusterName: `${kebab(name)}-cluster`,
      accountId: index % 3 === 0 ? MEMBER_PROD : ADMIN,
      detectorId: useast,
      issues: [issue],
      updatedAt: BASE_TIME - index * HOUR,
    }),
  );
  return {
    'us-east-1': {
      detectorId: useast,
      resources: [
        ecsClusterResource({ clusterName: 'storefront', accountId: ADMIN, detectorId: useast, updatedAt: BASE_TIME + HOUR }),
        ecsClusterResource({ clusterName: 'internal-tools', accountId: MEMBER_DEV, detectorId: useast, containerInstances: { covered: 3, compatible: 3 } }),
        ecsClusterResource({
          clusterName: 'batch-ec2',
          accountId: MEMBER_PROD,
          detectorId: useast,
          coverageStatus: 'UNHEALTHY',
          managementType: 'MANUAL',
          containerInstances: { covered: 2, compatible: 5 },
          updatedAt: BASE_TIME - 2 * HOUR,
        }),
        ecsClusterResource({
          clusterName: 'multi-issue',
          accountId: ADMIN,
          detectorId: useast,
          issues: [SAMPLE_ISSUES.taskExecutionRoleMissing, SAMPLE_ISSUES.unsupportedArchitecture, SAMPLE_ISSUES.agentNotReporting, unrecognized],
        }),
        ...unhealthyCases,
        eksClusterResource('platform-eks', ADMIN, useast),
        ec2InstanceResource('i-0123456789abcdef0', MEMBER_PROD, useast, 'arn:aws:ecs:us-east-1:444455556666:cluster/batch-ec2'),
      ],
    },
    'eu-west-1': {
      detectorId: euwest,
      resources: [
        ecsClusterResource({ clusterName: 'storefront-eu', accountId: ADMIN, detectorId: euwest }),
        ecsClusterResource({ clusterName: 'storefront-eu', accountId: MEMBER_PROD, detectorId: euwest, issues: [SAMPLE_ISSUES.imagePull] }),
        ecsClusterResource({ clusterName: 'gdpr-exports', accountId: MEMBER_DEV, detectorId: euwest, issues: [SAMPLE_ISSUES.tasksNeedRelaunch] }),
        ecsClusterResource({ clusterName: 'ml-inference', accountId: MEMBER_DEV, detectorId: euwest, managementType: 'DISABLED', issues: [SAMPLE_ISSUES.excludedServices] }),
      ],
    },
    'ap-southeast-2': {
      detectorId: apse,
      resources: [
        ecsClusterResource({ clusterName: 'syd-web', accountId: ADMIN, detectorId: apse }),
        ecsClusterResource({ clusterName: 'syd-jobs', accountId: MEMBER_PROD, detectorId: apse, containerInstances: { covered: 4, compatible: 4 } }),
      ],
    },
    'sa-east-1': { resources: [] },
  };
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

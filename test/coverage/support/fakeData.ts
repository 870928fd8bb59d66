import { ecsClusterResource, eksClusterResource } from '../../../client/src/coverage/testing/fakeGuardDuty/resourceBuilders';
import { FakeRegionData, WireCoverageResource } from '../../../client/src/coverage/testing/fakeGuardDuty/wireTypes';

export const DETECTOR = 'd0000000000000000000000000000001';
export const ACCOUNT = '111122223333';
export const MEMBER = '444455556666';

/** `count` ECS clusters named cluster-000…, every third one unhealthy, plus one EKS cluster to be left out. */
export function manyClusters(count: number, detectorId = DETECTOR): FakeRegionData {
  const resources: WireCoverageResource[] = [];
  for (let i = 0; i < count; i++) {
    const clusterName = `cluster-${String(i).padStart(3, '0')}`;
    resources.push(
      ecsClusterResource({
        clusterName,
        accountId: i % 2 ? MEMBER : ACCOUNT,
        detectorId,
        issues: i % 3 === 0 ? [`Agent not reporting for tasks in TaskDefinition - '${clusterName}-task:${i + 1}'`] : [],
        updatedAt: 1718000000 + i,
      }),
    );
  }
  resources.push(eksClusterResource('not-ecs', ACCOUNT, detectorId, 'UNHEALTHY'));
  return { detectorId, resources };
}

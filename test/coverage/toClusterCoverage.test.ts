import * as assert from 'node:assert/strict';
import { toClusterCoverage } from '../../client/src/coverage/model/toClusterCoverage';

describe('cluster model from a coverage resource', () => {
  it('reads every field of an ECS resource', () => {
    const cluster = toClusterCoverage({
      ResourceId: 'web',
      AccountId: '111122223333',
      CoverageStatus: 'UNHEALTHY',
      Issue: "TaskExecutionRole missing in TaskDefinition - 'web:3'",
      UpdatedAt: new Date('2024-06-10T06:13:20Z'),
      ResourceDetails: {
        ResourceType: 'ECS',
        EcsClusterDetails: {
          ClusterName: 'web',
          FargateDetails: {
            ManagementType: 'MANUAL',
            Issues: ["TaskExecutionRole missing in TaskDefinition - 'web:3'", "Unsupported CPU architecture 'ARM_V7' for tasks in TaskDefinition - 'web:3'"],
          },
          ContainerInstanceDetails: { CoveredContainerInstances: 2, CompatibleContainerInstances: 5 },
        },
      },
    });
    assert.equal(cluster.clusterName, 'web');
    assert.equal(cluster.managementType, 'MANUAL');
    assert.deepEqual(cluster.containerInstances, { covered: 2, compatible: 5 });
    assert.deepEqual(
      cluster.issues.map((issue) => issue.kind),
      ['task-execution-role-missing', 'unsupported-cpu-architecture'],
    );
  });

  it('copes with a sparse resource: name from an ARN id, unknown status, no date', () => {
    const cluster = toClusterCoverage({ ResourceId: 'arn:aws:ecs:us-east-1:111122223333:cluster/jobs', CoverageStatus: 'SOMETHING_NEW' as 'HEALTHY' });
    assert.deepEqual(
      { ...cluster, issues: cluster.issues.length },
      { clusterName: 'jobs', accountId: '', coverageStatus: 'UNKNOWN', managementType: null, issues: 0, containerInstances: { covered: 0, compatible: 0 }, updatedAt: null },
    );
  });
});

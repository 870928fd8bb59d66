import * as assert from 'node:assert/strict';
import { detectTransitions, newlyUnhealthy } from '../../client/src/coverage/model/transitions';
import { cluster, region } from './support/clusters';

const MEMBER = '444455556666';

describe('coverage transitions between snapshots', () => {
  const previous = [
    region('us-east-1', [cluster('web', 'HEALTHY'), cluster('web', 'HEALTHY', { accountId: MEMBER }), cluster('batch', 'UNHEALTHY'), cluster('gone', 'HEALTHY')]),
    region('eu-west-1', [cluster('web', 'HEALTHY')]),
    region('ap-south-1', [cluster('api', 'HEALTHY')]),
  ];
  const current = [
    region('us-east-1', [
      cluster('web', 'HEALTHY'),
      cluster('web', 'UNHEALTHY', { accountId: MEMBER, issues: ["TaskExecutionRole missing in TaskDefinition - 'web:3'"] }),
      cluster('batch', 'HEALTHY'),
      cluster('new', 'UNHEALTHY'),
    ]),
    region('eu-west-1', [cluster('web', 'HEALTHY')]),
    region('ap-south-1', [], { kind: 'throttling', message: 'throttled', nextStep: 'wait' }),
  ];

  it('reports each flip per region, account and cluster, in both directions', () => {
    const transitions = detectTransitions(previous, current);
    assert.deepEqual(
      transitions.map((t) => [t.region, t.accountId, t.clusterName, t.from, t.to]),
      [
        ['us-east-1', MEMBER, 'web', 'HEALTHY', 'UNHEALTHY'],
        ['us-east-1', '111122223333', 'batch', 'UNHEALTHY', 'HEALTHY'],
      ],
    );
    assert.equal(transitions[0].cluster.issues[0].kind, 'task-execution-role-missing');
  });

  it('keeps only clusters that became unhealthy for notifications', () => {
    assert.deepEqual(
      newlyUnhealthy(previous, current).map((t) => `${t.region}/${t.accountId}/${t.clusterName}`),
      [`us-east-1/${MEMBER}/web`],
    );
  });

  it('does not treat a failed region, a new cluster or a vanished one as a change', () => {
    const failedBefore = [region('us-east-1', [], { kind: 'network', message: 'down', nextStep: 'retry' })];
    assert.deepEqual(detectTransitions(failedBefore, current), []);
    assert.deepEqual(detectTransitions([], current), []);
    assert.deepEqual(detectTransitions(previous, []), []);
  });
});

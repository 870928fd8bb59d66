import * as assert from 'node:assert/strict';
import { filterClusters, sortClusters, viewClusters } from '../../client/src/coverage/model/clusterView';
import { coveragePercentage, formatPercentage } from '../../client/src/coverage/model/coveragePercentage';
import { cluster } from './support/clusters';

const CLUSTERS = [
  cluster('web-prod', 'HEALTHY', { updatedAt: '2024-06-10T10:00:00Z' }),
  cluster('Web-Staging', 'UNHEALTHY', { accountId: '444455556666', updatedAt: '2024-06-11T10:00:00Z' }),
  cluster('batch', 'UNHEALTHY', { updatedAt: null }),
  cluster('api', 'UNKNOWN', { updatedAt: '2024-06-09T10:00:00Z' }),
  cluster('web-prod', 'UNHEALTHY', { accountId: '444455556666', updatedAt: '2024-06-10T09:00:00Z' }),
];
const label = (clusters: readonly { clusterName: string; accountId: string }[]) => clusters.map((c) => `${c.clusterName}@${c.accountId.slice(0, 4)}`);

describe('coverage view: percentage, filters and sorts', () => {
  it('computes coverage as healthy over all clusters × 100', () => {
    assert.equal(coveragePercentage({ HEALTHY: 3, UNHEALTHY: 1 }), 75);
    assert.equal(coveragePercentage({ HEALTHY: 0, UNHEALTHY: 2 }), 0);
    assert.equal(coveragePercentage({ HEALTHY: 0, UNHEALTHY: 0 }), undefined);
    assert.equal(coveragePercentage(null), undefined);
  });

  it('never rounds an unhealthy region up to 100%', () => {
    assert.equal(formatPercentage(coveragePercentage({ HEALTHY: 999, UNHEALTHY: 1 })), '99%');
    assert.equal(formatPercentage(coveragePercentage({ HEALTHY: 2, UNHEALTHY: 0 })), '100%');
    assert.equal(formatPercentage(undefined), '–');
  });

  it('filters unhealthy clusters, a name part (any case) and an account', () => {
    assert.deepEqual(label(filterClusters(CLUSTERS, { unhealthyOnly: true })), ['Web-Staging@4444', 'batch@1111', 'web-prod@4444']);
    assert.deepEqual(label(filterClusters(CLUSTERS, { clusterNameContains: ' WEB ' })), ['web-prod@1111', 'Web-Staging@4444', 'web-prod@4444']);
    assert.deepEqual(label(filterClusters(CLUSTERS, { accountId: '444455556666', clusterNameContains: 'prod' })), ['web-prod@4444']);
    assert.equal(filterClusters(CLUSTERS).length, CLUSTERS.length);
  });

  it('sorts by status (unhealthy first), by name, or by update time (newest first, unknown last)', () => {
    assert.deepEqual(label(sortClusters(CLUSTERS, 'status')), ['batch@1111', 'web-prod@4444', 'Web-Staging@4444', 'api@1111', 'web-prod@1111']);
    assert.deepEqual(label(sortClusters(CLUSTERS, 'name')), ['api@1111', 'batch@1111', 'web-prod@1111', 'web-prod@4444', 'Web-Staging@4444']);
    assert.deepEqual(label(sortClusters(CLUSTERS, 'updated')), ['Web-Staging@4444', 'web-prod@1111', 'web-prod@4444', 'api@1111', 'batch@1111']);
  });

  it('filters then sorts without changing the input', () => {
    const before = label(CLUSTERS);
    assert.deepEqual(label(viewClusters(CLUSTERS, { unhealthyOnly: true }, 'name')), ['batch@1111', 'web-prod@4444', 'Web-Staging@4444']);
    assert.deepEqual(label(CLUSTERS), before);
  });
});

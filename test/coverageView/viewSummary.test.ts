import * as assert from 'node:assert/strict';
import { newlyUnhealthy } from '../../client/src/coverage/model/transitions';
import { accountsIn } from '../../client/src/coverageView/model/accounts';
import { transitionNotice } from '../../client/src/coverageView/model/transitionNotice';
import { restoreFilter, restoreSort, withFilter } from '../../client/src/coverageView/model/viewOptions';
import { isFiltered, overallStatistics, statusBarSummary, unhealthyCount, viewDescription, viewMessage } from '../../client/src/coverageView/model/viewSummary';
import { cluster, region } from '../coverage/support/clusters';

const MEMBER = '444455556666';
const hhmm = (date: Date) => date.toISOString().slice(11, 16);

describe('coverage view summaries', () => {
  describe('view description and message', () => {
    it('shows the time of the last successful refresh, or that the first one is loading', () => {
      assert.equal(viewDescription({ refreshing: false, lastRefreshedAt: new Date('2024-06-10T14:32:00Z') }, hhmm), 'refreshed 14:32');
      assert.equal(viewDescription({ refreshing: true, lastRefreshedAt: new Date('2024-06-10T14:32:00Z') }, hhmm), 'refreshed 14:32');
      assert.equal(viewDescription({ refreshing: true, lastRefreshedAt: undefined }, hhmm), 'loading…');
      assert.equal(viewDescription({ refreshing: false, lastRefreshedAt: undefined }, hhmm), undefined);
    });

    it('states the filters and a sort other than the default', () => {
      assert.equal(viewMessage({}, 'status'), undefined);
      assert.equal(viewMessage({ unhealthyOnly: true, clusterNameContains: ' web ', accountId: MEMBER }, 'status'), `Filtered: unhealthy only · name contains "web" · account ${MEMBER}.`);
      assert.equal(viewMessage({}, 'updated'), 'Sorted by update time.');
      assert.equal(viewMessage({ unhealthyOnly: true }, 'name'), 'Filtered: unhealthy only. Sorted by name.');
    });

    it('names settings that were ignored', () => {
      assert.equal(viewMessage({}, 'status', ['"mars-1" is not a region name like us-east-1']), 'Settings ignored: "mars-1" is not a region name like us-east-1.');
    });

    it('knows when a filter is on', () => {
      assert.equal(isFiltered({}), false);
      assert.equal(isFiltered({ clusterNameContains: '  ' }), false);
      assert.equal(isFiltered({ accountId: MEMBER }), true);
    });
  });

  describe('status bar and badge', () => {
    const snapshot = [
      region('us-east-1', [cluster('a', 'HEALTHY'), cluster('b', 'HEALTHY'), cluster('c', 'UNHEALTHY')]),
      region('eu-west-1', [cluster('d', 'HEALTHY')]),
      region('sa-east-1', [], { kind: 'no-detector', message: 'off', nextStep: 'enable' }),
    ];

    it('sums the statistics of the regions that loaded', () => {
      assert.deepEqual(overallStatistics(snapshot), { HEALTHY: 3, UNHEALTHY: 1 });
      assert.equal(overallStatistics([snapshot[2]]), null);
      assert.equal(overallStatistics(undefined), null);
    });

    it('shows the overall percentage, with a warning when a cluster is unhealthy or a region failed', () => {
      const summary = statusBarSummary(snapshot, false);
      assert.equal(summary.text, '$(shield) $(warning) 75%');
      assert.match(summary.tooltip, /3 of 4 clusters healthy in 2 regions\./);
      assert.match(summary.tooltip, /1 region could not be loaded\./);
      assert.equal(statusBarSummary([snapshot[1]], false).text, '$(shield) 100%');
    });

    it('spins before the first load completes', () => {
      assert.equal(statusBarSummary(undefined, true).text, '$(sync~spin) GuardDuty');
      assert.equal(statusBarSummary(undefined, false).text, '$(shield) GuardDuty');
      assert.equal(statusBarSummary([snapshot[2]], false).text, '$(shield) $(warning) –');
    });

    it('counts unhealthy clusters for the badge', () => {
      assert.equal(unhealthyCount(snapshot), 1);
      assert.equal(unhealthyCount(undefined), 0);
    });

    it('lists the accounts seen, most clusters first, for the account filter', () => {
      const accounts = accountsIn([region('us-east-1', [cluster('a', 'HEALTHY'), cluster('b', 'HEALTHY', { accountId: MEMBER }), cluster('c', 'HEALTHY', { accountId: MEMBER })])]);
      assert.deepEqual(accounts, [
        { accountId: MEMBER, clusters: 2 },
        { accountId: '111122223333', clusters: 1 },
      ]);
    });
  });

  describe('transition notifications', () => {
    const before = [region('us-east-1', [cluster('web', 'HEALTHY'), cluster('api', 'HEALTHY'), cluster('jobs', 'HEALTHY'), cluster('etl', 'HEALTHY'), cluster('old', 'UNHEALTHY')])];

    it('names the one cluster that became unhealthy, its region, account and first issue', () => {
      const after = [
        region('us-east-1', [
          cluster('web', 'UNHEALTHY', { accountId: '111122223333', issues: ["TaskExecutionRole missing in TaskDefinition - 'web:3'"] }),
          cluster('api', 'HEALTHY'),
          cluster('jobs', 'HEALTHY'),
          cluster('etl', 'HEALTHY'),
          cluster('old', 'HEALTHY'),
        ]),
      ];
      assert.equal(
        transitionNotice(newlyUnhealthy(before, after)),
        'GuardDuty coverage: ECS cluster web (us-east-1, account 111122223333) became UNHEALTHY: Agent not provisioned: task execution role missing.',
      );
    });

    it('counts several, naming the first three', () => {
      const after = [
        region(
          'us-east-1',
          ['web', 'api', 'jobs', 'etl'].map((name) => cluster(name, 'UNHEALTHY')),
        ),
      ];
      assert.equal(transitionNotice(newlyUnhealthy(before, after)), 'GuardDuty coverage: 4 ECS clusters became UNHEALTHY: web (us-east-1), api (us-east-1), jobs (us-east-1) and 1 more.');
    });

    it('says nothing when no cluster became unhealthy (recovery is not news)', () => {
      const after = [region('us-east-1', [cluster('old', 'HEALTHY')])];
      assert.equal(transitionNotice(newlyUnhealthy(before, after)), undefined);
    });
  });

  describe('stored filter and sort', () => {
    it('restores what was stored and drops what does not fit', () => {
      assert.deepEqual(restoreFilter({ unhealthyOnly: true, clusterNameContains: ' web ', accountId: 42 }), { unhealthyOnly: true, clusterNameContains: 'web' });
      assert.deepEqual(restoreFilter('nonsense'), {});
      assert.deepEqual(restoreFilter(undefined), {});
      assert.equal(restoreSort('updated'), 'updated');
      assert.equal(restoreSort('size'), 'status');
    });

    it('changes one part of a filter; empty text or false removes it', () => {
      const filter = withFilter({ unhealthyOnly: true, clusterNameContains: 'web' }, { accountId: MEMBER });
      assert.deepEqual(filter, { unhealthyOnly: true, clusterNameContains: 'web', accountId: MEMBER });
      assert.deepEqual(withFilter(filter, { clusterNameContains: '', unhealthyOnly: false }), { accountId: MEMBER });
    });
  });
});

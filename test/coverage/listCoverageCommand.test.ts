import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { listCoverageCommand, listCoverageCommandForNode } from '../../client/src/coverage/awsCli/listCoverageCommand';
import { shellQuote } from '../../client/src/coverage/awsCli/shellQuote';

/** The arguments a POSIX shell makes of a command line (with `aws` swapped for printf). */
function shellWords(command: string): string[] {
  const output = execFileSync('/bin/sh', ['-c', command.replace(/^aws /, `printf '%s\\0' aws `)], { encoding: 'utf8' });
  return output.split('\0').slice(0, -1);
}

// The commands are for POSIX shells; checking them needs one.
const itWithShell = process.platform === 'win32' ? it.skip : it;

describe('copy as AWS CLI command', () => {
  it('asks for a region node: the region, its detector and ECS clusters', () => {
    assert.equal(
      listCoverageCommand({ region: 'us-east-1', detectorId: '12abc34d567e8fa901bc2d34e56789f0' }),
      `aws guardduty list-coverage --region us-east-1 --detector-id 12abc34d567e8fa901bc2d34e56789f0 --filter-criteria '{"FilterCriterion":[{"CriterionKey":"RESOURCE_TYPE","FilterCondition":{"Equals":["ECS"]}}]}'`,
    );
  });

  itWithShell('asks for a cluster node in its account, with profile and endpoint, quoted for the shell', () => {
    const command = listCoverageCommand({ region: 'eu-west-1', detectorId: 'd1', clusterName: "bob's cluster", accountId: '444455556666', profile: 'dev ops', endpoint: 'http://127.0.0.1:4566' });
    const words = shellWords(command);
    assert.deepEqual(words.slice(0, 7), ['aws', 'guardduty', 'list-coverage', '--region', 'eu-west-1', '--detector-id', 'd1']);
    assert.equal(words[7], '--filter-criteria');
    assert.deepEqual(JSON.parse(words[8]), {
      FilterCriterion: [
        { CriterionKey: 'RESOURCE_TYPE', FilterCondition: { Equals: ['ECS'] } },
        { CriterionKey: 'ECS_CLUSTER_NAME', FilterCondition: { Equals: ["bob's cluster"] } },
        { CriterionKey: 'ACCOUNT_ID', FilterCondition: { Equals: ['444455556666'] } },
      ],
    });
    assert.deepEqual(words.slice(9), ['--profile', 'dev ops', '--endpoint-url', 'http://127.0.0.1:4566']);
  });

  it('adds the COVERAGE_STATUS filter for an unhealthy-only view', () => {
    assert.match(listCoverageCommand({ region: 'us-east-1', detectorId: 'd1', unhealthyOnly: true }), /"CriterionKey":"COVERAGE_STATUS","FilterCondition":\{"Equals":\["UNHEALTHY"\]\}/);
  });

  it('builds the command from tree nodes, and none for a region without detector', () => {
    const region = { region: 'us-east-1', detectorId: 'd1' };
    assert.match(listCoverageCommandForNode(region, { clusterName: 'web', accountId: '111122223333' }, { profile: 'prod' }) ?? '', /ECS_CLUSTER_NAME.*--profile prod$/);
    assert.equal(listCoverageCommandForNode({ region: 'sa-east-1', detectorId: null }), undefined);
  });

  itWithShell('quotes only what needs quoting, and survives every special character', () => {
    assert.equal(shellQuote('us-east-1'), 'us-east-1');
    assert.equal(shellQuote(''), "''");
    const nasty = `a b'c"d$e\`f\\g!h*i;j|k&l(m)n<o>p\nq`;
    assert.deepEqual(shellWords(`aws ${shellQuote(nasty)}`), ['aws', nasty]);
  });
});

import { expectFindings, expectNoFindings } from '../support/lint';

const RULE = 'cluster-tags';
const REQUIRED = { requiredTagKeys: ['team'] };

describe(RULE, () => {
  it('flags a cluster without the required tag key (Security Hub ECS.14)', () => {
    expectFindings(
      RULE,
      `{ «"clusterName"»: "web" }`,
      ['Cluster "web" lacks the required tag key "team" (Security Hub ECS.14, with the requiredTagKeys of .ecs-guard.json). Add it to "tags".'],
      REQUIRED,
    );
    expectFindings(RULE, `Resources:\n  «Cluster»:\n    Type: AWS::ECS::Cluster\n`, [/^Cluster: The cluster lacks the required tag key "team" .* Add it to "Tags"\.$/], {
      ...REQUIRED,
      uri: 'file:///stack/cluster.yaml',
    });
  });

  it('accepts the key, and is silent without requiredTagKeys', () => {
    expectNoFindings(RULE, `{ "clusterName": "web", "tags": [ { "key": "team", "value": "payments" } ] }`, REQUIRED);
    expectNoFindings(RULE, `{ "clusterName": "web" }`);
  });
});

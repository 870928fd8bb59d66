import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';

const RULE = 'cluster-container-insights';

describe(RULE, () => {
  it('flags a create-cluster input without the containerInsights setting, on the input', () => {
    const [finding] = expectFindings(RULE, `{ «"clusterName"»: "web" }`, [
      'Cluster "web" does not turn on Container Insights (Security Hub ECS.12), so ECS gives no per-task CPU, memory and network metrics for it, unless the account\'s containerInsights default does. Add {"name": "containerInsights", "value": "enabled"} to "settings".',
    ]);
    assert.deepEqual(finding.fix, { containerInsights: 'add' });
  });

  it('flags "disabled" on the value, and a template cluster in its own spelling', () => {
    expectFindings(RULE, `{ "clusterName": "web", "settings": [ { "name": "containerInsights", "value": «"disabled"» } ] }`, [
      'Cluster "web" has Container Insights "disabled" (Security Hub ECS.12 wants "enabled" or "enhanced"), so ECS gives no per-task CPU, memory and network metrics for it. Set "value" to "enabled".',
    ]);
    expectFindings(
      RULE,
      `Resources:\n  «Cluster»:\n    Type: AWS::ECS::Cluster\n`,
      [/^Cluster: The cluster does not turn on Container Insights .* Add \{"Name": "containerInsights", "Value": "enabled"\} to "ClusterSettings"\.$/],
      { uri: 'file:///stack/cluster.yaml' },
    );
  });

  it('accepts enabled and enhanced, and a settings list the template computes', () => {
    for (const value of ['enabled', 'enhanced']) expectNoFindings(RULE, `{ "clusterName": "web", "settings": [ { "name": "containerInsights", "value": "${value}" } ] }`);
    expectFindings(
      RULE,
      `Resources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterSettings: !If [Prod, [{ Name: containerInsights, Value: enabled }], !Ref AWS::NoValue]\n`,
      [],
      { uri: 'file:///stack/cluster.yaml' },
    );
  });
});

describe(`${RULE} fixes`, () => {
  it('adds the setting (a cost decision, so never unattended)', () => {
    expectFix(
      RULE,
      '{\n  "cluster|Name": "web"\n}',
      'Turn on Container Insights ("enabled"; billed as CloudWatch metrics)',
      '{\n  "clusterName": "web",\n  "settings": [\n    {\n      "name": "containerInsights",\n      "value": "enabled"\n    }\n  ]\n}',
    );
    assert.equal(unattendedFixCount(RULE, '{ "clusterName": "web" }'), 0);
  });

  it('sets "disabled" to "enabled", and appends to ClusterSettings in a JSON template', () => {
    expectFix(
      RULE,
      '{ "clusterName": "web", "settings": [ { "name": "containerInsights", "value": "dis|abled" } ] }',
      'Set Container Insights to "enabled" (billed as CloudWatch metrics)',
      '{ "clusterName": "web", "settings": [ { "name": "containerInsights", "value": "enabled" } ] }',
    );
    expectFix(
      RULE,
      '{ "Resources": { "Cluster": { "Type": "AWS::ECS::Cluster", "Proper|ties": { "ClusterSettings": [ { "Name": "other", "Value": "x" } ] } } } }',
      'Turn on Container Insights ("enabled"; billed as CloudWatch metrics)',
      '{ "Resources": { "Cluster": { "Type": "AWS::ECS::Cluster", "Properties": { "ClusterSettings": [ { "Name": "other", "Value": "x" }, { "Name": "containerInsights", "Value": "enabled" } ] } } } }',
    );
  });
});

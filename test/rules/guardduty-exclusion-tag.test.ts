import { expectFindings, expectNoFindings } from '../support/lint';

const RULE = 'guardduty-exclusion-tag';
const YAML = { uri: 'file:///stack/cluster.yaml' };

describe(RULE, () => {
  it('shows a cluster tagged GuardDutyManaged=false in create-cluster input, as info', () => {
    const [finding] = expectFindings(RULE, `{ "clusterName": "batch", "tags": [ { "key": "team", "value": "data" }, { "key": "GuardDutyManaged", "value": «"false"» } ] }`, [
      'Cluster "batch" is tagged GuardDutyManaged=false, so GuardDuty Runtime Monitoring leaves it out: its tasks get no GuardDuty agent and raise no runtime findings. If that is deliberate, keep it; otherwise set the tag to "true" (or remove it) and redeploy.',
    ]);
    if (finding.severity !== 'info') throw new Error(`severity ${finding.severity}`);
  });

  it('shows a service tagged so in a template, quoted or as a YAML boolean (CloudFormation sends "false")', () => {
    expectFindings(
      RULE,
      `Resources:
  Batch:
    Type: AWS::ECS::Service
    Properties:
      Tags:
        - Key: GuardDutyManaged
          Value: «false»
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings: [{ Name: containerInsights, Value: enabled }]
      Tags: [{ Key: GuardDutyManaged, Value: «"false"» }]
`,
      [/^Batch: The service is tagged GuardDutyManaged=false, .*: tasks it deploys get no GuardDuty agent/, /^Cluster: The cluster is tagged GuardDutyManaged=false/],
      YAML,
    );
  });

  it('is silent for GuardDutyManaged=true, other tags and other resources', () => {
    expectNoFindings(RULE, `{ "clusterName": "web", "tags": [ { "key": "GuardDutyManaged", "value": "true" } ] }`);
    expectNoFindings(RULE, `{ "clusterName": "web", "tags": [ { "key": "Managed", "value": "false" } ] }`);
    expectNoFindings(RULE, `{ "name": "cp", "autoScalingGroupProvider": { "autoScalingGroupArn": "arn" }, "tags": [ { "key": "GuardDutyManaged", "value": "false" } ] }`);
  });
});

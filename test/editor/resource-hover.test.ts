import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sectionOf } from '../../server/src/editor/ruleDocs';
import { hoverAt, hoverLinesAt } from '../support/editor';
import { JSON_URI, YAML_URI } from '../support/templates';

const RULE_DOCS = 'https://github.com/ecs-guard/ecs-guard/blob/main/docs/rules';

function assertLines(lines: string[], expected: string[]): void {
  for (const line of expected) assert.ok(lines.includes(line), `missing line ${JSON.stringify(line)} in:\n${lines.join('\n')}`);
}

const SERVICE_YAML = (properties: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Api:
    Type: AWS::ECS::Service
    Properties:
${properties}
`;

describe('hover on services, clusters, task sets and capacity providers', () => {
  describe('in CloudFormation templates', () => {
    it('explains a service property by its template name, links the rule that checks it and the resource reference', () => {
      const lines = hoverLinesAt(
        SERVICE_YAML(`      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-1]
          Assign|PublicIp: DISABLED`),
        { uri: YAML_URI },
      );
      assert.deepEqual(lines, [
        '**AssignPublicIp** · string',
        '',
        "Whether each task's elastic network interface gets a public IP address. Absent means `DISABLED`.",
        '',
        'Allowed values: `DISABLED`, `ENABLED`',
        '',
        `**Security Hub ECS.2**: Services should not give their tasks public IP addresses ([service-public-ip](${RULE_DOCS}/service-public-ip.md)).`,
        '',
        '[AWS::ECS::Service](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html)',
      ]);
    });

    it('on a task set, links the task set rule, and reads its AwsVpcConfiguration spelling', () => {
      const lines = hoverLinesAt(
        `{ "Resources": { "Blue": { "Type": "AWS::ECS::TaskSet", "Properties": {
  "NetworkConfiguration": { "AwsVpcConfiguration": { "AssignPublicIp": "DIS|ABLED" } } } } } }`,
        { uri: JSON_URI },
      );
      assertLines(lines, [
        '**AssignPublicIp** · string',
        `**Security Hub ECS.16**: Task sets should not give their tasks public IP addresses ([task-set-public-ip](${RULE_DOCS}/task-set-public-ip.md)).`,
        '[AWS::ECS::TaskSet](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-taskset.html)',
      ]);
      assert.ok(!lines.some((line) => line.includes('service-public-ip')), lines.join('\n'));
    });

    it('shows the finding under the cursor, with its "How to fix", above the property', () => {
      const fix = sectionOf(fs.readFileSync(path.join(__dirname, '../../docs/rules/fargate-platform-version.md'), 'utf8'), 'Fix');
      const text = hoverAt(SERVICE_YAML(`      LaunchType: FARGATE\n      PlatformVersion: "1.3|.0"\n      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [subnet-1] } }`), {
        uri: YAML_URI,
      });
      const [finding, property] = text?.split('\n\n---\n\n') ?? [];
      assert.ok(finding.startsWith('**fargate-platform-version** (warning): Fargate services should run on the latest platform version'), finding);
      assert.ok(finding.includes(`**How to fix**\n\n${fix}`), finding);
      assert.deepEqual(property.split('\n').slice(0, 5), [
        '**PlatformVersion** · string',
        '',
        'Fargate platform version of the tasks, for tasks on Fargate only; `LATEST` when absent (1.4.0 on Linux, 1.0.0 on Windows).',
        '',
        'Allowed values: `LATEST`, `1.4.0`, `1.3.0`, `1.0.0`',
      ]);
    });

    it('explains the cluster settings by the template name ClusterSettings, and the Container Insights values', () => {
      const lines = hoverLinesAt(
        `Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings:
        - Name: containerInsights
          Value: enh|anced`,
        { uri: YAML_URI },
      );
      assertLines(lines, [
        '**Value** · string',
        'Allowed values: `enhanced`, `enabled`, `disabled`',
        `**Security Hub ECS.12**: Clusters should use Container Insights ([cluster-container-insights](${RULE_DOCS}/cluster-container-insights.md)).`,
      ]);
      assert.equal(hoverLinesAt(`Resources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n    Properties:\n      Cluster|Settings: []`, { uri: YAML_URI })[0], '**ClusterSettings** · array of objects');
    });

    it('links every rule that reads a property on that kind of resource: tags of a service', () => {
      const lines = hoverLinesAt(SERVICE_YAML(`      Ta|gs:\n        - Key: team\n          Value: web`), { uri: YAML_URI });
      assertLines(lines, [
        '**Tags** · array of objects',
        `**Security Hub ECS.13**: Services should carry the tag keys that .ecs-guard.json requires ([service-tags](${RULE_DOCS}/service-tags.md)).`,
        `**GuardDuty Runtime Monitoring**: Clusters and services tagged GuardDutyManaged=false are left out of GuardDuty Runtime Monitoring ([guardduty-exclusion-tag](${RULE_DOCS}/guardduty-exclusion-tag.md)).`,
      ]);
      assert.ok(!lines.some((line) => line.includes('cluster-tags')), lines.join('\n'));
    });

    it('names the GuardDuty fact of ForceNewDeployment, the template object', () => {
      const lines = hoverLinesAt(SERVICE_YAML(`      ForceNew|Deployment:\n        EnableForceNewDeployment: true`), { uri: YAML_URI });
      assert.equal(lines[0], '**ForceNewDeployment** · object');
      assert.match(lines.join('\n'), /^\*\*GuardDuty Runtime Monitoring\*\*: tasks started before Runtime Monitoring/m);
    });

    it('explains the property an intrinsic function computes, under the finding on it', () => {
      const text = hoverAt(
        `Parameters:
  PublicIp:
    Type: String
    Default: ENABLED
Resources:
  Api:
    Type: AWS::ECS::Service
    Properties:
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: !Ref Public|Ip`,
        { uri: YAML_URI },
      );
      const [finding, property] = text?.split('\n\n---\n\n') ?? [];
      assert.ok(finding.startsWith('**service-public-ip** (warning)'), finding);
      assert.ok(property.startsWith('**AssignPublicIp** · string'), property);
      const branch = hoverLinesAt(SERVICE_YAML(`      PlatformVersion: !If [IsLegacy, "1.3.0", LA|TEST]`), { uri: YAML_URI });
      assert.equal(branch[0], '**PlatformVersion** · string');
    });

    it('explains the keys and values inside a branch of an !If as those of the property the !If computes', () => {
      const branch = (line: string) =>
        SERVICE_YAML(`      NetworkConfiguration: !If
        - IsPublic
        - AwsvpcConfiguration:
            Subnets: [subnet-1]
${line}
        - !Ref AWS::NoValue`);
      assert.equal(hoverLinesAt(branch('            Assign|PublicIp: ENABLED'), { uri: YAML_URI })[0], '**AssignPublicIp** · string');
      assert.equal(hoverLinesAt(branch('            AssignPublicIp: !Ref Publ|icIp'), { uri: YAML_URI })[0], '**AssignPublicIp** · string');
      assert.equal(hoverLinesAt(branch('            AssignPublicIp: ENABLED').replace('IsPublic', 'IsPub|lic'), { uri: YAML_URI })[0], '**NetworkConfiguration** · object');
    });

    it('explains a list item by its list, and nothing on unknown keys or on the resource around the properties', () => {
      assert.equal(hoverLinesAt(SERVICE_YAML(`      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [sub|net-1]`), { uri: YAML_URI })[0], '**Subnets** · array of strings');
      assert.equal(hoverAt(SERVICE_YAML(`      Some|thingElse: 1`), { uri: YAML_URI }), undefined);
      assert.equal(hoverAt(SERVICE_YAML(`      DesiredCount: 1`).replace('Type: AWS::ECS::Service', 'Ty|pe: AWS::ECS::Service'), { uri: YAML_URI }), undefined);
    });
  });

  describe('in AWS CLI input', () => {
    it('explains create-service input by the API names and links the CreateService reference', () => {
      const lines = hoverLinesAt(`{ "serviceName": "api", "launchType": "FARGATE", "platform|Version": "LATEST" }`);
      assertLines(lines, [
        '**platformVersion** · string',
        `**Security Hub ECS.10**: Fargate services should run on the latest platform version, which GuardDuty Runtime Monitoring needs ([fargate-platform-version](${RULE_DOCS}/fargate-platform-version.md)).`,
        '[CreateService](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)',
      ]);
    });

    it('explains update-service input against UpdateService, where forceNewDeployment is a boolean', () => {
      const lines = hoverLinesAt(`{ "service": "api", "taskDefinition": "api:13", "forceNew|Deployment": true }`);
      assertLines(lines, ['**forceNewDeployment** · boolean', '[UpdateService](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)']);
    });

    it('explains create-capacity-provider input with the ECS.19 rule', () => {
      const lines = hoverLinesAt(`{ "name": "cp", "autoScalingGroupProvider": { "autoScalingGroupArn": "arn", "managedTermination|Protection": "ENABLED" } }`);
      assertLines(lines, [
        '**managedTerminationProtection** · string',
        'Allowed values: `ENABLED`, `DISABLED`',
        `**Security Hub ECS.19**: Capacity providers should have managed termination protection enabled ([capacity-provider-termination-protection](${RULE_DOCS}/capacity-provider-termination-protection.md)).`,
        '[CreateCapacityProvider](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html)',
      ]);
    });

    it('leaves task definitions to the task definition fields: tags there are the task definition tags', () => {
      assert.equal(
        hoverLinesAt(`{ "family": "web", "containerDefinitions": [], "ta|gs": [] }`).at(-1),
        '[Task definition parameters](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)',
      );
    });
  });
});

import * as assert from 'node:assert/strict';
import { acceptCompletion, assertExcludes, assertIncludes, completionLabelsAt, completionNamed } from '../support/editor';
import { JSON_URI, YAML_URI } from '../support/templates';

const yamlResource = (type: string, properties: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  It:
    Type: ${type}
    Properties:
${properties}
`;
const jsonResource = (type: string, properties: string) => `{
  "Resources": {
    "It": {
      "Type": "${type}",
      "Properties": { ${properties} }
    }
  }
}`;

describe('completion in services, clusters, task sets and capacity providers', () => {
  describe('YAML templates', () => {
    it('offers the service properties in the template spelling, without those present, indented for YAML', () => {
      const marked = yamlResource('AWS::ECS::Service', `      LaunchType: FARGATE\n      Net|`);
      const labels = completionLabelsAt(marked, { uri: YAML_URI });
      assertIncludes(labels, ['NetworkConfiguration', 'PlatformVersion', 'PropagateTags', 'EnableExecuteCommand', 'DeploymentConfiguration', 'PlacementStrategies', 'Tags', 'ForceNewDeployment']);
      assertExcludes(labels, ['LaunchType', 'networkConfiguration', 'ServiceArn', 'ContainerDefinitions', 'ClientToken']);
      assert.equal(acceptCompletion(marked, 'NetworkConfiguration', { uri: YAML_URI }), yamlResource('AWS::ECS::Service', `      LaunchType: FARGATE\n      NetworkConfiguration:\n        `));
      assert.equal(acceptCompletion(marked, 'PlatformVersion', { uri: YAML_URI }), yamlResource('AWS::ECS::Service', `      LaunchType: FARGATE\n      PlatformVersion: LATEST`));
    });

    it('offers the keys of each level: AwsvpcConfiguration on a service, AwsVpcConfiguration on a task set', () => {
      const network = (type: string, inner: string) => yamlResource(type, `      NetworkConfiguration:\n        ${inner}`);
      assert.deepEqual(completionLabelsAt(network('AWS::ECS::Service', '|'), { uri: YAML_URI }), ['AwsvpcConfiguration']);
      assert.deepEqual(completionLabelsAt(network('AWS::ECS::TaskSet', '|'), { uri: YAML_URI }), ['AwsVpcConfiguration']);
      assert.deepEqual(completionLabelsAt(network('AWS::ECS::Service', 'AwsvpcConfiguration:\n          Subnets: [subnet-1]\n          |'), { uri: YAML_URI }), ['SecurityGroups', 'AssignPublicIp']);
      assert.deepEqual(completionLabelsAt(yamlResource('AWS::ECS::Service', `      Tags:\n        - |`), { uri: YAML_URI }), ['Key', 'Value']);
      assert.deepEqual(completionLabelsAt(yamlResource('AWS::ECS::CapacityProvider', `      AutoScalingGroupProvider:\n        AutoScalingGroupArn: my-asg\n        |`), { uri: YAML_URI }), [
        'ManagedScaling',
        'ManagedTerminationProtection',
        'ManagedDraining',
      ]);
    });

    it('offers the enumerated values, the recommended one first', () => {
      const values = (type: string, properties: string) => completionLabelsAt(yamlResource(type, properties), { uri: YAML_URI });
      assert.deepEqual(values('AWS::ECS::Service', '      LaunchType: |'), ['EC2', 'FARGATE', 'EXTERNAL']);
      assert.deepEqual(values('AWS::ECS::Service', '      PlatformVersion: |'), ['LATEST', '1.4.0', '1.3.0', '1.0.0']);
      assert.deepEqual(values('AWS::ECS::Service', '      PropagateTags: |'), ['SERVICE', 'TASK_DEFINITION']);
      assert.deepEqual(values('AWS::ECS::Service', '      NetworkConfiguration:\n        AwsvpcConfiguration:\n          AssignPublicIp: |'), ['DISABLED', 'ENABLED']);
      assert.deepEqual(values('AWS::ECS::Service', '      EnableExecuteCommand: |'), ['true', 'false']);
      assert.deepEqual(values('AWS::ECS::Cluster', '      ClusterSettings:\n        - Name: containerInsights\n          Value: |'), ['enhanced', 'enabled', 'disabled']);
      assert.deepEqual(values('AWS::ECS::CapacityProvider', '      AutoScalingGroupProvider:\n        ManagedTerminationProtection: |'), ['ENABLED', 'DISABLED']);
    });

    it('leaves out what the API rejects beside a property already there: a launch type beside a capacity provider strategy', () => {
      const withStrategy = completionLabelsAt(yamlResource('AWS::ECS::Service', `      CapacityProviderStrategy:\n        - CapacityProvider: FARGATE_SPOT\n      |`), { uri: YAML_URI });
      assertExcludes(withStrategy, ['LaunchType', 'CapacityProviderStrategy']);
      assertIncludes(withStrategy, ['PlatformVersion']);
      const withLaunchType = completionLabelsAt(yamlResource('AWS::ECS::TaskSet', `      LaunchType: FARGATE\n      |`), { uri: YAML_URI });
      assertExcludes(withLaunchType, ['LaunchType', 'CapacityProviderStrategy']);
      assert.deepEqual(completionLabelsAt(yamlResource('AWS::ECS::Service', `      LoadBalancers:\n        - TargetGroupArn: arn\n          |`), { uri: YAML_URI }), [
        'ContainerName',
        'ContainerPort',
      ]);
    });

    it('offers the cluster properties, with ClusterSettings for the API settings', () => {
      const labels = completionLabelsAt(yamlResource('AWS::ECS::Cluster', '      ClusterName: web\n      |'), { uri: YAML_URI });
      assert.deepEqual(labels, ['ClusterSettings', 'Configuration', 'CapacityProviders', 'DefaultCapacityProviderStrategy', 'ServiceConnectDefaults', 'Tags']);
    });
  });

  describe('JSON templates', () => {
    it('offers the properties in the template spelling with a value snippet, and the values of enumerations', () => {
      const marked = jsonResource('AWS::ECS::Service', '"LaunchType": "FARGATE", |');
      const labels = completionLabelsAt(marked, { uri: JSON_URI });
      assertIncludes(labels, ['NetworkConfiguration', 'AvailabilityZoneRebalancing', 'EnableECSManagedTags']);
      assertExcludes(labels, ['LaunchType', 'launchType']);
      assert.equal(acceptCompletion(marked, 'AvailabilityZoneRebalancing', { uri: JSON_URI }), jsonResource('AWS::ECS::Service', '"LaunchType": "FARGATE", "AvailabilityZoneRebalancing": "ENABLED"'));
      assert.deepEqual(completionLabelsAt(jsonResource('AWS::ECS::Service', '"SchedulingStrategy": |'), { uri: JSON_URI }), ['"REPLICA"', '"DAEMON"']);
    });

    it('documents each item with the property and the rules that check it', () => {
      const item = completionNamed(jsonResource('AWS::ECS::Service', '"NetworkConfiguration": { "AwsvpcConfiguration": { | } }'), 'AssignPublicIp', { uri: JSON_URI });
      const documentation = typeof item.documentation === 'object' ? item.documentation.value : '';
      assert.ok(documentation.startsWith('**AssignPublicIp** · string'), documentation);
      assert.match(documentation, /\*\*Security Hub ECS\.2\*\*: .*\[service-public-ip\]/);
    });

    it('offers the keys of a property inside a branch of its Fn::If', () => {
      const labels = completionLabelsAt(jsonResource('AWS::ECS::Service', `"NetworkConfiguration": { "Fn::If": ["IsPublic", { "AwsvpcConfiguration": { | } }, { "Ref": "AWS::NoValue" }] }`), {
        uri: JSON_URI,
      });
      assert.deepEqual(labels, ['Subnets', 'SecurityGroups', 'AssignPublicIp']);
    });

    it('offers the values of a property in a branch of its Fn::If, in JSON and in a YAML !If', () => {
      assert.deepEqual(completionLabelsAt(jsonResource('AWS::ECS::Service', '"LaunchType": { "Fn::If": ["OnFargate", |, "EC2"] }'), { uri: JSON_URI }), ['"EC2"', '"FARGATE"', '"EXTERNAL"']);
      const yaml = yamlResource('AWS::ECS::Service', '      LaunchType: !If [OnFargate, FAR|, EC2]');
      assert.deepEqual(completionLabelsAt(yaml, { uri: YAML_URI }), ['EC2', 'FARGATE', 'EXTERNAL']);
      assert.equal(acceptCompletion(yaml, 'FARGATE', { uri: YAML_URI }), yamlResource('AWS::ECS::Service', '      LaunchType: !If [OnFargate, FARGATE, EC2]'));
      const ref = completionLabelsAt(yamlResource('AWS::ECS::Service', '      LaunchType: !Ref |'), { uri: YAML_URI });
      assert.ok(ref.includes('AWS::NoValue') && !ref.includes('FARGATE'), ref.join());
    });

    it('offers nothing on the resource around its properties', () => {
      assert.deepEqual(completionLabelsAt(`{ "Resources": { "It": { "Type": "AWS::ECS::Service", | } } }`, { uri: JSON_URI }), []);
    });
  });

  describe('AWS CLI input', () => {
    it('offers create-service keys by the API names, without those present', () => {
      const labels = completionLabelsAt(`{ "serviceName": "api", "launchType": "FARGATE", "| }`);
      assertIncludes(labels, ['cluster', 'taskDefinition', 'networkConfiguration', 'platformVersion', 'tags', 'propagateTags', 'clientToken']);
      assertExcludes(labels, ['serviceName', 'launchType', 'service', 'forceNewDeployment', 'NetworkConfiguration']);
      assert.equal(acceptCompletion(`{ "serviceName": "api", "| }`, 'platformVersion'), `{ "serviceName": "api", "platformVersion": "LATEST" }`);
    });

    it('leaves out capacityProviderStrategy beside launchType, but offers launchType again while its key is retyped', () => {
      assertExcludes(completionLabelsAt(`{ "serviceName": "api", "launchType": "FARGATE", | }`), ['capacityProviderStrategy']);
      assertIncludes(completionLabelsAt(`{ "serviceName": "api", "launch|": "FARGATE" }`), ['launchType', 'capacityProviderStrategy']);
    });

    it('offers update-service keys only: forceNewDeployment, and no launch type, tags or scheduling strategy', () => {
      const labels = completionLabelsAt(`{ "service": "api", "taskDefinition": "api:13", | }`);
      assertIncludes(labels, ['cluster', 'desiredCount', 'forceNewDeployment', 'platformVersion', 'networkConfiguration']);
      assertExcludes(labels, ['serviceName', 'launchType', 'tags', 'schedulingStrategy', 'role', 'deploymentController', 'clientToken']);
      assert.deepEqual(completionLabelsAt(`{ "service": "api", "taskDefinition": "api:13", "forceNewDeployment": | }`), ['true', 'false']);
      assert.deepEqual(completionLabelsAt(`{ "service": "api", "taskDefinition": "api:13", "propagateTags": | }`), ['"TASK_DEFINITION"', '"SERVICE"', '"NONE"']);
    });

    it('offers update-service keys in input that names only its cluster and service so far', () => {
      const labels = completionLabelsAt(`{ "cluster": "prod", "service": "api", "| }`);
      assertIncludes(labels, ['taskDefinition', 'desiredCount', 'forceNewDeployment', 'networkConfiguration']);
      assertExcludes(labels, ['cluster', 'service', 'serviceName', 'launchType']);
      assert.equal(acceptCompletion(`{ "cluster": "prod", "service": "api", "| }`, 'forceNewDeployment'), `{ "cluster": "prod", "service": "api", "forceNewDeployment": true }`);
    });

    it('offers nothing in the other inputs that name a cluster and a service: delete-service, update-task-set', () => {
      assert.deepEqual(completionLabelsAt(`{ "cluster": "prod", "service": "api", "force": true, "| }`), []);
      assert.deepEqual(completionLabelsAt(`{ "cluster": "prod", "service": "api", "taskSet": "ecs-svc/1", "| }`), []);
    });

    it('offers the keys and values of nested levels in create-cluster, create-task-set and create-capacity-provider input', () => {
      assert.deepEqual(completionLabelsAt(`{ "clusterName": "web", "settings": [ { | } ] }`), ['name', 'value']);
      assert.deepEqual(completionLabelsAt(`{ "clusterName": "web", "settings": [ { "name": |, "value": "enabled" } ] }`), ['"containerInsights"']);
      assert.deepEqual(completionLabelsAt(`{ "service": "api", "externalId": "blue", "taskDefinition": "api:13", "scale": { | } }`), ['value', 'unit']);
      assert.deepEqual(completionLabelsAt(`{ "service": "api", "externalId": "blue", "taskDefinition": "api:13", "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "|" } } }`), [
        '"DISABLED"',
        '"ENABLED"',
      ]);
      assert.deepEqual(completionLabelsAt(`{ "name": "cp", "autoScalingGroupProvider": { "managedScaling": { "status": | } } }`), ['"ENABLED"', '"DISABLED"']);
    });

    it('offers no values for free text, such as the names of capacity providers', () => {
      assert.deepEqual(completionLabelsAt(`{ "clusterName": "web", "capacityProviders": [ "|" ] }`), []);
    });
  });
});

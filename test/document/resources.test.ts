import * as assert from 'node:assert/strict';
import { EcsResourceKind, ResourceObject } from '../../server/src/document/resources';
import { RESOURCE_FIELDS, resourceFields, resourceTemplateName } from '../../server/src/document/resourceFields';
import { analyzeText } from '../../server/src/service/analysis';
import { validate } from '../../server/src/service/validate';

const TEMPLATE_TYPES: Readonly<Record<EcsResourceKind, string>> = {
  service: 'AWS::ECS::Service',
  cluster: 'AWS::ECS::Cluster',
  'task-set': 'AWS::ECS::TaskSet',
  'capacity-provider': 'AWS::ECS::CapacityProvider',
};

/** The one resource of a JSON template whose `Properties` are `properties`. */
function templateResource(kind: EcsResourceKind, properties: unknown) {
  const template = { Resources: { It: { Type: TEMPLATE_TYPES[kind], Properties: properties } } };
  const [resource, ...others] = analyzeText(JSON.stringify(template), 'file:///stack.template.json').resources;
  assert.equal(others.length, 0);
  return resource;
}

/** The resources of a `--cli-input-json` file, as kind and form. */
function cliInput(text: string): string[] {
  return analyzeText(text, 'file:///input.json').resources.map((resource) => `${resource.kind} ${resource.form}`);
}

/** The object at an API path (`*` steps into the first item of an array), as the rules walk to it. */
function walk(object: ResourceObject, apiPath: readonly string[]): ResourceObject {
  let at = object;
  for (let i = 0; i < apiPath.length; i++) {
    if (apiPath[i + 1] === '*') at = at.items(apiPath[i++])[0];
    else at = at.object(apiPath[i]);
  }
  return at;
}

/** `value` below an API path, every key spelt as the template's field table names it. */
function nestedInTemplateNames(kind: EcsResourceKind, apiPath: readonly string[], value: unknown): unknown {
  let nested = value;
  for (let end = apiPath.length; end > 0; end--) {
    if (apiPath[end - 1] === '*') {
      nested = [nested];
      continue;
    }
    const entry = resourceFields(kind, 'template').at(apiPath.slice(0, end));
    assert.ok(entry, `${kind}: ${apiPath.slice(0, end).join('.')} is documented`);
    nested = { [resourceTemplateName(entry)]: nested };
  }
  return nested;
}

describe('ECS resources: property names and forms', () => {
  it("reads and spells every property of a template by the field table's CloudFormation name", () => {
    for (const kind of Object.keys(TEMPLATE_TYPES) as EcsResourceKind[]) {
      for (const entry of RESOURCE_FIELDS.filter((each) => each.kinds.includes(kind) && (!each.forms || each.forms.includes('template')))) {
        const parentPath = entry.path.slice(0, -1);
        const key = entry.path[entry.path.length - 1];
        const name = resourceTemplateName(entry);
        const present = walk(templateResource(kind, nestedInTemplateNames(kind, entry.path, 'x')).properties, parentPath);
        assert.equal(present.get(key)?.value, 'x', `${kind}: ${entry.path.join('.')} read as ${name}`);
        assert.equal(present.keyFor(key), name);
        const withoutIt = walk(templateResource(kind, nestedInTemplateNames(kind, parentPath, {})).properties, parentPath);
        assert.ok(withoutIt.node, `${kind}: the object of ${entry.path.join('.')} is there`);
        assert.equal(withoutIt.get(key), undefined);
        assert.equal(withoutIt.keyFor(key), name, `${kind}: a missing ${entry.path.join('.')} is spelt ${name}`);
      }
    }
  });

  it('spells a missing awsvpcConfiguration AwsVpcConfiguration on a task set and AwsvpcConfiguration on a service, as CloudFormation does', () => {
    const taskSet = templateResource('task-set', { NetworkConfiguration: {} });
    assert.equal(taskSet.properties.object('networkConfiguration').keyFor('awsvpcConfiguration'), 'AwsVpcConfiguration');
    const service = templateResource('service', { NetworkConfiguration: {} });
    assert.equal(service.properties.object('networkConfiguration').keyFor('awsvpcConfiguration'), 'AwsvpcConfiguration');
  });

  it("reads a template's key without regard to case, and names it as written", () => {
    const service = templateResource('service', { NetworkConfiguration: { AwsVpcConfiguration: { Subnets: ['subnet-1'] } } });
    const awsvpc = service.properties.object('networkConfiguration').object('awsvpcConfiguration');
    assert.deepEqual(awsvpc.path, ['Resources', 'It', 'Properties', 'NetworkConfiguration', 'AwsVpcConfiguration']);
    assert.equal(awsvpc.keyFor('subnets'), 'Subnets');
    const cluster = templateResource('cluster', { clusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] });
    assert.equal(cluster.properties.items('settings')[0].get('value')?.value, 'enabled');
    assert.equal(cluster.properties.keyFor('settings'), 'clusterSettings');
  });

  it('reads a property the table does not document by its capitalised API name', () => {
    const service = templateResource('service', { VpcLatticeConfigurations: [{ RoleArn: 'arn' }] });
    assert.equal(service.properties.items('vpcLatticeConfigurations')[0].get('roleArn')?.value, 'arn');
    assert.equal(service.properties.keyFor('somethingNew'), 'SomethingNew');
  });

  it('tells the form of each resource: a template resource, create input or update-service input', () => {
    assert.equal(templateResource('service', {}).form, 'template');
    assert.deepEqual(cliInput(`{ "serviceName": "api", "taskDefinition": "api:3" }`), ['service create']);
    assert.deepEqual(cliInput(`{ "service": "api", "taskDefinition": "api:3" }`), ['service update']);
    assert.deepEqual(cliInput(`{ "service": "api", "externalId": "blue", "taskDefinition": "api:3" }`), ['task-set create']);
    assert.deepEqual(cliInput(`{ "clusterName": "web" }`), ['cluster create']);
    assert.deepEqual(cliInput(`{ "name": "cp", "autoScalingGroupProvider": {} }`), ['capacity-provider create']);
  });

  it('recognises update-service input that names only its cluster and service, also while the next key is typed', () => {
    assert.deepEqual(cliInput(`{ "cluster": "prod", "service": "api" }`), ['service update']);
    assert.deepEqual(cliInput(`{ "cluster": "prod", "service": "api", "enableExecuteCommand": false }`), ['service update']);
    assert.deepEqual(cliInput(`{ "cluster": "prod", "service": "api", "des }`), ['service update']);
    assert.deepEqual(cliInput(`{ "cluster": "prod", "service": "api", "desiredCount" }`), ['service update']);
    // It has nothing the rules report on.
    assert.deepEqual(validate(analyzeText(`{ "cluster": "prod", "service": "api" }`, 'file:///input.json')), []);
  });

  it('leaves alone the other inputs that name a cluster and a service, and a service alone', () => {
    assert.deepEqual(cliInput(`{ "cluster": "prod", "service": "api", "force": true }`), [], 'delete-service');
    assert.deepEqual(cliInput(`{ "cluster": "prod", "service": "api", "taskSet": "ecs-svc/1", "scale": { "value": 50 } }`), [], 'update-task-set');
    assert.deepEqual(cliInput(`{ "cluster": "prod", "service": "api", "primaryTaskSet": "ecs-svc/1" }`), [], 'update-service-primary-task-set');
    assert.deepEqual(cliInput(`{ "cluster": "prod", "service": "api", "status": ["SUCCESSFUL"] }`), [], 'list-service-deployments');
    assert.deepEqual(cliInput(`{ "cluster": "prod", "services": ["api"] }`), [], 'describe-services');
    assert.deepEqual(cliInput(`{ "cluster": "prod", "serviceName": "api", "launchType": "FARGATE", "desiredStatus": "RUNNING" }`), [], 'list-tasks');
    assert.deepEqual(cliInput(`{ "service": "api" }`), [], 'a service alone: any JSON may have one');
    assert.deepEqual(cliInput(`{ "service": "api", "provider": { "name": "aws" }, "cluster": "x" }`), [], 'a serverless.json');
  });
});

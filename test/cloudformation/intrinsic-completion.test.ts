import * as assert from 'node:assert/strict';
import { acceptCompletion, completionLabelsAt, completionsAt } from '../support/editor';
import { JSON_URI, YAML_URI } from '../support/templates';

/** A YAML template with a condition, a parameter, a role and a log group beside the task definition and a service. */
const yaml = (properties: string, container = '', service = '') => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  TaskCpu: { Type: String, Default: "256" }
Conditions:
  IsProd: !Equals [!Ref AWS::StackName, prod]
Resources:
  TaskRole:
    Type: AWS::IAM::Role
  Logs:
    Type: AWS::Logs::LogGroup
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Memory: 2048
${properties}
      ContainerDefinitions:
        - Name: app
          Image: nginx
${container}
  WebService:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref WebTask
${service}
`;

/** The same in JSON; `properties` and `container` end with a comma when they are not empty. */
const json = (properties: string, container = '', service = '') => `{
  "Parameters": { "TaskCpu": { "Type": "String", "Default": "256" } },
  "Conditions": { "IsProd": { "Fn::Equals": [{ "Ref": "AWS::StackName" }, "prod"] } },
  "Resources": {
    "TaskRole": { "Type": "AWS::IAM::Role" },
    "Logs": { "Type": "AWS::Logs::LogGroup" },
    "WebTask": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "RequiresCompatibilities": ["FARGATE"],
        "NetworkMode": "awsvpc",
        "Memory": "2048",
${properties}
        "ContainerDefinitions": [ { ${container}"Name": "app", "Image": "nginx" } ]
      }
    },
    "WebService": {
      "Type": "AWS::ECS::Service",
      "Properties": { ${service}"TaskDefinition": { "Ref": "WebTask" } }
    }
  }
}`;

const SCALAR_FUNCTIONS = ['Ref', 'Fn::If', 'Fn::Sub', 'Fn::GetAtt', 'Fn::FindInMap', 'Fn::Join', 'Fn::Select', 'Fn::ImportValue', 'Fn::Base64'];
const LIST_FUNCTIONS = ['Ref', 'Fn::If', 'Fn::GetAtt', 'Fn::FindInMap', 'Fn::Select', 'Fn::Split', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Cidr'];

describe('CloudFormation completion: intrinsic function names where a property is written as an object', () => {
  it('offers the functions that compute a scalar in the object of a scalar property, JSON and YAML', () => {
    assert.deepEqual(completionLabelsAt(json('        "Cpu": { | },'), { uri: JSON_URI }), SCALAR_FUNCTIONS);
    assert.deepEqual(completionLabelsAt(json('        "Cpu": { "Fn|" },'), { uri: JSON_URI }), SCALAR_FUNCTIONS);
    assert.deepEqual(completionLabelsAt(yaml('      Cpu:\n        |'), { uri: YAML_URI }), SCALAR_FUNCTIONS);
    assert.deepEqual(completionLabelsAt(yaml('      Cpu:\n        Fn::I|'), { uri: YAML_URI }), SCALAR_FUNCTIONS);
    assert.deepEqual(completionLabelsAt(json('', '"ReadonlyRootFilesystem": { | }, '), { uri: JSON_URI }), SCALAR_FUNCTIONS);
  });

  it('offers the functions that compute a list for a list property, and scalar ones for an item of it', () => {
    assert.deepEqual(completionLabelsAt(json('', '"Command": { | }, '), { uri: JSON_URI }), LIST_FUNCTIONS);
    assert.deepEqual(completionLabelsAt(json('', '"Command": ["sh", { | }], '), { uri: JSON_URI }), SCALAR_FUNCTIONS);
    assert.deepEqual(completionLabelsAt(yaml('', '          Command:\n            |'), { uri: YAML_URI }), LIST_FUNCTIONS);
  });

  it('offers them in an object that is a branch of an !If', () => {
    assert.deepEqual(completionLabelsAt(yaml('      Cpu: !If [IsProd, { | }, 256]'), { uri: YAML_URI }), SCALAR_FUNCTIONS);
    assert.deepEqual(completionLabelsAt(json('        "Cpu": { "Fn::If": ["IsProd", { "Ref": "TaskCpu" }, { | }] },'), { uri: JSON_URI }), SCALAR_FUNCTIONS);
  });

  it('offers them in the properties of a service too', () => {
    assert.deepEqual(completionLabelsAt(json('', '', '"DesiredCount": { | }, '), { uri: JSON_URI }), SCALAR_FUNCTIONS);
    assert.deepEqual(completionLabelsAt(yaml('', '', '      DesiredCount:\n        |'), { uri: YAML_URI }), SCALAR_FUNCTIONS);
  });

  it('offers the functions of AWS::LanguageExtensions only when the template declares the transform', () => {
    const withTransform = (text: string) => text.replace('AWSTemplateFormatVersion: "2010-09-09"', 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::LanguageExtensions');
    assert.deepEqual(completionLabelsAt(withTransform(yaml('      Cpu:\n        |')), { uri: YAML_URI }), [
      ...SCALAR_FUNCTIONS.slice(0, 7),
      'Fn::ImportValue',
      'Fn::Base64',
      'Fn::Length',
      'Fn::ToJsonString',
    ]);
  });

  it('offers the short tags where a value is typed in YAML, as a value, an item and a branch of an !If', () => {
    const shortTags = SCALAR_FUNCTIONS.map((name) => `!${name.replace('Fn::', '')}`);
    assert.deepEqual(completionLabelsAt(yaml('      Cpu: !|'), { uri: YAML_URI }), shortTags);
    assert.deepEqual(completionLabelsAt(yaml('      Cpu: !I|'), { uri: YAML_URI }), shortTags);
    assert.deepEqual(completionLabelsAt(yaml('      Cpu: !If [IsProd, !|, 256]'), { uri: YAML_URI }), shortTags);
    assert.deepEqual(completionLabelsAt(yaml('', '          Command:\n            - !|'), { uri: YAML_URI }), shortTags);
    assert.deepEqual(
      completionLabelsAt(yaml('', '          Command: !|'), { uri: YAML_URI }),
      LIST_FUNCTIONS.map((name) => `!${name.replace('Fn::', '')}`),
    );
    assert.deepEqual(completionLabelsAt(yaml('      Cpu: !If [!|, 1024, 256]'), { uri: YAML_URI }), []);
    assert.equal(acceptCompletion(yaml('      Cpu: !I|'), '!If', { uri: YAML_URI }), yaml('      Cpu: !If [, , ]'));
    assert.equal(acceptCompletion(yaml('      Cpu: !R|'), '!Ref', { uri: YAML_URI }), yaml('      Cpu: !Ref '));
  });

  it('keeps the keys of an object property, and offers nothing more once the function is written', () => {
    assert.deepEqual(completionLabelsAt(json('', '"LogConfiguration": { | }, '), { uri: JSON_URI }), ['LogDriver', 'Options', 'SecretOptions']);
    assert.deepEqual(completionLabelsAt(json('        "Cpu": { "Ref": "TaskCpu", | },'), { uri: JSON_URI }), []);
  });

  it('inserts the function with a snippet for its argument', () => {
    const cpu = (value: string) => json(`        "Cpu": ${value},`);
    assert.equal(acceptCompletion(cpu('{ | }'), 'Fn::If', { uri: JSON_URI }), cpu('{ "Fn::If": ["", , ] }'));
    assert.equal(acceptCompletion(cpu('{ | }'), 'Fn::Select', { uri: JSON_URI }), cpu('{ "Fn::Select": [0, ] }'));
    assert.equal(acceptCompletion(cpu('{ "Fn::S|": "x" }'), 'Fn::Sub', { uri: JSON_URI }), cpu('{ "Fn::Sub": "x" }'));
    assert.equal(acceptCompletion(yaml('      Cpu:\n        Fn::|'), 'Fn::GetAtt', { uri: YAML_URI }), yaml('      Cpu:\n        Fn::GetAtt: [, ]'));
    const item = completionsAt(cpu('{ | }'), { uri: JSON_URI }).find((each) => each.label === 'Fn::If');
    assert.equal(item?.detail, '!If · intrinsic function');
  });
});

describe('CloudFormation completion: the arguments of Fn::GetAtt and the names of an Fn::Sub string', () => {
  const OTHER_RESOURCES = ['TaskRole', 'Logs', 'WebService'];
  const ATTRIBUTES = ['TaskRole.Arn', 'TaskRole.RoleId', 'Logs.Arn', 'WebService.ServiceArn', 'WebService.Name'];

  it("offers an !GetAtt's resources, then the attributes the named resource's type documents, YAML short, flow and block forms", () => {
    const role = (value: string) => yaml('', '').replace('      Memory: 2048\n', `      Memory: 2048\n      ExecutionRoleArn: ${value}\n`);
    assert.deepEqual(completionLabelsAt(role('!GetAtt |'), { uri: YAML_URI }), ATTRIBUTES);
    assert.deepEqual(completionLabelsAt(role('!GetAtt TaskRole.|'), { uri: YAML_URI }), ATTRIBUTES);
    assert.deepEqual(completionLabelsAt(role('!GetAtt [|, Arn]'), { uri: YAML_URI }), OTHER_RESOURCES);
    assert.deepEqual(completionLabelsAt(role('!GetAtt [TaskRole, |]'), { uri: YAML_URI }), ['Arn', 'RoleId']);
    assert.deepEqual(completionLabelsAt(role('\n        Fn::GetAtt:\n          - Logs\n          - |'), { uri: YAML_URI }), ['Arn']);
    assert.equal(acceptCompletion(role('!GetAtt TaskRole.A|'), 'TaskRole.Arn', { uri: YAML_URI }), role('!GetAtt TaskRole.Arn'));
  });

  it("offers an Fn::GetAtt's resources and attributes in JSON, and the task definition's attribute in a service", () => {
    const role = (value: string) => json(`        "ExecutionRoleArn": ${value},`);
    assert.deepEqual(
      completionLabelsAt(role('{ "Fn::GetAtt": ["|", "Arn"] }'), { uri: JSON_URI }),
      OTHER_RESOURCES.map((name) => `"${name}"`),
    );
    assert.deepEqual(completionLabelsAt(role('{ "Fn::GetAtt": ["TaskRole", |] }'), { uri: JSON_URI }), ['"Arn"', '"RoleId"']);
    assert.deepEqual(
      completionLabelsAt(role('{ "Fn::GetAtt": "|" }'), { uri: JSON_URI }),
      ATTRIBUTES.map((name) => `"${name}"`),
    );
    assert.equal(acceptCompletion(role('{ "Fn::GetAtt": ["TaskRole", |] }'), '"Arn"', { uri: JSON_URI }), role('{ "Fn::GetAtt": ["TaskRole", "Arn"] }'));
    assert.ok(completionLabelsAt(json('', '', '"Cluster": { "Fn::GetAtt": "|" }, '), { uri: JSON_URI }).includes('"WebTask.TaskDefinitionArn"'));
  });

  it('offers the attributes of the resources an ECS template refers to most: a repository URI for an image, say', () => {
    const image = yaml('', '').replace('Image: nginx', 'Image: !GetAtt Repository.|').replace('Resources:\n', 'Resources:\n  Repository:\n    Type: AWS::ECR::Repository\n');
    assert.deepEqual(completionLabelsAt(image, { uri: YAML_URI }).slice(0, 2), ['Repository.Arn', 'Repository.RepositoryUri']);
  });

  it('offers no attribute the resource schemas do not document', () => {
    const capacityProvider = yaml('      ExecutionRoleArn: !GetAtt [Provider, |]').replace('Resources:\n', 'Resources:\n  Provider:\n    Type: AWS::ECS::CapacityProvider\n');
    assert.deepEqual(completionLabelsAt(capacityProvider, { uri: YAML_URI }), []);
  });

  it('offers the names a ${} of an !Sub takes: its variables, parameters, resources, attributes, pseudo parameters', () => {
    const names = ['TaskCpu', ...OTHER_RESOURCES, ...ATTRIBUTES, 'AWS::AccountId', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'AWS::NotificationARNs'];
    const image = (value: string) => yaml('', '').replace('Image: nginx', `Image: ${value}`);
    assert.deepEqual(completionLabelsAt(image('!Sub "${|}.dkr.ecr.amazonaws.com/app"'), { uri: YAML_URI }), names);
    assert.deepEqual(completionLabelsAt(image('!Sub ${AWS::Acc|}.dkr.ecr.amazonaws.com/app'), { uri: YAML_URI }), names);
    assert.deepEqual(completionLabelsAt(image('!Sub ["${|}/app", { Registry: example.com }]'), { uri: YAML_URI }), ['Registry', ...names]);
    assert.deepEqual(completionLabelsAt(image('!Sub "${!Liter|}"'), { uri: YAML_URI }), []);
    assert.equal(acceptCompletion(image('!Sub "${AWS::Acc|}.dkr.ecr.amazonaws.com/app"'), 'AWS::AccountId', { uri: YAML_URI }), image('!Sub "${AWS::AccountId}.dkr.ecr.amazonaws.com/app"'));
    assert.equal(acceptCompletion(image('!Sub "${AWS::Acc|/app"'), 'AWS::AccountId', { uri: YAML_URI }), image('!Sub "${AWS::AccountId}/app"'));
    const jsonImage = (value: string) => json('', `"Image": ${value}, `).replace(', "Image": "nginx"', '');
    assert.deepEqual(completionLabelsAt(jsonImage('{ "Fn::Sub": "${|}" }'), { uri: JSON_URI }), names);
    assert.deepEqual(completionLabelsAt(jsonImage('{ "Fn::Sub": ["${R|}/app", { "Registry": "example.com" }] }'), { uri: JSON_URI }), ['Registry', ...names]);
    assert.equal(acceptCompletion(jsonImage('{ "Fn::Sub": "${|}" }'), 'Logs.Arn', { uri: JSON_URI }), jsonImage('{ "Fn::Sub": "${Logs.Arn}" }'));
  });
});

describe('CloudFormation completion: YAML flow mappings', () => {
  const flowProperties = (entries: string) =>
    yaml('').replace(
      '    Properties:\n      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      Memory: 2048\n\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n',
      `    Properties: { ${entries}, ContainerDefinitions: [{ Name: app, Image: nginx }] }\n`,
    );
  const flowContainer = (entries: string) => yaml('').replace('        - Name: app\n          Image: nginx', `        - { ${entries} }`);

  it('offers property names in a flow mapping as in a block mapping, without those present', () => {
    const labels = completionLabelsAt(flowContainer('Name: web, |'), { uri: YAML_URI });
    assert.ok(labels.includes('Image') && labels.includes('ReadonlyRootFilesystem'), labels.join());
    assert.ok(!labels.includes('Name'), labels.join());
    assert.deepEqual(completionLabelsAt(flowContainer('Name: web, Rea|'), { uri: YAML_URI }), labels);
    const taskLevel = completionLabelsAt(flowProperties('Cpu: 256, Memory: 512, |'), { uri: YAML_URI });
    assert.ok(taskLevel.includes('NetworkMode') && !taskLevel.includes('Cpu') && !taskLevel.includes('ContainerDefinitions'), taskLevel.join());
    assert.deepEqual(completionLabelsAt(yaml('', '          LogConfiguration: { LogDriver: awslogs, | }'), { uri: YAML_URI }), ['Options', 'SecretOptions']);
  });

  it('writes the value of a property in flow style', () => {
    const container = (entries: string) => flowContainer(`Name: web, Image: nginx, ${entries}`);
    assert.equal(acceptCompletion(container('Rea|'), 'ReadonlyRootFilesystem', { uri: YAML_URI }), container('ReadonlyRootFilesystem: true'));
    assert.equal(acceptCompletion(container('|'), 'PortMappings', { uri: YAML_URI }), container('PortMappings: [{}]'));
    assert.equal(acceptCompletion(container('|'), 'LogConfiguration', { uri: YAML_URI }), container('LogConfiguration: {}'));
    assert.equal(acceptCompletion(container('|'), 'Command', { uri: YAML_URI }), container('Command: []'));
    assert.equal(acceptCompletion(flowProperties('Cpu: 256, |'), 'RequiresCompatibilities', { uri: YAML_URI }), flowProperties('Cpu: 256, RequiresCompatibilities: [FARGATE]'));
  });

  it('offers the values of a property, a !Ref name and intrinsic function names in a flow mapping', () => {
    assert.deepEqual(completionLabelsAt(flowProperties('Cpu: |, Memory: 512'), { uri: YAML_URI }), ['256']);
    assert.deepEqual(completionLabelsAt(flowContainer('Name: web, Image: nginx, Privileged: |'), { uri: YAML_URI }), ['false', 'true']);
    assert.deepEqual(completionLabelsAt(yaml('', '          LogConfiguration: { LogDriver: aws| }'), { uri: YAML_URI }), [
      'json-file',
      'syslog',
      'journald',
      'gelf',
      'fluentd',
      'awslogs',
      'splunk',
      'awsfirelens',
    ]);
    assert.deepEqual(completionLabelsAt(yaml('      Cpu: { | }'), { uri: YAML_URI }), SCALAR_FUNCTIONS);
    assert.deepEqual(completionLabelsAt(flowProperties('Cpu: !Ref |, Memory: 512'), { uri: YAML_URI }).slice(0, 4), ['TaskCpu', 'TaskRole', 'Logs', 'WebService']);
  });
});

describe('CloudFormation completion: a branch of an !If that is a list', () => {
  it('offers what an item of the list takes in a block branch, YAML: enumerated items, then the keys of an object item', () => {
    const compatibilities = yaml('').replace('RequiresCompatibilities: [FARGATE]', 'RequiresCompatibilities: !If\n        - IsProd\n        - - FARGATE\n          - |\n        - [EC2]');
    assert.deepEqual(completionLabelsAt(compatibilities, { uri: YAML_URI }), ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES']);
    const portMappings = (item: string) => yaml('', `          PortMappings: !If\n            - IsProd\n            - - ${item}\n            - []`);
    assert.deepEqual(completionLabelsAt(portMappings('|'), { uri: YAML_URI }), ['ContainerPort', 'HostPort', 'Protocol', 'Name', 'AppProtocol', 'ContainerPortRange']);
    assert.deepEqual(completionLabelsAt(portMappings('ContainerPort: 80\n                |'), { uri: YAML_URI }), ['HostPort', 'Protocol', 'Name', 'AppProtocol', 'ContainerPortRange']);
    assert.deepEqual(completionLabelsAt(portMappings('ContainerPort: 80\n                Protocol: |'), { uri: YAML_URI }), ['tcp', 'udp']);
    assert.equal(acceptCompletion(portMappings('|'), 'Protocol', { uri: YAML_URI }), portMappings('Protocol: tcp'));
  });

  it('offers the same in a flow branch, YAML, and in a branch of an Fn::If in JSON', () => {
    assert.deepEqual(completionLabelsAt(yaml('', '          Environment: !If [IsProd, [{ Name: STAGE, | }], []]'), { uri: YAML_URI }), ['Value']);
    assert.deepEqual(completionLabelsAt(yaml('', '          PortMappings: !If [IsProd, [{ ContainerPort: 80, Protocol: | }], []]'), { uri: YAML_URI }), ['tcp', 'udp']);
    assert.deepEqual(completionLabelsAt(json('', '"Environment": { "Fn::If": ["IsProd", [{ "Name": "STAGE", | }], []] }, '), { uri: JSON_URI }), ['Value']);
    const compatibilities = json('').replace('"RequiresCompatibilities": ["FARGATE"]', '"RequiresCompatibilities": { "Fn::If": ["IsProd", ["FARGATE", |], ["EC2"]] }');
    assert.deepEqual(completionLabelsAt(compatibilities, { uri: JSON_URI }), ['"EC2"', '"EXTERNAL"', '"MANAGED_INSTANCES"']);
    assert.deepEqual(completionLabelsAt(json('', '"Command": { "Fn::If": ["IsProd", [{ | }], ["sh"]] }, '), { uri: JSON_URI }), SCALAR_FUNCTIONS);
  });
});

import { expectFindings, expectNoFindings } from '../support/lint';

const RULE = 'service-network-configuration';
const YAML = { uri: 'file:///stack/web.yaml' };
const rejects = 'ECS rejects the service without subnets, and GuardDuty reports its clusters with a missing network configuration';

describe(RULE, () => {
  it('flags a Fargate service without networkConfiguration, on the input', () => {
    expectFindings(RULE, `{ «"serviceName"»: "api", "cluster": "web", "launchType": "FARGATE", "taskDefinition": "api:3" }`, [
      `Service "api" runs on Fargate, where every task uses the awsvpc network mode, but has no "networkConfiguration": ${rejects}. Add one with the subnets (and security groups) of its tasks.`,
    ]);
  });

  it('flags a missing awsvpcConfiguration, missing subnets and an empty subnet list', () => {
    expectFindings(RULE, `{ "serviceName": "api", "launchType": "FARGATE", «"networkConfiguration"»: {} }`, [/but its "awsvpcConfiguration" is missing/]);
    expectFindings(RULE, `{ "serviceName": "api", "launchType": "FARGATE", "networkConfiguration": { «"awsvpcConfiguration"»: { "securityGroups": ["sg-1"] } } }`, [/but names no "subnets"/]);
    expectFindings(RULE, `{ "serviceName": "api", "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": «[]» } } }`, [/but its "subnets" list is empty/]);
  });

  it('in a template, knows an EC2 service runs awsvpc tasks from the task definition it refers to', () => {
    expectFindings(
      RULE,
      `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc
      ContainerDefinitions: [ { Name: app, Image: nginx, Memory: 256 } ]
  Web:
    Type: AWS::ECS::Service
    «Properties»:
      LaunchType: EC2
      TaskDefinition: !Ref Task
`,
      [
        {
          message: `Web: The service runs task definition Task, which uses the awsvpc network mode, but has no "NetworkConfiguration": ${rejects}. Add one with the subnets (and security groups) of its tasks.`,
          path: ['Resources', 'Web', 'Properties'],
        },
      ],
      YAML,
    );
  });

  it('accepts subnets, EC2 services in bridge mode, an unknown launch type, and the EXTERNAL deployment controller', () => {
    expectNoFindings(RULE, `{ "serviceName": "api", "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"] } } }`);
    expectNoFindings(RULE, `{ "serviceName": "api", "launchType": "EC2" }`);
    expectNoFindings(RULE, `{ "serviceName": "api", "taskDefinition": "api:3" }`);
    expectNoFindings(RULE, `{ "serviceName": "api", "launchType": "FARGATE", "deploymentController": { "type": "EXTERNAL" } }`);
    expectFindings(
      RULE,
      `Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      LaunchType: FARGATE\n      NetworkConfiguration: !If [HasVpc, { AwsvpcConfiguration: { Subnets: [a] } }, !Ref AWS::NoValue]\n`,
      [],
      YAML,
    );
  });
});

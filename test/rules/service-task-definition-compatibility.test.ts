import { expectFindings } from '../support/lint';

const RULE = 'service-task-definition-compatibility';
const YAML = { uri: 'file:///stack/web.yaml' };
const template = (compatibilities: string, launchType: string) => `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: ${compatibilities}
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions: [ { Name: app, Image: nginx } ]
  Web:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: ${launchType}
      TaskDefinition: !Ref Task
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [subnet-1] } }
`;

describe(RULE, () => {
  it('flags a Fargate service whose task definition (same template) requires only EC2, on the launch type', () => {
    expectFindings(
      RULE,
      template('[EC2]', '«FARGATE»'),
      [
        "Web: The service launches its tasks on FARGATE, but its task definition Task requires EC2 (RequiresCompatibilities): ECS rejects the deployment. Add FARGATE to the task definition's RequiresCompatibilities, or change the launch type.",
      ],
      YAML,
    );
  });

  it('checks each launch type a parameter allows', () => {
    expectFindings(
      RULE,
      `Parameters:\n  Launch: { Type: String, Default: FARGATE, AllowedValues: [FARGATE, EC2] }\n${template('[FARGATE]', '«!Ref Launch»')}`,
      [/requires FARGATE .* \(when parameter Launch is "EC2"\)$/],
      YAML,
    );
  });

  it('accepts a listed launch type, a task definition without RequiresCompatibilities (or an empty list), and CLI input (task definition by name)', () => {
    expectFindings(RULE, template('[EC2, FARGATE]', 'FARGATE'), [], YAML);
    expectFindings(RULE, template('[]', 'FARGATE'), [], YAML);
    expectFindings(RULE, template('!Ref Compat', 'FARGATE'), [], YAML);
    expectFindings(RULE, `{ "serviceName": "api", "launchType": "FARGATE", "taskDefinition": "api:3" }`, []);
  });
});

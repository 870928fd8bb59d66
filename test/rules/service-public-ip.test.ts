import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';

const RULE = 'service-public-ip';
const YAML = { uri: 'file:///stack/service.yaml' };
const advice =
  'so the tasks can be reached from the internet (Security Hub ECS.2). Set it to "DISABLED" and run the tasks in private subnets, reaching out through a NAT gateway or VPC endpoints (ECR, S3, CloudWatch Logs).';

describe(RULE, () => {
  it('flags "assignPublicIp": "ENABLED" in aws ecs create-service input, naming the service', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "cluster": "web",
  "serviceName": "api",
  "launchType": "FARGATE",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "assignPublicIp": «"ENABLED"» } }
}`,
      [{ message: `Service "api" gives each of its tasks a public IP address ("assignPublicIp": "ENABLED"), ${advice}`, path: ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'] }],
    );
    assert.deepEqual(finding.fix, { assignPublicIp: 'DISABLED' });
  });

  it('flags update-service input too', () => {
    expectFindings(RULE, `{ "cluster": "web", "service": "api", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["s"], "assignPublicIp": «"ENABLED"» } } }`, [
      /^Service "api" gives each/,
    ]);
  });

  it('flags an AWS::ECS::Service in a YAML template, with the logical id and the template path', () => {
    expectFindings(
      RULE,
      `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: «ENABLED»
          Subnets: [subnet-1]
`,
      [
        {
          message: `Web: The service gives each of its tasks a public IP address ("AssignPublicIp": "ENABLED"), ${advice}`,
          path: ['Resources', 'Web', 'Properties', 'NetworkConfiguration', 'AwsvpcConfiguration', 'AssignPublicIp'],
        },
      ],
      YAML,
    );
  });

  it("checks a parameter's default and its other allowed values, and both branches of Fn::If, on the intrinsic", () => {
    expectFindings(
      RULE,
      `Parameters:
  PublicIp: { Type: String, Default: DISABLED, AllowedValues: [ENABLED, DISABLED] }
Conditions:
  InDev: !Equals [!Ref AWS::AccountId, "111122223333"]
Resources:
  Web:
    Type: AWS::ECS::Service
    Properties:
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: «!Ref PublicIp»
  Dev:
    Type: AWS::ECS::Service
    Properties:
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: !If [InDev, «ENABLED», DISABLED]
`,
      [/^Web: .* \(when parameter PublicIp is "ENABLED"\)$/, /^Dev: .* \(when condition InDev is true\)$/],
      YAML,
    );
  });

  it('accepts DISABLED, an absent setting, placeholders and values a template computes', () => {
    expectNoFindings(RULE, `{ "serviceName": "api", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["s"], "assignPublicIp": "DISABLED" } } }`);
    expectNoFindings(RULE, `{ "serviceName": "api", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["s"] } } }`);
    expectNoFindings(RULE, `{ "serviceName": "api", "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "\${PUBLIC_IP}" } } }`);
    expectFindings(
      RULE,
      `Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          AssignPublicIp: !ImportValue PublicIp\n`,
      [],
      YAML,
    );
  });

  it('leaves a task set to task-set-public-ip', () => {
    expectNoFindings(RULE, `{ "cluster": "web", "service": "api", "externalId": "x", "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "ENABLED" } } }`);
  });
});

describe(`${RULE} fixes`, () => {
  const input = (value: string) => `{
  "serviceName": "api",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "assignPublicIp": ${value} } }
}`;

  it('sets "DISABLED", a decision the user makes (the tasks may need a NAT gateway), so never unattended', () => {
    expectFix(RULE, input('"ENAB|LED"'), 'Set "assignPublicIp": "DISABLED" (the tasks then need a NAT gateway or VPC endpoints to pull images)', input('"DISABLED"'));
    assert.equal(unattendedFixCount(RULE, input('"ENABLED"')), 0);
  });

  it("sets the template's own key in a JSON template", () => {
    const template = (value: string) => `{
  "Resources": {
    "Web": { "Type": "AWS::ECS::Service", "Properties": { "NetworkConfiguration": { "AwsvpcConfiguration": { "AssignPublicIp": ${value} } } } }
  }
}`;
    expectFix(RULE, template('"ENABLED|"'), 'Set "AssignPublicIp": "DISABLED" (the tasks then need a NAT gateway or VPC endpoints to pull images)', template('"DISABLED"'));
  });
});

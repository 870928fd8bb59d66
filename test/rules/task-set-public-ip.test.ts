import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';

const RULE = 'task-set-public-ip';

describe(RULE, () => {
  it('flags "assignPublicIp": "ENABLED" in aws ecs create-task-set input (it has an externalId)', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "cluster": "web",
  "service": "api",
  "externalId": "blue",
  "taskDefinition": "api:7",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "assignPublicIp": «"ENABLED"» } }
}`,
      [/^Task set "api" gives each of its tasks a public IP address \("assignPublicIp": "ENABLED"\), so the tasks can be reached from the internet \(Security Hub ECS\.16\)/],
    );
    assert.deepEqual(finding.fix, { assignPublicIp: 'DISABLED' });
  });

  it('reads AWS::ECS::TaskSet, whose template spells AwsVpcConfiguration with a capital V', () => {
    expectFindings(
      RULE,
      `Resources:
  Blue:
    Type: AWS::ECS::TaskSet
    Properties:
      Cluster: web
      Service: api
      TaskDefinition: api:7
      NetworkConfiguration:
        AwsVpcConfiguration:
          AssignPublicIp: «ENABLED»
          Subnets: [subnet-1]
`,
      [
        {
          message: /^Blue: The task set gives each of its tasks a public IP address \("AssignPublicIp": "ENABLED"\)/,
          path: ['Resources', 'Blue', 'Properties', 'NetworkConfiguration', 'AwsVpcConfiguration', 'AssignPublicIp'],
        },
      ],
      { uri: 'file:///stack/blue.yaml' },
    );
  });

  it('accepts DISABLED and leaves services to service-public-ip', () => {
    expectNoFindings(RULE, `{ "cluster": "web", "service": "api", "externalId": "blue", "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "DISABLED" } } }`);
    expectNoFindings(RULE, `{ "serviceName": "api", "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "ENABLED" } } }`);
  });
});

describe(`${RULE} fixes`, () => {
  it('sets "DISABLED" when asked, never unattended', () => {
    const input = (value: string) => `{ "service": "api", "scale": { "value": 100, "unit": "PERCENT" }, "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": ${value} } } }`;
    expectFix(RULE, input('"ENABLED|"'), 'Set "assignPublicIp": "DISABLED" (the tasks then need a NAT gateway or VPC endpoints to pull images)', input('"DISABLED"'));
    assert.equal(unattendedFixCount(RULE, input('"ENABLED"')), 0);
  });
});

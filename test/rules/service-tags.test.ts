import { expectFindings, expectNoFindings } from '../support/lint';

const RULE = 'service-tags';
const REQUIRED = { requiredTagKeys: ['team', 'cost-center'] };

describe(RULE, () => {
  it('is silent until .ecs-guard.json names requiredTagKeys', () => {
    expectNoFindings(RULE, `{ "serviceName": "api", "taskDefinition": "api:3" }`);
  });

  it('flags a create-service input without tags, on the input, naming every missing key', () => {
    expectFindings(
      RULE,
      `{ «"serviceName"»: "api", "taskDefinition": "api:3" }`,
      ['Service "api" lacks the required tag keys "team" and "cost-center" (Security Hub ECS.13, with the requiredTagKeys of .ecs-guard.json). Add them to "tags".'],
      REQUIRED,
    );
  });

  it('flags the tags list that lacks one, in a template too', () => {
    expectFindings(RULE, `{ "serviceName": "api", "tags": «[ { "key": "team", "value": "payments" } ]» }`, [/lacks the required tag key "cost-center" .* Add it to "tags"\.$/], REQUIRED);
    expectFindings(
      RULE,
      `Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      Tags:\n        «- Key: team\n          Value: payments\n»`,
      [/^Web: The service lacks the required tag key "cost-center" .* Add it to "Tags"\.$/],
      { ...REQUIRED, uri: 'file:///stack/web.yaml' },
    );
  });

  it('accepts every key present, and tags a template computes', () => {
    expectNoFindings(RULE, `{ "serviceName": "api", "tags": [ { "key": "team", "value": "a" }, { "key": "cost-center", "value": "b" } ] }`, REQUIRED);
    expectFindings(RULE, `Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      Tags: !If [Prod, [{ Key: team, Value: a }], !Ref AWS::NoValue]\n`, [], {
      ...REQUIRED,
      uri: 'file:///stack/web.yaml',
    });
    expectNoFindings(RULE, `{ "serviceName": "api", "tags": [ { "key": "\${TAG}", "value": "a" } ] }`, REQUIRED);
  });

  it('reads a template tag key as every resource rule does, without regard to case: Key, key, KEY', () => {
    const tags = (key: string, value: string) => `- ${key}: ${value}\n          Value: a\n        - Key: cost-center\n          Value: b\n`;
    const template = (list: string) => `Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      Tags:\n        ${list}`;
    const options = { ...REQUIRED, uri: 'file:///stack/web.yaml' };
    for (const key of ['Key', 'key', 'KEY']) {
      expectNoFindings(RULE, template(tags(key, 'team')), options);
      expectFindings(RULE, template(`«${tags(key, 'owner')}»`), [/lacks the required tag key "team" /], options);
    }
  });
});

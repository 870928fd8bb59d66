import { expectFindings, expectNoFindings } from '../support/lint';

const RULE = 'task-definition-tags';
const REQUIRED = { requiredTagKeys: ['team'] };
const MESSAGE = 'The task definition lacks the required tag key "team" (Security Hub ECS.15, with the requiredTagKeys of .ecs-guard.json). Add it to "tags".';

describe(RULE, () => {
  it('flags a task definition without the key, on its family, and a tags list without it', () => {
    expectFindings(RULE, `{ «"family"»: "web", "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }`, [MESSAGE], REQUIRED);
    expectFindings(RULE, `{ "family": "web", "tags": «[ { "key": "owner", "value": "me" } ]», "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }`, [MESSAGE], REQUIRED);
  });

  it("reads a template's Tags", () => {
    expectFindings(
      RULE,
      `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Tags:\n        «- Key: owner\n          Value: me\n»      ContainerDefinitions: [ { Name: app, Image: nginx } ]\n`,
      [/^Task: The task definition lacks the required tag key "team"/],
      { ...REQUIRED, uri: 'file:///stack/task.yaml' },
    );
  });

  it("accepts the key; is silent without requiredTagKeys; reads describe output's tags beside the task definition; is silent on a bare container array", () => {
    expectNoFindings(RULE, `{ "family": "web", "tags": [ { "key": "team", "value": "a" } ], "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }`, REQUIRED);
    expectNoFindings(RULE, `{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }`);
    // The harness that rewrites a test document as a template drops describe output's outer tags, so it is left out here.
    const describe = { ...REQUIRED, uri: 'file:///describe.json' };
    expectNoFindings(RULE, `{ "taskDefinition": { "family": "web", "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }, "tags": [ { "key": "team", "value": "a" } ] }`, describe);
    expectFindings(RULE, `{ "taskDefinition": { "family": "web", "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }, "tags": «[]» }`, [MESSAGE], describe);
    expectNoFindings(RULE, `[ { "name": "app", "image": "nginx" } ]`, REQUIRED);
  });
});

import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'duplicate-container-name';

describe(RULE, () => {
  it('flags each later duplicate on its name, naming the container that has it first', () => {
    expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx" },
    { "name": "proxy", "image": "envoy" },
    { "name": «"app"», "image": "nginx:alpine" },
    { "name": «"proxy"», "image": "envoy" },
    { "name": «"app"», "image": "busybox" }
  ]
}`,
      [
        { message: 'Container name "app" is already used by container #1: container names must be unique in a task definition, so rename this one.', path: ['containerDefinitions', 2, 'name'] },
        'Container name "proxy" is already used by container #2: container names must be unique in a task definition, so rename this one.',
        'Container name "app" is already used by container #1: container names must be unique in a task definition, so rename this one.',
      ],
    );
  });

  it('flags duplicates in describe-task-definition output and in a bare container array', () => {
    expectFindings(RULE, `{ "taskDefinition": { "containerDefinitions": [ { "name": "a", "image": "x" }, { "name": «"a"», "image": "y" } ] } }`, [
      { message: /"a" is already used by container #1/, path: ['taskDefinition', 'containerDefinitions', 1, 'name'] },
    ]);
    expectFindings(RULE, `[ { "name": "a", "image": "x" }, { "name": «"a"», "image": "y" } ]`, [{ message: /"a" is already used by container #1/, path: [1, 'name'] }]);
  });

  it('flags a container without a name on its first key, suggesting one from the image', () => {
    const findings = expectFindings(
      RULE,
      `{
  "containerDefinitions": [
    { "name": "api", "image": "api:1" },
    { «"image"»: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:2.1", "essential": false },
    { «"image"»: "<IMAGE1_NAME>" },
    { "name": «null», "image": "nginx@sha256:0123abcd" }
  ]
}`,
      [
        { message: 'Container #2 has no "name", which ECS requires: add a name that is unique in the task definition, such as "api-2".', path: ['containerDefinitions', 1] },
        'Container #3 has no "name", which ECS requires: add a name that is unique in the task definition, such as "container".',
        'Container #4 has no "name", which ECS requires: add a name that is unique in the task definition, such as "nginx".',
      ],
    );
    assert.deepEqual(
      findings.map((f) => f.fix),
      [{ insert: { name: 'api-2' } }, { insert: { name: 'container' } }, { insert: { name: 'nginx' } }],
    );
  });

  it('accepts distinct names, and treats placeholders and other types as unknown', () => {
    expectNoFindings(RULE, `{ "containerDefinitions": [ { "name": "app", "image": "x" }, { "name": "App", "image": "x" }, { "name": "sidecar", "image": "y" } ] }`);
    expectNoFindings(
      RULE,
      `{ "containerDefinitions": [
      { "name": "\${NAME}", "image": "x" }, { "name": "\${NAME}", "image": "x" },
      { "name": "<NAME>", "image": "x" }, { "name": "<NAME>", "image": "x" },
      { "name": "#{Name}", "image": "x" }, { "name": "#{Name}", "image": "x" },
      { "name": "{{name}}", "image": "x" }, { "name": "{{name}}", "image": "x" },
      { "name": 1, "image": "x" }, { "name": 1, "image": "x" }
    ] }`,
    );
  });
});

describe(`${RULE} fixes`, () => {
  it('names a nameless container after its image, unique in the task', () => {
    const doc = `[
  { "name": "api", "image": "nginx" },
  { |"image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.2" }
]`;
    expectFix(
      RULE,
      doc,
      'Add "name": "api-2"',
      `[
  { "name": "api", "image": "nginx" },
  { "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.2", "name": "api-2" }
]`,
    );
    assert.equal(unattendedFixCount(RULE, doc), 1);
  });

  it('offers nothing for a duplicate: renaming could break references to it', () => {
    assert.deepEqual(fixTitlesAt(RULE, '[{ "name": "app", "image": "a" }, { "name": |"app", "image": "b" }]'), []);
  });
});

import * as assert from 'node:assert/strict';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';
import { expectFindings, expectNoFindings, lintText } from '../support/lint';

const RULE = 'task-definition-in-array';
const ONE =
  'This file is a task definition inside an array: the AWS CLI (--cli-input-json) and RegisterTaskDefinition take one task definition object, not an array, so remove the enclosing [ ]. Nothing else in it is checked until then.';

describe(RULE, () => {
  it('reports a task definition wrapped in an array once, on the opening bracket, as an error, and nothing else', () => {
    const text = `«[»
  {
    "family": "web",
    "requiresCompatibilities": ["FARGATE"],
    "containerDefinitions": [ { "name": "web", "image": "nginx", "privileged": true } ]
  }
]
`;
    const [finding] = expectFindings(RULE, text, [{ message: ONE, path: [] }]);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.fix, { unwrap: true });
    assert.deepEqual(
      lintText(text.replace(/[«»]/g, '')).map((each) => each.ruleId),
      [RULE],
    );
  });

  it('reports wrapped describe-task-definition output too', () => {
    expectFindings(RULE, `«[» { "taskDefinition": { "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx" } ] } } ]`, [ONE]);
  });

  it('counts the task definitions of an array of several, and offers no fix there', () => {
    const [finding] = expectFindings(
      RULE,
      `«[»
  { "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx" } ] },
  { "family": "worker", "containerDefinitions": [ { "name": "worker", "image": "busybox" } ] }
]`,
      [
        'This file is an array of 2 task definitions: the AWS CLI (--cli-input-json) and RegisterTaskDefinition take one task definition object, not an array, so remove the enclosing [ ] and keep one task definition per file. Nothing else in it is checked until then.',
      ],
    );
    assert.equal(finding.fix, undefined);
  });

  it('leaves bare container arrays (a valid shape, Terraform keeps them), task definitions, templates and other arrays alone', () => {
    expectNoFindings(RULE, `[ { "name": "web", "image": "nginx", "essential": true } ]`);
    expectNoFindings(RULE, `{ "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx" } ] }`);
    expectNoFindings(RULE, `[ 1, 2, 3 ]`);
    expectNoFindings(RULE, `[ { "compilerOptions": {} } ]`);
    assert.deepEqual(lintText('[ { "version": 2 } ]'), []);
  });

  it('stays quiet in YAML, which is read as CloudFormation', () => {
    expectFindings(RULE, `- family: web\n  containerDefinitions:\n    - name: web\n      image: nginx\n`, [], { uri: 'file:///tasks.yaml' });
  });
});

describe(`${RULE} fixes`, () => {
  it("removes the enclosing [ ] and moves the task definition out one level, keeping the user's formatting", () => {
    const doc = `|[
  {
    "family": "web",
    "containerDefinitions": [
      {
        "name": "web",
        "image": "nginx"
      }
    ]
  }
]
`;
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Remove the enclosing [ ]']);
    expectFix(
      RULE,
      doc,
      'Remove the enclosing [ ]',
      `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx"
    }
  ]
}
`,
    );
    // A deploy script may read the array as it is: never applied unattended.
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });

  it('keeps tabs, CRLF line ends and a one-line layout', () => {
    expectFix(
      RULE,
      '|[\r\n\t{\r\n\t\t"family": "web",\r\n\t\t"containerDefinitions": []\r\n\t}\r\n]\r\n',
      'Remove the enclosing [ ]',
      '{\r\n\t"family": "web",\r\n\t"containerDefinitions": []\r\n}\r\n',
    );
    expectFix(
      RULE,
      '|[{ "family": "web", "containerDefinitions": [{ "name": "web", "image": "nginx" }] }]',
      'Remove the enclosing [ ]',
      '{ "family": "web", "containerDefinitions": [{ "name": "web", "image": "nginx" }] }',
    );
    expectFix(RULE, '|[{\n  "family": "web",\n  "containerDefinitions": []\n}]\n', 'Remove the enclosing [ ]', '{\n  "family": "web",\n  "containerDefinitions": []\n}\n');
  });

  it('after the fix the task definition is linted as usual', () => {
    const fixed = '{ "family": "web", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [ { "name": "web", "image": "nginx", "privileged": true } ] }';
    assert.ok(lintText(fixed).some((finding) => finding.ruleId === 'privileged-container'));
  });
});

import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';

const RULE = 'essential-container-required';

describe(RULE, () => {
  it('reports once, on the containerDefinitions key, when every container is non-essential', () => {
    const findings = expectFindings(
      RULE,
      `{
  "family": "batch",
  «"containerDefinitions"»: [
    { "name": "job", "image": "job:1", "essential": false },
    { "name": "agent", "image": "agent:1", "essential": false }
  ]
}`,
      [
        {
          message: 'All 2 containers set "essential": false, but ECS requires at least one essential container: set "essential": true on the main container, such as "job".',
          path: ['containerDefinitions'],
        },
      ],
    );
    assert.deepEqual(findings[0].fix, { set: { containerIndex: 0, key: 'essential', value: true } });
  });

  it('words a single container differently, in describe-task-definition output', () => {
    expectFindings(
      RULE,
      `{
  "taskDefinition": {
    «"containerDefinitions"»: [ { "image": "job:1", "essential": false } ]
  }
}`,
      [
        {
          message: 'The only container, #1, sets "essential": false, but ECS requires at least one essential container: set "essential": true on it.',
          path: ['taskDefinition', 'containerDefinitions'],
        },
      ],
    );
  });

  it("reports on the first container's essential value in a bare container array", () => {
    expectFindings(
      RULE,
      `[
  { "name": "job", "image": "job:1", "essential": «false» },
  { "name": "agent", "image": "agent:1", "essential": false }
]`,
      [{ message: /^All 2 containers set "essential": false/, path: [0, 'essential'] }],
    );
  });

  it('accepts one essential container, where an absent essential counts as true', () => {
    expectNoFindings(
      RULE,
      `{ "containerDefinitions": [
      { "name": "job", "image": "job:1" },
      { "name": "agent", "image": "agent:1", "essential": false }
    ] }`,
    );
    expectNoFindings(RULE, `[ { "name": "job", "image": "job:1", "essential": true }, { "name": "agent", "image": "agent:1", "essential": false } ]`);
  });

  it('treats placeholders and wrongly typed values as possibly essential', () => {
    for (const value of ['"${ESSENTIAL}"', '"<ESSENTIAL>"', '"#{Essential}"', '"{{essential}}"', '"false"', 'null']) {
      expectNoFindings(
        RULE,
        `{ "containerDefinitions": [
        { "name": "job", "image": "job:1", "essential": ${value} },
        { "name": "agent", "image": "agent:1", "essential": false }
      ] }`,
      );
    }
  });

  it('says nothing about an empty container list', () => {
    expectNoFindings(RULE, `{ "family": "empty", "containerDefinitions": [] }`);
  });
});

describe(`${RULE} fixes`, () => {
  it('marks the only container essential: no choice to make, so safe', () => {
    const doc = '{\n  "family": "w",\n  "containerDefinitions": [\n    { "name": "app", "image": "nginx", "essential": false }\n  ]\n}';
    // The finding is on the "containerDefinitions" key.
    const marked = doc.replace('"containerDefinitions"', '|"containerDefinitions"');
    expectFix(RULE, marked, 'Set "essential": true on container "app"', doc.replace('"essential": false', '"essential": true'));
    assert.equal(unattendedFixCount(RULE, marked), 1);
  });

  it("with several containers, which one is the main one is the user's call", () => {
    const doc = '{ "family": "w", |"containerDefinitions": [{ "name": "app", "image": "a", "essential": false }, { "name": "log", "image": "b", "essential": false }] }';
    expectFix(RULE, doc, 'Set "essential": true on container "app"', doc.replace('|', '').replace('"essential": false', '"essential": true'));
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});

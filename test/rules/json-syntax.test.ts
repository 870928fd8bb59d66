import * as assert from 'node:assert/strict';
import { expectFindings, lintText } from '../support/lint';

const RULE = 'json-syntax';

describe(RULE, () => {
  it('points at a trailing comma', () => {
    expectFindings(RULE, `{
  "family": "web",
  "containerDefinitions": [ { "name": "a", "image": "x" }«,» ]
}`, ['Trailing comma: remove it, strict JSON does not allow one.']);
  });

  it('points at a missing comma between properties', () => {
    expectFindings(RULE, `{
  "family": "web"
  «"containerDefinitions"»: []
}`, ['A comma is expected between values.']);
  });

  it('reports comments, which the ECS API rejects', () => {
    expectFindings(RULE, `{
  «// the web task»
  "containerDefinitions": []
}`, ['Comments are not allowed: the ECS API and the AWS CLI read strict JSON.']);
  });

  it('reports a truncated document at its end', () => {
    const findings = lintText('{ "containerDefinitions": [ { "name": "a"').filter((f) => f.ruleId === RULE);
    assert.ok(findings.length >= 1);
    assert.match(findings.map((f) => f.message).join('\n'), /not closed/);
  });

  it('reports nothing for strict JSON', () => {
    expectFindings(RULE, `{ "containerDefinitions": [] }`, []);
  });
});

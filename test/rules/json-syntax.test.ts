import * as assert from 'node:assert/strict';
import { expectFindings, lintText } from '../support/lint';

const RULE = 'json-syntax';

describe(RULE, () => {
  it('points at a trailing comma', () => {
    expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [ { "name": "a", "image": "x" }«,» ]
}`,
      ['Trailing comma: remove it, strict JSON does not allow one.'],
    );
  });

  it('reports a trailing comma in an object once, and each trailing comma of a nested pair once', () => {
    const TRAILING = 'Trailing comma: remove it, strict JSON does not allow one.';
    expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx",
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web" } }«,»
    }
  ]
}`,
      [TRAILING],
    );
    expectFindings(RULE, `{ "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx" }«,» ]«,» }`, [TRAILING, TRAILING]);
  });

  it('reports an unquoted template placeholder once, as a template that is not JSON yet', () => {
    expectFindings(
      RULE,
      `{
  "family": "\${app_name}",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": «\${fargate_cpu}»,
  "memory": «\${fargate_memory}»,
  "containerDefinitions": [
    { "name": "app", "image": "\${app_image}", "essential": «#{Essential}», "portMappings": [ { "containerPort": «{{port}}» } ] }
  ]
}`,
      [
        'The template placeholder ${fargate_cpu} is not quoted, so this file is a template and not JSON yet: lint the rendered file, or quote the placeholder ("${fargate_cpu}") where the value is a string.',
        /^The template placeholder \$\{fargate_memory\} is not quoted/,
        /^The template placeholder #\{Essential\} is not quoted/,
        /^The template placeholder \{\{port\}\} is not quoted/,
      ],
    );
  });

  it('points at a missing comma between properties', () => {
    expectFindings(
      RULE,
      `{
  "family": "web"
  «"containerDefinitions"»: []
}`,
      ['A comma is expected between values.'],
    );
  });

  it('reports comments, which the ECS API rejects', () => {
    expectFindings(
      RULE,
      `{
  «// the web task»
  "containerDefinitions": []
}`,
      ['Comments are not allowed: the ECS API and the AWS CLI read strict JSON.'],
    );
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

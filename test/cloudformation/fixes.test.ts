import * as assert from 'node:assert/strict';
import { fixAll } from '../../server/src/service/fixes';
import { analyzeText } from '../../server/src/service/analysis';
import { actionTitled, applyWorkspaceEdit, onlyRules, titles } from '../support/codeActions';
import { codeActions } from '../../server/src/editor/codeActions';
import { toDiagnostic } from '../../server/src/service/diagnostics';
import { validate } from '../../server/src/service/validate';
import { lintText } from '../support/lint';
import { hoverAt } from '../support/editor';
import { runCli, tempWorkspace } from '../support/cli';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JSON_URI, YAML_URI } from '../support/templates';

/** The document after the quick fix with this title, on the only finding of the rule. */
function afterFix(text: string, uri: string, ruleId: string, title: string): string {
  const analysis = analyzeText(text, uri);
  const diagnostics = validate(analysis, onlyRules(ruleId)).map(toDiagnostic);
  assert.equal(diagnostics.length, 1, `one ${ruleId} finding expected`);
  const actions = codeActions(analysis, diagnostics, { validate: onlyRules(ruleId) });
  const fixed = applyWorkspaceEdit(actionTitled(actions, title).edit, uri, text);
  assert.ok(fixed !== undefined);
  assert.deepEqual(
    lintText(fixed, onlyRules(ruleId), uri).map((finding) => finding.message),
    [],
    `${ruleId} still fires after "${title}"`,
  );
  return fixed;
}

describe('CloudFormation templates: quick fixes', () => {
  it('sets a property of a YAML block mapping with the template name, keeping comments and indentation', () => {
    const text = `Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app # the web app
          Image: nginx
          Privileged: true   # for now
`;
    assert.equal(afterFix(text, YAML_URI, 'privileged-container', 'Set "Privileged": false'), text.replace('Privileged: true', 'Privileged: false'));
    assert.equal(
      afterFix(text, YAML_URI, 'readonly-root-filesystem', 'Set "ReadonlyRootFilesystem": true'),
      `Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app # the web app
          Image: nginx
          Privileged: true   # for now
          ReadonlyRootFilesystem: true
`,
    );
  });

  it('adds to a YAML flow mapping in flow style', () => {
    const text = `Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - { Name: app, Image: nginx }
`;
    assert.equal(
      afterFix(text, YAML_URI, 'readonly-root-filesystem', 'Set "ReadonlyRootFilesystem": true'),
      text.replace('{ Name: app, Image: nginx }', '{ Name: app, Image: nginx, ReadonlyRootFilesystem: true }'),
    );
  });

  it('moves a variable to Secrets in YAML block style with the template names', () => {
    const text = `Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Environment:
            - Name: AWS_SECRET_ACCESS_KEY
              Value: x
            - { Name: PORT, Value: "80" }
`;
    const fixed = afterFix(text, YAML_URI, 'environment-secrets', 'Move AWS_SECRET_ACCESS_KEY to "Secrets" (fill in <REGION>, <ACCOUNT_ID> and <SECRET_NAME> in its ValueFrom)');
    assert.equal(
      fixed,
      `Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Environment:
            - { Name: PORT, Value: "80" }
          Secrets:
            - Name: AWS_SECRET_ACCESS_KEY
              ValueFrom: "arn:aws:secretsmanager:<REGION>:<ACCOUNT_ID>:secret:<SECRET_NAME>"
`,
    );
  });

  it('fixes a JSON template in JSON with the template names', () => {
    const text = `{
  "Resources": {
    "WebTask": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "ContainerDefinitions": [
          { "Name": "app", "Image": "nginx", "User": "1000", "ReadonlyRootFilesystem": true }
        ],
        "NetworkMode": "AWSVPC"
      }
    }
  }
}
`;
    assert.equal(afterFix(text, JSON_URI, 'value-type', 'Change "NetworkMode" to "awsvpc"'), text.replace('"AWSVPC"', '"awsvpc"'));
    assert.equal(
      afterFix(text, JSON_URI, 'log-configuration', 'Add an awslogs log configuration (log group "/ecs/<FAMILY>"), then fill in <FAMILY> and <REGION>'),
      text.replace(
        '"ReadonlyRootFilesystem": true }',
        '"ReadonlyRootFilesystem": true, "LogConfiguration": { "LogDriver": "awslogs", "Options": { "awslogs-group": "/ecs/<FAMILY>", "awslogs-region": "<REGION>", "awslogs-stream-prefix": "app" } } }',
      ),
    );
  });

  it('offers no fix that would write over an intrinsic function', () => {
    const text = `Parameters:
  Debug: { Type: String, Default: "true" }
Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Privileged: !Ref Debug
`;
    const analysis = analyzeText(text, YAML_URI);
    const diagnostics = validate(analysis, onlyRules('privileged-container')).map(toDiagnostic);
    assert.equal(diagnostics.length, 1);
    assert.ok(!titles(codeActions(analysis, diagnostics)).some((title) => title.startsWith('Set ')));
  });

  it('fix all and lint --fix apply the safe fixes to YAML templates', async () => {
    const text = `Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: AWSVPC
      ContainerDefinitions:
        - Name: app
          Image: nginx
          ReadonlyRootFilesystem: false
`;
    const expected = text.replace('AWSVPC', 'awsvpc').replace('ReadonlyRootFilesystem: false', 'ReadonlyRootFilesystem: true');
    assert.equal(fixAll(analyzeText(text, YAML_URI)).text, expected);
    const workspace = tempWorkspace({ 'infra/stack.yaml': text });
    try {
      await runCli(['lint', '--fix'], workspace.dir);
      assert.equal(fs.readFileSync(path.join(workspace.dir, 'infra/stack.yaml'), 'utf8'), expected);
    } finally {
      workspace.cleanup();
    }
  });
});

describe('CloudFormation templates: fixes and hover inside Fn::If', () => {
  const text = `Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx
          User: "1000"
          LogConfiguration: { LogDriver: awslogs }
          ReadonlyRootFilesystem: !If [IsProduction, true, false]
`;

  it('fixes the branch the finding is on', () => {
    assert.equal(afterFix(text, YAML_URI, 'readonly-root-filesystem', 'Set "ReadonlyRootFilesystem": true'), text.replace('!If [IsProduction, true, false]', '!If [IsProduction, true, true]'));
  });

  it('hovers a value in a branch with the field it is the value of', () => {
    const markdown = hoverAt(text.replace('true, false]', 'true, fa|lse]'), { uri: YAML_URI }) ?? '';
    assert.match(markdown, /\*\*ReadonlyRootFilesystem\*\* · boolean/);
    assert.match(markdown, /when condition IsProduction is false/);
  });
});

describe('CloudFormation templates: fixes in a template with several task definitions', () => {
  it('edits the resource the finding is in', () => {
    const text = `Resources:
  ApiTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - { Name: api, Image: api }
  WorkerTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - { Name: worker, Image: worker, Privileged: true }
`;
    assert.equal(afterFix(text, YAML_URI, 'privileged-container', 'Set "Privileged": false'), text.replace('Privileged: true', 'Privileged: false'));
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentSymbols } from '../../server/src/editor/documentSymbols';
import { analyzeText } from '../../server/src/service/analysis';
import { acceptCompletion, completionLabelsAt, hoverAt } from '../support/editor';

const YAML_URI = 'file:///workspace/stack.yaml';
const JSON_URI = 'file:///workspace/stack.template.json';

const YAML_TEMPLATE = (cursorLine: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 256
      Memory: 512
      ContainerDefinitions:
        - Name: app
          Image: nginx
          User: "1000"
          LogConfiguration: { LogDriver: awslogs }
${cursorLine}
`;

describe('CloudFormation templates: hover, completion and outline', () => {
  it('hovers a YAML property with its template name, and the finding on it', () => {
    const markdown = hoverAt(YAML_TEMPLATE('          ReadonlyRootFilesystem: fa|lse'), { uri: YAML_URI }) ?? '';
    assert.match(markdown, /WebTask: Container "app" has a writable root filesystem/);
    assert.match(markdown, /\*\*ReadonlyRootFilesystem\*\* · boolean/);
  });

  it('hovers the task size of the resource under the cursor with the Fargate sizes', () => {
    const markdown = hoverAt(YAML_TEMPLATE('').replace('Cpu: 256', 'Cp|u: 256'), { uri: YAML_URI }) ?? '';
    assert.match(markdown, /\*\*Cpu\*\* · string/);
    assert.match(markdown, /512/);
  });

  it('has no hover outside the task definition resources', () => {
    assert.equal(hoverAt(YAML_TEMPLATE('').replace('Type: AWS::ECS::TaskDefinition', 'Ty|pe: AWS::ECS::TaskDefinition'), { uri: YAML_URI }), undefined);
  });

  it('completes property names of a JSON template in the template spelling, without those present', () => {
    const labels = completionLabelsAt(
      `{
  "Resources": {
    "WebTask": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "ContainerDefinitions": [ { "Name": "app", "Image": "nginx", | } ]
      }
    }
  }
}`,
      { uri: JSON_URI },
    );
    assert.ok(labels.includes('ReadonlyRootFilesystem'), labels.join());
    assert.ok(!labels.includes('Name') && !labels.includes('readonlyRootFilesystem'), labels.join());
  });

  it('completes container property names in YAML in the template spelling, without those present, indented for YAML', () => {
    const marked = YAML_TEMPLATE('          Read|');
    const labels = completionLabelsAt(marked, { uri: YAML_URI });
    assert.ok(labels.includes('ReadonlyRootFilesystem') && labels.includes('Environment'), labels.join());
    assert.ok(!labels.includes('Name') && !labels.includes('User') && !labels.includes('readonlyRootFilesystem'), labels.join());
    assert.equal(acceptCompletion(marked, 'ReadonlyRootFilesystem', { uri: YAML_URI }), YAML_TEMPLATE('          ReadonlyRootFilesystem: true'));
    assert.equal(acceptCompletion(marked, 'Environment', { uri: YAML_URI }), YAML_TEMPLATE('          Environment:\n            - '));
  });

  it('completes task-level names on an empty line of Properties, and the Fargate memory values that fit the cpu', () => {
    const marked = YAML_TEMPLATE('').replace('      Memory: 512\n', '      |\n');
    const labels = completionLabelsAt(marked, { uri: YAML_URI });
    assert.ok(labels.includes('Memory') && labels.includes('ExecutionRoleArn') && !labels.includes('Cpu'), labels.join());
    assert.deepEqual(completionLabelsAt(YAML_TEMPLATE('').replace('Memory: 512', 'Memory: |'), { uri: YAML_URI }), ['512', '1024', '2048']);
  });

  it('completes enumerated values and list items in YAML', () => {
    assert.ok(completionLabelsAt(YAML_TEMPLATE('').replace('NetworkMode: awsvpc', 'NetworkMode: aw|'), { uri: YAML_URI }).includes('awsvpc'));
    const items = completionLabelsAt(YAML_TEMPLATE('').replace('RequiresCompatibilities: [FARGATE]', 'RequiresCompatibilities:\n        - FARGATE\n        - |'), { uri: YAML_URI });
    assert.ok(items.includes('EC2') && !items.includes('FARGATE'), items.join());
  });

  it('completes nothing outside task definition resources', () => {
    assert.deepEqual(completionLabelsAt(YAML_TEMPLATE('').replace('Resources:\n', 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      |\n'), { uri: YAML_URI }), []);
  });

  it('leaves the outline of templates to the JSON, YAML and AWS Toolkit extensions', () => {
    assert.deepEqual(documentSymbols(analyzeText(YAML_TEMPLATE(''), YAML_URI)), []);
  });

  it('the extension activates on YAML, and its client offers YAML documents to the server', () => {
    const root = path.resolve(__dirname, '../..');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { activationEvents: string[] };
    assert.ok(manifest.activationEvents.includes('onLanguage:yaml'));
    const extension = fs.readFileSync(path.join(root, 'client/src/extension.ts'), 'utf8');
    assert.match(extension, /\{ scheme: 'file', language: 'yaml' \}/);
  });
});

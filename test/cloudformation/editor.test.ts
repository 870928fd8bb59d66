import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentSymbols } from '../../server/src/editor/documentSymbols';
import { analyzeText } from '../../server/src/service/analysis';
import { acceptCompletion, completionLabelsAt, completionsAt, hoverAt } from '../support/editor';
import { JSON_URI, YAML_URI } from '../support/templates';

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

  it('explains the property an intrinsic function computes: a Ref, an If condition, an Sub, and under the finding on it', () => {
    const template = (line: string) => YAML_TEMPLATE(line).replace('Resources:', 'Parameters:\n  Writable: { Type: String, Default: "false" }\nResources:');
    const text = hoverAt(template('          ReadonlyRootFilesystem: !Ref Writ|able'), { uri: YAML_URI }) ?? '';
    const [finding, property] = text.split('\n\n---\n\n');
    assert.match(finding, /^\*\*readonly-root-filesystem\*\* \(warning\)/);
    assert.match(property, /^\*\*ReadonlyRootFilesystem\*\* · boolean/);
    assert.match(hoverAt(YAML_TEMPLATE('          Privileged: !If [IsPr|od, true, false]'), { uri: YAML_URI }) ?? '', /^\*\*Privileged\*\* · boolean/m);
    assert.match(hoverAt(YAML_TEMPLATE('').replace('Image: nginx', 'Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/a|pp"'), { uri: YAML_URI }) ?? '', /^\*\*Image\*\* · string/);
    assert.match(hoverAt(YAML_TEMPLATE('').replace('Cpu: 256', 'Cpu: !Ref Task|Cpu'), { uri: YAML_URI }) ?? '', /^\*\*Cpu\*\* · string/);
  });

  it('explains the innermost property an intrinsic function computes: a value inside an If branch', () => {
    const lines = (hoverAt(YAML_TEMPLATE('          Environment: !If [IsProd, [{ Name: STAGE, Value: !Ref St|age }], []]'), { uri: YAML_URI }) ?? '').split('\n');
    assert.equal(lines[0], '**Value** · string');
    const condition = (hoverAt(YAML_TEMPLATE('          Environment: !If [IsP|rod, [{ Name: STAGE, Value: !Ref Stage }], []]'), { uri: YAML_URI }) ?? '').split('\n');
    assert.equal(condition[0], '**Environment** · array of objects');
  });

  it('explains the property an intrinsic function computes in a JSON template, also on the function name', () => {
    const json = (memory: string) => `{
  "Resources": {
    "WebTask": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "RequiresCompatibilities": ["FARGATE"],
        "Cpu": "256",
        "Memory": ${memory},
        "ContainerDefinitions": [ { "Name": "app", "Image": "nginx" } ]
      }
    }
  }
}`;
    assert.match(hoverAt(json('{ "Ref": "Task|Memory" }'), { uri: JSON_URI }) ?? '', /^\*\*Memory\*\* · string/);
    assert.match(hoverAt(json('{ "R|ef": "TaskMemory" }'), { uri: JSON_URI }) ?? '', /^\*\*Memory\*\* · string/);
    assert.match(hoverAt(json('{ "Fn::If": ["IsP|rod", "1024", "512"] }'), { uri: JSON_URI }) ?? '', /^\*\*Memory\*\* · string/);
  });

  it('has no hover on the resource around the task definition properties', () => {
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

  describe('completion inside intrinsic functions of a task definition resource', () => {
    const withCondition = (text: string) => text.replace('Resources:', 'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\nResources:');
    const yaml = (replace: string, by: string) => withCondition(YAML_TEMPLATE('')).replace(replace, by);
    const json = (property: string, container = '') => `{
  "Conditions": { "IsProd": { "Fn::Equals": [{ "Ref": "AWS::StackName" }, "prod"] } },
  "Resources": {
    "WebTask": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "RequiresCompatibilities": ["FARGATE"],
        "NetworkMode": "awsvpc",
        "Memory": "2048",
${property}
        "ContainerDefinitions": [ { "Name": "app", "Image": "nginx"${container} } ]
      }
    }
  }
}`;

    it('offers the Fargate cpu values in a branch of an !If in YAML, flow and block, as in a plain value', () => {
      const fitting = ['256', '512', '1024'];
      const memory2048 = (cpu: string) => yaml('Cpu: 256\n      Memory: 512', `${cpu}\n      Memory: 2048`);
      assert.deepEqual(completionLabelsAt(memory2048('Cpu: |'), { uri: YAML_URI }), fitting);
      assert.deepEqual(completionLabelsAt(memory2048('Cpu: !If [IsProd, |, 256]'), { uri: YAML_URI }), fitting);
      assert.deepEqual(completionLabelsAt(memory2048('Cpu: !If [IsProd, 256, 1|]'), { uri: YAML_URI }), fitting);
      assert.deepEqual(completionLabelsAt(memory2048('Cpu: !If\n        - IsProd\n        - |\n        - 256'), { uri: YAML_URI }), fitting);
      assert.deepEqual(completionLabelsAt(memory2048('Cpu:\n        Fn::If: [IsProd, |, 256]'), { uri: YAML_URI }), fitting);
      assert.equal(acceptCompletion(memory2048('Cpu: !If [IsProd, 1|, 256]'), '1024', { uri: YAML_URI }), memory2048('Cpu: !If [IsProd, 1024, 256]'));
    });

    it('offers enumerated values and booleans in a branch of an !If in YAML', () => {
      assert.deepEqual(completionLabelsAt(yaml('NetworkMode: awsvpc', 'NetworkMode: !If [IsProd, aw|, bridge]'), { uri: YAML_URI }), ['awsvpc', 'bridge', 'host', 'none']);
      assert.deepEqual(completionLabelsAt(YAML_TEMPLATE('          ReadonlyRootFilesystem: !If [IsProd, |, false]'), { uri: YAML_URI }), ['true', 'false']);
      const items = completionLabelsAt(yaml('RequiresCompatibilities: [FARGATE]', 'RequiresCompatibilities: !If [IsProd, [FARGATE, |], [EC2]]'), { uri: YAML_URI });
      assert.ok(items.includes('EC2') && !items.includes('FARGATE'), items.join());
    });

    it('offers the values of the property in a branch of an Fn::If in JSON, typed or not yet', () => {
      const fitting = ['"256"', '"512"', '"1024"'];
      assert.deepEqual(completionLabelsAt(json('        "Cpu": { "Fn::If": ["IsProd", |, "256"] },'), { uri: JSON_URI }), fitting);
      assert.deepEqual(completionLabelsAt(json('        "Cpu": { "Fn::If": ["IsProd", "256", "|"] },'), { uri: JSON_URI }), fitting);
      assert.equal(acceptCompletion(json('        "Cpu": { "Fn::If": ["IsProd", |, "256"] },'), '"1024"', { uri: JSON_URI }), json('        "Cpu": { "Fn::If": ["IsProd", "1024", "256"] },'));
      assert.deepEqual(completionLabelsAt(json('', ', "ReadonlyRootFilesystem": { "Fn::If": ["IsProd", |, false] }'), { uri: JSON_URI }), ['true', 'false']);
    });

    it('offers the keys of the property an !If computes in an object of its branch, YAML and JSON', () => {
      const logConfiguration = '          LogConfiguration: !If\n            - IsProd\n            - LogDriver: awslogs\n              |\n            - !Ref AWS::NoValue';
      assert.deepEqual(completionLabelsAt(withCondition(YAML_TEMPLATE(logConfiguration).replace('          LogConfiguration: { LogDriver: awslogs }\n', '')), { uri: YAML_URI }), [
        'Options',
        'SecretOptions',
      ]);
      const branch = ', "LogConfiguration": { "Fn::If": ["IsProd", { "LogDriver": "awslogs", | }, { "Ref": "AWS::NoValue" }] }';
      assert.deepEqual(completionLabelsAt(json('', branch), { uri: JSON_URI }), ['Options', 'SecretOptions']);
    });

    it("offers a !Ref's parameters, other resources and pseudo parameters, and an !If's conditions: never the property's values", () => {
      const withRefs = (text: string) =>
        withCondition(text).replace('Conditions:', 'Parameters:\n  TaskCpu: { Type: String, Default: "256" }\nConditions:').replace('Resources:', 'Resources:\n  TaskRole:\n    Type: AWS::IAM::Role');
      const refs = ['TaskCpu', 'TaskRole', 'AWS::AccountId', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'AWS::NotificationARNs'];
      for (const cpu of ['Cpu: !Ref |', 'Cpu: !Ref Task|', 'Cpu: !If [IsProd, !Ref |, 256]', 'Cpu:\n        Ref: |']) {
        assert.deepEqual(completionLabelsAt(withRefs(YAML_TEMPLATE('').replace('Cpu: 256', cpu)), { uri: YAML_URI }), refs, cpu);
      }
      const item = completionsAt(withRefs(YAML_TEMPLATE('').replace('Cpu: 256', 'Cpu: !Ref Task|')), { uri: YAML_URI })[0];
      assert.equal(item.detail, 'Parameter · String · default 256');
      assert.equal(
        acceptCompletion(withRefs(YAML_TEMPLATE('').replace('Cpu: 256', 'Cpu: !Ref Task|')), 'TaskCpu', { uri: YAML_URI }),
        withRefs(YAML_TEMPLATE('').replace('Cpu: 256', 'Cpu: !Ref TaskCpu')),
      );
      for (const cpu of ['Cpu: !If [|, 1024, 256]', 'Cpu: !If [Is|, 1024, 256]', 'Cpu: !If\n        - |\n        - 1024\n        - 256']) {
        assert.deepEqual(completionLabelsAt(yaml('Cpu: 256', cpu), { uri: YAML_URI }), ['IsProd'], cpu);
      }
      for (const cpu of ['{ "Ref": "|" }', '{ "Ref": | }']) {
        assert.deepEqual(
          completionLabelsAt(json(`        "Cpu": ${cpu},`), { uri: JSON_URI }),
          ['"AWS::AccountId"', '"AWS::NoValue"', '"AWS::Partition"', '"AWS::Region"', '"AWS::StackId"', '"AWS::StackName"', '"AWS::URLSuffix"', '"AWS::NotificationARNs"'],
          cpu,
        );
      }
      assert.equal(acceptCompletion(json('        "Cpu": { "Ref": | },'), '"AWS::NoValue"', { uri: JSON_URI }), json('        "Cpu": { "Ref": "AWS::NoValue" },'));
      assert.deepEqual(completionLabelsAt(json('        "Cpu": { "Fn::If": ["|", "1024", "256"] },'), { uri: JSON_URI }), ['"IsProd"']);
    });

    it('leaves a !Ref outside the ECS resources to other extensions', () => {
      const bucket = YAML_TEMPLATE('').replace('Resources:\n', 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref |\n');
      assert.deepEqual(completionLabelsAt(bucket, { uri: YAML_URI }), []);
    });
  });

  it('completes nothing in the properties of a resource that is not an ECS resource', () => {
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

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { analyzeText } from '../../server/src/service/analysis';
import { fixAll } from '../../server/src/service/fixes';
import { validate } from '../../server/src/service/validate';

/** Values a template property may hold: literals of every type, and intrinsic functions in long and short form. */
const intrinsic = fc.oneof(
  fc.constantFrom({ Ref: 'Size' }, { Ref: 'Mode' }, { Ref: 'AWS::NoValue' }, { Ref: 'Unknown' }, { 'Fn::GetAtt': ['Role', 'Arn'] }, { 'Fn::Sub': '${AWS::StackName}-web' }),
  fc.tuple(fc.constantFrom('IsProd', 'Debug'), fc.constantFrom(true, false, 'x', 256), fc.constantFrom(true, false, { Ref: 'AWS::NoValue' })).map(([c, a, b]) => ({ 'Fn::If': [c, a, b] })),
);
const scalar = fc.oneof(fc.boolean(), fc.integer({ min: -1, max: 70000 }), fc.constantFrom('256', '512', 'awsvpc', 'host', 'FARGATE', 'LINUX', 'true', '', 'root', '1000', '<PLACEHOLDER>'));
const value = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: intrinsic }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) });
const containerKeys = ['Name', 'Image', 'Memory', 'Cpu', 'Essential', 'Privileged', 'ReadonlyRootFilesystem', 'User', 'Environment', 'LogConfiguration'];
const container = fc.dictionary(fc.constantFrom(...containerKeys), value, { maxKeys: 6 });
const taskKeys = ['Cpu', 'Memory', 'NetworkMode', 'RequiresCompatibilities', 'ExecutionRoleArn', 'RuntimePlatform', 'PidMode'];
const properties = fc
  .tuple(fc.dictionary(fc.constantFrom(...taskKeys), value, { maxKeys: 5 }), fc.array(fc.oneof(container, intrinsic), { maxLength: 3 }))
  .map(([task, containers]) => ({ ...task, ContainerDefinitions: containers }));
const template = fc.array(properties, { minLength: 1, maxLength: 2 }).map((resources) => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Parameters: { Size: { Type: 'Number', Default: 512, AllowedValues: [256, 512, 3000] }, Mode: { Type: 'String', Default: 'host' } },
  Resources: Object.fromEntries(resources.map((props, i) => [`Task${i}`, { Type: 'AWS::ECS::TaskDefinition', Properties: props }])),
}));

describe('CloudFormation templates: properties over generated templates', () => {
  it('lint and fix all never throw, ranges stay in the text, and the fixed YAML or JSON still parses', () => {
    fc.assert(
      fc.property(template, fc.boolean(), (generated, asYaml) => {
        const text = asYaml ? stringify(generated) : JSON.stringify(generated, null, 2);
        const uri = asYaml ? 'file:///t.yaml' : 'file:///t.json';
        const analysis = analyzeText(text, uri);
        const findings = validate(analysis, { onRuleError: (ruleId, error) => assert.fail(`${ruleId} threw: ${String(error)}`) });
        for (const finding of findings) assert.ok(finding.offset >= 0 && finding.offset + finding.length <= text.length);
        const fixed = fixAll(analysis).text;
        if (asYaml) assert.deepEqual(parseDocument(fixed).errors, []);
        else JSON.parse(fixed);
        // What a fix changes is still a template with the same resources.
        assert.deepEqual(
          analyzeText(fixed, uri).taskDefinitions.map((doc) => doc.template?.logicalId),
          analysis.taskDefinitions.map((doc) => doc.template?.logicalId),
        );
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });
});

import * as assert from 'node:assert/strict';
import { expectSameInTemplates } from '../support/asTemplate';
import { expectFindings, lintText } from '../support/lint';
import { analyzeText } from '../../server/src/service/analysis';
import { JSON_URI, YAML_URI } from '../support/templates';

/** The rule ids found, with each finding's text in the template. */
function found(text: string, uri: string): string[] {
  return lintText(text, {}, uri).map((finding) => `${finding.ruleId} ${text.slice(finding.offset, finding.offset + finding.length)}`);
}

describe('CloudFormation templates', () => {
  describe('recognised by content', () => {
    it('lints a JSON template by AWSTemplateFormatVersion, reporting on the template nodes with template paths and the logical id', () => {
      expectFindings(
        'readonly-root-filesystem',
        `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "WebTask": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "ContainerDefinitions": [
          { "Name": "app", "Image": "nginx", "ReadonlyRootFilesystem": «false» },
          { "Name": «"sidecar"», "Image": "envoy" }
        ]
      }
    }
  }
}`,
        [
          {
            message: 'WebTask: Container "app" has a writable root filesystem (Security Hub ECS.5). Set "ReadonlyRootFilesystem": true and mount a volume for each path the container must write to.',
            path: ['Resources', 'WebTask', 'Properties', 'ContainerDefinitions', 0, 'ReadonlyRootFilesystem'],
          },
          { message: /^WebTask: Container "sidecar" does not set "ReadonlyRootFilesystem"/, path: ['Resources', 'WebTask', 'Properties', 'ContainerDefinitions', 1] },
        ],
        { uri: JSON_URI },
      );
    });

    it('lints CDK output (Resources with AWS:: types, no format version), each task definition resource on its own', () => {
      expectFindings(
        'privileged-container',
        `{
  "Resources": {
    "ApiTaskDef1A2B3C": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "ContainerDefinitions": [ { "Name": "api", "Image": "api", "Privileged": «true» } ] } },
    "Bucket83908E77": { "Type": "AWS::S3::Bucket" },
    "WorkerTaskDefD4E5F6": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "ContainerDefinitions": [ { "Name": "worker", "Image": "w", "Privileged": «true» } ] } }
  }
}`,
        [/^ApiTaskDef1A2B3C: Container "api" runs privileged/, /^WorkerTaskDefD4E5F6: Container "worker" runs privileged/],
        { uri: JSON_URI },
      );
    });

    it('leaves other JSON and YAML alone', () => {
      assert.deepEqual(found('{ "Resources": { "A": { "Type": "Custom::Thing" } } }', JSON_URI), []);
      assert.deepEqual(found('Resources:\n  Web:\n    Type: Kubernetes::Pod\n', YAML_URI), []);
      assert.deepEqual(found('name: ci\non: [push]\njobs: {}\n', 'file:///workspace/.github/workflows/ci.yml'), []);
      assert.deepEqual(found('- name: app\n  image: nginx\n', YAML_URI), []);
    });
  });

  describe('YAML', () => {
    it('reads block and flow style, comments and short tags, with ranges on the YAML nodes', () => {
      const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 256 # a number in YAML, sent as "256"
      Memory: 1024
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
      TaskRoleArn: !Ref TaskRole
      ContainerDefinitions:
        - Name: app
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/app:latest"
          Essential: "true"
          ReadonlyRootFilesystem: false
          User: "1000"
          LogConfiguration: { LogDriver: awslogs, Options: { awslogs-group: !Ref LogGroup, awslogs-region: !Ref AWS::Region } }
          Environment:
            - { Name: AWS_ACCESS_KEY_ID, Value: !Ref AccessKey }
`;
      assert.deepEqual(found(text, YAML_URI), ['readonly-root-filesystem false', 'environment-secrets AWS_ACCESS_KEY_ID']);
    });

    it('gives YAML findings the same template paths as JSON', () => {
      const [finding] = lintText(
        `Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx
          ReadonlyRootFilesystem: true
          User: "1000"
          LogConfiguration: { LogDriver: awslogs }
          Privileged: yes-please
`,
        {},
        YAML_URI,
      ).filter((candidate) => candidate.ruleId === 'value-type');
      assert.deepEqual(finding.path, ['Resources', 'WebTask', 'Properties', 'ContainerDefinitions', 0, 'Privileged']);
      assert.match(finding.message, /^WebTask: "Privileged" in container "app" must be true or false/);
    });

    it("leaves Error.stackTraceLimit as it was (the parse turns stack traces off for the yaml package's warnings)", () => {
      const saved = Error.stackTraceLimit;
      Error.stackTraceLimit = 42; // a value no parse sets
      try {
        analyzeText('Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn: !Ref Role\n', YAML_URI);
        assert.equal(Error.stackTraceLimit, 42);
        analyzeText(`Resources: ${'['.repeat(100_000)}\n# AWS::ECS::TaskDefinition\n`, YAML_URI);
        assert.equal(Error.stackTraceLimit, 42);
      } finally {
        Error.stackTraceLimit = saved;
      }
    });

    it('never reports json-syntax on YAML, and lints what parsed of a broken file', () => {
      const ids = lintText('Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: [ { Name: a, Image: b, Privileged: true }\n', {}, YAML_URI).map(
        (finding) => finding.ruleId,
      );
      assert.ok(!ids.includes('json-syntax'), ids.join());
    });
  });

  describe('intrinsic functions', () => {
    const template = (properties: string, parameters = '') => `AWSTemplateFormatVersion: "2010-09-09"
${parameters}Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
${properties}`;

    it('checks a Ref to a parameter with its Default, on the Ref', () => {
      expectFindings(
        'host-network-mode',
        template(
          `      NetworkMode: «!Ref Mode»
      ContainerDefinitions: [ { Name: app, Image: nginx } ]
`,
          `Parameters:
  Mode: { Type: String, Default: host }
`,
        ),
        [/^WebTask: The task uses host network mode/],
        { uri: YAML_URI },
      );
    });

    it('checks every AllowedValues entry, naming the value when only some give the finding', () => {
      expectFindings(
        'host-network-mode',
        template(
          `      NetworkMode: «!Ref Mode»
      ContainerDefinitions: [ { Name: app, Image: nginx } ]
`,
          `Parameters:
  Mode:
    Type: String
    Default: awsvpc
    AllowedValues: [awsvpc, bridge, host]
`,
        ),
        [/^WebTask: The task uses host network mode.* \(when parameter Mode is "host"\)$/],
        { uri: YAML_URI },
      );
    });

    it('checks both branches of Fn::If, saying which condition gives the finding', () => {
      expectFindings(
        'privileged-container',
        template(`      ContainerDefinitions:
        - Name: app
          Image: nginx
          Privileged: !If [IsProd, false, «true»]
`),
        [/^WebTask: Container "app" runs privileged.* \(when condition IsProd is false\)$/],
        { uri: YAML_URI },
      );
      expectFindings(
        'privileged-container',
        `{
  "Resources": { "T": { "Type": "AWS::ECS::TaskDefinition", "Properties": {
    "ContainerDefinitions": [ { "Name": "app", "Image": "nginx", "Privileged": { "Fn::If": ["Debug", «true», «true»] } } ] } } }
}`,
        [/\(when condition Debug is true\)$/, /\(when condition Debug is false\)$/],
        { uri: JSON_URI },
      );
    });

    it('checks a condition nested in the branch of another', () => {
      expectFindings(
        'privileged-container',
        template(`      ContainerDefinitions:
        - Name: app
          Image: nginx
          Privileged: !If [IsProd, false, !If [Debug, «true», false]]
`),
        [/^WebTask: Container "app" runs privileged.* \(when condition IsProd is false and condition Debug is true\)$/],
        { uri: YAML_URI },
      );
    });

    it('drops AWS::NoValue, as CloudFormation does', () => {
      expectFindings(
        'readonly-root-filesystem',
        template(`      ContainerDefinitions:
        - Name: «app»
          Image: nginx
          ReadonlyRootFilesystem: !If [IsProd, true, !Ref AWS::NoValue]
`),
        [/^WebTask: Container "app" does not set "ReadonlyRootFilesystem".* \(when condition IsProd is false\)$/],
        { uri: YAML_URI },
      );
    });

    it('treats other intrinsics and parameters without a Default as unknown, never a finding', () => {
      const text = template(
        `      RequiresCompatibilities: [FARGATE]
      NetworkMode: !Ref Mode
      Cpu: !FindInMap [Sizes, !Ref Env, Cpu]
      Memory: !Select [0, [512, 1024]]
      ExecutionRoleArn: !ImportValue shared-execution-role
      RuntimePlatform: { OperatingSystemFamily: !Ref Os }
      ContainerDefinitions:
        - Name: app
          Image: !Join [":", [nginx, !Ref Tag]]
          User: !Ref User
          ReadonlyRootFilesystem: !Ref ReadOnly
          Privileged: !Condition IsProd
          LogConfiguration: !If [IsProd, { LogDriver: awslogs }, { LogDriver: awslogs }]
          Environment: !Split [",", !Ref Vars]
`,
        `Parameters:
  Mode: { Type: String }
  Os: { Type: String }
  User: { Type: String }
  ReadOnly: { Type: String }
`,
      );
      assert.deepEqual(found(text, YAML_URI), []);
    });

    it('reads a list parameter default as a list', () => {
      expectFindings(
        'fargate-network-mode',
        template(
          `      RequiresCompatibilities: !Ref Compatibilities
      NetworkMode: «bridge»
      ContainerDefinitions: [ { Name: app, Image: nginx } ]
`,
          `Parameters:
  Compatibilities: { Type: CommaDelimitedList, Default: "EC2,FARGATE" }
`,
        ),
        [/^WebTask: This task requires Fargate/],
        { uri: YAML_URI },
      );
    });
  });
});

describe('the template harness of the rule tests (test/support/asTemplate.ts)', () => {
  it('fails when a template reports on other containers than the task definition', () => {
    const text = '{ "containerDefinitions": [ { "name": "a", "image": "x", "privileged": true } ] }';
    assert.throws(() => expectSameInTemplates('privileged-container', text, [], {}), /as a CloudFormation template in JSON reports elsewhere/);
    expectSameInTemplates(
      'privileged-container',
      text,
      lintText(text).filter((finding) => finding.ruleId === 'privileged-container'),
      {},
    );
  });
});

describe('YAML that holds no task definition', () => {
  it('is not parsed: a large Kubernetes manifest costs next to nothing', () => {
    const manifest = Array.from({ length: 20000 }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: config-${i} }\ndata: { key: value }\n`).join('');
    const analysis = analyzeText(manifest, YAML_URI);
    assert.equal(analysis.parsed.root, undefined);
    assert.equal(analysis.taskDefinition, undefined);
  });
});

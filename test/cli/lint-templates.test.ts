import * as assert from 'node:assert/strict';
import { runCli, tempWorkspace } from '../support/cli';

const YAML_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Privileged: true
`;
const JSON_TEMPLATE = `{
  "Resources": {
    "ApiTask": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "ContainerDefinitions": [ { "Name": "api", "Image": "api", "Privileged": true } ] } }
  }
}
`;

describe('ecs-guard lint on CloudFormation templates', () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  beforeEach(() => {
    workspace = tempWorkspace({
      'infra/web.yaml': YAML_TEMPLATE,
      'infra/api.template': JSON_TEMPLATE,
      'cdk.out/Stack.template.json': JSON_TEMPLATE,
      'infra/legacy.template': YAML_TEMPLATE,
      '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
      'k8s/deployment.yml': 'apiVersion: apps/v1\nkind: Deployment\n',
    });
  });
  afterEach(() => workspace.cleanup());

  type Output = { file: string; ruleId: string; line: number; column: number; path: (string | number)[]; message: string }[];
  const privileged = (stdout: string) => (JSON.parse(stdout) as Output).filter((finding) => finding.ruleId === 'privileged-container');

  it('finds YAML, JSON and .template templates in a folder by content, and leaves other YAML alone', async () => {
    const run = await runCli(['lint', '--format', 'json'], workspace.dir);
    const files = [...new Set((JSON.parse(run.stdout) as Output).map((finding) => finding.file))];
    assert.deepEqual(files, ['cdk.out/Stack.template.json', 'infra/api.template', 'infra/legacy.template', 'infra/web.yaml']);
  });

  it('gives each finding its path from the template root, its position in the YAML and the logical id', async () => {
    const run = await runCli(['lint', 'infra/web.yaml', '--format', 'json'], workspace.dir);
    const [finding] = privileged(run.stdout);
    assert.deepEqual(finding.path, ['Resources', 'WebTask', 'Properties', 'ContainerDefinitions', 0, 'Privileged']);
    assert.deepEqual([finding.line, finding.column], [9, 23]);
    assert.match(finding.message, /^WebTask: Container "app" runs privileged/);
  });

  it('sarif output carries the template path', async () => {
    const run = await runCli(['lint', 'infra/api.template', '--format', 'sarif'], workspace.dir);
    const sarif = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; message: { text: string } }[] }[] };
    const result = sarif.runs[0].results.find((candidate) => candidate.ruleId === 'privileged-container');
    assert.match(result?.message.text ?? '', /^ApiTask: Container "api" runs privileged/);
  });
});

describe('ecs-guard lint on a named template without ECS resources', () => {
  it('says why it is skipped, in template terms; a template with only a cluster is linted', async () => {
    const workspace = tempWorkspace({
      'cluster.yaml': 'Resources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n',
      'bucket.yaml': 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n',
      'bucket.json': '{ "Resources": { "B": { "Type": "AWS::S3::Bucket" } } }',
    });
    try {
      const cluster = await runCli(['lint', 'cluster.yaml', '-f', 'json'], workspace.dir);
      assert.deepEqual(
        (JSON.parse(cluster.stdout) as { ruleId: string }[]).map((finding) => finding.ruleId),
        ['cluster-container-insights'],
      );
      const yaml = await runCli(['lint', 'bucket.yaml'], workspace.dir);
      assert.match(
        yaml.stderr,
        /bucket\.yaml is not an ECS task definition \(YAML is read as a CloudFormation template, and this one has no ECS task definition, service, cluster, task set or capacity provider\); skipped/,
      );
      const json = await runCli(['lint', 'bucket.json'], workspace.dir);
      assert.match(json.stderr, /bucket\.json is not an ECS task definition \(a CloudFormation template with no ECS task definition, service, cluster, task set or capacity provider\); skipped/);
    } finally {
      workspace.cleanup();
    }
  });
});

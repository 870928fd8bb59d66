import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');

/** The bundled examples are the README's first command: each shows what it is there to show. */
describe('bundled examples', () => {
  let findings: { file: string; ruleId: string; severity: string }[];
  let exitCode: number;
  before(async () => {
    const run = await runCli(['lint', 'examples', '--format', 'json'], ROOT);
    exitCode = run.code;
    findings = JSON.parse(run.stdout);
  });
  const ruleCounts = (file: string) => {
    const counts: Record<string, number> = {};
    for (const f of findings.filter((finding) => finding.file === file)) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    return counts;
  };

  it('web-fargate.json passes every rule', () => assert.deepEqual(ruleCounts('examples/web-fargate.json'), {}));

  it('codedeploy/taskdef.json with placeholders passes every rule', () => assert.deepEqual(ruleCounts('examples/codedeploy/taskdef.json'), {}));

  it('describe-output.json only leaves no room for the GuardDuty agent', () => assert.deepEqual(ruleCounts('examples/describe-output.json'), { 'guardduty-agent-memory': 1 }));

  it('windows-fargate.json cannot be covered by GuardDuty', () => assert.deepEqual(ruleCounts('examples/windows-fargate.json'), { 'guardduty-linux-only': 1 }));

  it('terraform/container-definitions.json gets the container-level controls', () =>
    assert.deepEqual(ruleCounts('examples/terraform/container-definitions.json'), { 'linux-non-root-user': 1, 'log-configuration': 1, 'readonly-root-filesystem': 1 }));

  it('legacy-fargate.json breaks many rules at once', () =>
    assert.deepEqual(ruleCounts('examples/legacy-fargate.json'), {
      'duplicate-container-name': 1,
      'environment-secrets': 2,
      'execution-role-required': 1,
      'fargate-cpu-memory': 1,
      'fargate-network-mode': 1,
      'linux-non-root-user': 2,
      'log-configuration': 2,
      'pid-mode-host': 1,
      'privileged-container': 1,
      'readonly-root-filesystem': 2,
      'value-type': 3,
    }));

  it('cli-input/create-service.json: a Fargate service on platform 1.3.0 that gives its tasks public IPs', () =>
    assert.deepEqual(ruleCounts('examples/cli-input/create-service.json'), { 'fargate-platform-version': 1, 'service-public-ip': 1 }));

  it('cli-input/create-cluster.json passes (Container Insights enhanced)', () => assert.deepEqual(ruleCounts('examples/cli-input/create-cluster.json'), {}));

  it('cloudformation/cluster-and-service.yaml: the service checked against its task definition, the cluster against ECS.12 and GuardDuty', () =>
    assert.deepEqual(ruleCounts('examples/cloudformation/cluster-and-service.yaml'), {
      'cluster-container-insights': 1,
      'fargate-platform-version': 1,
      'guardduty-exclusion-tag': 1,
      'service-public-ip': 1,
      'service-task-definition-compatibility': 1,
    }));

  it('cloudformation/web-service.yaml: the staging branch, the smallest memory value and a plain access key', () =>
    assert.deepEqual(ruleCounts('examples/cloudformation/web-service.yaml'), { 'environment-secrets': 1, 'guardduty-agent-memory': 1, 'readonly-root-filesystem': 1 }));

  it('cdk/EcsGuardExampleStack.template.json (real cdk synth output): the web container keeps CDK defaults, the batch task runs privileged on the host network', () =>
    assert.deepEqual(ruleCounts('examples/cdk/EcsGuardExampleStack.template.json'), {
      'host-network-mode': 1,
      'linux-non-root-user': 2,
      'privileged-container': 1,
      'readonly-root-filesystem': 1,
    }));

  it('not-a-task-definition.json is left alone', () => assert.deepEqual(ruleCounts('examples/not-a-task-definition.json'), {}));

  it('exits with 1 because legacy-fargate.json has error-severity findings', () => assert.equal(exitCode, 1));
});

import * as assert from 'node:assert/strict';
import { ClusterCoverage } from '../../client/src/coverage/model/coverageModel';
import { CONTEXT_VALUES, COMMANDS } from '../../client/src/coverageView/ids';
import { likelyCallerAccount } from '../../client/src/coverageView/model/accounts';
import { buildCoverageTree } from '../../client/src/coverageView/model/coverageTreeModel';
import type { CoverageError, ShellKind } from '../../client/src/coverage';
import { ISSUE_LABELS, MAX_ISSUE_LABEL_LENGTH } from '../../client/src/coverageView/model/labels';
import { errorActions, statisticsLabel } from '../../client/src/coverageView/model/regionNodes';
import type { CoverageTreeNode } from '../../client/src/coverageView/model/treeNode';
import { cluster, region } from '../coverage/support/clusters';
import { allIds, labels, nodeAt, treeInput } from './support/treeInput';

const ADMIN = '111122223333';
const MEMBER = '444455556666';
const ROLE_MISSING = "TaskExecutionRole missing in TaskDefinition - 'billing-api:9'";
const UNKNOWN_TEXT = 'Something GuardDuty has never said before';

function withInstances(base: ClusterCoverage, covered: number, compatible: number): ClusterCoverage {
  return { ...base, containerInstances: { covered, compatible } };
}

const US_EAST = region('us-east-1', [
  cluster('storefront', 'HEALTHY', { updatedAt: '2024-06-10T08:00:00Z' }),
  cluster('billing', 'UNHEALTHY', { issues: [ROLE_MISSING, UNKNOWN_TEXT], updatedAt: '2024-06-10T06:13:00Z' }),
  cluster('analytics', 'HEALTHY', { updatedAt: '2024-06-09T00:00:00Z' }),
  withInstances(cluster('batch-ec2', 'UNHEALTHY', { accountId: MEMBER, updatedAt: '2024-06-11T00:00:00Z' }), 2, 5),
]);
const EU_WEST = region('eu-west-1', [], { kind: 'access-denied', message: 'Access denied by GuardDuty in eu-west-1.', nextStep: 'Allow guardduty:ListDetectors.', requestId: 'req-123' });

describe('coverage tree model', () => {
  describe('regions', () => {
    const roots = buildCoverageTree(treeInput({ regions: ['us-east-1', 'eu-west-1', 'ap-south-1'], snapshot: [US_EAST, EU_WEST] }));

    it('has one node per chosen region, in the chosen order, labelled with its statistics', () => {
      assert.deepEqual(labels(roots), ['us-east-1', 'eu-west-1', 'ap-south-1']);
      assert.equal(roots[0].description, '2/4 healthy · 50%');
      assert.equal(roots[0].icon, 'globe');
      assert.equal(roots[0].collapsible, 'expanded');
      assert.equal(roots[0].contextValue, CONTEXT_VALUES.region);
    });

    it('formats statistics as healthy/all and the rounded-down percentage', () => {
      assert.equal(statisticsLabel({ HEALTHY: 3, UNHEALTHY: 1 }), '3/4 healthy · 75%');
      assert.equal(statisticsLabel({ HEALTHY: 2, UNHEALTHY: 1 }), '2/3 healthy · 66%');
      assert.equal(statisticsLabel({ HEALTHY: 0, UNHEALTHY: 0 }), 'no ECS clusters');
      assert.equal(statisticsLabel(null), 'no statistics');
    });

    it('offers the region-wide AWS CLI command with the profile and endpoint in use', () => {
      const [usEast] = buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [US_EAST], connection: { profile: 'audit', endpoint: 'http://127.0.0.1:4566' } }));
      assert.match(
        usEast.awsCliCommand ?? '',
        /^aws guardduty list-coverage --region us-east-1 --detector-id d1 --filter-criteria '.*RESOURCE_TYPE.*' --profile audit --endpoint-url http:\/\/127\.0\.0\.1:4566$/,
      );
    });

    it('shows a failed region with the core message and next step under it, the others still loaded', () => {
      const euWest = roots[1];
      assert.equal(euWest.icon, 'error');
      assert.equal(euWest.color, 'problemsErrorIcon.foreground');
      assert.equal(euWest.description, 'access denied');
      assert.equal(euWest.contextValue, CONTEXT_VALUES.regionWithoutDetector);
      assert.equal(euWest.awsCliCommand, undefined);
      const [error] = euWest.children;
      assert.equal(error.label, 'Access denied by GuardDuty in eu-west-1.');
      assert.equal(error.icon, 'error');
      assert.equal(error.contextValue, CONTEXT_VALUES.regionError);
      assert.deepEqual(labels(error.children), ['Next: Allow guardduty:ListDetectors.', 'Select AWS Profile…', 'Retry', 'Request id: req-123']);
      assert.equal(roots[0].children.length, 4);
    });

    it('gives a failed region actions: Retry always, the profile picker for credentials, the SSO sign-in command to copy', () => {
      const actions = (error: CoverageError, shell?: ShellKind) => errorActions('e', error, { shell });
      const summary = (nodes: CoverageTreeNode[]) => nodes.map((node) => [node.label, node.command?.command, node.awsCliCommand].filter(Boolean).join(' | '));
      assert.deepEqual(summary(actions({ kind: 'throttling', message: 'm', nextStep: 'n' })), [`Retry | ${COMMANDS.refresh}`]);
      assert.deepEqual(summary(actions({ kind: 'credentials', message: 'm', nextStep: 'n', ssoProfile: "dev's sso" })), [
        `Copy SSO sign-in command | ${COMMANDS.copyAwsCliCommand} | aws sso login --profile 'dev'\\''s sso'`,
        `Select AWS Profile… | ${COMMANDS.pickProfile}`,
        `Retry | ${COMMANDS.refresh}`,
      ]);
      assert.equal(actions({ kind: 'credentials', message: 'm', nextStep: 'n', ssoProfile: "dev's sso" }, 'powershell')[0].awsCliCommand, "aws sso login --profile 'dev''s sso'");
      assert.equal(actions({ kind: 'credentials', message: 'm', nextStep: 'n', ssoProfile: 'dev sso' }, 'cmd')[0].awsCliCommand, 'aws sso login --profile "dev sso"');
      const [copy] = actions({ kind: 'credentials', message: 'm', nextStep: 'n', ssoProfile: 'team' });
      assert.equal(copy.command?.passNode, true, 'the copy command receives the node, as from its context menu');
      assert.equal(copy.contextValue, CONTEXT_VALUES.errorAction);
    });

    it('shows a region not loaded yet as loading while a refresh runs, and as waiting otherwise', () => {
      assert.equal(roots[2].description, 'not loaded yet');
      const [loading] = buildCoverageTree(treeInput({ regions: ['ap-south-1'], refreshing: true }));
      assert.equal(loading.icon, 'loading~spin');
      assert.equal(loading.description, 'loading…');
      assert.deepEqual(loading.children, []);
      assert.equal(loading.id, 'region/ap-south-1/pending', 'another id than the loaded region, which opens expanded');
    });

    it('says so when a region has no ECS clusters', () => {
      const [empty] = buildCoverageTree(treeInput({ regions: ['sa-east-1'], snapshot: [region('sa-east-1', [])] }));
      assert.equal(empty.description, 'no ECS clusters');
      assert.deepEqual(labels(empty.children), ['No ECS clusters in this region']);
      assert.equal(empty.children[0].contextValue, CONTEXT_VALUES.message);
    });

    it('gives every node a unique id, stable across builds', () => {
      const ids = allIds(roots);
      assert.equal(new Set(ids).size, ids.length);
      assert.deepEqual(allIds(buildCoverageTree(treeInput({ regions: ['us-east-1', 'eu-west-1', 'ap-south-1'], snapshot: [US_EAST, EU_WEST] }))), ids);
    });
  });

  describe('clusters', () => {
    const roots = buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [US_EAST] }));

    it('marks HEALTHY, UNHEALTHY and UNKNOWN with coloured theme icons', () => {
      assert.deepEqual([nodeAt(roots, 'us-east-1', 'storefront').icon, nodeAt(roots, 'us-east-1', 'storefront').color], ['pass-filled', 'testing.iconPassed']);
      assert.deepEqual([nodeAt(roots, 'us-east-1', 'billing').icon, nodeAt(roots, 'us-east-1', 'billing').color], ['error', 'testing.iconFailed']);
      const [unknown] = buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [region('us-east-1', [cluster('odd', 'UNKNOWN')])] }));
      assert.equal(unknown.children[0].icon, 'question');
    });

    it("describes the management type, and the account only when it is not the caller's", () => {
      assert.equal(nodeAt(roots, 'us-east-1', 'billing').description, undefined, 'automatic management is the usual case: the name keeps the room');
      assert.equal(nodeAt(roots, 'us-east-1', 'batch-ec2').description, MEMBER);
      const manual = { ...cluster('manual', 'HEALTHY'), managementType: 'MANUAL' };
      const [usEast] = buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [region('us-east-1', [manual])] }));
      assert.equal(usEast.children[0].description, 'manual agent');
    });

    it('takes the most common account as the caller, and names every account on a tie', () => {
      assert.equal(likelyCallerAccount(US_EAST), ADMIN);
      const tie = region('eu-west-1', [cluster('a', 'HEALTHY'), cluster('b', 'HEALTHY', { accountId: MEMBER })]);
      assert.equal(likelyCallerAccount(tie), undefined);
      const [euWest] = buildCoverageTree(treeInput({ regions: ['eu-west-1'], snapshot: [tie] }));
      assert.deepEqual(
        euWest.children.map((node) => node.description),
        [ADMIN, MEMBER],
      );
      assert.equal(likelyCallerAccount(region('x-east-1', [])), undefined);
    });

    it('leaves out a management type GuardDuty did not report', () => {
      const bare = { ...cluster('bare', 'HEALTHY'), managementType: null };
      const [usEast] = buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [region('us-east-1', [bare])] }));
      assert.equal(usEast.children[0].description, undefined);
    });

    it('explains the status, account, instances covered and update time in a Markdown tooltip', () => {
      const billing = nodeAt(roots, 'us-east-1', 'billing').tooltipMarkdown ?? '';
      assert.match(billing, /^\*\*billing\*\* · UNHEALTHY/);
      assert.match(billing, /Container instances covered: 0\/0 \(no EC2 container instances: Fargate only\)/);
      assert.match(billing, /Updated: 2024-06-10 06:13 UTC/);
      assert.match(billing, /\*\*Issue:\*\* Agent not provisioned: task execution role missing/);
      assert.match(billing, /> TaskExecutionRole missing in TaskDefinition \\- 'billing\\-api:9'/);
      assert.match(nodeAt(roots, 'us-east-1', 'batch-ec2').tooltipMarkdown ?? '', /Container instances covered: 2\/5 {2}\n/);
    });

    it('escapes Markdown in texts that come from AWS', () => {
      const sneaky = cluster('[click](command:workbench.action.terminal.new)', 'UNHEALTHY', { issues: ['<img src=x> **bold** `code`'] });
      const [usEast] = buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [region('us-east-1', [sneaky])] }));
      const tooltip = usEast.children[0].tooltipMarkdown ?? '';
      assert.ok(!tooltip.includes('[click](command:'), tooltip);
      assert.ok(tooltip.includes('\\[click\\]\\(command:workbench\\.action\\.terminal\\.new\\)'));
      assert.ok(tooltip.includes('\\<img src=x\\> \\*\\*bold\\*\\* \\`code\\`'));
    });

    it('copies a cluster as list-coverage narrowed to its name and account', () => {
      const command = nodeAt(roots, 'us-east-1', 'batch-ec2').awsCliCommand ?? '';
      assert.match(command, /ECS_CLUSTER_NAME.*batch-ec2/);
      assert.match(command, new RegExp(`ACCOUNT_ID.*${MEMBER}`));
      assert.equal(nodeAt(roots, 'us-east-1', 'batch-ec2').contextValue, CONTEXT_VALUES.cluster);
      assert.equal(nodeAt(roots, 'us-east-1', 'batch-ec2').accountId, MEMBER);
    });

    it('gives healthy clusters no children, and an unhealthy one without issues a hint', () => {
      const storefront = nodeAt(roots, 'us-east-1', 'storefront');
      assert.equal(storefront.collapsible, 'none');
      const batch = nodeAt(roots, 'us-east-1', 'batch-ec2');
      assert.equal(batch.collapsible, 'collapsed');
      assert.deepEqual(labels(batch.children), ['No issue reported for the cluster']);
      assert.equal(batch.children[0].description, '2/5 container instances covered');
    });
  });

  describe('issues', () => {
    const location = { uri: 'file:///work/deploy/billing-api.json', line: 3, displayPath: 'deploy/billing-api.json' };
    const roots = buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [US_EAST], taskDefinitions: new Map([['billing-api', location]]) }));
    const billing = nodeAt(roots, 'us-east-1', 'billing');

    it("lists a cluster's issues under it, classified, with the task definition they name", () => {
      assert.equal(billing.children.length, 2);
      const [roleMissing] = billing.children;
      assert.equal(roleMissing.label, 'Task execution role missing');
      assert.match(roleMissing.tooltipMarkdown ?? '', /^\*\*Agent not provisioned: task execution role missing\*\*/, 'the full title heads the tooltip');
      assert.equal(roleMissing.description, 'billing-api:9');
      assert.equal(roleMissing.icon, 'warning');
      assert.match(roleMissing.tooltipMarkdown ?? '', /What to do:\n\n1\. Add an executionRoleArn/);
    });

    it("puts GuardDuty's text, the task definition and the recommended steps under the issue", () => {
      const [roleMissing] = billing.children;
      assert.deepEqual(labels(roleMissing.children).slice(0, 2), [ROLE_MISSING, 'Task definition billing-api:9']);
      const steps = roleMissing.children.slice(2);
      assert.equal(steps.length, 2);
      assert.match(steps[0].label, /^Add an executionRoleArn/);
      assert.equal(steps[0].icon, 'lightbulb');
      assert.ok(roleMissing.children.every((child) => child.contextValue === CONTEXT_VALUES.issueDetail));
    });

    it('offers "Open task definition" when a workspace file defines the family', () => {
      const [roleMissing] = billing.children;
      assert.equal(roleMissing.contextValue, CONTEXT_VALUES.issueWithTaskDefinition);
      assert.deepEqual(roleMissing.taskDefinition, location);
      const taskDefinition = roleMissing.children[1];
      assert.equal(taskDefinition.description, 'deploy/billing-api.json');
      assert.deepEqual(taskDefinition.command, { command: COMMANDS.openTaskDefinition, title: 'Open Task Definition', passNode: true });
      assert.deepEqual(taskDefinition.taskDefinition, location);
    });

    it('offers nothing to open when no workspace file defines the family', () => {
      const [plain] = buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [US_EAST] }));
      const roleMissing = nodeAt([plain], 'us-east-1', 'billing').children[0];
      assert.equal(roleMissing.contextValue, CONTEXT_VALUES.issue);
      assert.equal(roleMissing.taskDefinition, undefined);
      assert.equal(roleMissing.children[1].description, 'no workspace file defines this family');
      assert.equal(roleMissing.children[1].command, undefined);
    });

    it('still shows the text of an issue it does not recognise', () => {
      const unknown = billing.children[1];
      assert.equal(unknown.label, 'Issue not recognised');
      assert.equal(unknown.description, UNKNOWN_TEXT);
      assert.equal(unknown.contextValue, CONTEXT_VALUES.issue);
      assert.match(unknown.tooltipMarkdown ?? '', /^\*\*Coverage issue\*\*/);
      assert.ok(unknown.children.length > 1, 'the common causes are listed as steps');
    });

    it('names the tasks and services an issue lists, and shows the detail it carries', () => {
      const text = "Tasks started before enabling Runtime Monitoring require relaunch. Affected task ID(s): 'abc123', 'def456'";
      const exit = "ExitCode: 137 for tasks in TaskDefinition - 'report-batch:3'";
      const [usEast] = buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [region('us-east-1', [cluster('jobs', 'UNHEALTHY', { issues: [text, exit] })])] }));
      const [relaunch, exited] = usEast.children[0].children;
      assert.ok(labels(relaunch.children).includes('Tasks: abc123, def456'));
      assert.equal(exited.label, 'Agent exited');
      assert.equal(exited.description, 'exit code 137 · report-batch:3');
    });

    it('shortens a very long unrecognised text in the description but keeps it whole in the tooltip', () => {
      const long = `Strange: ${'x'.repeat(400)}`;
      const [usEast] = buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [region('us-east-1', [cluster('c', 'UNHEALTHY', { issues: [long] })])] }));
      const issue = usEast.children[0].children[0];
      assert.equal(issue.description?.length, 160);
      assert.ok(issue.description?.endsWith('…'));
      assert.ok((issue.tooltipMarkdown ?? '').includes('x'.repeat(400)));
    });
  });

  describe('filters and sort', () => {
    const build = (change: Parameters<typeof treeInput>[0]) => buildCoverageTree(treeInput({ regions: ['us-east-1'], snapshot: [US_EAST], ...change }));

    it('sorts unhealthy first by default, then by name, update time on request', () => {
      assert.deepEqual(labels(build({})[0].children), ['batch-ec2', 'billing', 'analytics', 'storefront']);
      assert.deepEqual(labels(build({ sort: 'name' })[0].children), ['analytics', 'batch-ec2', 'billing', 'storefront']);
      assert.deepEqual(labels(build({ sort: 'updated' })[0].children), ['batch-ec2', 'storefront', 'billing', 'analytics']);
    });

    it('shows unhealthy clusters only, by name part and by account', () => {
      assert.deepEqual(labels(build({ filter: { unhealthyOnly: true } })[0].children), ['batch-ec2', 'billing']);
      assert.deepEqual(labels(build({ filter: { clusterNameContains: 'T' } })[0].children), ['batch-ec2', 'analytics', 'storefront']);
      assert.deepEqual(labels(build({ filter: { unhealthyOnly: true, clusterNameContains: 'bill' } })[0].children), ['billing']);
      assert.deepEqual(labels(build({ filter: { accountId: MEMBER } })[0].children), ['batch-ec2']);
    });

    it('keeps the statistics label for the whole region, and says how many clusters the filters hide', () => {
      const [usEast] = build({ filter: { clusterNameContains: 'nothing-like-this' } });
      assert.equal(usEast.description, '2/4 healthy · 50%');
      assert.deepEqual(labels(usEast.children), ['No cluster matches the filters']);
      assert.equal(usEast.children[0].description, '4 hidden');
      assert.match(build({ filter: { unhealthyOnly: true } })[0].tooltipMarkdown ?? '', /Showing 2 of 4 clusters/);
    });
  });

  describe('message nodes', () => {
    it('has no node in an untrusted workspace, whatever else is known, so that its welcome content shows', () => {
      assert.deepEqual(buildCoverageTree(treeInput({ trusted: false, regions: ['us-east-1'], snapshot: [US_EAST] })), []);
    });

    it('keeps every issue label within what a 300 px side bar shows', () => {
      for (const [kind, label] of Object.entries(ISSUE_LABELS)) assert.ok(label.length <= MAX_ISSUE_LABEL_LENGTH, `${kind}: ${label}`);
    });

    it('has no node without regions, so that the welcome content shows', () => {
      assert.deepEqual(buildCoverageTree(treeInput({ regions: [] })), []);
    });

    it('drops regions of an older snapshot that are no longer chosen', () => {
      assert.deepEqual(labels(buildCoverageTree(treeInput({ regions: ['eu-west-1'], snapshot: [US_EAST, EU_WEST] }))), ['eu-west-1']);
    });
  });
});

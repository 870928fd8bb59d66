// The GuardDuty coverage view against the fake GuardDuty the harness starts (scripts/e2e/demoWorkbench.ts):
// its user settings name the demo regions and the fake's endpoint, and code-server runs with fake keys.
// The tree is read through the extension's API (`exports.coverageView().roots`), as plain nodes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EcsGuardApi } from '../../../client/src/api';
import { ISSUE_LABELS } from '../../../client/src/coverageView/model/labels';
import { CONTEXT_VALUES } from '../../../client/src/coverageView/ids';
import type { CoverageTreeNode } from '../../../client/src/coverageView/model/treeNode';
import { closeAllEditors, EXTENSION_ID, open, waitFor } from './vscodeHelpers';

/** The tree's labels of GuardDuty's troubleshooting cases; the fallback for unknown texts is not one. */
const TROUBLESHOOTING_LABELS = new Set(
  Object.entries(ISSUE_LABELS)
    .filter(([kind]) => kind !== 'unrecognized')
    .map(([, label]) => label),
);

suite('GuardDuty coverage view in VS Code (fake GuardDuty)', () => {
  teardown(closeAllEditors);

  test('every configured region loads; an unhealthy cluster shows an issue matched to a troubleshooting case', async () => {
    const api = await ecsGuardApi();
    const configured = vscode.workspace.getConfiguration('ecsGuard.coverage').get<string[]>('regions') ?? [];
    assert.ok(configured.length > 1, `the harness sets several regions in the user settings: ${JSON.stringify(configured)}`);

    let roots: readonly CoverageTreeNode[] = [];
    await waitFor(
      () => {
        roots = api.coverageView().roots;
        return roots.length === configured.length && roots.every(isLoadedRegion);
      },
      () => `the regions to load; the tree now: ${summarize(roots)}`,
      60_000,
    );
    assert.deepEqual(
      roots.map((region) => region.label),
      configured,
    );
    assert.ok(
      roots.some((region) => /^\d+\/\d+ healthy · \d+%$/.test(region.description ?? '')),
      `a region with GuardDuty's statistics: ${summarize(roots)}`,
    );

    const unhealthy = roots.flatMap((region) => region.children).filter((node) => node.contextValue === CONTEXT_VALUES.cluster && node.icon === 'error');
    assert.ok(unhealthy.length > 0, `an unhealthy cluster: ${summarize(roots)}`);
    const issues = unhealthy.flatMap((cluster) => cluster.children).filter(isIssue);
    const matched = issues.find((issue) => TROUBLESHOOTING_LABELS.has(issue.label));
    assert.ok(matched, `an issue titled after a troubleshooting case among: ${issues.map((issue) => issue.label).join(' | ')}`);
    // Under the issue: GuardDuty's own text first, then the recommended steps.
    const [text, ...rest] = matched.children;
    assert.equal(text.description, 'as GuardDuty reports it');
    assert.ok(
      rest.some((detail) => detail.icon === 'lightbulb'),
      `recommended steps under "${matched.label}"`,
    );
  });

  test('a region that fails offers Retry under its reason', async () => {
    const api = await ecsGuardApi();
    const failed = api.coverageView().roots.find((region) => region.icon === 'error');
    assert.ok(failed, `a failed region (the harness has one without GuardDuty): ${summarize(api.coverageView().roots)}`);
    const actions = failed.children.flatMap((error) => error.children).filter((node) => node.contextValue === CONTEXT_VALUES.errorAction);
    assert.ok(
      actions.some((action) => action.label === 'Retry' && action.command?.command === 'ecsGuard.coverage.refresh'),
      `Retry among ${actions.map((action) => action.label).join(' | ')}`,
    );
  });
});

/** The extension's API, once a JSON file has activated it (activation is by language, as for a user). */
async function ecsGuardApi(): Promise<EcsGuardApi> {
  const extension = vscode.extensions.getExtension<EcsGuardApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  await open('legacy-fargate.json');
  await waitFor(() => extension.isActive, 'the extension to activate on a JSON file');
  // The regions are set, so the status-bar item needs the coverage bundle: it loads without opening the view.
  await waitFor(() => extension.exports.coverageViewLoaded, 'the coverage bundle to load for the status-bar item');
  return extension.exports;
}

/** Loaded, or failed with a reason: not the placeholder shown before the first answer. */
function isLoadedRegion(node: CoverageTreeNode): boolean {
  return node.id.startsWith('region/') && node.icon !== 'loading~spin' && node.description !== 'not loaded yet';
}

function isIssue(node: CoverageTreeNode): boolean {
  return node.contextValue === CONTEXT_VALUES.issue || node.contextValue === CONTEXT_VALUES.issueWithTaskDefinition;
}

function summarize(roots: readonly CoverageTreeNode[]): string {
  return JSON.stringify(roots.map((region) => `${region.label} (${region.description ?? ''}): ${region.children.length} children`));
}

// The GuardDuty coverage view as a user sees it, on the fake GuardDuty's demo data: the ECS Guard icon
// in the activity bar, a region with its statistics, an unhealthy cluster expanded to its issue, and
// the issue's tooltip. Every step waits on a condition with a time-out.
import { Locator, Page } from 'playwright-core';
import { ISSUE_LABELS } from '../../client/src/coverageView/model/labels';
import { hoverUntilShown, SaveScreenshot } from './browserChecks';

/** "us-east-1  2/22 healthy · 9%": GuardDuty's statistics, once the region has loaded. */
const REGION_STATISTICS = /^\d+\/\d+ healthy · \d+%$/;
/** The tree's labels of GuardDuty's troubleshooting cases (short enough for a 300 px side bar). */
const TROUBLESHOOTING_LABELS = Object.entries(ISSUE_LABELS)
  .filter(([kind]) => kind !== 'unrecognized')
  .map(([, label]) => label);

export async function checkCoverageView(page: Page, saveScreenshot?: SaveScreenshot): Promise<void> {
  // The item, not its icon: the badge counting unhealthy clusters covers part of the icon.
  const ecsGuardIcon = page.locator('.activitybar .action-item', { has: page.locator('.action-label[aria-label^="ECS Guard"]') });
  await ecsGuardIcon.click({ timeout: 30_000 });
  const rows = page.locator('.part.sidebar .monaco-list-row');
  const loadedRegions = rows.filter({ has: page.locator('.label-description', { hasText: REGION_STATISTICS }) });
  await loadedRegions.first().waitFor({ timeout: 60_000 });
  // The side bar keeps its default width (300 px): the labels are made to be read there.
  await expand(await topmost(page, loadedRegions));

  // The topmost unhealthy cluster: red, and collapsed since it has children. Clusters sort unhealthy first,
  // so with the topmost region expanded it is one of that region's.
  const unhealthyClusters = rows.and(page.locator('[aria-level="2"][aria-expanded="false"]')).filter({
    has: page.locator('.custom-view-tree-node-item-icon.codicon-error'),
  });
  await unhealthyClusters.first().waitFor({ timeout: 15_000 });
  const cluster = await topmost(page, unhealthyClusters);
  await expand(cluster);

  // Its first child is the issue, titled after GuardDuty's troubleshooting case.
  const issue = rows.and(page.locator(`[aria-level="3"][data-index="${Number(await cluster.getAttribute('data-index')) + 1}"]`));
  const title = await issue.locator('.label-name').innerText();
  if (!TROUBLESHOOTING_LABELS.includes(title)) throw new Error(`the unhealthy cluster's first child is "${title}", not a troubleshooting case`);
  await expand(issue);
  await rows
    .filter({ has: page.locator('.label-description', { hasText: 'as GuardDuty reports it' }) })
    .first()
    .waitFor({ timeout: 10_000 });

  // The tooltip: the case, GuardDuty's text and what to do. It opens where the pointer is: at the end of
  // the row it leaves the issue's details below readable.
  const tooltip = page.locator('.monaco-hover:visible', { hasText: title }).filter({ hasText: 'What to do' }).first();
  const label = issue.locator('.monaco-icon-label');
  const width = (await label.boundingBox())?.width ?? 0;
  await hoverUntilShown(page, label, tooltip, { x: Math.max(1, width - 10), y: 10 });
  await saveScreenshot?.('coverage-view.png', page);
}

/**
 * The matching row highest in the tree (rows are positioned, so DOM order proves nothing), pinned by
 * level and accessible name: a selector like "the first collapsed one" would move once it expands.
 */
async function topmost(page: Page, matches: Locator): Promise<Locator> {
  const found = await matches.evaluateAll((elements) =>
    elements.map((element) => ({ index: Number(element.getAttribute('data-index')), level: element.getAttribute('aria-level'), name: element.getAttribute('aria-label') })),
  );
  const [top] = found.sort((a, b) => a.index - b.index);
  if (!top?.level || !top.name) throw new Error('no matching tree row');
  return page.locator(`.part.sidebar .monaco-list-row[aria-level="${top.level}"][aria-label=${JSON.stringify(top.name)}]`).first();
}

/** Expands a tree row unless it already is (VS Code keeps expansion state by node id). */
async function expand(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  await row.and(row.page().locator('[aria-expanded="true"]')).waitFor({ timeout: 10_000 });
}

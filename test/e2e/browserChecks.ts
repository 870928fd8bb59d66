// What a person sees in the editor, checked through the DOM of code-server's workbench in Chromium.
// Each check waits on a condition with a time-out, never for a fixed time.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Locator, Page } from 'playwright-core';
import { REPO } from '../../scripts/e2e/codeServer';

export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.pressSequentially(fileName, { delay: 20 });
  // Enter opens the focused row: wait until the file search has put this file there, not a recent one.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: 15_000 });
  await page.locator('.monaco-editor .view-lines', { hasText: '"privileged": true' }).waitFor({ timeout: 15_000 });
}

export async function checkProblemsPanel(page: Page, log: (message: string) => void): Promise<void> {
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const markers = rows.filter({ has: page.locator('.marker-source', { hasText: /^ecs-guard$/ }) });
  await markers.first().waitFor({ timeout: 30_000 });
  // Every finding reaches the panel: the file's marker count is what the CLI finds in the same file
  // (no other extension reports on it). Rows are virtualised, so the file row's badge is read.
  const expected = cliFindings('examples/legacy-fargate.json');
  const badge = rows.filter({ has: page.locator('.label-name', { hasText: /^legacy-fargate\.json$/ }) }).locator('.monaco-count-badge');
  await badge
    .filter({ hasText: new RegExp(`^${expected}$`) })
    .waitFor({ timeout: 30_000 })
    .catch(async () => {
      throw new Error(`the Problems panel counts ${await badge.innerText()} marker(s) on legacy-fargate.json; the CLI finds ${expected}`);
    });
  // Find one rule by its id with the panel's filter box, as a user would among many markers.
  const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
  await filter.fill('privileged-container');
  await markers
    .filter({ has: page.locator('.marker-code', { hasText: /^privileged-container$/ }) })
    .first()
    .waitFor({ timeout: 15_000 });
  await filter.fill('');
  await badge.filter({ hasText: new RegExp(`^${expected}$`) }).waitFor({ timeout: 15_000 });
  log(`Problems panel: ${expected} ecs-guard marker(s) on legacy-fargate.json, as the CLI finds`);
}

/** How many findings `ecs-guard lint` reports on a file: the same rules, without the editor. */
function cliFindings(file: string): number {
  const result = spawnSync(process.execPath, [path.join(REPO, 'bin/ecs-guard.js'), 'lint', file, '--format', 'json'], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`ecs-guard lint ${file} failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as unknown[]).length;
}

export async function checkHover(page: Page, saveScreenshot?: SaveScreenshot): Promise<void> {
  const value = privilegedLine(page, 'true').locator('span > span', { hasText: /^true$/ });
  const hover = page.locator('.monaco-hover:visible', { hasText: 'privileged' }).first();
  await hoverUntilShown(page, value, hover);
  const text = await hover.innerText();
  if (!text.includes('privileged')) throw new Error(`the hover does not mention "privileged": ${text}`);
  // The whole window (editor, hover, Problems panel), then the editor alone.
  await saveScreenshot?.('vscode-diagnostics.png', page);
  await saveScreenshot?.('vscode-hover.png', page.locator('.part.editor'));
}

/** Ctrl+. on the `true` of `"privileged": true`, pick the fix that writes false, then revert the file. */
export async function checkQuickFix(page: Page, saveScreenshot?: SaveScreenshot): Promise<void> {
  await privilegedLine(page, 'true')
    .locator('span > span', { hasText: /^true$/ })
    .click();
  // Away from the hover the click may bring up, so that the menu is all that opens.
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  const fix = menu.locator('.monaco-list-row.action', { hasText: '"privileged": false' });
  await fix.waitFor({ timeout: 15_000 });
  if (saveScreenshot) {
    await animationsFinished(menu);
    await saveScreenshot('quick-fix.png', page.locator('.part.editor'));
  }
  // The menu ignores the pointer until it moves (a resting pointer must not pick an item): move, then click.
  await fix.hover({ force: true });
  await fix.click({ timeout: 10_000 });
  await privilegedLine(page, 'false').waitFor({ timeout: 10_000 });
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: 10_000 });
  // Back to the file on disk, unsaved, for whatever runs next.
  await runCommand(page, 'File: Revert File');
  await privilegedLine(page, 'true').waitFor({ timeout: 10_000 });
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
}

/** Writes a README screenshot of the page or of one element; only `npm run screenshots` passes one. */
export type SaveScreenshot = (fileName: string, target: Page | Locator) => Promise<void>;

/** Runs a command from the Command Palette (F1) by its label, as a user would. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Hovers over `target` (at `position` in it, or its middle) until `hover` shows; when it does not come
 * (the mouse may have been there already), moves off and back. Then waits for its fade-in, so a
 * screenshot shows it whole.
 */
export async function hoverUntilShown(page: Page, target: Locator, hover: Locator, position?: { x: number; y: number }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(5, 5);
    await target.hover(position ? { position } : {});
    try {
      await hover.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await animationsFinished(hover);
}

/** Waits on the element's running animations themselves, not a fixed time. */
export async function animationsFinished(element: Locator): Promise<void> {
  await element.evaluate((node) => Promise.all(node.getAnimations({ subtree: true }).map((animation) => animation.finished)));
}

function privilegedLine(page: Page, value: 'true' | 'false'): Locator {
  return page.locator('.monaco-editor .view-line', { hasText: `"privileged": ${value}` });
}

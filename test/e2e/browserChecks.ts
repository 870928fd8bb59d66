// What a person sees in the editor, checked through the DOM of code-server's workbench in Chromium.
// Each check waits on a condition with a time-out, never for a fixed time.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Page } from 'playwright-core';
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
  await badge.filter({ hasText: new RegExp(`^${expected}$`) }).waitFor({ timeout: 30_000 }).catch(async () => {
    throw new Error(`the Problems panel counts ${await badge.innerText()} marker(s) on legacy-fargate.json; the CLI finds ${expected}`);
  });
  // Find one rule by its id with the panel's filter box, as a user would among many markers.
  const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
  await filter.fill('privileged-container');
  await markers.filter({ has: page.locator('.marker-code', { hasText: /^privileged-container$/ }) }).first().waitFor({ timeout: 15_000 });
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

export async function checkHover(page: Page): Promise<void> {
  const line = page.locator('.monaco-editor .view-line', { hasText: '"privileged": true' });
  const value = line.locator('span > span', { hasText: /^true$/ });
  const hover = page.locator('.monaco-hover:visible', { hasText: 'privileged' });
  // Hover, and if the hover does not come (the mouse may have been there already), move off and back.
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(5, 5);
    await value.hover();
    try {
      await hover.first().waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  // Let the fade-in finish (for screenshots): wait on the animations themselves, not a fixed time.
  await hover.first().evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished)));
  const text = await hover.first().innerText();
  if (!text.includes('privileged')) throw new Error(`the hover does not mention "privileged": ${text}`);
}

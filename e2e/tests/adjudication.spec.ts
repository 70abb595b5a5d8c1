import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// Settling the demo coders' disagreements into a consensus, against the real
// backend. It works on its own copy of the demo study, made with the CLI, and
// closes it at the end, so the specs after it find the app as they expect.
test.describe.configure({ mode: 'serial' });

const projectPath = () => path.join(app().dataDir, 'adjudication', 'Review study.themis');

let page: Page;
/** segments per coder before adjudication */
const before: Record<string, number> = {};
let total = 0;

/** Number of segments of a coder's layer, from the CLI's CSV export (one header line). */
function segmentCount(coder: string): number {
  const csv = cli('segments', 'export', projectPath(), '--coder', coder);
  return csv.split('\n').filter((l) => l.trim() !== '').length - 1;
}

async function settledCount(): Promise<number> {
  const t = (await page.getByTestId('review-progress').textContent()) ?? '';
  const m = /^(\d+) of (\d+) settled$/.exec(t.trim());
  if (!m) throw new Error(`unexpected progress text: ${t}`);
  total = Number(m[2]);
  return Number(m[1]);
}

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(path.dirname(projectPath()), { recursive: true });
  cli('demo', projectPath());
  // Aisha, the lead, coded one of the two layers, so she may not settle
  // them: she names Chen adjudicator, and Chen adjudicates.
  cli('coders', 'add', projectPath(), 'Chen');
  cli('coders', 'adjudicator', projectPath(), 'Chen');
  before.Aisha = segmentCount('Aisha');
  before.Ben = segmentCount('Ben');
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

test('the adjudicator opens a copy of the demo study and goes to Review', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await expect(page.getByTestId('coder-picker')).toBeVisible();
  await page.getByTestId('coder-Chen').click();
  await expect(page.getByTestId('current-coder')).toContainText('Chen');

  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-progress')).toHaveText(/^0 of \d+ settled$/);
  await settledCount();
  expect(total).toBeGreaterThan(3);
  await expect(page.getByTestId('review-agreed')).toContainText('will be copied into the consensus');
  await expect(page.getByTestId('not-started')).toBeVisible();
  // The list is sorted by size, largest first.
  const sizes = await page.locator('[data-testid^="disagreement-"][data-key] .size').allTextContents();
  const n = sizes.map((s) => Number(s.replace(/[^\d]/g, '')));
  expect(n).toEqual([...n].sort((a, b) => b - a));
  await shot(page, '20-review-before-start');
});

test('boundaries agreeing at any overlap leave fewer disagreements than at 90 %', async () => {
  const at90 = total;
  await expect(page.getByTestId('review-threshold-90')).toHaveAttribute('aria-pressed', 'true');
  await shot(page, '20b-review-threshold');
  await page.getByTestId('review-threshold-any').click();
  await expect(page.getByTestId('review-threshold-any')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('review-progress')).not.toHaveText(`0 of ${at90} settled`);
  await settledCount();
  expect(total).toBeLessThan(at90);
  await shot(page, '20c-review-threshold-any');
  // Back to 90 %, as the rest of this spec expects.
  await page.getByTestId('review-threshold-90').click();
  await expect(page.getByTestId('review-progress')).toHaveText(`0 of ${at90} settled`);
  total = at90;
});

test('start adjudication: a consensus layer with the agreed passages', async () => {
  await page.getByTestId('review-start').click();
  await expect(page.getByTestId('review-agreed')).toContainText('copied into the consensus (Consensus)');
  await expect(page.getByTestId('review-start')).toHaveCount(0);
  await expect(page.getByTestId('action-accept-a')).toBeVisible();
  await shot(page, '21-review-list-and-detail');
});

test('decide three disagreements: accept A, take neither, adjust with a rationale', async () => {
  const first = await page.locator('[aria-current="true"][data-key]').getAttribute('data-key');
  await page.getByTestId('action-accept-a').click();
  await expect(page.getByTestId('review-progress')).toHaveText(`1 of ${total} settled`);
  await expect(page.getByTestId(`disagreement-${first}`).getByTestId('settled')).toBeVisible();

  // The keyboard: N for neither, on the one selected next.
  const second = await page.locator('[aria-current="true"][data-key]').getAttribute('data-key');
  expect(second).not.toBe(first);
  await page.getByTestId('review-progress').click(); // focus out of any button
  await page.keyboard.press('n');
  await expect(page.getByTestId('review-progress')).toHaveText(`2 of ${total} settled`);

  // Adjust: J, one word off the end, a rationale, confirm.
  await page.keyboard.press('j');
  await expect(page.getByTestId('adjust-panel')).toBeVisible();
  const whole = await page.getByTestId('context-adjust').locator('mark').allTextContents();
  await page.getByTestId('end-left').click();
  const shorter = await page.getByTestId('context-adjust').locator('mark').allTextContents();
  expect(shorter.join('').length).toBeLessThan(whole.join('').length);
  await page.getByTestId('rationale').fill('Only the activity itself, not the reason given after it.');
  await shot(page, '22-review-adjusting');
  await page.getByTestId('confirm-adjust').click();
  await expect(page.getByTestId('review-progress')).toHaveText(`3 of ${total} settled`);
  await expect(page.getByTestId('adjust-panel')).toHaveCount(0);
  await shot(page, '23-review-after-deciding');

  // The recorded decisions, with who and why.
  await page.getByTestId('filter-unsettled').check();
  await expect(page.getByTestId('list-count')).toContainText(`Showing ${total - 3} of ${total}`);
  await page.getByTestId('filter-unsettled').uncheck();
  const adjusted = page.locator('[data-key] [data-testid="settled"][title="Adjusted the span"]');
  await expect(adjusted).toHaveCount(1);
  await adjusted.click();
  await expect(page.getByTestId('decision-action')).toHaveText('Adjusted the span');
  await expect(page.getByTestId('decision-by')).toContainText('by Chen');
  await expect(page.getByTestId('decision-rationale')).toHaveText('Only the activity itself, not the reason given after it.');
  await expect(page.getByTestId('context-consensus').locator('mark')).toHaveText(shorter.join(''));
  await expect(page.getByTestId('detail-status')).toHaveText('✓ Adjusted the span');
  // However far the list and the detail scroll, the window itself never does.
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  await expect(page.getByTestId('tab-review')).toBeInViewport();
  await shot(page, '24-review-decision');
});

test('adjudication resumes after a reload, and nobody can code as the consensus', async () => {
  await page.reload();
  await expect(page.getByTestId('current-coder')).toContainText('Chen');
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-progress')).toHaveText(`3 of ${total} settled`);
  await expect(page.getByTestId('review-start')).toHaveCount(0);

  await page.getByTestId('switch-coder').click();
  await expect(page.getByTestId('coder-picker')).toBeVisible();
  await expect(page.getByTestId('coder-Ben')).toBeVisible();
  await expect(page.getByTestId('coder-Consensus')).toHaveCount(0);
  await page.getByTestId('cancel-switch').click();
  await expect(page.getByTestId('coder-picker')).toHaveCount(0);
});

test('the consensus is compared with a coder like any coder, and the coders’ layers are untouched', async () => {
  await page.getByTestId('tab-agreement').click();
  // Chosen by value: the option's wording around the name is the agreement view's business.
  const option = (select: string, name: string) =>
    page.getByTestId(select).locator('option', { hasText: name }).first().getAttribute('value');
  await page.getByTestId('coder-a').selectOption((await option('coder-a', 'Consensus'))!);
  await page.getByTestId('coder-b').selectOption((await option('coder-b', 'Aisha'))!);
  await expect(page.locator('[data-testid^="agreement-row-"]').first()).toBeVisible();
  await expect(page.getByTestId('agreement-row-Positive affect').getByTestId('kappa')).toHaveText(/^−?\d\.\d{3}$/);
  await shot(page, '25-agreement-consensus-vs-aisha');

  const coders = JSON.parse(cli('coders', projectPath(), '--json')) as { name: string }[];
  expect(coders.map((c) => c.name)).toContain('Consensus');
  const rows = JSON.parse(cli('agreement', projectPath(), '--coders', 'Consensus,Aisha', '--json')) as { code: string }[];
  expect(rows.some((r) => r.code === 'Positive affect')).toBe(true);
  expect(segmentCount('Aisha')).toBe(before.Aisha);
  expect(segmentCount('Ben')).toBe(before.Ben);
  expect(segmentCount('Consensus')).toBeGreaterThan(0);
});

test('close the copy, leaving the start screen for the next spec', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

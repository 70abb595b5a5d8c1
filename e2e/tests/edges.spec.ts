import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, selectText, shot } from './app';
import { expect, openApp, test } from './fixtures';

/** Whether an element shows its whole text: nothing cut off to the right. */
async function whole(page: Page, testid: string): Promise<boolean> {
  return page.getByTestId(testid).evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
}

/** Whether the middle of an element is the element (or inside it): nothing covers it. */
async function uncovered(page: Page, testid: string): Promise<boolean> {
  return page.getByTestId(testid).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === el || el.contains(hit)) && r.bottom <= window.innerHeight;
  });
}

// The rough edges of issue 12, tried at 1360 × 860 on a copy of the demo
// study: what a new user met, and what they meet now.
test.describe.configure({ mode: 'serial' });

// A name long enough for the top bar to have cut it.
const projectPath = () => path.join(app().dataDir, 'edges', 'Social prescribing study.themis');

let page: Page;

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(path.dirname(projectPath()), { recursive: true });
  fs.rmSync(projectPath(), { force: true });
  cli('demo', projectPath());
  // One transcript with identifiers for the Anonymise tab (the demo has none); it sorts last.
  const txt = path.join(path.dirname(projectPath()), 'visitor-09.txt');
  fs.writeFileSync(txt, 'Interviewer: Where do you go on Tuesdays?\n\nV09: To Hebden Bridge with Zoe Marsh, and Jenny Holt drives. Ring me on 07700 900123.\n');
  cli('import', projectPath(), txt);
  // Aisha, the lead, coded one of the two layers Review compares, so Chen,
  // the adjudicator she names, is the one who adjusts spans there.
  cli('coders', 'add', projectPath(), 'Chen');
  cli('coders', 'adjudicator', projectPath(), 'Chen');
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

test('the reader shows every Keyes code with its key without scrolling', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await expect(page.getByTestId('coder-picker')).toBeVisible();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await page.getByTestId('tab-documents').click();
  await expect(page.getByTestId('turn-0')).toBeVisible();
  const keys = page.getByTestId('code-tree').locator('kbd');
  await expect(keys).toHaveCount(13);
  const tree = await page.getByTestId('code-tree').boundingBox();
  const vh = page.viewportSize()!.height;
  for (let i = 0; i < 13; i++) {
    const box = (await keys.nth(i).boundingBox())!;
    // Inside the window and inside the tree's visible area: no scrolling needed.
    expect(box.y + box.height, `key ${i + 1}`).toBeLessThanOrEqual(Math.min(vh, tree!.y + tree!.height) + 0.5);
  }
  await shot(page, 'edges-01-reader-codes');
});

test('a code key with nothing selected says what to do', async () => {
  await page.keyboard.press('1');
  await expect(page.getByTestId('notice')).toContainText('Select some words first, then press the key (1: Positive affect).');
  await shot(page, 'edges-02-key-without-selection');
});

test('removing a segment says so and offers Undo', async () => {
  await page.getByTestId('dismiss-notice').click();
  const selected = await selectText(page, 'a commissioning manager');
  expect(selected).toBe('a commissioning manager');
  await page.keyboard.press('2');
  const item = page.getByTestId('segment-list').locator('li', { hasText: 'a commissioning manager' });
  await expect(item).toHaveCount(1);
  const id = (await item.getAttribute('data-testid'))!.replace('segment-', '');
  await page.getByTestId(`remove-segment-${id}`).click();
  await expect(page.getByTestId('notice')).toContainText('Removed Avowed quality of life from “a commissioning manager”');
  await expect(page.getByTestId('notice-action')).toHaveText('Undo');
  await shot(page, 'edges-03-removed-with-undo');
  await page.getByTestId('notice-action').click();
  await expect(item).toHaveCount(1);
});

test('the keyboard moves the ends of my picked segment a word at a time, journalled and undoable', async () => {
  const item = page.getByTestId('segment-list').locator('li', { hasText: 'a commissioning manager' });
  await item.getByRole('button', { name: /a commissioning manager/ }).click();
  await expect(page.getByTestId('boundary-help')).toBeVisible();
  await page.keyboard.press('Shift+ArrowRight');
  const picked = page.getByTestId('segment-list').locator('li.picked');
  await expect(picked).toContainText('a commissioning manager for');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(picked.locator('.excerpt')).toHaveText(/^commissioning manager for$/);
  const journal = JSON.parse(cli('journal', projectPath(), '--limit', '2', '--json'));
  expect(journal.map((e: { action: string }) => e.action)).toEqual(['segment.add', 'segment.remove']);
  await shot(page, 'edges-04-segment-ends-moved');
  // The drag handles: the end dragged two words on, let go inside a word, snaps to that word's end.
  const end = (await page.getByTestId('handle-end').boundingBox())!;
  const target = await page.evaluate(() => {
    const reader = document.querySelector('[data-testid="reader"]')!;
    const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf('mental health');
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i + 'mental he'.length);
      r.setEnd(n, i + 'mental hea'.length);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    throw new Error('no "mental health"');
  });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 5 });
  await page.mouse.up();
  await expect(picked.locator('.excerpt')).toHaveText(/^commissioning manager for mental health$/);
  await shot(page, 'edges-04b-segment-end-dragged');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notice')).toContainText('Undid resizing Avowed quality of life');
  // The second undo walks back through the resize before it: a resize makes
  // a new row, and the earlier step must follow it.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notice')).toContainText('Undid resizing Avowed quality of life to “commissioning manager for”');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('boundary-help')).toHaveCount(0);
});

test('the top bar keeps the project name whole beside the blind-mode controls', async () => {
  await expect(page.getByTestId('blind-toggle')).toBeAttached();
  expect(await whole(page, 'project-name')).toBe(true);
  await page.getByTestId('switch-coder').click();
  await page.getByTestId('coder-Ben').click();
  await expect(page.getByTestId('current-coder')).toContainText('Ben');
  if (await page.getByTestId('blind-badge').count()) expect(await whole(page, 'project-name')).toBe(true);
  await shot(page, 'edges-05-topbar-coder');
  await page.getByTestId('switch-coder').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
});

test('the codebook tree shows whole names beside the counts', async () => {
  await page.getByTestId('tab-codebook').click();
  const names = page.locator('[role="treeitem"] .name');
  await expect(names.first()).toBeVisible();
  const cut = await names.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
  expect(cut).toEqual([]);
  await shot(page, 'edges-06-codebook-tree');
});

test('the cases table ends long values in an ellipsis and renames attributes through a pencil', async () => {
  await page.getByTestId('tab-cases').click();
  await expect(page.getByTestId('cases-table')).toBeVisible();
  const head = page.locator('[data-testid^="attr-name-"]').first();
  await expect(head).toBeVisible();
  const name = (await head.textContent())!.trim();
  await expect(page.getByRole('button', { name: `Rename attribute ${name}` })).toBeVisible();
  await shot(page, 'edges-07-cases');
  await page.getByRole('button', { name: `Rename attribute ${name}` }).click();
  await expect(page.getByRole('textbox', { name: `New name of attribute ${name}` })).toBeFocused();
  await shot(page, 'edges-08-cases-rename');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: `New name of attribute ${name}` })).toHaveCount(0);
});

test('segment-match agreement says its note once', async () => {
  await page.getByTestId('tab-agreement').click();
  await page.getByTestId('unit').selectOption('segment');
  await expect(page.getByTestId('agreement-shared-note')).toHaveCount(1);
  const notes = await page.locator('[data-testid^="agreement-row-"] [data-testid="note"]').allTextContents();
  expect(notes.filter((n) => n.includes('segment match has no'))).toEqual([]);
  await page.getByTestId('agreement-shared-note').scrollIntoViewIfNeeded();
  await shot(page, 'edges-09-agreement-segment-note');
  await page.getByTestId('unit').selectOption('character');
});

test('Review: context in whole words, and Adjust’s Start/End in view', async () => {
  await page.getByTestId('switch-coder').click();
  await page.getByTestId('coder-Chen').click();
  await expect(page.getByTestId('current-coder')).toContainText('Chen');
  await page.getByTestId('tab-review').click();
  const startInline = page.getByTestId('start-inline');
  await page.locator('[data-testid^="disagreement-"][data-key]').first().click();
  if (await startInline.isVisible()) await startInline.click();
  await page.getByTestId('action-adjust').click();
  await expect(page.getByTestId('adjust-panel')).toBeVisible();
  for (const id of ['start-left', 'start-right', 'end-left', 'end-right']) expect(await uncovered(page, id), id).toBe(true);
  await shot(page, 'edges-10-review-adjust');
  await page.getByTestId('cancel-adjust').click();
  await page.getByTestId('switch-coder').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
});

test('Anonymise: documents with findings, pseudonyms down the list, the kind chosen at replacement', async () => {
  await page.getByTestId('tab-privacy').click();
  const groups = page.getByTestId('privacy-group');
  await expect(groups.first()).toBeVisible();
  await expect(page.getByTestId('privacy-summary')).toContainText('in 1 of 10 documents');
  const suggested = await page.locator('[data-testid="privacy-group"][data-kind="name"] [data-testid="privacy-pseudonym"]').evaluateAll((els) =>
    els.map((el) => Number(/\d+/.exec((el as HTMLInputElement).value)?.[0] ?? 0)),
  );
  expect(suggested).toEqual([...suggested].sort((a, b) => a - b));
  const hebden = page.getByTestId('privacy-group').filter({ has: page.getByTestId('privacy-text').getByText('Hebden Bridge', { exact: true }) });
  const first = (await hebden.count()) ? hebden : page.locator('[data-testid="privacy-group"][data-kind="name"]').first();
  await first.getByTestId('privacy-replace-kind').selectOption('address');
  await expect(first.getByTestId('privacy-pseudonym')).toHaveValue(/^\[Place \d+\]$/);
  await first.scrollIntoViewIfNeeded();
  await shot(page, 'edges-11-privacy-kind');
});

test('close the copy, leaving the start screen for the next spec', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

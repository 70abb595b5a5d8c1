import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// Memos against the real backend: Aisha writes a memo on one of her
// segments and one on a code in the reader, finds both in the Memos tab and
// filters them, finds the segment's passage with memo: in Search, and deletes
// the code memo and takes the deletion back with Undo. It works on its own
// copy of the demo study.
test.describe.configure({ mode: 'serial' });

const folder = () => path.join(app().dataDir, 'memos');
const projectPath = () => path.join(folder(), 'Memo study.themis');
const CODE = 'Positive affect';

interface MemoJSON {
  kind: string;
  target: string;
  author: string;
  text: string;
}

function memos(): MemoJSON[] {
  return JSON.parse(cli('memos', projectPath(), '--json')) as MemoJSON[];
}

let page: Page;

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(folder(), { recursive: true });
  cli('demo', projectPath());
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

test('Aisha writes a memo on one of her segments, with a Markdown preview', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await page.locator('[data-testid^="doc-"]').first().click();
  const icon = page.locator('[data-testid^="memo-segment-"]').first();
  await expect(icon).toBeVisible();
  await icon.click();
  const editor = page.getByTestId('memo-editor');
  await expect(editor).toBeVisible();
  await page.getByTestId('memo-text').fill('Relief rather than joy? *Check with Ben.*\n\n- compare with the walking group');
  await page.getByTestId('memo-preview').click();
  await expect(page.getByTestId('memo-preview-body').locator('em')).toHaveText('Check with Ben.');
  await expect(page.getByTestId('memo-preview-body').locator('li')).toHaveText('compare with the walking group');
  await shot(page, 'memos-01-segment-editor-preview');
  await page.getByTestId('memo-save').click();
  await expect(editor).toHaveCount(0);
  await expect(icon).toHaveClass(/\bon\b/);
  const panel = page.getByTestId('memo-panel');
  await expect(panel).toContainText('Relief rather than joy?');
  await expect(panel.locator('em')).toHaveText('Check with Ben.');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'memos-02-reader-panel');
  expect(memos()).toEqual([expect.objectContaining({ kind: 'segment', author: 'Aisha', text: expect.stringContaining('Relief rather than joy?') })]);
});

test('and a memo on a code from the reader’s code panel', async () => {
  await page.getByTestId(`code-${CODE}`).hover();
  await page.getByTestId(`memo-code-${CODE}`).click();
  await expect(page.getByTestId('memo-editor')).toContainText(`code “${CODE}”`);
  await page.getByTestId('memo-text').fill('Calm counts as **positive affect**; relief alone does not.');
  await shot(page, 'memos-03-code-editor');
  await page.getByTestId('memo-save').click();
  await expect(page.getByTestId('memo-editor')).toHaveCount(0);
  await expect(page.getByTestId(`memo-code-${CODE}`)).toHaveClass(/\bon\b/);
  expect(memos().map((m) => [m.kind, m.target])).toEqual([
    ['segment', expect.stringMatching(/^segment \d+ in /)],
    ['code', CODE],
  ]);
});

test('the Memos tab lists both, and filters them by kind, code and words', async () => {
  await page.getByTestId('tab-memos').click();
  await expect(page.getByTestId('memo-count')).toHaveText('2 memos');
  await expect(page.getByTestId('memo-list').locator('strong')).toHaveText('positive affect');
  await shot(page, 'memos-04-tab');
  await page.getByTestId('memo-filter-kind').selectOption('segment');
  await expect(page.getByTestId('memo-count')).toHaveText('1 of 2 memos');
  await page.getByTestId('memo-filter-kind').selectOption('');
  await page.getByTestId('memo-filter-code').selectOption({ label: CODE });
  await page.getByTestId('memo-filter-text').fill('relief alone');
  await expect(page.getByTestId('memo-count')).toHaveText('1 of 2 memos');
  await expect(page.getByTestId('memo-list')).toContainText('Calm counts');
  await shot(page, 'memos-05-tab-filtered');
  await page.getByTestId('memo-filter-clear').click();
  await expect(page.getByTestId('memo-count')).toHaveText('2 memos');
});

test('memo: in Search finds the passage the segment memo is on', async () => {
  await page.getByTestId('tab-search').click();
  await expect(page.getByTestId('search-ready')).toBeVisible();
  await page.getByTestId('search-input').fill('memo:walking');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('search-count')).toContainText(/\d+ hits? in/);
  const hits = JSON.parse(cli('search', projectPath(), 'memo:walking', '--json')) as unknown[];
  expect(hits.length).toBeGreaterThan(0);
  await expect(page.getByTestId('search-hit')).toHaveCount(hits.length);
  await shot(page, 'memos-06-search');
  // a code memo is on no passage
  await page.getByTestId('search-input').fill('memo:calm');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('search-hit')).toHaveCount(0);
});

test('deleting a memo offers Undo, which brings it back', async () => {
  await page.getByTestId('tab-memos').click();
  const card = page.getByTestId('memo-list').locator('article', { hasText: 'Calm counts' });
  await card.locator('[data-testid^="memo-delete-"]').click();
  await expect(page.getByTestId('memo-count')).toHaveText('1 memo');
  await expect(page.getByTestId('notice')).toContainText('Memo deleted');
  expect(memos().map((m) => m.kind)).toEqual(['segment']);
  await shot(page, 'memos-07-deleted-with-undo');
  await page.getByTestId('notice-action').click();
  await expect(page.getByTestId('memo-count')).toHaveText('2 memos');
  await expect(page.getByTestId('notice')).toContainText('Memo restored');
  expect(memos().map((m) => m.kind)).toEqual(['segment', 'code']);
  const journal = JSON.parse(cli('journal', projectPath(), '--limit', '2', '--json')) as { action: string }[];
  expect(journal.map((e) => e.action)).toEqual(['memo.revert', 'memo.delete']);
});

test('close the project, leaving the start screen for the next spec', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

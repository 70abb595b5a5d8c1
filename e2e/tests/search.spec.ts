import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// Full-text search against the real backend: a phrase over the demo study,
// a query that cannot be read, opening a hit in the reader with its words
// selected, coding every hit in one step and taking it back with Ctrl+Z.
// It works on its own copy of the demo study and closes it at the end.
test.describe.configure({ mode: 'serial' });

const folder = () => path.join(app().dataDir, 'search');
const projectPath = () => path.join(folder(), 'Search study.themis');
const PHRASE = '"link worker"';
const CODE = 'Social contribution';

let page: Page;

/** How many segments of a code a coder has, from the CLI's CSV export. */
function segments(code: string, coder: string): number {
  const lines = cli('segments', 'export', projectPath()).trim().split('\n').slice(1);
  return lines.filter((l) => {
    const [, c, k] = l.split(',');
    return c === coder && k === code;
  }).length;
}

function visible(id: string): Locator {
  return page.getByTestId(id).filter({ visible: true });
}

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(folder(), { recursive: true });
  cli('demo', projectPath());
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

test('Aisha opens a copy of the demo study and searches for a phrase', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await page.getByTestId('tab-search').click();
  await expect(page.getByTestId('search-ready')).toContainText('turns of 9 transcripts are indexed');

  await page.getByTestId('search-input').fill(PHRASE);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('search-count')).toContainText(/\d+ hits in \d+\s+turns of \d+\s+transcripts/);
  const cliHits = JSON.parse(cli('search', projectPath(), PHRASE, '--json')) as { document: string }[];
  await expect(page.getByTestId('search-hit')).toHaveCount(cliHits.length);
  await expect(page.locator('mark').first()).toHaveText(/^link workers?$/i);
  await shot(page, 'search-01-phrase');
});

test('a query that cannot be read says why and keeps the results', async () => {
  await page.getByTestId('search-input').fill('walk OR');
  await page.getByTestId('search-go').click();
  await expect(page.getByTestId('search-error')).toContainText('OR needs something after it');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await shot(page, 'search-02-error');
  await page.getByTestId('search-input').fill(PHRASE);
  await page.getByTestId('search-go').click();
  await expect(page.getByTestId('search-error')).toHaveCount(0);
});

test('a hit opens in the reader with its words selected', async () => {
  const group = page.locator('[data-testid^="search-group-"]').nth(1);
  const name = (await group.locator('.doc').textContent())!.trim();
  const match = (await group.locator('mark').first().textContent())!.trim();
  await group.getByTestId('search-hit').first().click();
  await expect(visible('document-title')).toHaveText(name);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(match);
  await shot(page, 'search-03-reader-at-hit');
});

test('every hit is coded in one step, and Ctrl+Z in the reader takes it all back', async () => {
  const before = segments(CODE, 'Aisha');
  await page.getByTestId('tab-search').click();
  await expect(page.getByTestId('search-hit').first()).toBeVisible(); // the results are still there
  const select = page.getByTestId('code-all-code');
  const value = await select.locator('option', { hasText: CODE }).first().getAttribute('value');
  await select.selectOption(value!);
  await page.getByTestId('code-all-go').click();
  await expect(page.getByText(/^Coded \d+ search hits for/)).toBeVisible();
  await shot(page, 'search-04-coded');
  const after = segments(CODE, 'Aisha');
  expect(after).toBeGreaterThan(before + 1);

  // The index follows the coding.
  await page.getByTestId('search-input').fill(`${PHRASE} code:"${CODE}"@Aisha`);
  await page.getByTestId('search-go').click();
  await expect(page.getByTestId('search-count')).toContainText(/\d+ hits? in/);

  await page.getByTestId('tab-documents').click();
  await expect(visible('document-title')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByText(/^Undid coding \d+ search hits for/)).toBeVisible();
  await expect.poll(() => segments(CODE, 'Aisha')).toBe(before);
});

test('close the copy, leaving the start screen for the next spec', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

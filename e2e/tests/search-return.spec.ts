import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// The search tab left and come back to. The search's store used to be made by
// the tab and outlive it: after coming back a new search updated the count
// but the list kept the old hits, and "Code all" coded hits nobody could see;
// with no search on the first visit, the list stayed empty for good. Now the
// workspace owns the store. It works on its own copy of the demo study.
test.describe.configure({ mode: 'serial' });

const folder = () => path.join(app().dataDir, 'search-return');
const projectPath = () => path.join(folder(), 'Search return.themis');
const FIRST = '"link worker"';
const SECOND = 'allotment';
const CODE = 'Social contribution';

let page: Page;
/** what Chromium logged as warnings and errors, and the page errors */
const logged: string[] = [];

/** Aisha's segments of CODE, one CSV row each. */
function rows(): string[] {
  const lines = cli('segments', 'export', projectPath()).trim().split('\n').slice(1);
  return lines.filter((l) => {
    const [, coder, code] = l.split(',');
    return coder === 'Aisha' && code === CODE;
  });
}

/** The names of the transcripts the results list shows, in order. */
async function listed(): Promise<string[]> {
  const ids = await page.locator('[data-testid^="search-group-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
  return ids.map((id) => id.replace(/^search-group-/, ''));
}

async function search(query: string) {
  await page.getByTestId('search-input').fill(query);
  await page.getByTestId('search-input').press('Enter');
  const hits = JSON.parse(cli('search', projectPath(), query, '--json')) as { document: string }[];
  await expect(page.getByTestId('search-count')).toContainText(new RegExp(`^${hits.length} hits? in`));
  return hits;
}

async function openCopy() {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
}

async function leaveAndComeBack() {
  await page.getByTestId('tab-documents').click();
  await expect(page.getByTestId('search-screen')).toHaveCount(0);
  await page.getByTestId('tab-search').click();
  await expect(page.getByTestId('search-screen')).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(folder(), { recursive: true });
  cli('demo', projectPath());
  page = await openApp(browser);
  // openApp fails the test on page errors; Svelte's derived_inert is a warning.
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') logged.push(m.text());
  });
});

test.afterAll(async () => {
  await page.close();
});

test('search, leave, come back and search again: the list shows the new hits and Code all codes exactly those', async () => {
  await openCopy();
  await page.getByTestId('tab-search').click();
  const first = await search(FIRST);
  expect(await listed()).toEqual([...new Set(first.map((h) => h.document))]);

  await leaveAndComeBack();
  await expect(page.getByTestId('search-hit')).toHaveCount(first.length); // kept while away

  const second = await search(SECOND);
  await expect(page.getByTestId('search-hit')).toHaveCount(second.length);
  expect(await listed()).toEqual([...new Set(second.map((h) => h.document))]);
  await expect(page.locator('[data-testid="search-hit"] mark')).toHaveText(second.map(() => /^allotment$/i));
  await shot(page, 'search-return-01-new-hits');

  const before = new Set(rows());
  const select = page.getByTestId('code-all-code');
  const value = await select.locator('option', { hasText: CODE }).first().getAttribute('value');
  await select.selectOption(value!);
  await page.getByTestId('code-all-go').click();
  await expect(page.getByText(/^Coded \d+ search hits? for/)).toBeVisible();
  const added = rows().filter((r) => !before.has(r));
  // One segment per hit shown, in the transcripts shown, of the words shown.
  expect(added).toHaveLength(second.length);
  expect(added.map((r) => r.split(',')[0]).sort()).toEqual(second.map((h) => h.document).sort());
  for (const r of added) expect(r).toMatch(/,"?allotment"?$/i);
  await shot(page, 'search-return-02-coded');

  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

test('a first visit without a search, then a search after coming back, lists the hits', async () => {
  await openCopy();
  await page.getByTestId('tab-search').click();
  await expect(page.getByTestId('search-ready')).toContainText('turns of 9 transcripts are indexed');
  await leaveAndComeBack();
  const hits = await search(FIRST);
  await expect(page.getByTestId('search-hit')).toHaveCount(hits.length);
  expect(await listed()).toEqual([...new Set(hits.map((h) => h.document))]);
  await shot(page, 'search-return-03-first-visit');
});

test('Svelte warned of no stale derived value, and the copy closes for the next spec', async () => {
  expect(logged.filter((l) => /derived_inert|stale values/.test(l))).toEqual([]);
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

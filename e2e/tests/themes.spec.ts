import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// The Themes tab against the real backend on a copy of the demo study: the
// prevalence of Keyes' codes over both coders, a filter, the by-attribute,
// case × code and co-occurrence views, the passages behind a cell opened in
// the reader, a passage starred, and the table's and chart's exports. Screenshots of every view
// go to e2e/test-results/screens for people to look at.
test.describe.configure({ mode: 'serial' });

const folder = () => path.join(app().dataDir, 'themes');
const projectPath = () => path.join(folder(), 'Themes study.themis');

let page: Page;

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(folder(), { recursive: true });
  cli('demo', projectPath());
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

test('the prevalence of every code, over all coders together', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await page.getByTestId('tab-themes').click();
  const table = page.getByTestId('prevalence-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('themes-scope')).toContainText('All coders (Aisha, Ben) · Keyes');
  await expect(page.getByTestId('themes-scope')).toContainText('9 documents · 9 cases');
  // A factor row rolls up its codes; every cases cell reads "n of 9".
  await expect(table.locator('tr.factor').first()).toBeVisible();
  await expect(table.getByTestId('cell-cases').first()).toHaveText(/^\d+ of 9$/);
  await expect(page.getByTestId('prevalence-chart').locator('svg')).toBeVisible();
  await shot(page, 'themes-01-prevalence');
});

test('a filter on role applies to the view and shows as a chip', async () => {
  await page.getByTestId('themes-filter').click();
  await page.getByTestId('filter-role-patient').check();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('chip-role-patient')).toBeVisible();
  await expect(page.getByTestId('themes-scope')).toContainText('5 cases');
  await shot(page, 'themes-02-filtered');
  await page.getByTestId('chip-role-patient').click();
  await expect(page.getByTestId('themes-scope')).toContainText('9 cases');
});

test('by attribute: cases per role, and the passages behind a cell', async () => {
  await page.getByTestId('themes-view-attribute').click();
  await page.getByTestId('themes-attribute').selectOption('role');
  await expect(page.getByTestId('attribute-col-patient')).toHaveText('patient (5 cases)');
  const cell = page.getByTestId('attribute-cell').and(page.locator(':not([disabled])')).first();
  await expect(cell).toHaveText(/\d+ of \d+ \(/);
  await cell.click();
  const drill = page.getByTestId('themes-drill');
  await expect(drill.getByTestId('drill-passage').first()).toBeVisible();
  await expect(drill.getByTestId('drill-count')).toHaveText(/^\d+ passages?$/);
  // Star the first passage as an exemplar for the report.
  const star = drill.getByTestId('drill-star').first();
  await expect(star).toHaveText('☆ Star');
  await star.click();
  await expect(star).toHaveText('★ Starred');
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await shot(page, 'themes-03-by-attribute-drill');
  await drill.getByTestId('drill-close').click();
});

test('cases × codes: a heat map and the table, a cell opened in the reader', async () => {
  await page.getByTestId('themes-view-cases').click();
  await expect(page.getByTestId('cases-chart').locator('svg')).toBeVisible();
  await page.getByTestId('case-sort').selectOption('role');
  await shot(page, 'themes-04-cases');
  await page.getByTestId('cases-cell').and(page.locator(':not([disabled])')).first().click();
  const drill = page.getByTestId('themes-drill');
  const first = drill.getByTestId('drill-passage').first();
  await expect(first).toBeVisible();
  await shot(page, 'themes-05-cases-drill');
  const text = (await first.getByTestId('drill-text').textContent())!.trim();
  await first.getByTestId('drill-open').click();
  await expect(page.getByTestId('document-title').filter({ visible: true })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window.getSelection()?.toString() ?? '').trim())).toBe(text);
  await page.getByTestId('tab-themes').click();
});

test('co-occurrence: counts, Jaccard, and the overlap highlighted', async () => {
  await page.getByTestId('themes-view-cooccurrence').click();
  await expect(page.getByTestId('co-chart').locator('svg')).toBeVisible();
  await shot(page, 'themes-06-cooccurrence');
  await page.getByTestId('co-jaccard').check();
  await expect(page.getByTestId('co-cell').and(page.locator(':not([disabled])')).first()).toHaveText(/^0\.\d+$/);
  await page.getByTestId('co-cell').and(page.locator(':not([disabled])')).first().click();
  await expect(page.getByTestId('drill-overlap').first()).toBeVisible();
  await shot(page, 'themes-07-cooccurrence-drill');
  await page.getByTestId('drill-close').click();
});

test('the table exports as CSV and the chart as SVG', async () => {
  await page.getByTestId('themes-view-prevalence').click();
  await page.getByTestId('themes-export-csv').click();
  await expect(page.getByTestId('themes-saved')).toContainText('prevalence.csv');
  const csv = fs.readFileSync(path.join(app().dialogDir, 'Keyes- flourishing prevalence.csv'), 'utf8');
  expect(csv.split('\n').length).toBeGreaterThan(13);
  await page.getByTestId('prevalence-chart-svg').click();
  await expect(page.getByTestId('prevalence-chart').getByRole('status')).toContainText('Saved');
  const svgName = fs.readdirSync(app().dialogDir).find((f) => f.endsWith('.svg'))!;
  expect(fs.readFileSync(path.join(app().dialogDir, svgName), 'utf8')).toContain('<svg');
  await page.getByTestId('prevalence-chart-png').click();
  await expect(page.getByTestId('prevalence-chart').getByRole('status')).toContainText('.png');
});

test('close the project, leaving the start screen for the next spec', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

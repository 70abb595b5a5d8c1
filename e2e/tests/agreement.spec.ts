import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// The agreement view beyond two coders' table, against the real backend: the
// forest plot, segment match, resampling speaker turns, three coders and the
// unitizing alphas. It works on its own copy of the demo study (made with the
// CLI, with a third coder imported into it) and closes it at the end, so the
// specs after it find the start screen as they expect.
test.describe.configure({ mode: 'serial' });

const projectPath = () => path.join(app().dataDir, 'agreement', 'Agreement study.themis');

let page: Page;

interface Row {
  code: string;
  kappa: number | null;
  agreement: number;
  ci?: { kappa: [number, number] | null } | null;
}
interface Stat {
  value: number | null;
  undefined: string | null;
}

const k3 = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(path.dirname(projectPath()), { recursive: true });
  fs.rmSync(projectPath(), { force: true });
  cli('demo', projectPath());
  // Chen: Ben's coding without every fourth segment, as a third coder.
  const csv = cli('segments', 'export', projectPath(), '--coder', 'Ben').trimEnd().split('\n');
  const chen = [csv[0], ...csv.slice(1).filter((_, i) => i % 4 !== 0).map((l) => l.replace(/^([^,]*),Ben,/, '$1,Chen,'))];
  const file = path.join(path.dirname(projectPath()), 'chen.csv');
  fs.writeFileSync(file, chen.join('\n') + '\n');
  cli('segments', 'import', projectPath(), file);
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

test('the lead opens the copy and sees the chart: one row per code, with intervals', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await page.getByTestId('tab-agreement').click();
  await expect(page.getByTestId('coder-a')).toHaveValue(/\d+/);
  await expect(page.getByTestId('agreement-table').locator('[data-testid^="agreement-row-"]')).toHaveCount(13);

  await page.getByTestId('view-chart').click();
  const chart = page.getByTestId('agreement-chart');
  await expect(chart.locator('[data-testid^="chart-row-"]')).toHaveCount(13);
  await expect(chart.locator('[data-testid^="chart-factor-"]')).toHaveCount(3);
  await expect(chart.getByTestId('chart-overall')).toBeVisible();
  await expect(chart.locator('[data-testid="chart-ref"]')).toHaveCount(3);
  await page.getByTestId('intervals').check();
  await expect(chart.locator('[data-testid="chart-whisker"]').first()).toBeVisible();
  // The plotted overall κ is the table's.
  const rows: Row[] = JSON.parse(cli('agreement', projectPath(), '--coders', 'Aisha,Ben', '--by', 'factor', '--json'));
  const all = rows.find((r) => r.code === 'All codes')!;
  await expect(chart.getByTestId('chart-overall')).toContainText(k3(all.kappa!));
  await shot(page, 'agreement-chart');
  // Narrower, the chart still fits its box.
  await page.setViewportSize({ width: 1024, height: 760 });
  const box = await chart.boundingBox();
  const wrap = await page.getByTestId('agreement-chart-figure').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(wrap!.x + wrap!.width + 1);
  await shot(page, 'agreement-chart-narrow');
  await page.setViewportSize({ width: 1360, height: 860 });
});

test('resampling speaker turns gives intervals, as the CLI computes them', async () => {
  await page.getByTestId('view-table').click();
  await page.getByTestId('resample-turn').click();
  await expect(page.getByTestId('intervals-help')).toContainText('resamples of the speaker turns');
  await expect(page.getByTestId('agreement-intervals')).toContainText('resamples of the speaker turns');
  const boot: Row[] = JSON.parse(
    cli('agreement', projectPath(), '--coders', 'Aisha,Ben', '--bootstrap', '1000', '--seed', '1', '--resample', 'turn', '--json'),
  );
  const pa = boot.find((r) => r.code === 'Positive affect')!;
  await expect(page.getByTestId('agreement-row-Positive affect').getByTestId('ci')).toHaveText(
    `${pa.ci!.kappa![0].toFixed(3)}–${pa.ci!.kappa![1].toFixed(3)}`,
  );
  await page.getByTestId('intervals').uncheck();
});

test('segment match at 90 % gives the CLI’s overall agreement and explains undefined κ per code', async () => {
  await page.getByTestId('unit').selectOption('segment');
  await expect(page.getByTestId('min-share')).toHaveValue('0.9');
  await expect(page.getByTestId('agreement-table')).toContainText('Segment counts');
  // --by factor has the factor rows and “All codes”.
  const rows: Row[] = JSON.parse(cli('agreement', projectPath(), '--coders', 'Aisha,Ben', '--unit', 'segment', '--by', 'factor', '--json'));
  const all = rows.find((r) => r.code === 'All codes')!;
  const overall = page.getByTestId('agreement-overall');
  await expect(overall.getByTestId('kappa')).toHaveText(k3(all.kappa!));
  await expect(overall).toContainText(`${(all.agreement * 100).toFixed(1)}%`);
  const pa = page.getByTestId('agreement-row-Positive affect');
  await expect(pa.getByTestId('kappa')).toHaveText('undefined');
  // Every code row carries the same note, so it is said once below the table.
  await expect(pa.getByTestId('note')).toHaveText('');
  await expect(page.getByTestId('agreement-shared-note')).toContainText('segment match has no “neither” units');
  await expect(pa.locator('.bar')).toHaveCount(0);
  await expect(page.getByTestId('resample-turn')).toBeDisabled();
  await expect(page.getByTestId('segment-note')).toBeVisible();
  await shot(page, 'agreement-segment');
  await page.getByTestId('view-chart').click();
  // Thirteen codes without κ, for one reason, listed once.
  await expect(page.getByTestId('agreement-chart').getByTestId('chart-undefined-mark')).toHaveCount(13);
  await expect(page.getByTestId('chart-undefined').getByTestId('chart-undefined-item')).toHaveCount(1);
  await expect(page.getByTestId('chart-undefined')).toContainText('Positive affect, Avowed quality of life');
  await shot(page, 'agreement-segment-chart');
  await page.getByTestId('view-table').click();
});

test('three coders: Fleiss’ κ as the CLI computes it, and no export', async () => {
  await page.getByTestId('unit').selectOption('character');
  await page.getByTestId('agreement-add-coder').click();
  await expect(page.getByTestId('coder-c')).toHaveValue(/\d+/);
  await expect(page.getByTestId('coder-c').locator('option:checked')).toHaveText('Chen');
  const table = page.getByTestId('multi-table');
  await expect(table.locator('[data-testid^="multi-row-"]')).toHaveCount(13);
  await expect(page.getByTestId('export-csv')).toHaveCount(0);
  await expect(page.getByTestId('export-two-only')).toBeVisible();

  const rows: { code: string; fleiss_kappa: Stat }[] = JSON.parse(
    cli('agreement', projectPath(), '--coders', 'Aisha,Ben,Chen', '--json'),
  );
  const pooled: { code: string; fleiss_kappa: Stat }[] = JSON.parse(
    cli('agreement', projectPath(), '--coders', 'Aisha,Ben,Chen', '--by', 'factor', '--json'),
  );
  const all = pooled.find((r) => r.code === 'All codes')!;
  const pa = rows.find((r) => r.code === 'Positive affect')!;
  await expect(page.getByTestId('multi-overall').getByTestId('fleissKappa')).toHaveText(k3(all.fleiss_kappa.value!));
  await expect(page.getByTestId('multi-row-Positive affect').getByTestId('fleissKappa')).toHaveText(k3(pa.fleiss_kappa.value!));
  await shot(page, 'agreement-3-coders');
  await page.getByTestId('view-chart').click();
  await expect(page.getByTestId('agreement-chart').locator('[data-testid^="chart-row-"]')).toHaveCount(13);
  await shot(page, 'agreement-3-coders-chart');
  await page.getByTestId('view-table').click();
});

test('the unitized continuum shows the unitizing alphas the CLI computes', async () => {
  await page.getByTestId('remove-coder-c').click();
  await page.getByTestId('unit').selectOption('unitized');
  await expect(page.getByTestId('unitized-table')).toBeVisible();
  const u: {
    binary_u_alpha: Stat;
    u_alpha: Stat;
    cu_alpha: Stat;
    k_u_alpha: Record<string, Stat>;
    binary_u_alpha_by_category: Record<string, Stat>;
  } = JSON.parse(
    cli('agreement', projectPath(), '--coders', 'Aisha,Ben', '--unit', 'unitized', '--json'),
  );
  const shown = (s: Stat) => (s.value === null ? 'undefined' : k3(s.value));
  await expect(page.getByTestId('unitized-binaryUAlpha').getByTestId('value')).toHaveText(shown(u.binary_u_alpha));
  await expect(page.getByTestId('unitized-uAlpha').getByTestId('value')).toHaveText(shown(u.u_alpha));
  await expect(page.getByTestId('unitized-cuAlpha').getByTestId('value')).toHaveText(shown(u.cu_alpha));
  if (u.u_alpha.value === null) await expect(page.getByTestId('unitized-uAlpha').getByTestId('reason')).toHaveText(u.u_alpha.undefined!);
  const au = u.k_u_alpha['Autonomy'];
  await expect(page.getByTestId('unitized-row-Autonomy').getByTestId('kuAlpha')).toHaveText(shown(au));
  const bu = u.binary_u_alpha_by_category['Autonomy'];
  await expect(page.getByTestId('unitized-row-Autonomy').getByTestId('binaryUAlpha')).toHaveText(shown(bu));
  await shot(page, 'agreement-unitized');

  // Computed again (another unit, then back), the figures are the same.
  const first = await page.getByTestId('unitized-binaryUAlpha').getByTestId('value').textContent();
  await page.getByTestId('unit').selectOption('character');
  await expect(page.getByTestId('agreement-table')).toBeVisible();
  await page.getByTestId('unit').selectOption('unitized');
  await expect(page.getByTestId('unitized-binaryUAlpha').getByTestId('value')).toHaveText(first!);
  await page.getByTestId('unit').selectOption('character');
});

test('two codes chosen of thirteen: two code rows, and the methods paragraph says so', async () => {
  await expect(page.getByTestId('agreement-table').locator('[data-testid^="agreement-row-"]')).toHaveCount(13);
  await expect(page.getByTestId('codes-count')).toHaveText('13 of 13');
  await page.getByTestId('codes-none').click();
  await expect(page.getByTestId('agreement-blocked')).toHaveText('Choose at least one code.');
  await expect(page.getByTestId('agreement-table')).toHaveCount(0);
  await page.getByTestId('codes-code-Positive affect').check();
  await page.getByTestId('codes-code-Autonomy').check();
  await expect(page.getByTestId('codes-count')).toHaveText('2 of 13');
  const rows = page.getByTestId('agreement-table').locator('[data-testid^="agreement-row-"]');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('agreement-row-Positive affect')).toBeVisible();
  await expect(page.getByTestId('agreement-row-Autonomy')).toBeVisible();
  await expect(page.getByTestId('methods-text')).toContainText('agreement is reported for 2 of its 13 codes');
  // The list scrolls within the sidebar, which still shows the documents below it.
  await expect(page.getByTestId('agreement-documents')).toBeInViewport();
  await shot(page, 'agreement-codes');
  await page.getByTestId('unit').selectOption('unitized');
  await expect(page.getByTestId('codes-unitized')).toBeVisible();
  await shot(page, 'agreement-codes-unitized');
  await page.getByTestId('unit').selectOption('character');
  await page.getByTestId('codes-all').click();
  await expect(rows).toHaveCount(13);

  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('open-demo')).toBeVisible();
});

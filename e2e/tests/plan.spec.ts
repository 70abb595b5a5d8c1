import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// The double-coding plan against the real backend: the lead draws a
// stratified 20 % sample of the demo study in the Plan… dialog, the document
// list puts each coder's documents first with their badges, a coder marks a
// document done and sees their progress (the lead everyone's), and the
// Agreement view compares the double-coded sample, its methods paragraph
// saying how the sample was drawn. It works on its own copy of the demo and
// closes it at the end.
test.describe.configure({ mode: 'serial' });

const projectPath = () => path.join(app().dataDir, 'plan', 'Plan study.themis');

let page: Page;
/** The sample the CLI draws with the same choices, on another copy of the demo (the app holds the first open). */
let cliSample: { document: string }[];

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(path.dirname(projectPath()), { recursive: true });
  const copy = path.join(path.dirname(projectPath()), 'CLI copy.themis');
  for (const f of [projectPath(), copy]) {
    fs.rmSync(f, { force: true });
    cli('demo', f);
  }
  cliSample = JSON.parse(cli('plan', copy, '--sample', '20', '--by', 'role', '--coders', 'Aisha,Ben', '--seed', '1', '--json')).sample;
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

async function switchTo(name: string) {
  await page.getByTestId('switch-coder').click();
  await page.getByTestId(`coder-${name}`).click();
  await expect(page.getByTestId('current-coder')).toContainText(name);
}

test('the lead draws a stratified sample in the Plan… dialog, previewed first', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await expect(page.getByTestId('plan-progress')).toHaveCount(0);

  await page.getByTestId('plan-open').click();
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog).toBeVisible();
  // The demo's cases have a role: the dialog starts stratified by it.
  await expect(dialog.getByTestId('plan-by')).toHaveValue('role');
  await expect(dialog.getByTestId('plan-coder-Aisha')).toBeChecked();
  await expect(dialog.getByTestId('plan-coder-Ben')).toBeChecked();
  await expect(dialog.getByTestId('plan-sentence')).toHaveText(
    'The reliability sample was 20 % of the documents (4 of 9), stratified by role, drawn with seed 1; coded independently by Aisha and Ben.',
  );
  await expect(dialog.getByTestId('plan-preview').locator('tbody tr')).toHaveCount(9);
  await expect(dialog.getByTestId('plan-preview').locator('tbody tr.sample')).toHaveCount(4);
  // The preview is the CLI's draw with the same seed.
  const sample = cliSample;
  expect(sample).toHaveLength(4);
  for (const d of sample) await expect(dialog.getByTestId(`plan-row-${d.document}`)).toHaveClass(/sample/);
  await shot(page, 'plan-dialog');

  // Without stratification the sample is 2 of 9 (20 % of 9 rounds to 2).
  await dialog.getByTestId('plan-by').selectOption('');
  await expect(dialog.getByTestId('plan-sentence')).toContainText('(2 of 9), drawn with seed 1');
  await dialog.getByTestId('plan-by').selectOption('role');
  await expect(dialog.getByTestId('plan-sentence')).toContainText('(4 of 9), stratified by role');
  await dialog.getByTestId('plan-draw').click();
  await expect(dialog).toHaveCount(0);

  // The lead's own documents come first, with their badges, and everyone's progress shows.
  const list = page.getByTestId('document-list');
  for (const d of sample) await expect(list.getByTestId(`badge-sample-${d.document}`)).toBeVisible();
  const first = list.locator('li').first();
  await expect(first.locator('[data-testid^="badge-yours-"]')).toBeVisible();
  await expect(page.getByTestId('plan-everyone').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('sample-complete')).toHaveText('Sample: 0 of 4 done by every coder');
  await shot(page, 'plan-documents-lead');
});

test('a coder marks a document done and sees their progress', async () => {
  await switchTo('Ben');
  const list = page.getByTestId('document-list');
  const mine = list.locator('li:has([data-testid^="badge-yours-"])');
  // The list reloads for Ben after the switch: wait for his documents, as the
  // plan assigns them, before counting anything on screen.
  const planned = JSON.parse(cli('progress', projectPath(), '--json')) as { coders: { coder: string; assigned: number }[] };
  const count = planned.coders.find((c) => c.coder === 'Ben')!.assigned;
  expect(count).toBeGreaterThan(0);
  await expect(mine).toHaveCount(count);
  await expect(page.getByTestId('my-progress')).toHaveText(`0 of ${count} done`);
  // Ben, in blind mode, sees neither everyone's table nor who else codes a document.
  await expect(page.getByTestId('plan-everyone')).toHaveCount(0);
  await expect(page.getByTestId('plan-open')).toHaveCount(0);

  const toggle = mine.first().locator('[data-testid^="done-"]');
  const name = (await toggle.getAttribute('data-testid'))!.slice('done-'.length);
  await toggle.click();
  await expect(list.getByTestId(`badge-done-${name}`)).toBeVisible();
  await expect(page.getByTestId('my-progress')).toHaveText(`1 of ${count} done`);
  await expect(page.getByRole('progressbar', { name: 'Your documents done' })).toHaveAttribute('aria-valuenow', '1');
  await shot(page, 'plan-documents-coder');
  const progress = JSON.parse(cli('progress', projectPath(), '--json')) as { coders: { coder: string; done: number }[] };
  expect(progress.coders.find((c) => c.coder === 'Ben')!.done).toBe(1);
});

test('the lead compares the double-coded sample; the methods say how it was drawn', async () => {
  await switchTo('Aisha');
  await expect(page.getByTestId('progress-Ben')).toContainText(/^Ben\s*1\//);
  await page.getByTestId('tab-agreement').click();
  await expect(page.getByTestId('coder-a')).toHaveValue(/\d+/);
  await page.getByTestId('docs-sample').click();
  await expect(page.getByTestId('docs-sample')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('methods-text')).toContainText('independently coded 4 transcripts');
  await expect(page.getByTestId('methods-text')).toContainText(
    'The reliability sample was 20 % of the documents (4 of 9), stratified by role, drawn with seed 1; coded independently by Aisha and Ben.',
  );
  await shot(page, 'plan-agreement-sample');
  await page.getByTestId('methods').scrollIntoViewIfNeeded();
  await shot(page, 'plan-agreement-methods');
  await page.getByTestId('docs-all').click();
  await expect(page.getByTestId('docs-sample')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('methods-text')).not.toContainText('reliability sample');

  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('open-demo')).toBeVisible();
});

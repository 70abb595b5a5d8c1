import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { root } from '../global-setup';
import { expect, openApp, test } from './fixtures';

// Blind mode that holds: with it on, a coder (Ben) and the lead (Aisha) each
// try to see the other's passages in every tab and cannot; the lead keeps the
// agreement figures only. Turning it off is confirmed and journalled; then a
// coder of the pair is refused adjudication. A copy of the demo study, made
// with the CLI, closed at the end.
test.describe.configure({ mode: 'serial' });

const projectPath = () => path.join(app().dataDir, 'blind', 'Blind study.themis');
const DOC = 'commissioner-01';

let page: Page;

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(path.dirname(projectPath()), { recursive: true });
  cli('demo', projectPath());
  cli('coders', 'add', projectPath(), 'Chen');
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.getByTestId('close-project').click();
  await page.close();
});

async function switchTo(name: string) {
  await page.getByTestId('switch-coder').click();
  await page.getByTestId(`coder-${name}`).click();
  await expect(page.getByTestId('current-coder')).toContainText(name);
}

/** Every tab that shows passages, tried as the current coder in blind mode: none shows another coder's. */
/** A passage each coder of the demo coded and the other did not (demo/codings.csv). */
const onlyBy: Record<string, string> = {
  Aisha: 'the idea that we should be asking people what matters to them',
  Ben: 'make sure the group leaders know them',
};

async function cannotSeeOthers(me: string, other: string, lead: boolean, prefix: string) {
  // Documents: the reader lists only the viewer's own segments.
  await page.getByTestId('tab-documents').click();
  await page.getByTestId(`doc-${DOC}`).click();
  await expect(page.getByTestId('document-title')).toHaveText(DOC);
  const coders = page.getByTestId('segment-list').locator('.coder');
  await expect(coders.first()).toBeVisible();
  expect(await coders.allTextContents()).not.toContain(other);
  await expect(page.getByTestId('segment-list')).not.toContainText(other);
  await shot(page, `${prefix}-reader`);

  // Review: closed to everyone, the lead included (the tab says so: aria-disabled).
  await expect(page.getByTestId('tab-review')).toHaveAttribute('aria-disabled', 'true');
  await page.getByTestId('tab-review').click({ force: true });
  await expect(page.getByTestId('review-unavailable')).toBeVisible();
  await expect(page.getByTestId('review-progress')).toHaveCount(0);
  await shot(page, `${prefix}-review`);

  // Search: another coder's layer is refused.
  await page.getByTestId('tab-search').click();
  await page.getByTestId('search-input').fill(`code:Autonomy@${other}`);
  await page.getByTestId('search-go').click();
  await expect(page.getByTestId('search-error')).toContainText('blind mode');
  await expect(page.getByTestId('search-hit')).toHaveCount(0);
  await shot(page, `${prefix}-search`);

  // Quotes: only the viewer's layer can be chosen, and every quote is theirs.
  await page.getByTestId('tab-quotes').click();
  await page.getByTestId('quote-code-Autonomy').click();
  await expect(page.getByTestId('quote-count')).toBeVisible();
  const layers = await page.getByTestId('quote-coder').locator('option').allTextContents();
  expect(layers).not.toContain(other);
  const by = await page.getByTestId('quote-list').locator('.by').allTextContents();
  expect(by.length).toBeGreaterThan(0);
  for (const b of by) expect(b).toContain(`coded by ${me}`);
  await shot(page, `${prefix}-quotes`);

  // Themes: the layers offered are the viewer's own, and a drill-down's
  // passages are all coded by them.
  await page.getByTestId('tab-themes').click();
  await expect(page.getByTestId('prevalence-row-Autonomy')).toBeVisible();
  await expect(page.getByTestId('themes-layer').locator('option').first()).toBeAttached();
  const offered = await page.getByTestId('themes-layer').locator('option').allTextContents();
  expect(offered.length).toBeGreaterThan(0);
  for (const o of offered) expect(o).not.toContain(other);
  await page.getByTestId('prevalence-row-Autonomy').getByTestId('cell-segments').click();
  await expect(page.getByTestId('drill-passage').first()).toBeVisible();
  const meta = await page.getByTestId('drill-passage').locator('.meta').allTextContents();
  for (const m of meta) {
    expect(m).toContain(`coded by ${me}`);
    expect(m).not.toContain(other);
  }
  await shot(page, `${prefix}-themes-drill`);

  // Report: the layers offered are the viewer's own, and the preview
  // quotes none of the other's passages.
  await page.getByTestId('tab-report').click();
  await expect(page.getByTestId('report-preview')).toBeAttached();
  await expect.poll(async () => (await page.getByTestId('report-preview').getAttribute('srcdoc')) ?? '').toContain('Autonomy');
  const reportLayers = await page.getByTestId('report-layer').locator('option').allTextContents();
  for (const o of reportLayers) expect(o).not.toContain(other);
  const doc = (await page.getByTestId('report-preview').getAttribute('srcdoc')) ?? '';
  expect(doc).not.toContain(onlyBy[other]);
  expect(doc).toContain(`coded by ${me}`);
  expect(doc).not.toContain(`coded by ${other}`);
  expect(doc).not.toContain(`${me} and ${other}`);
  expect(doc).not.toContain(`${other} and ${me}`);
  await shot(page, `${prefix}-report`);

  // Agreement: the lead sees the figures (no passages); a coder sees nothing.
  await page.getByTestId('tab-agreement').click({ force: true });
  if (lead) {
    await expect(page.locator('[data-testid^="agreement-row-"]').first()).toBeVisible();
    await expect(page.getByTestId('agreement-unavailable')).toHaveCount(0);
  } else {
    await expect(page.getByTestId('agreement-unavailable')).toBeVisible();
  }
  await shot(page, `${prefix}-agreement`);
}

test('the lead turns blind mode on', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  const toggle = page.getByTestId('blind-toggle');
  await expect(toggle).not.toBeChecked();
  await toggle.click({ force: true });
  await expect(toggle).toBeChecked();
  // Turning it on needs no confirmation: it only hides.
  await expect(page.getByTestId('blind-off-dialog')).toHaveCount(0);
});

test('in blind mode the lead cannot see Ben’s passages in any tab', async () => {
  await cannotSeeOthers('Aisha', 'Ben', true, 'blind-01-lead');
});

test('in blind mode Ben cannot see Aisha’s passages in any tab', async () => {
  await switchTo('Ben');
  await expect(page.getByTestId('blind-badge')).toBeVisible();
  await cannotSeeOthers('Ben', 'Aisha', false, 'blind-02-coder');
});

test('turning blind mode off asks first, says who will see what, and is journalled', async () => {
  await switchTo('Aisha');
  const toggle = page.getByTestId('blind-toggle');
  await toggle.click({ force: true });
  const dialog = page.getByTestId('blind-off-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Aisha, Ben and Chen will see each other’s coding in the reader, search, quotes and themes; Review opens');
  await expect(dialog).toContainText('except a pair Aisha coded, which only an adjudicator Aisha names may settle');
  await shot(page, 'blind-03-confirm-off');
  await page.getByTestId('blind-off-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(toggle).toBeChecked();
  expect(cli('journal', projectPath(), '--limit', '1')).not.toContain('"on":false');

  await toggle.click({ force: true });
  await page.getByTestId('blind-off-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(toggle).not.toBeChecked();
  await expect.poll(() => cli('journal', projectPath(), '--limit', '1')).toContain('settings.blind');
});

test('a coder of the pair is refused adjudication; the lead of her own pair names an adjudicator', async () => {
  await switchTo('Ben');
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-progress')).toBeVisible();
  await expect(page.getByTestId('review-not-yours')).toContainText('You coded one of these two layers (Aisha and Ben)');
  await expect(page.getByTestId('review-start')).toHaveCount(0);
  await expect(page.getByTestId('not-yours')).toBeVisible();
  await shot(page, 'blind-04-review-refused-to-coder');

  await switchTo('Aisha');
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-not-yours')).toContainText('name an adjudicator who is neither coder');
  await page.getByTestId('adjudicator-select').selectOption({ label: 'Chen' });
  await expect(page.getByTestId('review-not-yours')).toContainText('Chen, the adjudicator you named, settles them');
  await shot(page, 'blind-05-lead-names-adjudicator');
  await expect.poll(() => cli('coders', projectPath())).toContain('Chen (adjudicator)');

  await switchTo('Chen');
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-not-yours')).toHaveCount(0);
  await expect(page.getByTestId('review-start')).toBeVisible();
  await shot(page, 'blind-06-adjudicator-may-start');
});

test('the import preview proposes the interviewer for leaving out, checked, and the import applies it', async () => {
  await switchTo('Aisha');
  await page.getByTestId('tab-documents').click();
  answerOpenDialog([path.join(root, 'e2e', 'fixtures', 'emoji-interview.txt')]);
  await page.getByTestId('import').click();
  const box = page.getByTestId('import-exclude-Interviewer');
  await expect(box).toBeChecked();
  await expect(page.getByTestId('import-interviewers')).toContainText('looks like the interviewer');
  await shot(page, 'blind-07-import-interviewer');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-left-out-emoji-interview')).toHaveText('left out of coding: Interviewer');
  await page.getByTestId('import-close').click();
  const list = JSON.parse(cli('cases', 'list', projectPath(), '--json')) as { documents: { document: string; name?: string; speakers: { name: string; excluded: boolean }[] }[] };
  const speakers = list.documents.filter((d) => JSON.stringify(d).includes('emoji-interview')).flatMap((d) => d.speakers);
  expect(speakers.find((s) => s.name === 'Interviewer')?.excluded).toBe(true);
  expect(speakers.find((s) => s.name === 'P007')?.excluded ?? false).toBe(false);
});

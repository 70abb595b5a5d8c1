import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, selectText, shot } from './app';
import { root } from '../global-setup';
import { expect, openApp, test } from './fixtures';

// One researcher's session against the real backend, in order: each test
// starts where the previous one left the app.
test.describe.configure({ mode: 'serial' });

// Copies of QualCoder's example transcripts from ../shared/fixtures (see corpus/testdata/SOURCES.md).
const fixtures = path.join(root, 'corpus', 'testdata');
const projectPath = () => path.join(app().dataDir, 'projects', 'E2E study.themis');

let page: Page;

test.beforeAll(async ({ browser }) => {
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

async function openDocument(name: string) {
  await page.getByTestId('tab-documents').click();
  await page.getByTestId(`doc-${name}`).click();
  await expect(page.getByTestId('document-title')).toHaveText(name);
}

test('the start screen offers a new project, recent projects and the demo', async () => {
  await expect(page.getByTestId('create-project')).toBeVisible();
  await expect(page.getByTestId('open-demo')).toBeVisible();
  await shot(page, '01-start');
});

test('create a project and import the two fixture transcripts', async () => {
  await page.getByTestId('new-project-name').fill('E2E study');
  await page.getByTestId('new-project-lead').fill('Aisha');
  await page.getByTestId('create-project').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await expect(page).toHaveTitle('E2E study — coding as Aisha — Themis');
  expect(fs.existsSync(projectPath())).toBe(true);

  answerOpenDialog([path.join(fixtures, 'qualcoder-transcript.txt'), path.join(fixtures, 'qualcoder-ID1.docx')]);
  await page.getByTestId('import').click();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-result')).toContainText('Imported 2 documents.');
  await expect(page.getByTestId('import-file-qualcoder-transcript').locator('td').nth(1)).toHaveText('7'); // turns
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('doc-qualcoder-transcript')).toBeVisible();
  await expect(page.getByTestId('doc-qualcoder-ID1')).toBeVisible();
  await shot(page, '02-imported');
});

test('coder A codes a passage with a key', async () => {
  await openDocument('qualcoder-transcript');
  await expect(page.getByTestId('turn-0')).toContainText('I like the course');
  const selected = await selectText(page, 'I like the course');
  expect(selected).toBe('I like the course');
  await page.keyboard.press('1'); // Positive affect
  await expect(page.getByTestId('segment-list')).toContainText('I like the course');
  await shot(page, '03-reader-coder-a');
});

test('undo and redo take the coding back and forth, and are journalled', async () => {
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notice')).toContainText('Undid coding “I like the course” as Positive affect');
  await expect(page.getByTestId('segment-list')).not.toContainText('I like the course');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('segment-list')).toContainText('I like the course');
  const journal = JSON.parse(cli('journal', projectPath(), '--limit', '3', '--json'));
  expect(journal.map((e: { action: string }) => e.action)).toEqual(['segment.add', 'segment.remove', 'segment.add']);
  expect(journal[0].coder).toBe('Aisha');
});

test('coder B, blind, codes the same passage and a different one', async () => {
  await page.getByTestId('switch-coder').click();
  await page.getByTestId('new-coder-name').fill('Ben');
  await page.getByTestId('add-coder').click();
  await expect(page.getByTestId('current-coder')).toContainText('Ben');
  await expect(page).toHaveTitle('E2E study — coding as Ben — Themis');
  await expect(page.getByTestId('blind-badge')).toBeVisible();
  await expect(page.getByTestId('tab-agreement')).toBeDisabled();

  await openDocument('qualcoder-transcript');
  await expect(page.getByTestId('segment-list')).not.toContainText('I like the course');
  await selectText(page, 'I like the course. It really helped me');
  await page.keyboard.press('1');
  await expect(page.getByTestId('segment-list')).toContainText('It really helped me');
  await selectText(page, 'I am struggling with the lecture slides');
  await page.getByTestId('code-Self-acceptance').click();
  await expect(page.getByTestId('segment-list')).toContainText('I am struggling with the lecture slides');
  await expect(page.getByTestId('segment-list')).toContainText('It really helped me');
  await shot(page, '04-reader-coder-b-blind');
});

test('the lead sees kappa per code, the same as the CLI computes', async () => {
  await switchTo('Aisha');
  await page.getByTestId('tab-agreement').click();
  await page.getByTestId('coder-a').selectOption({ label: 'Aisha' });
  await page.getByTestId('coder-b').selectOption({ label: 'Ben' });
  const row = page.getByTestId('agreement-row-Positive affect');
  await expect(row.getByTestId('kappa')).toHaveText(/^0\.\d{3}$/);
  await expect(page.getByTestId('agreement-row-Self-acceptance').getByTestId('note')).toContainText(
    'κ = 0: only coder B (Ben) used it',
  );
  await expect(page.getByTestId('agreement-row-Autonomy').getByTestId('note')).toContainText('undefined: no variation');

  const rows = JSON.parse(cli('agreement', projectPath(), '--coders', 'Aisha,Ben', '--json'));
  const pa = rows.find((r: { code: string }) => r.code === 'Positive affect');
  await expect(row.getByTestId('kappa')).toHaveText(pa.kappa.toFixed(3));
  await shot(page, '05-agreement');
});

test('with blind mode off, quotes of both coders export as Markdown and HTML', async () => {
  await page.getByTestId('blind-toggle').click({ force: true }); // the styled switch covers the checkbox
  await page.getByTestId('blind-off-confirm').click(); // turning it off is confirmed first
  await expect(page.getByTestId('blind-toggle')).not.toBeChecked();
  await page.getByTestId('tab-quotes').click();
  await page.getByTestId('quote-code-Positive affect').click();
  await expect(page.getByTestId('quote-list').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('quote-list')).toContainText('coded by Ben');

  await page.getByTestId('export-md').click();
  await expect(page.getByTestId('export-result')).toContainText('Positive affect quotes.md');
  const md = fs.readFileSync(path.join(app().dialogDir, 'Positive affect quotes.md'), 'utf8');
  expect(md).toContain('## Positive affect');
  expect(md).toContain('> I like the course. It really helped me');
  expect(md).toContain('coded by Ben');

  await page.getByTestId('export-html').click();
  await expect(page.getByTestId('export-result')).toContainText('Positive affect quotes.html');
  const html = fs.readFileSync(path.join(app().dialogDir, 'Positive affect quotes.html'), 'utf8');
  expect(html).toContain('<blockquote>');
  expect(html).toContain('I like the course');
  await shot(page, '06-quotes');
});

test('a transcript with emoji and accents is coded exactly as selected', async () => {
  answerOpenDialog([path.join(root, 'e2e', 'fixtures', 'emoji-interview.txt')]);
  await page.getByTestId('tab-documents').click();
  await page.getByTestId('import').click();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('doc-emoji-interview')).toBeVisible();
  await openDocument('emoji-interview');

  const wanted = 'café 😀 group 你好 feels like home 👩🏽‍⚕️ now. My naïve fear';
  const selected = await selectText(page, wanted);
  expect(selected).toBe(wanted);
  await page.keyboard.press('e'); // Social integration
  await expect(page.getByTestId('segment-list')).toContainText('你好');

  const csv = cli('segments', 'export', projectPath(), '--coder', 'Aisha');
  const line = csv.split('\n').find((l) => l.startsWith('emoji-interview,Aisha,Social integration'));
  expect(line, csv).toBeTruthy();
  expect(line).toContain(`,${wanted}`);
  // And the offsets are code points into the stored text.
  const [, , , start, end] = line!.split(',');
  const text = [...cli('text', projectPath(), 'emoji-interview')];
  expect(text.slice(Number(start), Number(end)).join('')).toBe(wanted);
  await shot(page, '07-emoji');
});

test('a corrupt file in an import names the file and imports nothing', async () => {
  const before = await page.getByTestId('document-list').locator('li').count();
  const broken = path.join(app().tmp, 'broken.docx');
  fs.writeFileSync(broken, 'PK\u0003\u0004 this is not a Word document');
  answerOpenDialog([path.join(fixtures, 'qualcoder-ID1.docx'), broken]);
  await page.getByTestId('import').click();
  await page.getByTestId('import-row-broken.docx').click();
  await expect(page.getByTestId('import-file-error')).toContainText('broken.docx');
  await shot(page, '08-import-error');
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('document-list').locator('li')).toHaveCount(before);
});

test('the demo study opens with meaningful agreement and coding stripes', async () => {
  await page.getByTestId('close-project').click();
  await page.getByTestId('open-demo').click();
  await page.getByTestId('coder-Aisha').click();
  await openDocument('patient-004');
  await expect(page.getByTestId('lane-Aisha')).toBeVisible();
  await expect(page.getByTestId('lane-Ben')).toBeVisible();
  await shot(page, '09-demo-reader');
  await page.getByTestId('tab-agreement').click();
  await expect(page.getByTestId('agreement-table').locator('[data-testid^="agreement-row-"]')).toHaveCount(13);
  await expect(page.getByTestId('agreement-overall').getByTestId('kappa')).toHaveText(/^0\.\d{3}$/);
  await shot(page, '10-demo-agreement');

  // By speaker turn, counting a turn as coded when half of it is covered: the
  // same figure as the command line gives.
  await page.getByTestId('unit').selectOption({ label: 'Speaker turn' });
  await page.getByTestId('min-share').selectOption({ label: 'at least half' });
  await expect(page.getByTestId('agreement-table')).toContainText('Turn counts');
  const demo = path.join(app().dataDir, 'projects', 'Demo study.themis');
  const rows = JSON.parse(cli('agreement', demo, '--coders', 'Aisha,Ben', '--unit', 'turn', '--threshold', '50', '--json'));
  const pg = rows.find((r: { code: string }) => r.code === 'Personal growth');
  await expect(page.getByTestId('agreement-row-Personal growth').getByTestId('kappa')).toHaveText(pg.kappa.toFixed(3));
  await shot(page, '10b-demo-agreement-by-turn');

  // Another coefficient of the same tables, again as the command line has it.
  await page.getByTestId('statistic').selectOption('gwetAC1');
  await expect(page.getByTestId('agreement-row-Personal growth').getByTestId('kappa')).toHaveText(pg.gwet_ac1.toFixed(3));
  await shot(page, '10c-demo-agreement-ac1');

  // Bootstrap intervals over documents, seed 1: the CLI with the same seed agrees.
  await page.getByTestId('statistic').selectOption('kappa');
  await page.getByTestId('unit').selectOption('character');
  await page.getByTestId('intervals').check();
  const boot = JSON.parse(cli('agreement', demo, '--coders', 'Aisha,Ben', '--bootstrap', '1000', '--seed', '1', '--json'));
  const pa = boot.find((r: { code: string }) => r.code === 'Positive affect');
  await expect(page.getByTestId('agreement-row-Positive affect').getByTestId('ci')).toHaveText(
    `${pa.ci.kappa[0].toFixed(3)}–${pa.ci.kappa[1].toFixed(3)}`,
  );
  await shot(page, '10d-demo-agreement-intervals');

  // The methods paragraph and the exported table say the same as the screen.
  await expect(page.getByTestId('methods')).toContainText('Two coders (Aisha and Ben) independently coded 9 transcripts');
  await page.getByTestId('export-md').click();
  await expect(page.getByTestId('agreement-export-result')).toContainText('Agreement.md');
  const table = fs.readFileSync(path.join(app().dialogDir, 'Agreement.md'), 'utf8');
  expect(table).toContain(`| Positive affect |`);
  // One paragraph, written by the backend (report.MethodsParagraph): the screen
  // shows it, the export and the CLI print it (Markdown-escaped), word for word.
  const shown = (await page.getByTestId('methods-text').textContent()) ?? '';
  const asMarkdown = shown.replace(/[\\`*_[\]{}<>&#|~!]/g, (c) => `\\${c}`);
  expect(shown).toContain('Confidence intervals are percentile bootstrap intervals');
  expect(table).toContain(asMarkdown);
  expect(cli('agreement', demo, '--coders', 'Aisha,Ben', '--bootstrap', '1000', '--seed', '1', '--format', 'md')).toContain(asMarkdown);
  expect(table).toContain(`${pa.ci.kappa[0].toFixed(3)}–${pa.ci.kappa[1].toFixed(3)}`);

  // Per document, one code: the transcript where the coders parted ways.
  await page.getByTestId('rows-by-document').click();
  await page.getByTestId('document-code').selectOption({ label: 'Autonomy' });
  const byDoc = JSON.parse(cli('agreement', demo, '--coders', 'Aisha,Ben', '--by', 'document', '--code', 'Autonomy', '--json'));
  const p4 = byDoc.find((r: { document: string }) => r.document === 'patient-004');
  await expect(page.getByTestId('agreement-doc-row-patient-004').getByTestId('kappa')).toHaveText(p4.kappa.toFixed(3));
  await shot(page, '10e-demo-agreement-by-document');
  await page.getByTestId('tab-quotes').click();
  await page.getByTestId('quote-code-Social integration').click();
  await expect(page.getByTestId('quote-list')).toContainText('nested case');
  await shot(page, '11-demo-quotes');
});

test('close the demo, leaving the start screen for the next spec', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

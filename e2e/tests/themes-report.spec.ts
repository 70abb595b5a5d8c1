import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// The whole of issue 10 as a writer goes through it, against the real
// backend: the theme summary of the demo study, a drill-down into one of
// its cells, two passages starred as exemplars and one of them trimmed, the
// report previewed from those stars and exported as Word, and the .docx
// read back. It works on its own copy of the demo study and closes it at
// the end, so the specs after it find the start screen.
test.describe.configure({ mode: 'serial' });

const folder = () => path.join(app().dataDir, 'themes-report');
const projectPath = () => path.join(folder(), 'Themes study.themis');

let page: Page;

/** The three factors of Keyes' framework, as the demo's codebook names them. */
const FACTORS = ['Emotional well-being', 'Psychological well-being', 'Social well-being'];

/** What the two starred quotes are, as the test learns them. */
const starred: { full: string; kept: string[]; cut: string }[] = [];

/** Reads an XML text node's entities back to characters. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    switch (e.toLowerCase()) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The paragraphs of a .docx's main part: each one's style and its text (every run joined). */
function docxParagraphs(file: string): { style: string; text: string }[] {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  return xml
    .split('</w:p>')
    .map((p) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
      text: [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join(''),
    }))
    .filter((p) => p.text !== '');
}

/** Text on one line, white space runs as one space, for comparing quotes across renderings. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(folder(), { recursive: true });
  fs.rmSync(projectPath(), { force: true });
  cli('demo', projectPath());
  page = await openApp(browser, { viewport: { width: 1360, height: 860 } });
});

test.afterAll(async () => {
  await page.close();
});

test('the lead opens the demo study and the Themes tab summarises it by Keyes’ factors', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await page.getByTestId('tab-themes').click();
  const table = page.getByTestId('prevalence-table');
  await expect(table).toBeVisible();
  // Each factor row carries the figures themis summary gives for all coders together.
  const rows: { code: string; segments: number; documents: number; cases: number; words: number }[] = JSON.parse(
    cli('summary', projectPath(), '--format', 'json'),
  );
  for (const f of FACTORS) {
    const want = rows.find((r) => r.code === f);
    expect(want?.segments, `${f} in themis summary`).toBeGreaterThan(0);
    const row = table.getByTestId(`prevalence-row-${f}`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('cell-segments')).toHaveText(String(want!.segments));
    await expect(row.getByTestId('cell-cases')).toContainText(`${want!.cases} of`);
  }
  await shot(page, 'themes-report-01-prevalence');
});

test('a cell drills down to its passages in context', async () => {
  await page.getByTestId('prevalence-row-Positive affect').getByTestId('cell-segments').click();
  const drill = page.getByTestId('themes-drill');
  await expect(drill).toBeVisible();
  await expect(drill.getByTestId('drill-title')).toContainText('Positive affect');
  await expect(drill.getByTestId('drill-passage').first()).toBeVisible();
  await shot(page, 'themes-report-02-drill');
});

test('two passages of the drill-down are starred as exemplars', async () => {
  const stars = page.getByTestId('themes-drill').getByTestId('drill-star');
  for (const i of [0, 1]) {
    await stars.nth(i).click();
    await expect(stars.nth(i)).toHaveAttribute('aria-pressed', 'true');
  }
  const json = JSON.parse(cli('journal', projectPath(), '--limit', '2', '--json')) as { action?: string; kind?: string }[];
  expect(JSON.stringify(json)).toContain('exemplar.star');
});

/** Selects text inside the element with this test id, as a person dragging the mouse would. */
async function selectIn(testid: string, needle: string) {
  await page.evaluate(
    ([id, text]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (!el) throw new Error(`no ${id}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      const starts: number[] = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        starts.push(all.length);
        nodes.push(n as Text);
        all += (n as Text).data;
      }
      const at = all.indexOf(text);
      if (at < 0) throw new Error(`not in ${id}: ${text}`);
      const locate = (pos: number): [Text, number] => {
        for (let i = nodes.length - 1; i >= 0; i--) if (starts[i] <= pos) return [nodes[i], pos - starts[i]];
        return [nodes[0], 0];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + text.length));
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    },
    [testid, needle],
  );
}

test('the Report tab lists both stars, and one is trimmed with an ellipsis', async () => {
  await page.getByTestId('tab-report').click();
  const stars = page.getByTestId('report-star');
  await expect(page.getByTestId('report-stars-count')).toHaveText('2 starred quotes in this framework');
  await expect(stars).toHaveCount(2);
  await expect(page.getByTestId('report-attr-example')).toContainText('— Patient');
  for (const i of [0, 1]) starred.push({ full: oneLine(await stars.nth(i).getByTestId('report-star-text').innerText()), kept: [], cut: '' });
  await expect(page.frameLocator('[data-testid="report-preview"]').locator('h1')).toContainText('Themes');
  await shot(page, 'themes-report-03-report');

  // Leave out the middle of the first quote: its third to fifth words.
  const words = starred[0].full.split(' ');
  expect(words.length, 'a quote long enough to trim').toBeGreaterThan(6);
  starred[0].cut = words.slice(2, 5).join(' ');
  starred[0].kept = [words.slice(0, 2).join(' '), words.slice(5).join(' ')];
  await stars.nth(0).getByTestId('report-star-trim').click();
  await expect(page.getByTestId('report-trim-panel')).toBeVisible();
  await selectIn('report-trim-source', starred[0].cut);
  await page.getByTestId('report-trim-omit').click();
  const trimmed = stars.nth(0).getByTestId('report-star-text');
  await expect(trimmed).toContainText('…');
  await expect(page.getByTestId('report-trim-source').locator('.cut')).toHaveText(starred[0].cut);
  await shot(page, 'themes-report-04-trim');
  await page.getByTestId('report-trim-done').click();
  const text = oneLine(await trimmed.innerText());
  for (const k of starred[0].kept) expect(text).toContain(k);
  expect(text).not.toContain(starred[0].cut);
  starred[0].full = text;
});

test('the preview quotes the starred passages only, the trimmed one with its ellipsis', async () => {
  await page.getByTestId('report-quotes-starred').check();
  const body = page.frameLocator('[data-testid="report-preview"]').locator('body');
  await expect(page.getByTestId('report-status')).toHaveText('');
  await expect(body.locator('h1')).toContainText('Themes');
  for (const f of FACTORS) await expect(body.locator('h2', { hasText: f })).toHaveCount(1);
  const quotes = body.locator('blockquote');
  await expect(quotes).toHaveCount(2);
  const shown = (await quotes.allInnerTexts()).map(oneLine);
  expect(shown).toEqual(expect.arrayContaining(starred.map((s) => s.full)));
  expect(shown.join('\n')).toContain('…');
  await shot(page, 'themes-report-05-preview');
});

test('the agreement rows and the methods paragraph join the preview over all coders together', async () => {
  const agreement = page.getByTestId('report-agreement');
  await expect(agreement).toBeEnabled();
  await agreement.check();
  const body = page.frameLocator('[data-testid="report-preview"]').locator('body');
  await expect(body.locator('h2', { hasText: 'Methods' })).toHaveCount(1);
  await expect(body).toContainText('Agreement between Aisha and Ben');
  // One coder's layer has nobody to agree with: the box says why it is off.
  const layer = page.getByTestId('report-layer');
  await layer.selectOption({ label: 'Aisha' });
  await expect(agreement).toBeDisabled();
  await expect(page.getByTestId('report-agreement-why')).toContainText('All coders');
  await expect(body.locator('h2', { hasText: 'Methods' })).toHaveCount(0);
  await layer.selectOption({ label: 'All coders together' });
  await expect(agreement).toBeChecked();
  await expect(body.locator('h2', { hasText: 'Methods' })).toHaveCount(1);
});

test('the report exports as Word and reads back with its headings and both quotes', async () => {
  await page.getByTestId('report-export-docx').click();
  const result = page.getByTestId('report-export-result');
  await expect(result).toContainText('.docx');
  const file = (await result.locator('code').innerText()).trim();
  expect(path.dirname(file)).toBe(app().dialogDir);
  const paragraphs = docxParagraphs(file);
  const headings = paragraphs.filter((p) => /^(Title|Heading\d)$/.test(p.style));
  expect(headings[0]).toMatchObject({ style: 'Title' });
  expect(headings[0].text).toContain('Themes');
  for (const f of FACTORS) expect(headings.filter((h) => h.style === 'Heading1').map((h) => h.text)).toContain(f);
  expect(headings.filter((h) => h.style === 'Heading2').map((h) => h.text)).toContain('Positive affect');
  const quotes = paragraphs.filter((p) => p.style === 'Quote').map((p) => oneLine(p.text));
  expect(quotes).toHaveLength(2);
  for (const s of starred) expect(quotes).toContain(s.full);
  // No local path is written into any part of the package: not the project's, not the export's.
  const parts = execFileSync('unzip', ['-p', file], { encoding: 'utf8' });
  expect(parts).not.toContain(app().tmp);
  expect(parts).not.toContain(path.basename(projectPath()));
  await shot(page, 'themes-report-06-exported');
  await page.getByTestId('dismiss-notice').click();
});

test('the project closes for the next spec', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// The anonymisation check against the real backend: a project made with the
// CLI from a transcript with planted identifiers and a coded passage around a
// name; the scan lists them in context, one is dismissed, a name is replaced
// everywhere, the coded text stays on its words, and the key file is saved
// outside the project.
test.describe.configure({ mode: 'serial' });

const folder = () => path.join(app().dataDir, 'privacy');
const projectPath = () => path.join(folder(), 'Privacy study.themis');

const transcript = [
  'Interviewer: How did you come to the group? 😀',
  'P007: My link worker Jenny Holt rang me on 07700 900123 and said to come along to the café.',
  'Interviewer: And did it help?',
  'P007: Jenny Holt came with me the first time. I had an appointment on 03/04/2021 as well.',
  'Interviewer: Where do you live now?',
  'P007: At 14 Elm Tree Road, S60 2TH, since my wife died.',
].join('\n');

const coded = 'My link worker Jenny Holt rang me on 07700 900123 and said to come along';

let page: Page;

function pane(id: string): Locator {
  return page.getByTestId(id).filter({ visible: true });
}

function group(text: string): Locator {
  return page.getByTestId('privacy-group').filter({ has: page.getByTestId('privacy-text').getByText(text, { exact: true }) });
}

/** Code points, as the backend counts. */
function cpIndex(s: string, sub: string): number {
  return Array.from(s.slice(0, s.indexOf(sub))).length;
}

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(folder(), { recursive: true });
  fs.rmSync(projectPath(), { force: true });
  const txt = path.join(folder(), 'P007.txt');
  fs.writeFileSync(txt, transcript);
  cli('new', projectPath(), '--lead', 'Aisha');
  cli('import', projectPath(), txt);
  const text = cli('text', projectPath(), 'P007');
  const start = cpIndex(text, coded);
  const csv = path.join(folder(), 'codings.csv');
  fs.writeFileSync(
    csv,
    `document,coder,code,start,end,text\nP007,Aisha,Social integration,${start},${start + Array.from(coded).length},"${coded}"\n`,
  );
  cli('segments', 'import', projectPath(), csv);
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

test('the check lists every planted identifier in context when the tab opens', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await page.getByTestId('tab-privacy').click();
  await expect(pane('privacy-list')).toBeVisible();
  for (const t of ['Jenny Holt', '07700 900123', '03/04/2021', '14 Elm Tree Road', 'S60 2TH']) {
    await expect(group(t)).toBeVisible();
  }
  const jenny = group('Jenny Holt');
  await expect(jenny.getByTestId('privacy-finding')).toHaveCount(2);
  await expect(jenny.getByTestId('privacy-pseudonym')).toHaveValue('[Name 1]');
  await expect(jenny.getByTestId('privacy-finding').first().locator('mark')).toHaveText('Jenny Holt');
  await shot(page, 'privacy-01-findings');
});

test('an appointment date is dismissed and stays dismissed on the next check', async () => {
  await group('03/04/2021').getByTestId('privacy-dismiss').click();
  await expect(group('03/04/2021')).toHaveCount(0);
  await page.getByTestId('privacy-check').click();
  await expect(page.getByTestId('privacy-summary')).toContainText('1 dismissed');
  await expect(group('03/04/2021')).toHaveCount(0);
  const scan = JSON.parse(cli('scan', projectPath(), '--json')) as { text: string }[];
  expect(scan.map((f) => f.text)).not.toContain('03/04/2021');
});

test('a name is replaced everywhere and the coded passage keeps its words', async () => {
  await group('Jenny Holt').getByTestId('privacy-replace').click();
  const dialog = page.getByTestId('privacy-confirm');
  await expect(dialog.getByTestId('privacy-confirm-count')).toHaveText('2 occurrences in 1 document');
  await shot(page, 'privacy-02-confirm');
  await dialog.getByTestId('privacy-confirm-replace').click();
  await expect(dialog).toHaveCount(0);
  await expect(group('Jenny Holt')).toHaveCount(0);
  await expect(page.getByTestId('privacy-key')).toBeVisible();

  const text = cli('text', projectPath(), 'P007');
  expect(text).not.toContain('Jenny Holt');
  expect(text).toContain('My link worker [Name 1] rang me');
  expect(text).toContain('P007: [Name 1] came with me');
  const rows = cli('segments', 'export', projectPath()).trim().split('\n').slice(1);
  expect(rows).toHaveLength(1);
  const [, , code, start, end] = rows[0].split(',');
  expect(code).toBe('Social integration');
  const passage = Array.from(text).slice(Number(start), Number(end)).join('');
  expect(passage).toBe(coded.replace('Jenny Holt', '[Name 1]'));
  expect(cli('journal', projectPath())).not.toContain('Jenny');
  await shot(page, 'privacy-03-replaced');
});

test('the key file is saved outside the project', async () => {
  await page.getByTestId('privacy-save-key').click();
  const keyPath = path.join(app().dialogDir, 'Privacy study pseudonym key.csv');
  await expect(page.getByTestId('privacy-key-path')).toHaveText(keyPath);
  const key = fs.readFileSync(keyPath, 'utf8');
  expect(key).toContain('[Name 1],Jenny Holt,name,2,1');
  await shot(page, 'privacy-04-key');
});

test('close the project, leaving the start screen for the next spec', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

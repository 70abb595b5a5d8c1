import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { root } from '../global-setup';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// The import dialog against the real backend: a folder with a WebVTT, a SubRip,
// a CSV turns table, a Word file, a transcript that needs a custom speaker
// pattern and three hostile files is previewed without writing anything,
// imported with a report per file, and a big file's import is cancelled with
// the project left as it was. It makes its own project with the CLI and
// closes it at the end, so the specs after it find the start screen.
test.describe.configure({ mode: 'serial' });

const formats = path.join(root, 'corpus', 'testdata', 'formats');
const folder = () => path.join(app().dataDir, 'import');
const projectPath = () => path.join(folder(), 'Import study.themis');
const interviews = () => path.join(folder(), 'interviews');

let page: Page;

/** A .docx whose document part inflates to 65 MiB from a few dozen kilobytes. */
function zipBomb(): Buffer {
  const name = Buffer.from('word/document.xml');
  const raw = Buffer.alloc(65 << 20, 'a');
  const data = zlib.deflateRawSync(raw, { level: 9 });
  const crc = zlib.crc32(raw);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(raw.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(raw.length, 24);
  central.writeUInt16LE(name.length, 28);
  const cdStart = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdStart, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

function documents(): { name: string; turns: number }[] {
  return JSON.parse(cli('docs', projectPath(), '--json'));
}

function journal(): unknown[] {
  return JSON.parse(cli('journal', projectPath(), '--json'));
}

function row(file: string): Locator {
  return page.getByTestId(`import-row-${file}`);
}

test.beforeAll(async ({ browser }) => {
  fs.rmSync(folder(), { recursive: true, force: true });
  const dir = interviews();
  fs.mkdirSync(path.join(dir, 'wave 2'), { recursive: true });
  fs.copyFileSync(path.join(formats, 'choir.vtt'), path.join(dir, 'choir.vtt'));
  fs.copyFileSync(path.join(formats, 'allotment.srt'), path.join(dir, 'allotment.srt'));
  fs.copyFileSync(path.join(formats, 'befriending.csv'), path.join(dir, 'wave 2', 'befriending.csv'));
  fs.copyFileSync(path.join(formats, 'gardening-bold.docx'), path.join(dir, 'wave 2', 'gardening-bold.docx'));
  fs.writeFileSync(
    path.join(dir, 'wave 2', 'lunch club.txt'),
    '<<Facilitator>> Welcome back, everyone. How was the week?\n' +
      '<<Dot>> Quiet. I only went out for the lunch club 😀 and the café.\n' +
      '<<Facilitator>> And did anyone ring you?\n' +
      '<<Dot>> My son did, from 07700 900123, on Sunday.\n',
  );
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 2, 0]));
  fs.writeFileSync(path.join(dir, 'bomb.docx'), zipBomb());
  fs.writeFileSync(path.join(dir, 'consent form.pdf'), '%PDF-1.4\n');

  cli('new', projectPath(), '--lead', 'Aisha');
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

test('the lead opens an empty project', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await expect(page.getByTestId('import')).toBeVisible();
});

test('a folder is previewed file by file, nothing written; files with an error are named and left out', async () => {
  fs.writeFileSync(path.join(app().dialogDir, 'folder.txt'), interviews());
  await page.getByTestId('import-folder').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Import the folder “interviews”');
  await expect(page.getByTestId('import-status')).toHaveText('Nothing is written until you import.');

  await expect(row('choir.vtt')).toContainText('WebVTT');
  await expect(row('allotment.srt')).toContainText('SubRip');
  await expect(row('befriending.csv')).toContainText('CSV');
  await expect(row('befriending.csv')).toContainText('wave 2/');
  await expect(row('gardening-bold.docx')).toContainText('Word');
  for (const bad of ['empty.txt', 'photo.txt', 'bomb.docx']) await expect(row(bad)).toContainText('Cannot be imported');
  await expect(page.getByTestId('import-skipped')).toContainText('1 other file in the folder is not a transcript');
  await expect(page.getByTestId('import-confirm')).toHaveText('Import 5 files (3 files with an error are left out)');

  // The WebVTT cues keep their times on the turns.
  await row('choir.vtt').click();
  const turns = page.getByTestId('import-turns');
  await expect(turns.locator('li').first()).toContainText('00:00:01');
  await shot(page, 'import-01-folder-preview');

  await row('bomb.docx').click();
  await expect(page.getByTestId('import-file-error')).toContainText('bomb.docx: is too large to import');
  await row('photo.txt').click();
  await expect(page.getByTestId('import-file-error')).toContainText('photo.txt: looks like a binary file');
  await shot(page, 'import-02-file-error');
  expect(documents()).toHaveLength(0);
});

test('a custom speaker pattern is checked as it is typed and the preview follows it', async () => {
  await row('lunch club.txt').click();
  await expect(page.getByTestId('import-speakers')).toContainText('No speaker labels found');
  await page.getByTestId('import-speaker-mode').selectOption('custom');
  const input = page.getByTestId('import-pattern');
  await input.fill('^<<(\\w+)>>\\s*');
  await expect(page.getByTestId('import-pattern-error')).toContainText('speaker');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await shot(page, 'import-03-pattern-error');

  await input.fill('^<<(?P<speaker>[^>]+)>>\\s*');
  await expect(page.getByTestId('import-pattern-error')).toHaveCount(0);
  await expect(page.getByTestId('import-speakers')).toContainText('Facilitator');
  await expect(page.getByTestId('import-speakers')).toContainText('Dot');
  await expect(page.getByTestId('import-turns').locator('li').nth(1)).toContainText('Quiet. I only went out for the lunch club 😀');
  await expect(page.getByTestId('import-confirm')).toBeEnabled();
  await shot(page, 'import-04-custom-pattern');
});

test('the import writes the five files in one step and reports each, with the identifiers found', async () => {
  const before = journal().length;
  await page.getByTestId('import-confirm').click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Imported 5 documents.');
  await expect(page.getByTestId('import-file-lunch club')).toContainText('Facilitator, Dot');
  await expect(page.getByTestId('identifiers-lunch club')).toContainText('phone number');
  await expect(page.getByTestId('import-identifiers')).toContainText('Anonymise');
  await expect(page.getByTestId('import-file-choir')).toBeVisible();
  await shot(page, 'import-05-report');
  expect(documents().map((d) => d.name).sort()).toEqual(['allotment', 'befriending', 'choir', 'gardening-bold', 'lunch club']);
  expect(journal().length).toBe(before + 1);
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
});

test('the reader shows the cue times on the turns of the WebVTT transcript', async () => {
  await page.getByTestId('doc-choir').click();
  await expect(page.getByTestId('document-title')).toHaveText('choir');
  await expect(page.getByTestId('turn-0').locator('.ts')).toContainText('00:00:01');
  await shot(page, 'import-06-reader-vtt');
});

test('cancelling the import of a big file leaves the project as it was', async () => {
  const big = path.join(folder(), 'all-day workshop.txt');
  const line = (i: number) => `${i % 2 ? 'Facilitator' : 'P012'}: and then we talked about getting out of the house, the bus, the weather, turn ${i}.\n`;
  const chunks: string[] = [];
  for (let i = 0; i < 450_000; i++) chunks.push(line(i));
  fs.writeFileSync(big, chunks.join(''));
  const docs = documents().length;
  const entries = journal().length;

  answerOpenDialog([big]);
  await page.getByTestId('import').click();
  await expect(row('all-day workshop.txt')).toContainText('turns', { timeout: 60_000 });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await shot(page, 'import-07-progress');
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-cancelled')).toContainText('Nothing was imported; the project is unchanged.', { timeout: 60_000 });
  await shot(page, 'import-08-cancelled');
  expect(documents().length).toBe(docs);
  expect(journal().length).toBe(entries);
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
});

test('the lead closes the project', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

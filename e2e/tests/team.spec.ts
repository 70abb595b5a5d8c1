import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { root } from '../global-setup';
import { expect, openApp, test } from './fixtures';

// Two machines against the real backend: the lead (Aisha) sends Ben a copy
// of the project from the Team menu, Ben codes it on "his machine" (the
// command line, on the copy file), and the lead merges it back — previewed
// first — sees Aisha against Ben in the Agreement view, and undoes the merge
// from Merges…. Then a REFI-QDA archive written by `themis qdpx export` is
// imported from the start screen as a new project. It closes every project
// it opens.
test.describe.configure({ mode: 'serial' });

const fixtures = path.join(root, 'corpus', 'testdata');
const dir = () => path.join(app().dataDir, 'team');
const projectPath = () => path.join(dir(), 'Team study.themis');
/** Where the scripted save dialog puts Ben's copy: its default name in the dialogs folder. */
const copyPath = () => path.join(app().dialogDir, 'Team study – for Ben.themis');

let page: Page;

/** A segments CSV row for the first occurrence of phrase in text, offsets in code points. */
function row(doc: string, text: string, coder: string, code: string, phrase: string): string {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`not in ${doc}: ${phrase}`);
  const start = Array.from(text.slice(0, at)).length;
  const end = start + Array.from(phrase).length;
  return [doc, coder, code, start, end, `"${phrase.replace(/"/g, '""')}"`].join(',');
}

function segmentsCSV(file: string, coder: string, codings: [string, string][]): string {
  const doc = 'qualcoder-transcript';
  const text = cli('text', file, doc);
  const out = path.join(dir(), `${coder}.csv`);
  fs.writeFileSync(out, ['document,coder,code,start,end,text', ...codings.map(([code, p]) => row(doc, text, coder, code, p))].join('\n') + '\n');
  return out;
}

/** Ben's segments in a project, as the command line lists them. */
function bensSegments(file: string): number {
  return cli('segments', 'export', file, '--coder', 'Ben').trim().split('\n').length - 1;
}

test.beforeAll(async ({ browser }) => {
  fs.rmSync(dir(), { recursive: true, force: true });
  fs.mkdirSync(dir(), { recursive: true });
  cli('new', projectPath(), '--lead', 'Aisha');
  cli('import', projectPath(), path.join(fixtures, 'qualcoder-transcript.txt'), path.join(fixtures, 'qualcoder-ID1.docx'));
  const aisha = segmentsCSV(projectPath(), 'Aisha', [
    ['Positive affect', 'I like the course'],
    ['Personal growth', 'I am learning a lot'],
    ['Autonomy', 'I switched off'],
  ]);
  cli('segments', 'import', projectPath(), aisha);
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

async function team(item: string) {
  await page.getByTestId('team-menu').click();
  await page.getByTestId(`team-${item}`).click();
}

test('the lead sends Ben a copy from the Team menu', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');

  await page.getByTestId('team-menu').click();
  await expect(page.getByRole('menu', { name: 'Team' }).getByRole('menuitem')).toHaveText([
    'Send to coder…',
    'Merge a coder’s work…',
    'Export as REFI-QDA (.qdpx)…',
    'Import REFI-QDA into this project…',
    'Merges…',
  ]);
  await shot(page, 'team-menu');
  await page.getByTestId('team-send').click();
  const dialog = page.getByTestId('send-dialog');
  await expect(dialog).toBeVisible();
  // Ben is not in the project yet: he is someone new.
  await expect(dialog.getByTestId('send-coder-new')).toBeChecked();
  await dialog.getByTestId('send-new-name').fill('Ben');
  await expect(dialog.getByTestId('send-save')).toHaveText('Save Ben’s copy…');
  await shot(page, 'team-send-dialog');
  await dialog.getByTestId('send-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Saved Ben’s copy as Team study – for Ben.themis: 2 documents, 0 segments');
  expect(fs.existsSync(copyPath())).toBe(true);
  // The copy holds none of Aisha's coding; the project now knows Ben.
  expect(cli('segments', 'export', copyPath()).trim().split('\n')).toHaveLength(1);
  expect(cli('coders', projectPath())).toContain('Ben');
});

test('Ben codes his copy on his own machine', async () => {
  const ben = segmentsCSV(copyPath(), 'Ben', [
    ['Positive affect', 'I like the course'],
    ['Personal growth', 'I am learning a lot'],
    ['Positive affect', 'I switched off'],
    ['Autonomy', "I don't like all the assignments"],
  ]);
  cli('segments', 'import', copyPath(), ben, '--as', 'Ben');
  expect(bensSegments(copyPath())).toBe(4);
});

test("the lead merges Ben's copy: the preview first, then the agreement", async () => {
  answerOpenDialog([copyPath()]);
  await team('merge');
  const dialog = page.getByTestId('merge-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('merge-added-Ben')).toHaveText('4');
  // Aisha, the lead, has nothing in Ben's copy: no row for her.
  await expect(dialog.getByTestId('merge-coders').locator('tbody tr')).toHaveCount(1);
  await expect(dialog.getByTestId('merge-coder-Ben').locator('td')).toHaveText(['Ben', '4', '4', '0', '0']);
  await expect(dialog.getByTestId('merge-documents')).toContainText('2 matched in this project');
  await expect(dialog.getByTestId('merge-sum')).toContainText('4 segments will be added.');
  await shot(page, 'team-merge-preview');
  // Nothing is written before Merge.
  expect(bensSegments(projectPath())).toBe(0);

  await dialog.getByTestId('merge-apply').click();
  await expect(dialog).toHaveCount(0);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Merged Team study – for Ben.themis: 4 segments (Ben).');
  await expect(notice.getByTestId('notice-action')).toHaveText('Undo');
  await shot(page, 'team-merged-notice');
  expect(bensSegments(projectPath())).toBe(4);

  await page.getByTestId('tab-agreement').click();
  await expect(page.getByTestId('coder-a').locator('option:checked')).toHaveText('Aisha');
  await expect(page.getByTestId('coder-b').locator('option:checked')).toHaveText('Ben');
  await expect(page.getByTestId('agreement-table').locator('[data-testid^="agreement-row-"]').first()).toBeVisible();
  await shot(page, 'team-agreement');
});

test('the lead undoes the merge from Merges…', async () => {
  await team('merges');
  const dialog = page.getByTestId('merges-dialog');
  await expect(dialog).toBeVisible();
  const rows = dialog.getByTestId('merges-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Team study – for Ben.themis');
  await expect(rows.first()).toContainText('Aisha');
  await shot(page, 'team-merges');
  await rows.first().locator('[data-testid^="merge-undo-"]').click();
  await expect(rows.first().locator('[data-testid^="merge-undone-"]')).toHaveText('undone');
  await expect(page.getByTestId('notice')).toContainText('Undid the merge of Team study – for Ben.themis: 4 segments taken out.');
  await shot(page, 'team-merges-undone');
  await dialog.getByTestId('merges-close').click();
  await expect(dialog).toHaveCount(0);
  expect(bensSegments(projectPath())).toBe(0);
});

test('the lead exports the project as REFI-QDA, and an import of it into the project brings nothing new', async () => {
  await team('export');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('export-coder-Aisha')).toBeChecked();
  await expect(dialog.getByTestId('export-coder-Ben')).toBeChecked();
  await expect(dialog.getByTestId('export-doc-count')).toHaveText('2 of 2');
  await dialog.getByTestId('export-coder-Ben').uncheck();
  await shot(page, 'team-export-dialog');
  await dialog.getByTestId('export-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Exported Team study.qdpx: 2 documents');
  const archive = path.join(app().dialogDir, 'Team study.qdpx');
  expect(fs.existsSync(archive)).toBe(true);

  answerOpenDialog([archive]);
  await team('import');
  const preview = page.getByTestId('merge-dialog');
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('merge-coder-Aisha').locator('td')).toHaveText(['Aisha', '3', '0', '3', '0']);
  await expect(preview.getByTestId('merge-sum')).toHaveText('Nothing new to bring in: everything in this file is already in the project.');
  await shot(page, 'team-import-into-project');
  await preview.getByTestId('merge-cancel').click();
  await expect(preview).toHaveCount(0);
});

test('a damaged archive is refused with its reason', async () => {
  const broken = path.join(dir(), 'broken.qdpx');
  fs.writeFileSync(broken, 'not a zip archive');
  answerOpenDialog([broken]);
  await team('import');
  const dialog = page.getByTestId('merge-dialog');
  await expect(dialog.getByTestId('merge-refused')).toContainText('broken.qdpx');
  await expect(dialog.getByTestId('merge-apply')).toBeDisabled();
  await shot(page, 'team-import-refused');
  await dialog.getByTestId('merge-cancel').click();
  await expect(dialog).toHaveCount(0);
  // Nothing came in.
  await team('merges');
  await expect(page.getByTestId('merges-dialog').getByTestId('merges-table').locator('tbody tr')).toHaveCount(1);
  await page.getByTestId('merges-close').click();
});

test('close the project', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('open-demo')).toBeVisible();
});

test('the start screen imports a REFI-QDA project and opens it', async () => {
  const archive = path.join(dir(), 'Exchanged study.qdpx');
  cli('qdpx', 'export', projectPath(), archive);
  fs.rmSync(path.join(app().dialogDir, 'Exchanged study.themis'), { force: true });

  await expect(page.getByTestId('import-qdpx-project')).toHaveText('Import a REFI-QDA project…');
  await shot(page, 'team-start-screen');
  answerOpenDialog([archive]);
  await page.getByTestId('import-qdpx-project').click();
  const dialog = page.getByTestId('import-project-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('merge-coder-Aisha').locator('td').nth(2)).toHaveText('3');
  await expect(dialog.getByTestId('merge-docs-added')).toContainText('qualcoder-transcript');
  await expect(dialog.getByTestId('merge-docs-added')).toContainText('qualcoder-ID1');
  await expect(dialog.getByTestId('merge-codes-codebook')).toContainText('16 in the codebook');
  await expect(dialog.getByTestId('import-lead')).toHaveValue('Aisha');
  await shot(page, 'team-start-import-preview');

  await dialog.getByTestId('import-project-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('project-name')).toHaveText('Exchanged study');
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await expect(page.getByTestId('doc-qualcoder-transcript')).toBeVisible();
  await expect(page.getByTestId('doc-qualcoder-ID1')).toBeVisible();
  await shot(page, 'team-start-imported');
  expect(fs.existsSync(path.join(app().dialogDir, 'Exchanged study.themis'))).toBe(true);
});

test('close the imported project', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('open-demo')).toBeVisible();
});

// The fixtures other tools wrote (interop/qdpx/testdata, see SOURCES.md there).
const qdpxFixtures = path.join(root, 'interop', 'qdpx', 'testdata');

test('an ATLAS.ti archive without some sources is refused naming them, then previewed without them', async () => {
  answerOpenDialog([path.join(qdpxFixtures, 'atlasti-spec-example.qdpx')]);
  await page.getByTestId('import-qdpx-project').click();
  const dialog = page.getByTestId('import-project-dialog');
  await expect(dialog.getByTestId('merge-refused')).toContainText('Simon.docx');
  await expect(dialog.getByTestId('import-project-save')).toBeDisabled();
  await shot(page, 'team-start-import-missing');
  await dialog.getByTestId('skip-missing').click();
  await expect(dialog.getByTestId('skipping-missing')).toBeVisible();
  // ATLAS.ti lists itself as the first user; the archive's creator leads.
  await expect(dialog.getByTestId('import-lead')).toHaveValue('Friedrich Markgraf');
  const not = dialog.getByTestId('merge-not-imported');
  await expect(not.getByTestId('not-imported-sets')).toHaveText('16 sets');
  await expect(not.getByTestId('not-imported-PDF sources')).toHaveText('2 PDF sources');
  await expect(not.getByTestId('not-imported-text sources without their file')).toHaveText('6 text sources without their file');
  await shot(page, 'team-start-import-not-carried');
  await dialog.getByTestId('import-project-cancel').click();
  await expect(dialog).toHaveCount(0);
});

test('an NVivo project arrives with its coder layers and opens', async () => {
  fs.rmSync(path.join(app().dialogDir, 'nvivo-mac-12.7.themis'), { force: true });
  answerOpenDialog([path.join(qdpxFixtures, 'nvivo-mac-12.7.qdpx')]);
  await page.getByTestId('import-qdpx-project').click();
  const dialog = page.getByTestId('import-project-dialog');
  await expect(dialog.getByTestId('merge-added-floriansipos')).toHaveText('297');
  await expect(dialog.getByTestId('merge-docs-added')).toContainText('videos_selection');
  await shot(page, 'team-start-import-nvivo');
  await dialog.getByTestId('import-project-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('project-name')).toHaveText('nvivo-mac-12.7');
  await expect(page.getByTestId('doc-videos_selection')).toBeVisible();
  await expect(page.getByTestId('doc-videos_10_selected')).toBeVisible();
  const coders = JSON.parse(cli('coders', path.join(app().dialogDir, 'nvivo-mac-12.7.themis'), '--json')) as { name: string }[];
  expect(coders.map((c) => c.name)).toContain('floriansipos');
});

test('close the NVivo project', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('open-demo')).toBeVisible();
});

import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, shot } from './app';
import { expect, openApp, test } from './fixtures';

// The Cases tab against the real backend: a copy of the demo study, a case
// sheet imported through the open dialog, a value edited in place, a type
// change refused, and the interviewer left out of coding in every document,
// which the reader then shows dimmed. It closes the project at the end.
test.describe.configure({ mode: 'serial' });

const folder = () => path.join(app().dataDir, 'cases');
const projectPath = () => path.join(folder(), 'Cases study.themis');

let page: Page;

function v(id: string): Locator {
  return page.getByTestId(id).filter({ visible: true });
}

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(folder(), { recursive: true });
  cli('demo', projectPath());
  // Written for this test: the demo's patients with the date of their interview.
  fs.writeFileSync(
    path.join(folder(), 'interviews.csv'),
    'case,document,interviewed,sex\nPatient 001,patient-001,07/03/2024,female\nPatient 002,patient-002,2024-03-09,male\nPatient 003,,12 March 2024,female\n',
  );
  page = await openApp(browser, { viewport: { width: 1360, height: 860 } });
});

test.afterAll(async () => {
  await page.close();
});

test('the lead opens the demo study and reads its cases', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await page.getByTestId('tab-cases').click();
  await expect(v('cases-table')).toBeVisible();
  await expect(v('case-row')).toHaveCount(9);
  await expect(page.locator('[data-case="Patient 001"]')).toBeVisible();
  await shot(page, 'cases-01-table');
});

test('a case sheet is imported and shows what it matched', async () => {
  answerOpenDialog([path.join(folder(), 'interviews.csv')]);
  await v('import-sheet').click();
  const report = v('import-report');
  await expect(report).toContainText('Imported interviews.csv: 3 cases');
  await expect(report).toContainText('patient-001 → Patient 001');
  await expect(v('type-interviewed')).toHaveValue('date');
  await expect(page.getByLabel('interviewed of Patient 001')).toHaveValue('2024-03-07');
  await shot(page, 'cases-02-imported');
  const journal = cli('journal', projectPath(), '--limit', '1');
  expect(journal).toContain('cases.import');
});

test('a value is edited in place and a type change that does not fit is refused', async () => {
  const age = page.getByLabel('age_group of Patient 001');
  await age.fill('55-64');
  await age.press('Tab');
  await expect.poll(() => cli('cases', 'list', projectPath(), '--json')).toContain('"age_group": "55-64"');
  await v('type-sex').selectOption('number');
  await expect(page.getByTestId('error').filter({ hasText: 'cannot become number' }).first()).toBeVisible();
  await expect(v('type-sex')).toHaveValue('category');
});

test('the interviewer is left out everywhere and the reader dims their turns', async () => {
  await v('exclude-interviewer').click();
  await expect(v('exclude-interviewer')).toBeDisabled();
  await expect(page.locator('[data-speaker="Interviewer"] [data-testid="exclude-toggle"]').first()).toBeChecked();
  await page.locator('[data-testid="documents-speakers"]').scrollIntoViewIfNeeded();
  await shot(page, 'cases-03-speakers');
  await page.getByTestId('tab-documents').click();
  await expect(v('not-coded').first()).toBeVisible();
  await shot(page, 'cases-04-reader-not-coded');
  const list = JSON.parse(cli('cases', 'list', projectPath(), '--json'));
  for (const d of list.documents) {
    for (const s of d.speakers) if (s.name === 'Interviewer') expect(s.excluded).toBe(true);
  }
});

test('the project closes for the next spec', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answerOpenDialog, app, cli, selectText, shot } from './app';
import { expect, openApp, test } from './fixtures';

// The codebook editor against the real backend: a framework from scratch,
// codebooks imported from YAML and from a REFI-QDA .qdc file, a merge of two
// codes that carry both coders' segments, and a delete taken back by undo.
// It works on its own copy of the demo study, made with the CLI, and closes
// it at the end, so the specs after it find the start screen.
test.describe.configure({ mode: 'serial' });

const folder = () => path.join(app().dataDir, 'codebook');
const projectPath = () => path.join(folder(), 'Codebook study.themis');

let page: Page;

interface Row {
  document: string;
  coder: string;
  code: string;
}

/** Every segment of the project, from the CLI's CSV export (document,coder,code,start,end,text). */
function segments(): Row[] {
  const lines = cli('segments', 'export', projectPath()).trim().split('\n').slice(1);
  return lines.map((l) => {
    const [document, coder, code] = l.split(',');
    return { document, coder, code };
  });
}

function count(rows: Row[], code: string, coder?: string): number {
  return rows.filter((r) => r.code === code && (!coder || r.coder === coder)).length;
}

/** A visible element: the reader's side panel, hidden meanwhile, has some of the Codebook tab's test ids. */
function cb(id: string): Locator {
  return page.getByTestId(id).filter({ visible: true });
}

function node(name: string): Locator {
  return cb('code-tree').locator('[role="treeitem"]', { has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) });
}

async function chooseFramework(name: string) {
  const select = cb('framework-select');
  const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
  await select.selectOption(value!);
  await expect(select).toHaveValue(value!);
}

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(folder(), { recursive: true });
  cli('demo', projectPath());
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

test('the lead opens a copy of the demo study and goes to the Codebook tab', async () => {
  answerOpenDialog([projectPath()]);
  await page.getByTestId('open-project').click();
  await page.getByTestId('coder-Aisha').click();
  await expect(page.getByTestId('current-coder')).toContainText('Aisha');
  await page.getByTestId('tab-codebook').click();
  await expect(cb('code-tree')).toBeVisible();
  await expect(node('Social integration')).toBeVisible();
  await expect(cb('framework-version')).toHaveText('revision 0');
  await shot(page, 'codebook-01-keyes');
});

test('a framework from scratch: a theme with a sub-code, becoming the active one', async () => {
  await cb('new-framework').click();
  await cb('from-empty').check();
  await cb('new-framework-name').fill('Getting out');
  await cb('new-framework-create').click();
  await expect(cb('framework-active')).toBeVisible();
  await expect(cb('tree-empty')).toBeVisible();

  await cb('add-code').click();
  await cb('field-name').fill('Leaving the house');
  await cb('field-definition').fill('Talk of getting out of the house, or of not being able to.');
  await cb('field-when').fill('The speaker describes going out, or a reason they now go out.');
  await cb('field-key').fill('l');
  await cb('save').click();
  await expect(node('Leaving the house')).toBeVisible();

  await node('Leaving the house').click();
  await cb('add-code').click(); // a child of the selected code
  await cb('field-name').fill('Something to look forward to');
  await cb('save').click();
  await expect(node('Something to look forward to')).toHaveAttribute('aria-level', '2');
  await shot(page, 'codebook-02-from-scratch');

  const list = cli('codebook', 'list', projectPath());
  expect(list).toMatch(/\*\s+Getting out\s+2\s+revision \d+/);
  const yaml = cli('codebook', 'export', projectPath(), '--framework', 'Getting out');
  expect(yaml).toContain('name: Leaving the house');
  expect(yaml).toContain('when_to_use: The speaker describes going out');
  expect(yaml).toMatch(/codes:\n\s+- name: Something to look forward to/);
});

test('a YAML codebook with a mistake is refused with its line, then a good one is imported', async () => {
  const before = cli('codebook', 'list', projectPath());
  const broken = path.join(folder(), 'broken.yaml');
  fs.writeFileSync(broken, 'themis_codebook: 1\nname: Broken\ncodes:\n  - name: Hope\n    colour: sky blue\n');
  answerOpenDialog([broken]);
  await cb('import-codebook').click();
  await expect(cb('error')).toContainText('broken.yaml:5');
  await expect(cb('error')).toContainText('expected #rrggbb');
  expect(cli('codebook', 'list', projectPath())).toBe(before);

  const good = path.join(folder(), 'team codebook.yaml');
  fs.writeFileSync(
    good,
    [
      'themis_codebook: 1',
      'name: Team codebook',
      'codes:',
      '  - name: Belonging',
      '    colour: "#2563eb"',
      '    key: b',
      '    definition: Feeling part of a group.',
      '    examples:',
      '      - "At the choir I am one of them."',
      '    codes:',
      '      - name: Isolation',
      '        when_not_to_use: Choosing to be alone.',
      '',
    ].join('\n'),
  );
  answerOpenDialog([good]);
  await cb('import-codebook').click();
  await expect(cb('framework-select').locator('option:checked')).toHaveText(/Team codebook/);
  await expect(cb('framework-active')).toBeVisible();
  await expect(node('Isolation')).toHaveAttribute('aria-level', '2');
  await node('Belonging').click();
  await expect(cb('field-definition')).toHaveValue('Feeling part of a group.');
  await expect(cb('example-0')).toHaveValue('At the choir I am one of them.');
});

test('a REFI-QDA .qdc codebook is imported with its hierarchy and colours', async () => {
  const qdc = path.join(folder(), 'From NVivo.qdc');
  fs.writeFileSync(qdc, cli('codebook', 'export', projectPath(), '--framework', 'Keyes: flourishing', '--format', 'qdc'));
  answerOpenDialog([qdc]);
  await cb('import-codebook').click();
  await expect(cb('framework-select').locator('option:checked')).toHaveText(/From NVivo/);
  await expect(node('Social well-being')).toBeVisible();
  await expect(node('Social integration')).toHaveAttribute('aria-level', '2');
  await node('Social integration').click();
  await expect(cb('field-color')).toHaveValue('#9333ea');
  await expect(cb('field-when')).toHaveValue(/Feeling included in/);
  expect(cli('codebook', 'list', projectPath())).toMatch(/\*\s+From NVivo\s+16\s+revision 0/);
  await expect(page.locator('header').getByTestId('framework-name')).toHaveText('From NVivo');
  await shot(page, 'codebook-03-qdc');
});

test('merging two codes moves both coders’ segments and collapses duplicates', async () => {
  await chooseFramework('Keyes: flourishing');
  await cb('make-active').click();
  await expect(cb('framework-active')).toBeVisible();
  const before = segments();
  const moving = count(before, 'Social acceptance');
  const target = count(before, 'Social coherence');
  expect(count(before, 'Social acceptance', 'Aisha')).toBeGreaterThan(0);
  expect(count(before, 'Social acceptance', 'Ben')).toBeGreaterThan(0);

  await node('Social acceptance').click();
  await cb('open-merge').click();
  await cb('merge-search').fill('coherence');
  await cb('merge-candidates').getByText('Social coherence').click();
  await expect(cb('merge-summary')).toContainText('Social coherence');
  await shot(page, 'codebook-04-merge');
  await cb('merge-confirm').click();
  await expect(cb('notice')).toContainText('Merged “Social acceptance” into “Social coherence”');
  await expect(node('Social acceptance')).toHaveCount(0);

  const after = segments();
  expect(count(after, 'Social acceptance')).toBe(0);
  const collapsed = moving + target - count(after, 'Social coherence');
  expect(collapsed).toBeGreaterThanOrEqual(0);
  expect(after.length).toBe(before.length - collapsed);
  const history = cli('codebook', 'history', projectPath());
  expect(history).toContain(`Merged “Social acceptance” into “Social coherence”: ${moving - collapsed} segments recoded`);
});

test('deleting a code says what goes, and undo brings it all back', async () => {
  const before = segments();
  const aisha = count(before, 'Autonomy', 'Aisha');
  const ben = count(before, 'Autonomy', 'Ben');
  expect(aisha + ben).toBeGreaterThan(0);

  await node('Autonomy').click();
  await cb('open-delete').click();
  await expect(cb('delete-message')).toHaveText(
    `Deleting “Autonomy” removes ${aisha + ben} segments: ${aisha} of Aisha’s and ${ben} of Ben’s.`,
  );
  await shot(page, 'codebook-05-delete');
  await cb('delete-confirm').click();
  await expect(node('Autonomy')).toHaveCount(0);
  expect(count(segments(), 'Autonomy')).toBe(0);

  await cb('notice-action').click();
  await expect(node('Autonomy')).toBeVisible();
  expect(segments()).toEqual(before);
  if (!(await cb('history-list').isVisible())) await cb('toggle-history').click();
  await expect(cb('history-list')).toContainText('Undid: Deleted “Autonomy”');
  await shot(page, 'codebook-06-undone');
});

test('a new code from a selection in the reader is one change the codebook can undo', async () => {
  await page.getByTestId('tab-documents').click();
  await page.getByTestId('doc-commissioner-01').click();
  await expect(page.getByTestId('document-title')).toHaveText('commissioner-01');
  await selectText(page, 'commissioning manager');
  await page.getByTestId('new-code-from-selection').click();
  await expect(page.getByTestId('in-vivo-name')).toHaveValue('commissioning manager');
  await page.getByTestId('in-vivo-name').fill('Commissioner role');
  await shot(page, 'codebook-07-in-vivo');
  await page.getByTestId('in-vivo-create').click();
  await expect(page.getByTestId('segment-list')).toContainText('commissioning manager');
  await expect(page.getByTestId('code-Commissioner role')).toBeVisible();
  expect(count(segments(), 'Commissioner role', 'Aisha')).toBe(1);

  await page.getByTestId('tab-codebook').click();
  await expect(node('Commissioner role')).toBeVisible();
  await cb('codebook-undo').click();
  await expect(node('Commissioner role')).toHaveCount(0);
  expect(count(segments(), 'Commissioner role')).toBe(0);
});

test('the reader codes with the edited codebook, and agreement cites its version', async () => {
  await cb('tag-name').fill('v1 agreed');
  await cb('tag-save').click();
  await expect(cb('framework-version')).toHaveText(/^v1 agreed, revision \d+$/);
  await page.getByTestId('tab-agreement').click();
  await expect(page.getByTestId('agreement-codebook')).toHaveText(/Codebook: Keyes: flourishing, v1 agreed, revision \d+\./);
  const text = cli('agreement', projectPath(), '--coders', 'Aisha,Ben');
  expect(text).toMatch(/Codebook: Keyes: flourishing, v1 agreed, revision \d+/);
  expect(text).not.toContain('Social acceptance');
});

test('close the copy, leaving the start screen for the next spec', async () => {
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('create-project')).toBeVisible();
});

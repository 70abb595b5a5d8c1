import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';

// The real api.ts over mocked bindings, as in the app.
vi.mock('../wailsjs/go/app/CodebookService', () => ({
  Builtins: vi.fn(), Frameworks: vi.fn(), SetActive: vi.fn(), CreateFramework: vi.fn(), RenameFramework: vi.fn(),
  Codes: vi.fn(), AddCode: vi.fn(), UpdateCode: vi.fn(), MoveCode: vi.fn(), MergeCodes: vi.fn(), SplitCode: vi.fn(),
  CodeSegments: vi.fn(), DeleteImpact: vi.fn(), DeleteCode: vi.fn(), History: vi.fn(), Undo: vi.fn(), Redo: vi.fn(),
  Tag: vi.fn(), Import: vi.fn(), Export: vi.fn(),
}));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import * as CB from '../wailsjs/go/app/CodebookService';
import CodebookScreen from '../screens/CodebookScreen.svelte';
import { CodebookStore } from '../stores/codebook.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import Toasts from '../components/Toasts.svelte';
import { code } from './fixtures';
import type { Code, CodebookHistory, Framework } from '../types';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

/** 1 Emotional { 2 Positive affect [1], 3 Quality of life [2] { 4 Hope } }, 5 Social { 6 Integration [e] } */
const tree: Code[] = [
  code({ id: 1, parent: 0, name: 'Emotional', definition: 'Feeling good.', color: '#c2410c', key: '', codable: false }),
  code({ id: 2, parent: 1, name: 'Positive affect', definition: 'Cheerful, calm.', color: '#f97316', key: '1', codable: true,
    counts: [{ coder: 1, name: 'Aisha', count: 12 }, { coder: 2, name: 'Ben', count: 9 }] }),
  code({ id: 3, parent: 1, name: 'Quality of life', definition: 'Life is going well.', color: '#eab308', key: '2', codable: true }),
  code({ id: 4, parent: 3, name: 'Hope', definition: 'Looking forward.', color: '#65a30d', key: '', codable: true }),
  code({ id: 5, parent: 0, name: 'Social', definition: 'In society.', color: '#7e22ce', key: '', codable: false }),
  code({ id: 6, parent: 5, name: 'Integration', definition: 'Belonging.', color: '#9333ea', key: 'e', codable: true }),
];

const keyes: Framework = { id: 7, name: 'Keyes', description: 'Thirteen dimensions', active: true, codes: 4, revision: 3, version: 'v1 agreed + 2 changes', tag: '' };

function history(over: Partial<CodebookHistory> = {}): CodebookHistory {
  return {
    framework: 7,
    revision: 3,
    version: 'v1 agreed + 2 changes',
    changes: [
      { revision: 3, at: '2026-11-21T18:00:00Z', who: 'Ben', action: 'delete', summary: 'Deleted “Joy”', undone: true, tags: [] },
      { revision: 2, at: '2026-11-21T17:00:00Z', who: 'Aisha', action: 'edit', summary: 'Renamed “Happy” to “Positive affect”', undone: false, tags: [] },
      { revision: 1, at: '2026-11-20T09:00:00Z', who: 'Aisha', action: 'import', summary: 'Imported keyes.yaml', undone: false, tags: ['v1 agreed'] },
    ],
    tags: [{ name: 'v1 agreed', note: 'before round two', revision: 1, at: '2026-11-20T10:00:00Z', who: 'Aisha' }],
    canUndo: true,
    undo: 'edit “Positive affect”',
    canRedo: true,
    redo: 'delete “Joy”',
    ...over,
  };
}

/** What the screen reported, as the app's toasts show it. */
let toasts = new ToastStore();

async function renderScreen() {
  toasts = new ToastStore();
  const store = new CodebookStore(toasts);
  render(CodebookScreen, { store });
  render(Toasts, { toasts });
  await screen.findByTestId('code-tree');
  return store;
}

/** Waits for a change and the re-read after it: the screen takes no new change meanwhile. */
async function settled(store: CodebookStore) {
  await waitFor(() => expect(store.busy).toBe(false));
}

const node = (id: number) => screen.getByTestId(`node-${id}`);

async function select(id: number) {
  await fireEvent.click(node(id));
}

beforeEach(() => {
  vi.resetAllMocks();
  m(CB.Frameworks).mockResolvedValue([keyes]);
  m(CB.Codes).mockResolvedValue(tree);
  m(CB.History).mockResolvedValue(history());
});

describe('CodebookScreen: the tree', () => {
  it('is an ARIA tree with levels, expansion, selection, keys and counts per coder', async () => {
    await renderScreen();
    const t = screen.getByRole('tree');
    const items = within(t).getAllByRole('treeitem');
    expect(items.map((i) => i.getAttribute('aria-level'))).toEqual(['1', '2', '2', '3', '1', '2']);
    expect(node(1)).toHaveAttribute('aria-expanded', 'true');
    expect(node(2)).not.toHaveAttribute('aria-expanded');
    expect(node(2)).toHaveAttribute('aria-selected', 'false');
    expect(screen.getByTestId('counts-2')).toHaveTextContent('Aisha 12 · Ben 9');
    expect(within(node(2)).getByText('1').tagName).toBe('KBD');
    expect(screen.getByTestId('framework-version')).toHaveTextContent('v1 agreed + 2 changes');

    await fireEvent.click(screen.getByTestId('twisty-1'));
    expect(node(1)).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByTestId('node-2')).toBeNull();
  });

  it('filters by name or definition, keeping the ancestors of a match', async () => {
    await renderScreen();
    await fireEvent.input(screen.getByTestId('codebook-filter'), { target: { value: 'forward' } });
    expect(within(screen.getByRole('tree')).getAllByRole('treeitem').map((i) => i.dataset.id)).toEqual(['1', '3', '4']);
  });

  it('moves focus with the arrows, selects with Enter, and moves codes with Alt+arrows', async () => {
    const store = await renderScreen();
    m(CB.MoveCode).mockResolvedValue(undefined);
    node(1).focus();
    await fireEvent.keyDown(node(1), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(node(2));
    await fireEvent.keyDown(node(2), { key: 'ArrowDown' });
    await fireEvent.keyDown(node(3), { key: 'Enter' });
    expect(node(3)).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('field-name')).toHaveValue('Quality of life');

    await fireEvent.keyDown(node(3), { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(m(CB.MoveCode)).toHaveBeenLastCalledWith(3, 1, 0));
    await settled(store);
    await fireEvent.keyDown(node(3), { key: 'ArrowRight', altKey: true });
    await waitFor(() => expect(m(CB.MoveCode)).toHaveBeenLastCalledWith(3, 2, 0));
    await settled(store);
    await fireEvent.keyDown(node(3), { key: 'ArrowLeft', altKey: true });
    await waitFor(() => expect(m(CB.MoveCode)).toHaveBeenLastCalledWith(3, 0, 1));
    await settled(store);
    // The first child cannot go up.
    await fireEvent.keyDown(node(2), { key: 'ArrowUp', altKey: true });
    expect(m(CB.MoveCode)).toHaveBeenCalledTimes(3);

    // ArrowLeft on a child goes to its parent; on an open parent it closes it.
    node(4).focus();
    await fireEvent.keyDown(node(4), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(node(3));
    await fireEvent.keyDown(node(3), { key: 'ArrowLeft' });
    expect(node(3)).toHaveAttribute('aria-expanded', 'false');
  });

  it('moves a code by dragging it onto the middle of another, and refuses a drop on its own descendant', async () => {
    await renderScreen();
    m(CB.MoveCode).mockResolvedValue(undefined);
    await fireEvent.dragStart(node(6));
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    node(3).dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    await fireEvent.drop(node(3));
    await waitFor(() => expect(m(CB.MoveCode)).toHaveBeenCalledWith(6, 3, 1));

    await fireEvent.dragStart(node(1));
    const refused = new Event('dragover', { bubbles: true, cancelable: true });
    node(4).dispatchEvent(refused);
    expect(refused.defaultPrevented).toBe(false);
  });

  it('undoes with Ctrl+Z from the tree, but not while typing in a field', async () => {
    const store = await renderScreen();
    m(CB.Undo).mockResolvedValue('edit “Positive affect”');
    m(CB.Redo).mockResolvedValue('delete “Joy”');
    expect(screen.getByTestId('codebook-undo')).toHaveTextContent('Undo edit “Positive affect”');
    expect(screen.getByTestId('codebook-redo')).toHaveTextContent('Redo delete “Joy”');
    await select(2);
    await fireEvent.keyDown(screen.getByTestId('field-name'), { key: 'z', ctrlKey: true });
    expect(m(CB.Undo)).not.toHaveBeenCalled();
    await fireEvent.keyDown(node(2), { key: 'z', ctrlKey: true });
    await waitFor(() => expect(m(CB.Undo)).toHaveBeenCalledWith(7));
    await settled(store);
    await fireEvent.keyDown(node(2), { key: 'z', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(m(CB.Redo)).toHaveBeenCalledWith(7));
  });
});

describe('CodebookScreen: the details', () => {
  it('edits and saves a code, shows a key clash first, and asks before dropping unsaved changes', async () => {
    await renderScreen();
    await select(3);
    const name = screen.getByTestId('field-name');
    await fireEvent.input(name, { target: { value: 'Avowed quality of life' } });
    await fireEvent.input(screen.getByTestId('field-key'), { target: { value: 'E' } });
    expect(screen.getByTestId('key-help')).toHaveTextContent('Key e is already used by “Integration”.');
    expect(screen.getByTestId('save')).toBeDisabled();
    await fireEvent.input(screen.getByTestId('field-key'), { target: { value: '3' } });
    await fireEvent.click(screen.getByTestId('add-example'));
    await fireEvent.input(screen.getByTestId('example-0'), { target: { value: 'Life is good now.' } });

    // Another code: the question, and Cancel keeps the draft.
    await select(6);
    expect(screen.getByTestId('unsaved-dialog')).toBeInTheDocument();
    await fireEvent.keyDown(screen.getByTestId('unsaved-dialog'), { key: 'Escape' });
    expect(screen.queryByTestId('unsaved-dialog')).toBeNull();
    expect(screen.getByTestId('field-name')).toHaveValue('Avowed quality of life');

    const saved = { ...tree[2], name: 'Avowed quality of life', key: '3', examples: ['Life is good now.'] };
    m(CB.UpdateCode).mockResolvedValue(saved);
    m(CB.Codes).mockResolvedValue(tree.map((c) => (c.id === 3 ? saved : c)));
    await fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('details-title')).toHaveTextContent('Avowed quality of life'));
    expect(m(CB.UpdateCode)).toHaveBeenCalledWith(3, expect.objectContaining({ name: 'Avowed quality of life', key: '3', examples: ['Life is good now.'] }));
    expect(screen.getByTestId('save')).toBeDisabled();
  });

  it('adds a code under the selected one and focuses its name', async () => {
    await renderScreen();
    await select(3);
    const made = code({ id: 10, parent: 3, name: 'New code', definition: '', color: '#64748b', key: '', codable: true });
    m(CB.AddCode).mockResolvedValue(made);
    m(CB.Codes).mockResolvedValue([...tree, made]);
    await fireEvent.click(screen.getByTestId('add-code'));
    await waitFor(() => expect(node(10)).toHaveAttribute('aria-selected', 'true'));
    expect(m(CB.AddCode)).toHaveBeenCalledWith(7, expect.objectContaining({ parent: 3 }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('field-name')));
  });

  it('takes no typing while a change is under way', async () => {
    await renderScreen();
    await select(3);
    let answer!: (c: Code) => void;
    m(CB.AddCode).mockImplementation(() => new Promise((res) => (answer = res)));
    screen.getByTestId('field-definition').focus();
    await fireEvent.click(screen.getByTestId('add-code'));
    await waitFor(() => expect(screen.getByTestId('field-name')).toHaveAttribute('readonly'));
    for (const id of ['field-definition', 'field-when', 'field-when-not', 'field-key', 'field-scale']) {
      expect(screen.getByTestId(id)).toHaveAttribute('readonly');
    }
    expect(screen.getByTestId('field-codable')).toBeDisabled();
    const made = code({ id: 10, parent: 3, name: 'New code', definition: '', color: '#64748b', key: '', codable: true });
    m(CB.Codes).mockResolvedValue([...tree, made]);
    answer(made);
    await waitFor(() => expect(screen.getByTestId('field-name')).toHaveValue('New code'));
    expect(screen.getByTestId('field-name')).not.toHaveAttribute('readonly');
  });
});

describe('CodebookScreen: merge, split, delete', () => {
  it('merges into a code other than itself and its descendants, saying what will happen', async () => {
    const store = await renderScreen();
    await select(1);
    await fireEvent.click(screen.getByTestId('open-merge'));
    const list = screen.getByTestId('merge-candidates');
    expect(within(list).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['5', '6']);
    await fireEvent.input(screen.getByTestId('merge-search'), { target: { value: 'integ' } });
    expect(within(list).getAllByRole('radio')).toHaveLength(1);
    expect(screen.getByTestId('merge-confirm')).toBeDisabled();
    await fireEvent.click(screen.getByTestId('merge-option-6'));
    expect(screen.getByTestId('merge-summary')).toHaveTextContent('Emotional’s 2 sub-codes move under “Integration”');
    m(CB.MergeCodes).mockResolvedValue('Merged “Emotional” into “Integration”: 0 segments recoded.');
    await fireEvent.click(screen.getByTestId('merge-confirm'));
    await waitFor(() => expect(m(CB.MergeCodes)).toHaveBeenCalledWith(1, 6));
    await settled(store);
    expect(screen.getByTestId('notice')).toHaveTextContent('Merged “Emotional” into “Integration”');
    expect(screen.queryByTestId('merge-dialog')).toBeNull();
  });

  it('splits off the ticked segments into a new code beside the original', async () => {
    await renderScreen();
    m(CB.CodeSegments).mockResolvedValue([
      { id: 101, document: 5, documentName: 'patient-001', coder: 1, coderName: 'Aisha', start: 0, end: 10, text: 'Calmer now' },
      { id: 102, document: 5, documentName: 'patient-001', coder: 2, coderName: 'Ben', start: 0, end: 10, text: 'Calmer now' },
      { id: 103, document: 6, documentName: 'patient-002', coder: 1, coderName: 'Aisha', start: 4, end: 20, text: 'I laugh again' },
    ]);
    await select(2);
    await fireEvent.click(screen.getByTestId('open-split'));
    await screen.findByTestId('split-segments');
    expect(screen.getByTestId('split-parent')).toHaveValue('1');
    await fireEvent.input(screen.getByTestId('split-name'), { target: { value: 'Calm' } });
    // Aisha's only, all of them; then untick one.
    await fireEvent.change(screen.getByTestId('split-coder'), { target: { value: '1' } });
    expect(within(screen.getByTestId('split-segments')).getAllByRole('checkbox')).toHaveLength(2);
    await fireEvent.click(screen.getByTestId('split-all'));
    await fireEvent.click(screen.getByTestId('split-seg-103'));
    expect(screen.getByTestId('split-confirm')).toHaveTextContent('Split off 1 segment');
    m(CB.SplitCode).mockResolvedValue(code({ id: 11, parent: 1, name: 'Calm', definition: '', color: '#000000', key: '', codable: true }));
    await fireEvent.click(screen.getByTestId('split-confirm'));
    await waitFor(() => expect(m(CB.SplitCode)).toHaveBeenCalledWith(2, expect.objectContaining({ parent: 1, name: 'Calm', codable: true }), [101]));
  });

  it('states what a delete takes with it and deletes only after the explicit click, with Undo after', async () => {
    const store = await renderScreen();
    m(CB.DeleteImpact).mockResolvedValue({
      codes: ['Quality of life', 'Hope'],
      segments: 14,
      byCoder: [{ coder: 1, name: 'Aisha', count: 9 }, { coder: 2, name: 'Ben', count: 5 }],
      message: 'Deleting “Quality of life” and its 1 sub-code removes 14 segments: 9 of Aisha’s and 5 of Ben’s.',
    });
    m(CB.DeleteCode).mockResolvedValue('Deleted “Quality of life” and 14 segments');
    await select(3);
    await fireEvent.click(screen.getByTestId('open-delete'));
    const dialog = screen.getByTestId('delete-dialog');
    expect(dialog).toHaveAttribute('role', 'alertdialog');
    expect(await screen.findByTestId('delete-message')).toHaveTextContent('removes 14 segments: 9 of Aisha’s and 5 of Ben’s');
    expect(screen.getByTestId('delete-by-coder')).toHaveTextContent('Aisha9 segments');
    expect(m(CB.DeleteImpact)).toHaveBeenCalledWith(3);
    expect(m(CB.DeleteCode)).not.toHaveBeenCalled();

    // Escape is no.
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('delete-dialog')).toBeNull();
    expect(m(CB.DeleteCode)).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId('open-delete'));
    await fireEvent.click(await screen.findByTestId('delete-confirm'));
    await waitFor(() => expect(m(CB.DeleteCode)).toHaveBeenCalledWith(3));
    await settled(store);
    expect(screen.queryByTestId('delete-dialog')).toBeNull();
    const notice = screen.getByTestId('notice');
    expect(notice).toHaveTextContent('Deleted “Quality of life” and 14 segments');
    m(CB.Undo).mockResolvedValue('delete “Quality of life”');
    await fireEvent.click(within(notice).getByTestId('notice-action'));
    await waitFor(() => expect(m(CB.Undo)).toHaveBeenCalledWith(7));
  });
});

describe('CodebookScreen: frameworks and history', () => {
  it('shows the history newest first, undone entries struck through, tags as badges, and tags a version', async () => {
    await renderScreen();
    const list = screen.getByTestId('history-list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.dataset.testid)).toEqual(['change-3', 'change-2', 'change-1']);
    expect(items[0].querySelector('s')).toHaveTextContent('Deleted “Joy”');
    expect(items[0]).toHaveTextContent('(undone)');
    expect(items[1].querySelector('s')).toBeNull();
    expect(within(items[2]).getByTestId('tag-badge')).toHaveTextContent('v1 agreed');
    expect(within(items[2]).getByTestId('tag-badge')).toHaveAttribute('title', 'before round two');
    expect(screen.getByTestId('history-version')).toHaveTextContent('v1 agreed + 2 changes');

    m(CB.Tag).mockResolvedValue(undefined);
    await fireEvent.input(screen.getByTestId('tag-name'), { target: { value: 'v2' } });
    await fireEvent.input(screen.getByTestId('tag-note'), { target: { value: 'after the merge' } });
    await fireEvent.click(screen.getByTestId('tag-save'));
    await waitFor(() => expect(m(CB.Tag)).toHaveBeenCalledWith(7, 'v2', 'after the merge'));
  });

  it('shows an import error in full in an alert', async () => {
    await renderScreen();
    m(CB.Import).mockRejectedValue(JSON.stringify({ code: 'import', message: 'keyes.yaml:12:5: “key” must be one character, got “10”' }));
    await fireEvent.click(screen.getByTestId('import-codebook'));
    expect(await screen.findByRole('alert')).toHaveTextContent('keyes.yaml:12:5: “key” must be one character, got “10”');
  });

  it('exports in the chosen format and says where it went', async () => {
    await renderScreen();
    m(CB.Export).mockResolvedValue('/home/aisha/Keyes.qdc');
    await fireEvent.click(screen.getByTestId('export-codebook'));
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['YAML', 'JSON', 'REFI-QDA (.qdc)', 'Markdown', 'HTML', 'CSV']);
    await fireEvent.click(screen.getByTestId('export-qdc'));
    await waitFor(() => expect(m(CB.Export)).toHaveBeenCalledWith(7, 'qdc'));
    expect(await screen.findByTestId('notice')).toHaveTextContent('Saved to /home/aisha/Keyes.qdc');
  });

  it('creates a framework from a built-in, and makes a non-active one active', async () => {
    const ours: Framework = { ...keyes, id: 8, name: 'Ours', active: false, version: 'revision 0' };
    m(CB.Frameworks).mockResolvedValue([keyes, ours]);
    await renderScreen();
    expect(screen.getByTestId('framework-active')).toBeInTheDocument();
    await fireEvent.change(screen.getByTestId('framework-select'), { target: { value: '8' } });
    await waitFor(() => expect(m(CB.Codes)).toHaveBeenLastCalledWith(8));
    m(CB.SetActive).mockResolvedValue(undefined);
    await fireEvent.click(await screen.findByTestId('make-active'));
    await waitFor(() => expect(m(CB.SetActive)).toHaveBeenCalledWith(8));

    m(CB.Builtins).mockResolvedValue([{ id: 'keyes', name: 'Keyes: flourishing', description: 'Thirteen dimensions', codes: 13 }]);
    m(CB.CreateFramework).mockResolvedValue({ ...keyes, id: 9, name: 'Second round' });
    await fireEvent.click(screen.getByTestId('new-framework'));
    await fireEvent.click(await screen.findByTestId('from-keyes'));
    await fireEvent.input(screen.getByTestId('new-framework-name'), { target: { value: 'Second round' } });
    await fireEvent.click(screen.getByTestId('new-framework-create'));
    await waitFor(() => expect(m(CB.CreateFramework)).toHaveBeenCalledWith('keyes', 'Second round'));
  });
});

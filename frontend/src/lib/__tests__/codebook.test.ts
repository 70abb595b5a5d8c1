import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real api.ts over mocked bindings, so what the store sends is what the backend would get.
vi.mock('../wailsjs/go/app/CodebookService', () => ({
  Builtins: vi.fn(), Frameworks: vi.fn(), SetActive: vi.fn(), CreateFramework: vi.fn(), RenameFramework: vi.fn(),
  Codes: vi.fn(), AddCode: vi.fn(), UpdateCode: vi.fn(), MoveCode: vi.fn(), MergeCodes: vi.fn(), SplitCode: vi.fn(),
  CodeSegments: vi.fn(), DeleteImpact: vi.fn(), DeleteCode: vi.fn(), History: vi.fn(), Undo: vi.fn(), Redo: vi.fn(),
  Tag: vi.fn(), Import: vi.fn(), Export: vi.fn(),
}));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import * as CB from '../wailsjs/go/app/CodebookService';
import { CodebookStore, keyClash, mergeSummary, redoLabel, relativeTime, undoLabel } from '../stores/codebook.svelte';
import { dropMove, stepMove, visibleRows } from '../codetree';
import { ToastStore } from '../stores/toasts.svelte';
import { code } from './fixtures';
import type { Code, CodebookHistory, Framework } from '../types';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

/**
 * 1 Emotional (a theme)
 *   2 Positive affect [1]
 *   3 Quality of life [2]
 *     4 Hope
 * 5 Social (a theme)
 *   6 Integration [e]
 */
const tree: Code[] = [
  code({ id: 1, parent: 0, name: 'Emotional', definition: 'Feeling good.', color: '#c2410c', key: '', codable: false }),
  code({ id: 2, parent: 1, name: 'Positive affect', definition: 'Cheerful, calm.', color: '#f97316', key: '1', codable: true,
    counts: [{ coder: 1, name: 'Aisha', count: 12 }, { coder: 2, name: 'Ben', count: 9 }] }),
  code({ id: 3, parent: 1, name: 'Quality of life', definition: 'Life is going well.', color: '#eab308', key: '2', codable: true }),
  code({ id: 4, parent: 3, name: 'Hope', definition: 'Looking forward to the garden.', color: '#65a30d', key: '', codable: true }),
  code({ id: 5, parent: 0, name: 'Social', definition: 'In society.', color: '#7e22ce', key: '', codable: false }),
  code({ id: 6, parent: 5, name: 'Integration', definition: 'Belonging.', color: '#9333ea', key: 'e', codable: true }),
];

const keyes: Framework = { id: 7, name: 'Keyes', description: '', active: true, codes: 4, revision: 3, version: 'revision 3', tag: '' };
const mine: Framework = { ...keyes, id: 8, name: 'Ours', active: false };

function history(over: Partial<CodebookHistory> = {}): CodebookHistory {
  return { framework: 7, revision: 3, version: 'revision 3', changes: [], tags: [], canUndo: false, undo: '', canRedo: false, redo: '', ...over };
}

const ids = (rows: { code: Code }[]) => rows.map((r) => r.code.id);

beforeEach(() => {
  vi.resetAllMocks();
  m(CB.Frameworks).mockResolvedValue([mine, keyes]);
  m(CB.Codes).mockResolvedValue(tree);
  m(CB.History).mockResolvedValue(history());
});

/** The notice up, if any: the store reports through its toasts. */
const notice = (t: ToastStore) => t.items.find((i) => i.kind === 'info') ?? null;

describe('the tree', () => {
  it('nests the codes by parent, depth first, with their level and place among siblings', () => {
    const rows = visibleRows(tree, new Set(), '');
    expect(ids(rows)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.level)).toEqual([1, 2, 2, 3, 1, 2]);
    expect(rows.map((r) => `${r.pos}/${r.size}`)).toEqual(['1/2', '1/2', '2/2', '1/1', '2/2', '1/1']);
    expect(rows.map((r) => r.hasChildren)).toEqual([true, false, true, false, true, false]);
    expect(rows.every((r) => r.match)).toBe(true);
  });

  it('leaves out the children of a collapsed code', () => {
    const rows = visibleRows(tree, new Set([1]), '');
    expect(ids(rows)).toEqual([1, 5, 6]);
    expect(rows[0].expanded).toBe(false);
    expect(rows[1].expanded).toBe(true);
  });

  it('filters by name or definition and keeps the ancestors of a match, expanded even when collapsed', () => {
    const rows = visibleRows(tree, new Set([1, 3]), 'HOPE');
    expect(ids(rows)).toEqual([1, 3, 4]);
    expect(rows.map((r) => r.match)).toEqual([false, false, true]);
    // by definition; the sibling that does not match is left out
    expect(ids(visibleRows(tree, new Set(), 'belonging'))).toEqual([5, 6]);
    expect(ids(visibleRows(tree, new Set(), 'nothing like it'))).toEqual([]);
  });

  it('reads a code whose parent is missing as top level', () => {
    const orphan = code({ id: 9, parent: 99, name: 'Lost', definition: '', color: '#000000', key: '', codable: true });
    expect(visibleRows([...tree, orphan], new Set(), '').filter((r) => r.level === 1).map((r) => r.code.id)).toEqual([1, 5, 9]);
  });
});

describe('moving codes', () => {
  it('moves up and down among siblings, not past the ends', () => {
    expect(stepMove(tree, 3, 'up')).toEqual({ parent: 1, index: 0 });
    expect(stepMove(tree, 2, 'up')).toBeNull();
    expect(stepMove(tree, 2, 'down')).toEqual({ parent: 1, index: 1 });
    expect(stepMove(tree, 3, 'down')).toBeNull();
    expect(stepMove(tree, 1, 'down')).toEqual({ parent: 0, index: 1 });
  });

  it('indents under the sibling above, as its last child, and outdents to just after the parent', () => {
    expect(stepMove(tree, 3, 'indent')).toEqual({ parent: 2, index: 0 });
    expect(stepMove(tree, 5, 'indent')).toEqual({ parent: 1, index: 2 });
    expect(stepMove(tree, 2, 'indent')).toBeNull();
    expect(stepMove(tree, 4, 'outdent')).toEqual({ parent: 1, index: 2 });
    expect(stepMove(tree, 2, 'outdent')).toEqual({ parent: 0, index: 1 });
    expect(stepMove(tree, 1, 'outdent')).toBeNull();
  });

  it('drops before, after or inside a row, counting the siblings without the dragged code', () => {
    expect(dropMove(tree, 6, 2, 'before')).toEqual({ parent: 1, index: 0 });
    expect(dropMove(tree, 6, 2, 'after')).toEqual({ parent: 1, index: 1 });
    expect(dropMove(tree, 6, 3, 'inside')).toEqual({ parent: 3, index: 1 });
    expect(dropMove(tree, 2, 3, 'after')).toEqual({ parent: 1, index: 1 });
    expect(dropMove(tree, 5, 1, 'before')).toEqual({ parent: 0, index: 0 });
  });

  it('refuses a drop onto the code itself or its descendants, and one that changes nothing', () => {
    expect(dropMove(tree, 2, 2, 'inside')).toBeNull();
    expect(dropMove(tree, 1, 4, 'inside')).toBeNull();
    expect(dropMove(tree, 1, 2, 'after')).toBeNull();
    expect(dropMove(tree, 2, 3, 'before')).toBeNull();
    expect(dropMove(tree, 3, 1, 'inside')).toBeNull();
  });
});

describe('labels', () => {
  it('names what undo and redo would do', () => {
    expect(undoLabel(history({ canUndo: true, undo: 'delete “Hope”' }))).toBe('Undo delete “Hope”');
    expect(undoLabel(history({ canUndo: false, undo: 'delete “Hope”' }))).toBe('Undo');
    expect(undoLabel(null)).toBe('Undo');
    expect(redoLabel(history({ canRedo: true, redo: 'merge “A” into “B”' }))).toBe('Redo merge “A” into “B”');
  });

  it('finds another code with the same key, whatever its case', () => {
    expect(keyClash(tree, 3, 'E')?.name).toBe('Integration');
    expect(keyClash(tree, 6, 'e')).toBeNull();
    expect(keyClash(tree, 3, '')).toBeNull();
  });

  it('says what a merge does before it is done', () => {
    expect(mergeSummary(tree, tree[1], tree[5])).toBe(
      'All 21 segments of “Positive affect” become “Integration”; duplicates within a coder collapse. “Positive affect” is then deleted.',
    );
    expect(mergeSummary(tree, tree[2], tree[1])).toContain('Quality of life’s 1 sub-code move under “Positive affect”');
  });

  it('says when in words', () => {
    const now = Date.parse('2026-11-21T18:00:00Z');
    expect(relativeTime('2026-11-21T17:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-11-21T17:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-11-21T15:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2026-11-01T15:00:00Z', now)).toMatch(/1 Nov 2026/);
  });
});

describe('CodebookStore', () => {
  it('opens the active framework with its codes and history', async () => {
    const s = new CodebookStore();
    await s.load();
    expect(s.frameworkId).toBe(7);
    expect(m(CB.Codes)).toHaveBeenCalledWith(7);
    expect(m(CB.History)).toHaveBeenCalledWith(7);
    expect(ids(s.rows)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('tracks unsaved changes, keeps them across a re-read, and saves them', async () => {
    const s = new CodebookStore();
    await s.load();
    s.select(3);
    expect(s.dirty).toBe(false);
    s.draft!.name = 'Quality of life (avowed)';
    s.draft!.examples.push('  Things are good  ', '');
    expect(s.dirty).toBe(true);
    await s.reload();
    expect(s.draft!.name).toBe('Quality of life (avowed)');
    expect(s.dirty).toBe(true);
    s.revert();
    expect(s.dirty).toBe(false);

    s.draft!.name = 'Quality of life (avowed)';
    s.draft!.scale = '2.5';
    const saved = { ...tree[2], name: 'Quality of life (avowed)', scale: 2.5 };
    m(CB.UpdateCode).mockResolvedValue(saved);
    m(CB.Codes).mockResolvedValue(tree.map((c) => (c.id === 3 ? saved : c)));
    expect(await s.save()).toBe(true);
    expect(m(CB.UpdateCode)).toHaveBeenCalledWith(3, expect.objectContaining({ parent: 1, name: 'Quality of life (avowed)', key: '2', scale: 2.5, examples: [] }));
    expect(s.dirty).toBe(false);
    expect(s.draft!.name).toBe('Quality of life (avowed)');
  });

  it('will not save a key another code has, or an empty name', async () => {
    const s = new CodebookStore();
    await s.load();
    s.select(3);
    s.draft!.key = 'e';
    expect(s.clash?.name).toBe('Integration');
    expect(s.invalid).toBe('Key e is already used by “Integration”.');
    expect(await s.save()).toBe(false);
    s.draft!.key = '3';
    s.draft!.name = '  ';
    expect(s.invalid).toBe('A code needs a name.');
    s.draft!.name = 'Q';
    s.draft!.scale = 'high';
    expect(s.invalid).toBe('The scale value must be a number.');
    expect(m(CB.UpdateCode)).not.toHaveBeenCalled();
  });

  it('asks before unsaved changes would be lost, and does what the answer says', async () => {
    const s = new CodebookStore();
    await s.load();
    s.select(2);
    s.draft!.definition = 'Cheerful.';
    s.requestSelect(6);
    expect(s.selectedId).toBe(2);
    expect(s.pending?.what).toBe('select “Integration”');
    await s.resolvePending('cancel');
    expect(s.selectedId).toBe(2);
    expect(s.draft!.definition).toBe('Cheerful.');

    s.requestSelect(6);
    await s.resolvePending('discard');
    expect(s.selectedId).toBe(6);
    expect(m(CB.UpdateCode)).not.toHaveBeenCalled();

    s.draft!.definition = 'Belonging, fitting in.';
    m(CB.UpdateCode).mockResolvedValue(tree[5]);
    s.requestSelect(2);
    await s.resolvePending('save');
    expect(m(CB.UpdateCode)).toHaveBeenCalledWith(6, expect.objectContaining({ definition: 'Belonging, fitting in.' }));
    expect(s.selectedId).toBe(2);
  });

  it('moves a code with the keyboard steps and by dropping, then re-reads', async () => {
    const s = new CodebookStore();
    await s.load();
    m(CB.MoveCode).mockResolvedValue(undefined);
    m(CB.Codes).mockClear();
    expect(await s.step(3, 'indent')).toBe(true);
    expect(m(CB.MoveCode)).toHaveBeenLastCalledWith(3, 2, 0);
    expect(m(CB.Codes)).toHaveBeenCalledTimes(1);
    expect(await s.drop(6, 2, 'before')).toBe(true);
    expect(m(CB.MoveCode)).toHaveBeenLastCalledWith(6, 1, 0);
    expect(await s.drop(1, 4, 'inside')).toBe(false);
    expect(m(CB.MoveCode)).toHaveBeenCalledTimes(2);
  });

  it('adds a child of the selected code, or a sibling, and selects it with its name focused', async () => {
    const s = new CodebookStore();
    await s.load();
    s.select(3);
    const made = code({ id: 10, parent: 3, name: 'New code', definition: '', color: '#64748b', key: '', codable: true });
    m(CB.AddCode).mockResolvedValue(made);
    m(CB.Codes).mockResolvedValue([...tree, made]);
    const focus = s.focusName;
    s.add(false);
    await vi.waitFor(() => expect(s.selectedId).toBe(10));
    expect(m(CB.AddCode)).toHaveBeenCalledWith(7, expect.objectContaining({ parent: 3, name: 'New code', codable: true, color: '' }));
    expect(s.focusName).toBe(focus + 1);
    // A sibling of the new code 10 is another child of 3.
    const sibling = { ...made, id: 11 };
    m(CB.AddCode).mockResolvedValue(sibling);
    m(CB.Codes).mockResolvedValue([...tree, made, sibling]);
    s.add(true);
    await vi.waitFor(() => expect(s.selectedId).toBe(11));
    expect(m(CB.AddCode)).toHaveBeenLastCalledWith(7, expect.objectContaining({ parent: 3 }));
    s.select(null);
    s.add(false);
    await vi.waitFor(() => expect(m(CB.AddCode)).toHaveBeenCalledTimes(3));
    expect(m(CB.AddCode)).toHaveBeenLastCalledWith(7, expect.objectContaining({ parent: 0 }));
  });

  it('is busy from the click until the new code is selected, so nothing typed meanwhile lands on the old one', async () => {
    const s = new CodebookStore();
    await s.load();
    s.select(3);
    const made = code({ id: 10, parent: 3, name: 'New code', definition: '', color: '#64748b', key: '', codable: true });
    let answer!: (c: Code) => void;
    m(CB.AddCode).mockImplementation(() => new Promise((res) => (answer = res)));
    m(CB.Codes).mockResolvedValue([...tree, made]);
    // Note which code is selected at the very moment the store stops being busy.
    const busy = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(s), 'busy')!;
    const freedWith: (number | null)[] = [];
    Object.defineProperty(s, 'busy', {
      get: () => busy.get!.call(s),
      set: (v: boolean) => {
        if (!v) freedWith.push(s.selectedId);
        busy.set!.call(s, v);
      },
    });
    s.add(false);
    await vi.waitFor(() => expect(answer).toBeDefined());
    expect(s.busy).toBe(true);
    answer(made);
    await vi.waitFor(() => expect(s.busy).toBe(false));
    expect(freedWith).toEqual([10]);
  });

  it('shows a failure in full and keeps the state', async () => {
    const toasts = new ToastStore();
    const s = new CodebookStore(toasts);
    await s.load();
    m(CB.Import).mockRejectedValue(JSON.stringify({ code: 'import', message: 'keyes.yaml:12:5: “key” must be one character' }));
    expect(await s.importCodebook()).toBe(false);
    expect(toasts.items.map((t) => [t.kind, t.message])).toEqual([['error', 'keyes.yaml:12:5: “key” must be one character']]);
    expect(s.frameworkId).toBe(7);
  });

  it('views another framework, makes it active, and says where an export went', async () => {
    const toasts = new ToastStore();
    const s = new CodebookStore(toasts);
    await s.load();
    await s.selectFramework(8);
    expect(m(CB.Codes)).toHaveBeenLastCalledWith(8);
    m(CB.SetActive).mockResolvedValue(undefined);
    await s.makeActive();
    expect(m(CB.SetActive)).toHaveBeenCalledWith(8);
    m(CB.Export).mockResolvedValueOnce('/home/a/Ours.qdc').mockResolvedValueOnce('');
    await s.exportCodebook('qdc');
    expect(m(CB.Export)).toHaveBeenCalledWith(8, 'qdc');
    expect(notice(toasts)?.message).toBe('Saved to /home/a/Ours.qdc');
    toasts.clear();
    await s.exportCodebook('csv');
    expect(notice(toasts)).toBeNull();
  });

  it('offers Undo after a delete until another change would make it undo something else', async () => {
    const toasts = new ToastStore();
    const s = new CodebookStore(toasts);
    await s.load();
    s.select(4);
    m(CB.DeleteCode).mockResolvedValue('Deleted “Hope” with 3 segments.');
    await s.deleteCode(4);
    expect(m(CB.DeleteCode)).toHaveBeenCalledWith(4);
    expect(s.selectedId).toBeNull();
    expect(notice(toasts)).toMatchObject({ message: 'Deleted “Hope” with 3 segments.', action: { label: 'Undo' } });
    m(CB.MoveCode).mockResolvedValue(undefined);
    await s.step(3, 'up');
    expect(notice(toasts)).toBeNull();
  });

  it('undoes and redoes only what the history offers', async () => {
    m(CB.History).mockResolvedValue(history({ canUndo: true, undo: 'delete “Hope”' }));
    const toasts = new ToastStore();
    const s = new CodebookStore(toasts);
    await s.load();
    expect(s.undoText).toBe('Undo delete “Hope”');
    m(CB.Undo).mockResolvedValue('Undid: deleted “Hope”');
    await s.undo();
    expect(m(CB.Undo)).toHaveBeenCalledWith(7);
    expect(notice(toasts)?.message).toBe('Undid: deleted “Hope”');
    expect(await s.redo()).toBe(false);
    expect(m(CB.Redo)).not.toHaveBeenCalled();
  });
});

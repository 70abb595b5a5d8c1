import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  const fn = () => vi.fn();
  return {
    ...orig,
    api: { memos: fn(), addMemo: fn(), editMemo: fn(), deleteMemo: fn(), revertMemo: fn(), previewMemo: fn() },
  };
});

import { api } from '../api';
import { ToastStore } from '../stores/toasts.svelte';
import { MemosStore, matches, noFilter } from '../stores/memos.svelte';
import MemoPanel from '../components/memos/MemoPanel.svelte';
import MemoEditor from '../components/memos/MemoEditor.svelte';
import MemosScreen from '../screens/MemosScreen.svelte';
import type { Memo } from '../types';
import { aisha, ben, codes } from './fixtures';

const mocked = api as unknown as Record<keyof typeof api, ReturnType<typeof vi.fn>>;

function memo(over: Partial<Memo> = {}): Memo {
  return {
    id: 1, kind: 'segment', target: 7, on: 'segment 7 (Positive affect, “calm now”) in “P001”', document: 5, documentName: 'P001',
    code: 11, codeName: 'Positive affect', start: 10, end: 18, excerpt: 'calm now', author: 1, authorName: 'Aisha', mine: true,
    text: 'Relief, *not* joy?', html: '<p>Relief, <em>not</em> joy?</p>\n', created: '2026-12-07T10:00:00Z', updated: '2026-12-07T10:00:00Z',
    ...over,
  };
}

const seg = memo();
const codeMemo = memo({ id: 2, kind: 'code', target: 11, on: 'code “Positive affect”', document: 0, documentName: '', excerpt: '', text: 'Calm counts.', html: '<p>Calm counts.</p>' });
const docMemo = memo({ id: 3, kind: 'document', target: 5, on: 'document “P001”', code: 0, codeName: '', author: 2, authorName: 'Ben', mine: false, text: 'Noisy café.', html: '<p>Noisy café.</p>' });
const projectMemo = memo({ id: 4, kind: 'project', target: 0, on: 'the project', document: 0, code: 0, text: 'Twenty interviews.', html: '<p>Twenty interviews.</p>' });

beforeEach(() => {
  vi.resetAllMocks();
  mocked.memos.mockResolvedValue([seg, codeMemo, docMemo, projectMemo]);
});

describe('matches', () => {
  it('filters by author, kind, code, document and every word', () => {
    const all = [seg, codeMemo, docMemo, projectMemo];
    const ids = (f: Partial<typeof noFilter>) => all.filter((m) => matches(m, { ...noFilter, ...f })).map((m) => m.id);
    expect(ids({})).toEqual([1, 2, 3, 4]);
    expect(ids({ author: 2 })).toEqual([3]);
    expect(ids({ kind: 'code' })).toEqual([2]);
    expect(ids({ code: 11 })).toEqual([1, 2]);
    expect(ids({ document: 5 })).toEqual([1, 3]);
    expect(ids({ text: 'relief JOY' })).toEqual([1]);
    expect(ids({ text: 'café p001' })).toEqual([3]);
    expect(ids({ text: 'relief café' })).toEqual([]);
  });
});

describe('MemosStore', () => {
  it('opens the editor on the coder’s own memo there, else a new one', async () => {
    const s = new MemosStore(new ToastStore());
    await s.load();
    s.open('segment', 7, 'x');
    expect(s.editing?.memo?.id).toBe(1);
    s.open('document', 5, 'P001'); // Ben's memo is not Aisha's to edit
    expect(s.editing?.memo).toBeNull();
    expect(s.on('project', 0).map((m) => m.id)).toEqual([4]);
    expect(s.ofDocument(5).map((m) => m.id)).toEqual([1, 3]);
  });

  it('writes a new memo and tells the workspace', async () => {
    const told = vi.fn();
    const s = new MemosStore(new ToastStore(), told);
    mocked.memos.mockResolvedValue([]);
    await s.load();
    mocked.addMemo.mockResolvedValue(codeMemo);
    s.open('code', 11, 'code “Positive affect”');
    expect(await s.save('Calm counts.')).toBe(true);
    expect(mocked.addMemo).toHaveBeenCalledWith('code', 11, 'Calm counts.');
    expect(s.all).toEqual([codeMemo]);
    expect(s.editing).toBeNull();
    expect(told).toHaveBeenCalledTimes(1);
  });

  it('undoes an edit through the change it made', async () => {
    const toasts = new ToastStore();
    const s = new MemosStore(toasts);
    await s.load();
    const edited = { ...seg, text: 'Joy.', html: '<p>Joy.</p>' };
    mocked.editMemo.mockResolvedValue({ change: 40, memo: edited });
    s.edit(seg);
    await s.save('Joy.');
    expect(s.all.find((m) => m.id === 1)?.text).toBe('Joy.');
    const notice = toasts.items.at(-1)!;
    expect(notice.message).toBe('Memo saved');
    mocked.revertMemo.mockResolvedValue(seg);
    notice.action!.run();
    await vi.waitFor(() => expect(s.all.find((m) => m.id === 1)?.text).toBe(seg.text));
    expect(mocked.revertMemo).toHaveBeenCalledWith(40);
  });

  it('deletes with Undo, which brings the memo back in its place', async () => {
    const toasts = new ToastStore();
    const told = vi.fn();
    const s = new MemosStore(toasts, told);
    await s.load();
    mocked.deleteMemo.mockResolvedValue({ change: 41, memo: codeMemo });
    await s.remove(codeMemo);
    expect(s.all.map((m) => m.id)).toEqual([1, 3, 4]);
    const notice = toasts.items.at(-1)!;
    expect(notice.message).toBe('Memo deleted');
    expect(notice.action?.label).toBe('Undo');
    mocked.revertMemo.mockResolvedValue(codeMemo);
    notice.action!.run();
    await vi.waitFor(() => expect(s.all.map((m) => m.id)).toEqual([1, 2, 3, 4]));
    expect(told).toHaveBeenCalledTimes(2);
  });

  it('shows a refused save and keeps the editor open', async () => {
    const toasts = new ToastStore();
    const s = new MemosStore(toasts);
    await s.load();
    mocked.addMemo.mockRejectedValue(new Error('a memo needs some text'));
    s.openNew('project', 0, 'the project');
    expect(await s.save(' ')).toBe(false);
    expect(s.editing).not.toBeNull();
    expect(toasts.items.at(-1)?.kind).toBe('error');
  });
});

describe('MemoPanel', () => {
  it('lists the document’s memos and its segments’, and opens a new document memo', async () => {
    const s = new MemosStore(new ToastStore());
    await s.load();
    render(MemoPanel, { props: { memos: s, document: { id: 5, name: 'P001' } } });
    expect(screen.getByText('2')).toBeTruthy();
    expect(screen.getByTestId('memo-body-1').innerHTML).toContain('<em>not</em>');
    expect(screen.getByTestId('memo-body-3').textContent).toContain('Noisy café.');
    // only one's own memos have Edit and Delete
    expect(screen.queryByTestId('memo-edit-1')).toBeTruthy();
    expect(screen.queryByTestId('memo-edit-3')).toBeNull();
    await fireEvent.click(screen.getByTestId('memo-add-document'));
    expect(s.editing).toMatchObject({ kind: 'document', target: 5, memo: null });
  });
});

describe('MemoEditor', () => {
  it('previews the Markdown and saves the text', async () => {
    const s = new MemosStore(new ToastStore());
    await s.load();
    s.open('code', 11, 'code “Positive affect”');
    mocked.previewMemo.mockResolvedValue('<p><strong>bold</strong></p>');
    mocked.editMemo.mockResolvedValue({ change: 9, memo: { ...codeMemo, text: '**bold**' } });
    render(MemoEditor, { props: { memos: s } });
    const box = screen.getByTestId('memo-text') as HTMLTextAreaElement;
    expect(box.value).toBe('Calm counts.');
    await fireEvent.input(box, { target: { value: '**bold**' } });
    await fireEvent.click(screen.getByTestId('memo-preview'));
    await vi.waitFor(() => expect(screen.getByTestId('memo-preview-body').innerHTML).toContain('<strong>bold</strong>'));
    expect(mocked.previewMemo).toHaveBeenCalledWith('**bold**');
    await fireEvent.click(screen.getByTestId('memo-save'));
    expect(mocked.editMemo).toHaveBeenCalledWith(2, '**bold**');
  });
});

describe('MemosScreen', () => {
  it('filters by kind and words, and opens a segment memo in the reader', async () => {
    const s = new MemosStore(new ToastStore());
    await s.load();
    const onOpen = vi.fn();
    render(MemosScreen, { props: { memos: s, coders: [aisha, ben], codes, documents: [], onOpen } });
    expect(screen.getByTestId('memo-count').textContent).toContain('4 memos');
    s.filter.kind = 'segment';
    await vi.waitFor(() => expect(screen.getByTestId('memo-count').textContent).toContain('1 of 4 memos'));
    await fireEvent.click(screen.getByTestId('memo-open-1'));
    expect(onOpen).toHaveBeenCalledWith(5, 10, 18);
    s.filter = { ...noFilter, text: 'twenty' };
    await vi.waitFor(() => expect(screen.queryByTestId('memo-4')).toBeTruthy());
    expect(screen.queryByTestId('memo-1')).toBeNull();
  });
});

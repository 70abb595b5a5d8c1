import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';

vi.mock('../wailsjs/go/app/SearchService', () => ({ Prepare: vi.fn(), Search: vi.fn(), CodeHits: vi.fn() }));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import * as Search from '../wailsjs/go/app/SearchService';
import { EventsOn } from '../wailsjs/runtime/runtime';
import { searchApi } from '../searchApi';
import { SearchStore } from '../stores/search.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import SearchResults from '../components/search/SearchResults.svelte';
import SearchScreen from '../screens/SearchScreen.svelte';
import type { ReaderStore } from '../stores/reader.svelte';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

// Offsets are code points: "🙂 " before the hit is one code point, two UTF-16 units.
const hit = (over: object = {}) => ({
  document: 4, name: 'patient-001', turn: 3, speaker: 'P001', case: 'Patient 001', excluded: false,
  start: 102, end: 113, turnStart: 90, turnEnd: 140, whole: false,
  before: '…I 🙂 kept saying no to ', match: 'getting out', after: ' a bit, because…', ...over,
});

const raw = {
  query: '"getting out"', turns: 3, truncated: false,
  hits: [hit(), hit({ document: 6, name: 'patient-003', turn: 1, start: 10, end: 21, speaker: 'P003' }), hit({ document: 6, name: 'patient-003', turn: 8, start: 400, end: 411, speaker: 'Interviewer', excluded: true })],
  documents: [{ id: 4, name: 'patient-001', turns: 1, hits: 1 }, { id: 6, name: 'patient-003', turns: 2, hits: 2 }],
};

beforeEach(() => vi.clearAllMocks());

describe('searchApi', () => {
  it('normalises nil lists and keeps offsets as code points', async () => {
    m(Search.Search).mockResolvedValue({ query: 'x', turns: 0, hits: null, documents: null, truncated: false });
    expect(await searchApi.search('x', 500)).toEqual({ query: 'x', turns: 0, hits: [], documents: [], truncated: false });
    m(Search.Search).mockResolvedValue(raw);
    const r = await searchApi.search('"getting out"', 500);
    expect(Search.Search).toHaveBeenCalledWith('"getting out"', 500);
    expect(r.hits[0]).toMatchObject({ start: 102, end: 113 });
  });

  it('turns a rejected query into a ThemisError with the message', async () => {
    m(Search.Search).mockRejectedValue(JSON.stringify({ code: 'invalid', message: 'a quote is not closed: add the closing " (at character 1)' }));
    await expect(searchApi.search('"x', 500)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('not closed') });
  });
});

describe('SearchStore', () => {
  it('groups the hits by document in reading order, with counts', async () => {
    m(Search.Search).mockResolvedValue(raw);
    const s = new SearchStore(new ToastStore());
    s.query = '  "getting out"  ';
    await s.run();
    expect(Search.Search).toHaveBeenCalledWith('"getting out"', 500);
    expect(s.ran).toBe('"getting out"');
    expect(s.groups.map((g) => [g.name, g.turns, g.hits.length])).toEqual([['patient-001', 1, 1], ['patient-003', 2, 2]]);
  });

  it('keeps the last results and shows the message when a query cannot be read', async () => {
    m(Search.Search).mockResolvedValueOnce(raw).mockRejectedValueOnce(JSON.stringify({ code: 'invalid', message: 'OR needs something after it (at character 6)' }));
    const s = new SearchStore(new ToastStore());
    await s.run('"getting out"');
    await s.run('walk OR');
    expect(s.error).toBe('OR needs something after it (at character 6)');
    expect(s.results?.turns).toBe(3);
    expect(s.ran).toBe('"getting out"');
  });

  it('a late answer does not overwrite a newer one', async () => {
    let first!: (v: unknown) => void;
    m(Search.Search).mockReturnValueOnce(new Promise((r) => (first = r))).mockResolvedValueOnce({ ...raw, query: 'newer', turns: 1 });
    const s = new SearchStore(new ToastStore());
    const a = s.run('older');
    await s.run('newer');
    first({ ...raw, query: 'older' });
    await a;
    expect(s.results?.query).toBe('newer');
  });

  it('follows the index being built, keeping the furthest progress', async () => {
    let cb!: (p: { done: number; total: number }) => void;
    m(EventsOn).mockImplementation((_n: string, f: typeof cb) => ((cb = f), () => {}));
    let done!: (v: unknown) => void;
    m(Search.Prepare).mockReturnValue(new Promise((r) => (done = r)));
    const s = new SearchStore(new ToastStore());
    const p = s.prepare();
    cb({ done: 3, total: 9 });
    cb({ done: 2, total: 9 });
    expect(s.progress).toEqual({ done: 3, total: 9 });
    done({ documents: 9, turns: 300, fields: ['document'], attributes: ['role'], coders: ['Aisha'], blind: true });
    await p;
    expect(s.progress).toBeNull();
    expect(s.info).toMatchObject({ turns: 300, attributes: ['role'], blind: true });
  });

  it('codes every hit of the query that ran with the chosen code, and says what it did', async () => {
    m(Search.Search).mockResolvedValue(raw);
    m(Search.CodeHits).mockResolvedValue({ coded: 2, already: 0, skipped: 1, documents: [4, 6], done: 'Coded 2 search hits for “"getting out"” as Autonomy', history: { canUndo: true, canRedo: false, undo: 'x', redo: '' } });
    const toasts = new ToastStore();
    const s = new SearchStore(toasts);
    await s.run('"getting out"');
    s.query = 'something typed but not run';
    expect(await s.codeAll()).toEqual([]); // no code chosen
    s.codeId = 11;
    s.whole = true;
    expect(await s.codeAll()).toEqual([4, 6]);
    expect(Search.CodeHits).toHaveBeenCalledWith('"getting out"', 11, true);
    expect(toasts.items.at(-1)?.message).toBe('Coded 2 search hits for “"getting out"” as Autonomy · 1 in turns not coded were left out');
  });
});

describe('SearchResults', () => {
  it('shows keyword-in-context lines grouped by document and opens a hit', async () => {
    m(Search.Search).mockResolvedValue(raw);
    const s = new SearchStore(new ToastStore());
    await s.run('"getting out"');
    const onOpen = vi.fn();
    render(SearchResults, { groups: s.groups, onOpen });
    expect(screen.getByTestId('search-group-patient-003').textContent).toContain('2 turns');
    const marks = document.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['getting out', 'getting out', 'getting out']);
    const hits = screen.getAllByTestId('search-hit');
    expect(hits[0].textContent).toContain('…I 🙂 kept saying no to getting out a bit, because…');
    await fireEvent.click(hits[1]);
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ document: 6, start: 10, end: 21 })));
  });
});

describe('SearchScreen', () => {
  it('puts the typing in the search box when the tab opens', async () => {
    m(Search.Prepare).mockResolvedValue({ documents: 9, turns: 328, fields: [], attributes: [], coders: [], blind: false });
    const reader = { codes: [] } as unknown as ReaderStore;
    render(SearchScreen, { reader, store: new SearchStore(new ToastStore()), current: 1, onOpen: vi.fn() });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('search-input')));
  });
});

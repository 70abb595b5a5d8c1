import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  const fn = () => vi.fn();
  return {
    ...orig,
    api: {
      quotes: fn(), renderQuotes: fn(), exportQuotes: fn(), star: fn(), unstar: fn(), trim: fn(), exemplars: fn(),
      documents: fn(), document: fn(), codes: fn(), segments: fn(), history: fn(), frameworks: fn(), resize: fn(), undo: fn(),
    },
  };
});

import { api } from '../api';
import { ToastStore } from '../stores/toasts.svelte';
import { QuotesStore } from '../stores/quotes.svelte';
import { ReaderStore } from '../stores/reader.svelte';
import { addCut, pieces, selectionCut } from '../trim';
import type { Exemplar, Quote, Quotes, Segment } from '../types';
import { codes, docView } from './fixtures';

const mocked = api as unknown as Record<keyof typeof api, ReturnType<typeof vi.fn>>;

beforeEach(() => {
  vi.resetAllMocks();
  mocked.exemplars.mockResolvedValue([]);
  mocked.frameworks.mockResolvedValue([]);
});

// "I 😀 feel calmer now" begins at code point 40 of its document; the emoji
// is one code point but two UTF-16 units.
const text = 'I 😀 feel much calmer now';
const quote: Quote = {
  segmentId: 7, documentId: 5, document: 'patient-001', speaker: 'P001', case: 'Patient 001', coder: 'Ben', coderId: 2,
  text, start: 40, end: 40 + [...text].length, segmentIds: [7, 9], coders: ['Ben', 'Aisha'], exemplarId: 0, cuts: [], trimmed: text,
};
const quotes = (q: Quote = quote): Quotes => ({ code: codes[1], quotes: [q] });

function exemplar(over: Partial<Exemplar> = {}): Exemplar {
  return {
    id: 3, documentId: 5, document: 'patient-001', codeId: 11, code: 'Positive affect', start: quote.start, end: quote.end,
    cuts: [], text, trimmed: text, starredBy: 'Aisha', starredAt: '2026-12-07T10:00:00Z', speaker: 'P001', case: 'Patient 001',
    ...over,
  };
}

describe('trim.ts', () => {
  it('turns a selection after an emoji into code points of the document', () => {
    const from = text.indexOf('much'); // UTF-16: the emoji counts twice
    expect(from).toBe(10);
    expect(selectionCut(quote, from, from + 'much '.length)).toEqual([49, 54]);
    expect(selectionCut(quote, 3, 3)).toBeNull();
    // half an emoji selected takes the whole character
    expect(selectionCut(quote, 3, 4)).toEqual([42, 43]);
  });

  it('joins overlapping and touching cuts, in order', () => {
    expect(addCut([[50, 52]], [44, 46])).toEqual([[44, 46], [50, 52]]);
    expect(addCut([[44, 46], [50, 52]], [46, 50])).toEqual([[44, 52]]);
    expect(addCut([[44, 48]], [45, 47])).toEqual([[44, 48]]);
  });

  it('splits the text into kept and cut pieces in UTF-16', () => {
    expect(pieces(quote, [[49, 54]])).toEqual([
      { text: 'I 😀 feel ', cut: false },
      { text: 'much ', cut: true },
      { text: 'calmer now', cut: false },
    ]);
    expect(pieces(quote, [])).toEqual([{ text, cut: false }]);
  });
});

describe('QuotesStore stars', () => {
  it('stars the passage through its first segment and offers Undo, which unstars', async () => {
    const toasts = new ToastStore();
    const told = vi.fn();
    const s = new QuotesStore(toasts, told);
    mocked.quotes.mockResolvedValue(quotes());
    await s.selectCode(11);
    mocked.star.mockResolvedValue(exemplar());
    await s.toggleStar(s.result!.quotes[0]);
    expect(mocked.star).toHaveBeenCalledWith(7);
    expect(s.result!.quotes[0].exemplarId).toBe(3);
    expect(told).toHaveBeenCalledTimes(1);
    const notice = toasts.items.at(-1)!;
    expect(notice.message).toBe('Starred as an exemplar for the report');
    mocked.unstar.mockResolvedValue(undefined);
    notice.action!.run();
    await vi.waitFor(() => expect(mocked.unstar).toHaveBeenCalledWith(3));
    await vi.waitFor(() => expect(s.result!.quotes[0].exemplarId).toBe(0));
    expect(told).toHaveBeenCalledTimes(2);
  });

  it('omits a selection, joining it to the cuts, shows the backend’s trimmed text, and Undo restores the cuts before', async () => {
    const toasts = new ToastStore();
    const s = new QuotesStore(toasts);
    mocked.quotes.mockResolvedValue(quotes({ ...quote, exemplarId: 3, cuts: [[44, 45]], trimmed: 'I 😀 … feel much calmer now' }));
    await s.selectCode(11);
    mocked.trim.mockResolvedValue(exemplar({ cuts: [[44, 45], [49, 54]], trimmed: 'I 😀 … … calmer now' }));
    await s.omit(s.result!.quotes[0], [49, 54]);
    expect(mocked.trim).toHaveBeenCalledWith(3, [[44, 45], [49, 54]]);
    expect(s.result!.quotes[0].trimmed).toBe('I 😀 … … calmer now');
    expect(s.result!.quotes[0].cuts).toEqual([[44, 45], [49, 54]]);
    mocked.trim.mockResolvedValue(exemplar({ cuts: [[44, 45]], trimmed: 'I 😀 … feel much calmer now' }));
    toasts.items.at(-1)!.action!.run();
    await vi.waitFor(() => expect(mocked.trim).toHaveBeenLastCalledWith(3, [[44, 45]]));
    await vi.waitFor(() => expect(s.result!.quotes[0].trimmed).toBe('I 😀 … feel much calmer now'));
  });

  it('restores the full passage, and Unstar’s Undo stars and trims it again', async () => {
    const toasts = new ToastStore();
    const s = new QuotesStore(toasts);
    mocked.quotes.mockResolvedValue(quotes({ ...quote, exemplarId: 3, cuts: [[49, 54]], trimmed: 'I 😀 feel … calmer now' }));
    await s.selectCode(11);
    mocked.trim.mockResolvedValue(exemplar());
    await s.restoreAll(s.result!.quotes[0]);
    expect(mocked.trim).toHaveBeenCalledWith(3, []);
    expect(s.result!.quotes[0].trimmed).toBe(text);

    mocked.trim.mockResolvedValue(exemplar({ cuts: [[49, 54]], trimmed: 'I 😀 feel … calmer now' }));
    await s.omit(s.result!.quotes[0], [49, 54]);
    mocked.unstar.mockResolvedValue(undefined);
    await s.toggleStar(s.result!.quotes[0]);
    expect(mocked.unstar).toHaveBeenCalledWith(3);
    expect(s.result!.quotes[0]).toMatchObject({ exemplarId: 0, cuts: [], trimmed: text });
    mocked.star.mockResolvedValue(exemplar({ id: 4 }));
    mocked.trim.mockResolvedValue(exemplar({ id: 4, cuts: [[49, 54]], trimmed: 'I 😀 feel … calmer now' }));
    toasts.items.at(-1)!.action!.run();
    await vi.waitFor(() => expect(mocked.trim).toHaveBeenLastCalledWith(4, [[49, 54]]));
    await vi.waitFor(() => expect(s.result!.quotes[0]).toMatchObject({ exemplarId: 4, trimmed: 'I 😀 feel … calmer now' }));
  });

  it('shows a refused trim as a toast and keeps the quote as it was', async () => {
    const toasts = new ToastStore();
    const s = new QuotesStore(toasts);
    mocked.quotes.mockResolvedValue(quotes({ ...quote, exemplarId: 3 }));
    await s.selectCode(11);
    mocked.trim.mockRejectedValue('{"kind":"invalid","code":"invalid","message":"invalid: the cuts leave nothing of the passage; unstar it instead"}');
    await s.omit(s.result!.quotes[0], [40, 63]);
    expect(toasts.items.at(-1)).toMatchObject({ kind: 'error', message: expect.stringContaining('leave nothing') });
    expect(s.result!.quotes[0].cuts).toEqual([]);
  });
});

describe('ReaderStore stars', () => {
  it('marks the open document’s starred passages by code and UTF-16 span, and stars with Undo', async () => {
    const doc = docView();
    const toasts = new ToastStore();
    const told = vi.fn();
    const r = new ReaderStore(toasts, told);
    mocked.document.mockResolvedValue(doc);
    mocked.history.mockResolvedValue({ canUndo: false, canRedo: false, undo: '', redo: '' });
    // "Calmer now" follows an emoji: 1 code point before it is 2 UTF-16 units
    const at = doc.text.indexOf('Calmer now');
    const seg: Segment = { id: 1, document: 5, code: 11, coder: 1, start: at, end: at + 10 };
    mocked.segments.mockResolvedValue([seg]);
    const cp = doc.index.toCodePoint(at);
    expect(cp).toBe(at - 1);
    mocked.exemplars.mockResolvedValue([
      exemplar({ id: 3, codeId: 11, start: cp, end: cp + 10 }),
      exemplar({ id: 8, documentId: 6, codeId: 11, start: cp, end: cp + 10 }), // another document
    ]);
    await r.open(5);
    await vi.waitFor(() => expect(r.starOf(seg)).toBe(3));
    expect(r.stars.size).toBe(1);

    mocked.unstar.mockResolvedValue(undefined);
    await r.toggleStar(seg);
    expect(mocked.unstar).toHaveBeenCalledWith(3);
    expect(r.starOf(seg)).toBe(0);
    expect(told).toHaveBeenCalledTimes(1);
    mocked.star.mockResolvedValue(exemplar({ id: 9 }));
    toasts.items.at(-1)!.action!.run();
    await vi.waitFor(() => expect(r.starOf(seg)).toBe(9));
    expect(mocked.star).toHaveBeenCalledWith(1);
    expect(toasts.items.at(-1)!.message).toBe('Starred as an exemplar for the report');
  });

  it('follows a star that a resize moves, and one its undo moves back, and tells the other views', async () => {
    const doc = docView();
    const told = vi.fn();
    const r = new ReaderStore(new ToastStore(), told);
    mocked.document.mockResolvedValue(doc);
    mocked.history.mockResolvedValue({ canUndo: true, canRedo: false, undo: '', redo: '' });
    const at = doc.text.indexOf('Calmer now');
    const cp = doc.index.toCodePoint(at);
    const seg: Segment = { id: 1, document: 5, code: 11, coder: 1, start: at, end: at + 10 };
    const moved: Segment = { ...seg, id: 2, end: at + 6 };
    mocked.segments.mockResolvedValue([seg]);
    mocked.exemplars.mockResolvedValue([exemplar({ id: 3, codeId: 11, start: cp, end: cp + 10 })]);
    await r.open(5);
    await vi.waitFor(() => expect(r.starOf(seg)).toBe(3));

    // the backend moved the star with the segment
    mocked.exemplars.mockResolvedValue([exemplar({ id: 3, codeId: 11, start: cp, end: cp + 6 })]);
    mocked.resize.mockResolvedValue(moved);
    await r.resize(1, { start: at, end: at + 6 });
    expect(r.starOf(moved)).toBe(3);
    expect(told).toHaveBeenCalledTimes(1);

    // undoing the resize puts it back
    mocked.segments.mockResolvedValue([seg]);
    mocked.exemplars.mockResolvedValue([exemplar({ id: 3, codeId: 11, start: cp, end: cp + 10 })]);
    mocked.undo.mockResolvedValue({ document: 5, done: 'Undid resizing', history: { canUndo: false, canRedo: true, undo: '', redo: '' } });
    await r.undo();
    expect(r.starOf(seg)).toBe(3);
    expect(told).toHaveBeenCalledTimes(2);
  });
});

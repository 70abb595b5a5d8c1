import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  const fn = () => vi.fn();
  return {
    ...orig,
    api: {
      start: fn(), create: fn(), chooseFolder: fn(), open: fn(), chooseAndOpen: fn(), openDemo: fn(), close: fn(),
      info: fn(), selectCoder: fn(), addCoder: fn(), setBlindMode: fn(), documents: fn(), document: fn(),
      codes: fn(), segments: fn(), apply: fn(), remove: fn(),
      undo: fn(), redo: fn(), history: fn(), codeInVivo: fn(), frameworks: fn(), setActiveFramework: fn(), builtinFrameworks: fn(),
      agreement: fn(), agreementMethods: fn(), exportAgreement: fn(), units: fn(), quotes: fn(), renderQuotes: fn(), exportQuotes: fn(),
      star: fn(), unstar: fn(), trim: fn(), exemplars: fn(),
    },
  };
});

import { api, ThemisError } from '../api';
import { NOTICE_MS, ToastStore } from '../stores/toasts.svelte';
import { ProjectStore, windowTitle } from '../stores/project.svelte';
import { ReaderStore } from '../stores/reader.svelte';
import { AgreementStore } from '../stores/agreement.svelte';
import { QuotesStore } from '../stores/quotes.svelte';
import type { Code, DocumentBreakdown, History } from '../types';
import { aisha, ben, code, codes, docView, info, noCI } from './fixtures';

const mocked = api as unknown as Record<keyof typeof api, ReturnType<typeof vi.fn>>;

beforeEach(() => {
  vi.resetAllMocks();
  mocked.frameworks.mockResolvedValue([]);
  mocked.builtinFrameworks.mockResolvedValue([]);
  mocked.exemplars.mockResolvedValue([]);
});

describe('ToastStore', () => {
  it('shows the message of a backend error and dismisses it', () => {
    const t = new ToastStore();
    const id = t.error('{"kind":"locked","code":"locked","message":"Study.themis is open elsewhere"}');
    expect(t.items).toEqual([
      { id, kind: 'error', code: 'locked', errorKind: 'locked', message: 'Study.themis is open elsewhere' },
    ]);
    t.error(new Error('Study.themis is open elsewhere')); // same message: not repeated
    expect(t.items).toHaveLength(1);
    t.dismiss(id);
    expect(t.items).toEqual([]);
  });

  describe('notices', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('go by themselves, one at a time, and leave errors alone', () => {
      const t = new ToastStore();
      t.error('disk full');
      t.info('Undid coding “poster” as Positive affect');
      vi.advanceTimersByTime(NOTICE_MS - 1000);
      const id = t.info('Redid coding “poster” as Positive affect');
      expect(t.items.map((x) => [x.kind, x.message])).toEqual([
        ['error', 'disk full'],
        ['info', 'Redid coding “poster” as Positive affect'],
      ]);
      vi.advanceTimersByTime(NOTICE_MS - 1);
      expect(t.items.some((x) => x.id === id)).toBe(true);
      vi.advanceTimersByTime(1);
      expect(t.items.map((x) => x.message)).toEqual(['disk full']);
      t.error('disk full'); // still the last message: not repeated
      expect(t.items).toHaveLength(1);
    });

    it('may offer an action, for as long as they stay', () => {
      const t = new ToastStore();
      const run = vi.fn();
      t.info('Deleted “Hope”', 10000, { label: 'Undo', run });
      expect(t.items[0]).toMatchObject({ kind: 'info', message: 'Deleted “Hope”', action: { label: 'Undo' } });
      t.items[0].action!.run();
      expect(run).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(9999);
      expect(t.items).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(t.items).toHaveLength(0);
      t.info('Saved');
      expect(t.items[0].action).toBeUndefined();
    });
  });
});

describe('ProjectStore', () => {
  it('loads the start state', async () => {
    mocked.start.mockResolvedValue({ project: null, recent: [{ path: '/a.themis', name: 'a', openedAt: '', exists: false }], defaultFolder: '/home/me/Themis', error: 'bad file' });
    const p = new ProjectStore(new ToastStore());
    await p.load();
    expect(p.loaded).toBe(true);
    expect(p.info).toBeNull();
    expect(p.recent[0].exists).toBe(false);
    expect(p.targetFolder).toBe('/home/me/Themis');
    expect(p.startError).toBe('bad file');
    expect(p.title).toBe('Themis');
  });

  it('creates a project in the chosen folder and names the window like the backend', async () => {
    const p = new ProjectStore(new ToastStore());
    mocked.chooseFolder.mockResolvedValue('/data/projects');
    await p.chooseFolder();
    mocked.create.mockResolvedValue(info());
    expect(await p.create(' Study ', ' Aisha ', 'outcomes-star')).toBe(true);
    expect(mocked.create).toHaveBeenCalledWith('Study', '/data/projects', 'Aisha', 'outcomes-star');
    expect(p.title).toBe('Study — coding as Aisha — Themis');
    expect(p.isLead).toBe(true);
  });

  it('offers the built-in frameworks with Keyes chosen, or the first when Keyes is not among them', async () => {
    const keyes = { id: 'keyes', name: 'Keyes: flourishing', description: 'Flourishing.', codes: 13 };
    const star = { id: 'outcomes-star', name: 'Outcomes star', description: 'Areas.', codes: 13 };
    const p = new ProjectStore(new ToastStore());
    mocked.builtinFrameworks.mockResolvedValue([star, keyes]);
    await p.loadBuiltins();
    expect(p.builtins).toEqual([star, keyes]);
    expect(p.framework).toBe('keyes');

    const q = new ProjectStore(new ToastStore());
    mocked.builtinFrameworks.mockResolvedValue([star]);
    await q.loadBuiltins();
    expect(q.framework).toBe('outcomes-star');
  });

  it('offers only the empty codebook when the built-ins cannot be read', async () => {
    const toasts = new ToastStore();
    const p = new ProjectStore(toasts);
    mocked.builtinFrameworks.mockRejectedValue(new ThemisError('error', 'frameworks: broken'));
    await p.loadBuiltins();
    expect(p.builtins).toEqual([]);
    expect(p.framework).toBe('');
    expect(toasts.items[0].message).toBe('frameworks: broken');
  });

  it('shows errors as toasts and keeps the state', async () => {
    const toasts = new ToastStore();
    const p = new ProjectStore(toasts);
    mocked.openDemo.mockRejectedValue(new ThemisError('locked', 'the demo is open in another window'));
    expect(await p.openDemo()).toBe(false);
    expect(p.info).toBeNull();
    expect(toasts.items[0].message).toBe('the demo is open in another window');
  });

  it('asks who is coding, switches and cancels', async () => {
    const p = new ProjectStore(new ToastStore());
    mocked.open.mockResolvedValue(info({ current: null }));
    await p.open('/projects/Study.themis');
    expect(p.current).toBeNull();
    expect(p.title).toBe('Study — Themis');
    mocked.selectCoder.mockResolvedValue(info({ current: ben }));
    await p.selectCoder(2);
    expect(p.current).toEqual(ben);
    expect(p.isLead).toBe(false);
    p.switchCoder();
    expect(p.current).toBeNull();
    expect(p.canCancelSwitch).toBe(true);
    p.cancelSwitch();
    expect(p.current).toEqual(ben);
    mocked.addCoder.mockResolvedValue(info({ coders: [aisha, ben, { id: 3, name: 'Chen', consensus: false }], current: { id: 3, name: 'Chen', consensus: false } }));
    p.switchCoder();
    await p.addCoder('Chen ');
    expect(mocked.addCoder).toHaveBeenCalledWith('Chen');
    expect(p.current?.name).toBe('Chen');
  });

  it('closes back to the start screen', async () => {
    const p = new ProjectStore(new ToastStore());
    mocked.open.mockResolvedValue(info());
    await p.open('/x');
    mocked.close.mockResolvedValue(undefined);
    mocked.start.mockResolvedValue({ project: null, recent: [], defaultFolder: '/d', error: '' });
    await p.close();
    expect(p.info).toBeNull();
    expect(p.title).toBe('Themis');
  });

  it('windowTitle matches the backend', () => {
    expect(windowTitle(null)).toBe('Themis');
    expect(windowTitle(info({ current: null }))).toBe('Study — Themis');
    expect(windowTitle(info())).toBe('Study — coding as Aisha — Themis');
  });
});

describe('ReaderStore', () => {
  const none: History = { canUndo: false, canRedo: false, undo: '', redo: '' };
  const canUndo: History = { canUndo: true, canRedo: false, undo: 'coding “Calmer” as Positive affect', redo: '' };
  const canRedo: History = { canUndo: false, canRedo: true, undo: '', redo: 'coding “Calmer” as Positive affect' };
  async function loaded(toasts = new ToastStore()) {
    const doc = docView();
    mocked.documents.mockResolvedValue([{ id: 5, name: 'patient-001', turns: 2, words: 16, chars: doc.chars, case: 'Patient 001' }]);
    mocked.codes.mockResolvedValue(codes);
    mocked.document.mockResolvedValue(doc);
    mocked.segments.mockResolvedValue([{ id: 1, document: 5, code: 11, coder: 2, start: 36, end: 42 }]);
    mocked.history.mockResolvedValue(none);
    const r = new ReaderStore(toasts);
    await r.load();
    return { r, doc };
  }

  it('loads documents and codes and opens the first document', async () => {
    const { r, doc } = await loaded();
    expect(r.currentId).toBe(5);
    expect(r.doc).toBe(doc);
    expect(r.segments).toHaveLength(1);
    expect(r.codeByKey.get('e')?.name).toBe('Social integration');
    expect(r.codeByKey.has('')).toBe(false);
  });

  it('applies a code to the selection and keeps segments sorted', async () => {
    const { r, doc } = await loaded();
    const start = doc.text.indexOf('Calmer');
    r.setSelection({ start, end: start + 6 });
    expect(r.selectedChars).toBe(6);
    mocked.apply.mockResolvedValue({ id: 7, document: 5, code: 12, coder: 1, start, end: start + 6 });
    const seg = await r.apply(12);
    expect(mocked.apply).toHaveBeenCalledWith(doc, 12, start, start + 6);
    expect(seg?.id).toBe(7);
    expect(r.segments.map((s) => s.id)).toEqual([1, 7]);
    expect(r.selection).toBeNull();
  });

  it('does not list a segment twice when the backend returns an existing one', async () => {
    const { r } = await loaded();
    r.setSelection({ start: 36, end: 42 });
    mocked.apply.mockResolvedValue({ id: 1, document: 5, code: 11, coder: 2, start: 36, end: 42 });
    await r.apply(11);
    expect(r.segments.map((s) => s.id)).toEqual([1]);
  });

  it('reads the segments again when the coder codes while they are being read', async () => {
    const { r, doc } = await loaded();
    // Opening the document again (a tab switch does) starts a slow read of its segments.
    let answer!: (v: unknown) => void;
    mocked.segments.mockImplementationOnce(() => new Promise((res) => (answer = res)));
    const opening = r.open(5);
    await vi.waitFor(() => expect(answer).toBeDefined());
    const start = doc.text.indexOf('Calmer');
    r.setSelection({ start, end: start + 6 });
    mocked.apply.mockResolvedValue({ id: 7, document: 5, code: 12, coder: 1, start, end: start + 6 });
    await r.apply(12);
    // The read began before the coding: its answer lacks it, so it is not used.
    mocked.segments.mockResolvedValue([
      { id: 1, document: 5, code: 11, coder: 2, start: 36, end: 42 },
      { id: 7, document: 5, code: 12, coder: 1, start, end: start + 6 },
    ]);
    answer([{ id: 1, document: 5, code: 11, coder: 2, start: 36, end: 42 }]);
    await opening;
    expect(r.segments.map((s) => s.id)).toEqual([1, 7]);
  });

  it('counts the selection in code points', async () => {
    const { r, doc } = await loaded();
    const start = doc.text.indexOf('now');
    const end = doc.text.indexOf('—');
    r.setSelection({ start, end }); // "now 👩🏽‍⚕️ " : 4 + 5 code points + 1 space
    expect(r.selectedChars).toBe(10);
  });

  it('applies by key only with a selection, and never a factor', async () => {
    const { r } = await loaded();
    expect(r.applyKey('1')).toBe(false);
    r.setSelection({ start: 36, end: 40 });
    mocked.apply.mockResolvedValue({ id: 8, document: 5, code: 21, coder: 1, start: 36, end: 40 });
    expect(r.applyKey('E')).toBe(true);
    expect(r.applyKey('x')).toBe(false);
    await vi.waitFor(() => expect(r.segments).toHaveLength(2));
    expect(await r.apply(10)).toBeNull(); // a factor header is not codable
  });

  it('removes a segment', async () => {
    const { r } = await loaded();
    mocked.remove.mockResolvedValue(undefined);
    await r.remove(1);
    expect(r.segments).toEqual([]);
  });

  it('reports a failed apply as a toast and keeps the selection', async () => {
    const toasts = new ToastStore();
    const { r } = await loaded(toasts);
    r.setSelection({ start: 36, end: 40 });
    mocked.apply.mockRejectedValue(new ThemisError('no_coder', 'choose who is coding first'));
    expect(await r.apply(11)).toBeNull();
    expect(r.selection).toEqual({ start: 36, end: 40 });
    expect(toasts.items[0].message).toBe('choose who is coding first');
  });

  it('reads the history when a document opens, and after apply and remove', async () => {
    const { r } = await loaded();
    expect(mocked.history).toHaveBeenCalledTimes(1);
    expect(r.history).toEqual(none);
    r.setSelection({ start: 36, end: 42 });
    mocked.apply.mockResolvedValue({ id: 7, document: 5, code: 12, coder: 1, start: 36, end: 42 });
    mocked.history.mockResolvedValue(canUndo);
    await r.apply(12);
    await vi.waitFor(() => expect(r.history).toEqual(canUndo));
    mocked.remove.mockResolvedValue(undefined);
    await r.remove(7);
    await vi.waitFor(() => expect(mocked.history).toHaveBeenCalledTimes(3));
  });

  it('reads the history of a project without documents', async () => {
    mocked.documents.mockResolvedValue([]);
    mocked.codes.mockResolvedValue(codes);
    mocked.history.mockResolvedValue(canUndo);
    const r = new ReaderStore(new ToastStore());
    await r.load();
    expect(r.history).toEqual(canUndo);
  });

  it('undoes in the open document: reloads its segments, updates the history and says what it did', async () => {
    const toasts = new ToastStore();
    const { r, doc } = await loaded(toasts);
    expect(mocked.segments).toHaveBeenCalledTimes(1);
    mocked.undo.mockResolvedValue({ document: 5, done: 'Undid coding “Calmer” as Positive affect', history: canRedo });
    mocked.segments.mockResolvedValue([]);
    await r.undo();
    expect(mocked.segments).toHaveBeenCalledTimes(2);
    expect(mocked.segments).toHaveBeenLastCalledWith(doc);
    expect(r.segments).toEqual([]);
    expect(r.history).toEqual(canRedo);
    expect(toasts.items).toMatchObject([{ kind: 'info', message: 'Undid coding “Calmer” as Positive affect' }]);

    mocked.redo.mockResolvedValue({ document: 5, done: 'Redid coding “Calmer” as Positive affect', history: canUndo });
    mocked.segments.mockResolvedValue([{ id: 9, document: 5, code: 11, coder: 1, start: 30, end: 36 }]);
    await r.redo();
    expect(r.segments.map((s) => s.id)).toEqual([9]);
    expect(r.history).toEqual(canUndo);
    expect(toasts.items).toMatchObject([{ kind: 'info', message: 'Redid coding “Calmer” as Positive affect' }]);
  });

  it('undoes in another document without reloading the open one', async () => {
    const toasts = new ToastStore();
    const { r } = await loaded(toasts);
    const before = r.segments;
    mocked.undo.mockResolvedValue({ document: 6, done: 'Undid coding “poster” as Positive affect', history: canRedo });
    await r.undo();
    expect(mocked.segments).toHaveBeenCalledTimes(1);
    expect(r.segments).toBe(before);
    expect(r.history).toEqual(canRedo);
    expect(toasts.items[0].message).toBe('Undid coding “poster” as Positive affect');
  });

  it('says nothing when there was nothing to undo', async () => {
    const toasts = new ToastStore();
    const { r } = await loaded(toasts);
    mocked.undo.mockResolvedValue({ document: 0, done: '', history: none });
    await r.undo();
    expect(mocked.segments).toHaveBeenCalledTimes(1);
    expect(toasts.items).toEqual([]);
  });

  it('runs undo and redo one after another and keeps the newest history', async () => {
    const { r } = await loaded();
    let slowHistory: (h: History) => void = () => {};
    mocked.history.mockReturnValueOnce(new Promise((res) => (slowHistory = res)));
    r.setSelection({ start: 36, end: 42 });
    mocked.apply.mockResolvedValue({ id: 7, document: 5, code: 12, coder: 1, start: 36, end: 42 });
    await r.apply(12); // its history answer is late

    let first: (v: unknown) => void = () => {};
    mocked.undo.mockReturnValueOnce(new Promise((res) => (first = res)));
    mocked.undo.mockResolvedValueOnce({ document: 6, done: 'Undid coding “poster” as Positive affect', history: none });
    const a = r.undo();
    const b = r.undo();
    await vi.waitFor(() => expect(mocked.undo).toHaveBeenCalledTimes(1));
    await new Promise((res) => setTimeout(res, 0));
    expect(mocked.undo).toHaveBeenCalledTimes(1); // the second waits for the first
    first({ document: 6, done: 'Undid coding “Calmer” as Avowed quality of life', history: canUndo });
    await Promise.all([a, b]);
    expect(mocked.undo).toHaveBeenCalledTimes(2);
    expect(r.history).toEqual(none);
    slowHistory(canUndo); // stale by now
    await new Promise((res) => setTimeout(res, 0));
    expect(r.history).toEqual(none);
  });

  it('reports a failed undo as a toast', async () => {
    const toasts = new ToastStore();
    const { r } = await loaded(toasts);
    mocked.undo.mockRejectedValue(new ThemisError('not_found', 'segment 7 not found'));
    await r.undo();
    expect(toasts.items).toMatchObject([{ kind: 'error', code: 'not_found', message: 'segment 7 not found' }]);
  });

  describe('in-vivo coding', () => {
    const made = (over: Partial<Code> = {}) =>
      code({ id: 30, parent: 10, name: 'garden on Tuesdays', definition: '', color: '#0ea5e9', key: '', codable: true, ...over });

    it('prefills the name with the selected words and puts the code beside the one used last', async () => {
      const { r, doc } = await loaded();
      r.setSelection({ start: doc.text.indexOf('you?'), end: doc.text.indexOf('Calmer') + 6 });
      expect(r.startInVivo()).toBe(true);
      expect(r.inVivo).toMatchObject({ name: 'you? 😀 Calmer', parent: 0, error: '' });
      expect(r.inVivo?.text).toBe('you? 😀\n\nP001: Calmer');

      const start = doc.text.indexOf('garden');
      r.setSelection({ start, end: start + 6 });
      mocked.apply.mockResolvedValue({ id: 7, document: 5, code: 21, coder: 1, start, end: start + 6 });
      await r.apply(21); // Social integration, under Social well-being (20)
      r.setSelection({ start, end: start + 6 });
      r.startInVivo();
      expect(r.inVivo).toMatchObject({ name: 'garden', parent: 20 });
    });

    it('does not open without a selection', async () => {
      const { r } = await loaded();
      expect(r.startInVivo()).toBe(false);
      expect(r.inVivo).toBeNull();
    });

    it('creates the code, codes the kept span with it and shows both at once', async () => {
      const toasts = new ToastStore();
      const { r, doc } = await loaded(toasts);
      const start = doc.text.indexOf('garden');
      const end = doc.text.indexOf('Tuesdays') + 8;
      r.setSelection({ start, end });
      r.startInVivo();
      r.setSelection(null); // focus went to the name field and took the DOM selection with it
      const seg = { id: 12, document: 5, code: 30, coder: 1, start, end };
      mocked.codeInVivo.mockResolvedValue({ code: made(), segment: seg });
      mocked.codes.mockResolvedValue([...codes, made({ counts: [{ coder: 1, name: 'Aisha', count: 1 }] })]);
      expect(mocked.codes).toHaveBeenCalledTimes(1);

      const out = await r.codeInVivo(' garden on Tuesdays ', 10);
      expect(mocked.codeInVivo).toHaveBeenCalledWith(doc, start, end, 'garden on Tuesdays', 10);
      expect(out?.segment).toEqual(seg);
      expect(r.segments.map((s) => s.id)).toEqual([1, 12]);
      expect(mocked.codes).toHaveBeenCalledTimes(2); // reloaded, for the counts
      expect(r.codeById.get(30)?.counts).toEqual([{ coder: 1, name: 'Aisha', count: 1 }]);
      expect(r.inVivo).toBeNull();
      expect(r.lastCodeId).toBe(30);
      expect(r.defaultParent).toBe(10);
      expect(toasts.items).toMatchObject([{ kind: 'info', message: 'Created “garden on Tuesdays” and coded the selection' }]);
    });

    it('keeps the form open with the backend’s message when creating fails', async () => {
      const toasts = new ToastStore();
      const { r, doc } = await loaded(toasts);
      const start = doc.text.indexOf('garden');
      r.setSelection({ start, end: start + 6 });
      r.startInVivo();
      mocked.codeInVivo.mockRejectedValue(new ThemisError('invalid', 'a code called “Positive affect” already exists here'));
      expect(await r.codeInVivo('Positive affect', 10)).toBeNull();
      expect(r.inVivo).toMatchObject({ error: 'a code called “Positive affect” already exists here', busy: false });
      expect(r.segments.map((s) => s.id)).toEqual([1]);
      expect(r.codes).toEqual(codes);
      expect(toasts.items).toEqual([]);
    });

    it('asks for a name rather than sending an empty one', async () => {
      const { r } = await loaded();
      r.setSelection({ start: 36, end: 40 });
      r.startInVivo();
      expect(await r.codeInVivo('   ', 0)).toBeNull();
      expect(mocked.codeInVivo).not.toHaveBeenCalled();
      expect(r.inVivo?.error).toBe('Give the new code a name.');
    });

    it('closes the form when another document opens', async () => {
      const { r } = await loaded();
      r.setSelection({ start: 36, end: 40 });
      r.startInVivo();
      await r.open(5);
      expect(r.inVivo).toBeNull();
    });
  });

  it('re-reads the counts after coding', async () => {
    const { r } = await loaded();
    r.setSelection({ start: 36, end: 42 });
    mocked.apply.mockResolvedValue({ id: 7, document: 5, code: 12, coder: 1, start: 36, end: 42 });
    const counted = codes.map((c) => (c.id === 12 ? { ...c, counts: [{ coder: 1, name: 'Aisha', count: 1 }] } : c));
    mocked.codes.mockResolvedValue(counted);
    await r.apply(12);
    await vi.waitFor(() => expect(r.codeById.get(12)?.counts).toEqual([{ coder: 1, name: 'Aisha', count: 1 }]));
  });

  it('switches the active framework and shows its codes', async () => {
    const fw = (id: number, active: boolean) => ({ id, name: `F${id}`, description: '', active, codes: 1, revision: 1, version: 'revision 1', tag: '' });
    mocked.frameworks.mockResolvedValue([fw(1, true), fw(2, false)]);
    const { r } = await loaded();
    await vi.waitFor(() => expect(r.activeFramework?.id).toBe(1));
    const other = [code({ id: 40, parent: 0, name: 'Hope', definition: '', color: '#111111', key: '1', codable: true, framework: 2 })];
    mocked.setActiveFramework.mockResolvedValue(undefined);
    mocked.frameworks.mockResolvedValue([fw(1, false), fw(2, true)]);
    mocked.codes.mockResolvedValue(other);
    expect(await r.setActiveFramework(2)).toBe(true);
    expect(mocked.setActiveFramework).toHaveBeenCalledWith(2);
    expect(r.activeFramework?.id).toBe(2);
    expect(r.codes).toEqual(other);
    expect(r.codeByKey.get('1')?.name).toBe('Hope');
  });
});

describe('AgreementStore', () => {
  const docs = [
    { id: 5, name: 'a', turns: 1, words: 10, chars: 50, case: '' },
    { id: 6, name: 'b', turns: 1, words: 10, chars: 50, case: '' },
  ];
  const result = {
    coderA: aisha, coderB: ben, documents: [5, 6], unit: 'character', minShare: 0, resamples: 0, seed: 0, resampling: '', formula: 'cohen-kappa/v1', codebook: 'Keyes: flourishing, revision 0', perCode: [], perFactor: [],
    overall: { label: 'All codes', code: 0, factor: 0, document: 0, both: 1, onlyA: 0, onlyB: 0, neither: 1, units: 2, agreement: 1, kappa: 1,
      scottPi: 1, krippendorffAlpha: null, gwetAC1: 1, brennanPrediger: 1, ci: noCI, status: 'defined', note: '' },
    byDocument: [] as DocumentBreakdown[],
  };

  beforeEach(() => mocked.agreementMethods.mockResolvedValue('We compared two coders.'));

  it('defaults to the first two coders and every document', async () => {
    const a = new AgreementStore();
    a.setup([aisha, ben], docs);
    expect([a.coderA, a.coderB]).toEqual([1, 2]);
    expect(a.chosen).toEqual([5, 6]);
    mocked.agreement.mockResolvedValue(result);
    await a.compute();
    expect(mocked.agreement).toHaveBeenCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    expect(a.result).toBe(result);
  });

  it('recomputes when the choice changes and never asks for nothing', async () => {
    const a = new AgreementStore();
    a.setup([aisha, ben], docs);
    mocked.agreement.mockResolvedValue(result);
    await a.toggleDocument(5, false);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await a.chooseNone();
    expect(a.blocker).toBe('Choose at least one document.');
    expect(a.result).toBeNull();
    expect(mocked.agreement).toHaveBeenCalledTimes(1);
    await a.chooseAll();
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await a.setCoderB(1);
    expect(a.blocker).toBe('Choose two different coders.');
  });

  it('shows κ by default and switches coefficient without recomputing', async () => {
    const a = new AgreementStore();
    a.setup([aisha, ben], docs);
    expect(a.statistic).toBe('kappa');
    mocked.agreement.mockResolvedValue(result);
    await a.compute();
    expect(mocked.agreement).toHaveBeenCalledTimes(1);
    a.setStatistic('gwetAC1');
    expect(a.statistic).toBe('gwetAC1');
    a.setStatistic('krippendorffAlpha');
    expect(a.statistic).toBe('krippendorffAlpha');
    expect(a.result).toBe(result);
    expect(a.loading).toBe(false);
    expect(mocked.agreement).toHaveBeenCalledTimes(1);
    // a recompute keeps the choice
    await a.setUnit('turn');
    expect(a.statistic).toBe('krippendorffAlpha');
  });

  it('switches rows between codes and documents, and the code, without recomputing', async () => {
    const pooled = { code: 0, rows: [{ ...result.overall, label: 'a', document: 5 }] };
    const one = { code: 11, rows: [{ ...result.overall, label: 'a', code: 11, document: 5, kappa: 0.5 }] };
    const a = new AgreementStore();
    a.setup([aisha, ben], docs);
    expect([a.rows, a.documentCode, a.lowestFirst]).toEqual(['code', 0, false]);
    expect(a.documentBreakdown).toBeNull();
    mocked.agreement.mockResolvedValue({ ...result, byDocument: [pooled, one] });
    await a.compute();
    a.setRows('document');
    expect(a.rows).toBe('document');
    expect(a.documentBreakdown).toBe(pooled);
    a.setDocumentCode(11);
    expect(a.documentCode).toBe(11);
    expect(a.documentBreakdown).toBe(one);
    a.setLowestFirst(true);
    expect(a.lowestFirst).toBe(true);
    // a code the result has no breakdown for falls back to every code pooled
    a.setDocumentCode(99);
    expect(a.documentBreakdown).toBe(pooled);
    a.setRows('code');
    expect(a.rows).toBe('code');
    expect(mocked.agreement).toHaveBeenCalledTimes(1);
    expect(a.loading).toBe(false);
    // a recompute keeps the choice
    a.setRows('document');
    a.setDocumentCode(11);
    await a.setUnit('turn');
    expect([a.rows, a.documentCode]).toEqual(['document', 11]);
  });

  it('recomputes with the chosen unit and share, sending the share only where it applies', async () => {
    const a = new AgreementStore();
    a.setup([aisha, ben], docs);
    expect([a.unit, a.minShare]).toEqual(['character', 0]);
    mocked.agreement.mockResolvedValue(result);
    await a.setMinShare(0.5);
    // ignored for characters: sent as 0, but kept for when a turn-like unit is chosen
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    expect(a.usesShare).toBe(false);
    await a.setUnit('turn');
    expect(a.usesShare).toBe(true);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'turn', minShare: 0.5, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await a.setMinShare(1);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'turn', minShare: 1, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await a.setUnit('sentence');
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'sentence', minShare: 1, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await a.setUnit('document');
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'document', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await a.toggleDocument(6, false);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5], codes: [], unit: 'document', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    expect(mocked.agreement).toHaveBeenCalledTimes(6);
  });

  it('loads the units once, and again only after a failure', async () => {
    const units = [
      { name: 'character', label: 'Character', help: 'Every character is a unit.' },
      { name: 'turn', label: 'Speaker turn', help: 'Each speaker turn is a unit.' },
    ];
    const a = new AgreementStore();
    mocked.units.mockRejectedValueOnce('{"code":"error","message":"gone"}').mockResolvedValue(units);
    await a.loadUnits();
    expect(a.units).toEqual([]);
    await Promise.all([a.loadUnits(), a.loadUnits()]);
    await a.loadUnits();
    expect(a.units).toEqual(units);
    expect(mocked.units).toHaveBeenCalledTimes(2);
  });

  it('explains a single coder and a refused comparison', async () => {
    const a = new AgreementStore();
    a.setup([aisha], docs);
    expect(a.blocker).toMatch(/only one/);
    a.setup([aisha, ben], docs);
    mocked.agreement.mockRejectedValue('{"code":"invalid","message":"invalid: blind mode is on"}');
    await a.compute();
    expect(a.problem).toBe('invalid: blind mode is on');
    expect(a.result).toBeNull();
  });

  it('asks for 1,000 resamples while intervals are on, and recomputes when they are toggled', async () => {
    const a = new AgreementStore();
    a.setup([aisha, ben], docs);
    expect(a.intervals).toBe(false);
    mocked.agreement.mockResolvedValue(result);
    await a.compute();
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    let done: (v: unknown) => void = () => {};
    mocked.agreement.mockReturnValueOnce(new Promise((res) => (done = res)));
    const on = a.setIntervals(true);
    expect(a.intervals).toBe(true);
    // the resampling takes a while on big projects: the view shows it is busy
    expect(a.loading).toBe(true);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 1000, resample: 'document', statistic: expect.any(String) });
    done({ ...result, resamples: 1000, seed: 1, resampling: 'document' });
    await on;
    expect(a.loading).toBe(false);
    expect(a.result?.resamples).toBe(1000);
    // other changes keep asking for them
    await a.setUnit('turn');
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'turn', minShare: 0, bootstrap: 1000, resample: 'document', statistic: expect.any(String) });
    await a.setIntervals(false);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'turn', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    expect(mocked.agreement).toHaveBeenCalledTimes(4);
  });

  it('fetches the methods paragraph after each table, and again for another coefficient', async () => {
    const a = new AgreementStore(new ToastStore());
    a.setup([aisha, ben], docs);
    mocked.agreement.mockResolvedValue(result);
    mocked.agreementMethods.mockResolvedValueOnce('Cohen’s κ paragraph.');
    await a.compute();
    expect(mocked.agreementMethods).toHaveBeenCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'kappa' });
    expect(a.methods).toBe('Cohen’s κ paragraph.');
    expect(a.methodsLoading).toBe(false);

    // the coefficient does not recompute the table, but the paragraph names it
    mocked.agreementMethods.mockResolvedValueOnce('Gwet’s AC1 paragraph.');
    await a.setStatistic('gwetAC1');
    expect(mocked.agreement).toHaveBeenCalledTimes(1);
    expect(mocked.agreementMethods).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'gwetAC1' });
    expect(a.methods).toBe('Gwet’s AC1 paragraph.');

    // the same inputs as the table: unit, share and resamples
    await a.setUnit('turn');
    await a.setMinShare(0.5);
    await a.setIntervals(true);
    expect(mocked.agreementMethods).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'turn', minShare: 0.5, bootstrap: 1000, resample: 'document', statistic: 'gwetAC1' });
    expect(mocked.agreementMethods).toHaveBeenCalledTimes(5);
  });

  it('clears the paragraph when there is no table, and asks for none', async () => {
    const toasts = new ToastStore();
    const a = new AgreementStore(toasts);
    a.setup([aisha, ben], docs);
    mocked.agreement.mockResolvedValue(result);
    await a.compute();
    expect(a.methods).toBe('We compared two coders.');
    await a.chooseNone();
    expect(a.methods).toBe('');
    mocked.agreement.mockRejectedValue('{"code":"invalid","message":"invalid: blind mode is on"}');
    await a.chooseAll();
    expect(a.methods).toBe('');
    expect(mocked.agreementMethods).toHaveBeenCalledTimes(1);
    // a failed paragraph is a toast; the table stays
    mocked.agreement.mockResolvedValue(result);
    mocked.agreementMethods.mockRejectedValueOnce('{"code":"error","message":"methods: gone"}');
    await a.compute();
    expect(a.result).toBe(result);
    expect(a.methods).toBe('');
    expect(toasts.items.map((t) => t.message)).toEqual(['methods: gone']);
  });

  it('exports the table for the current inputs and says where it went', async () => {
    const a = new AgreementStore(new ToastStore());
    a.setup([aisha, ben], docs);
    mocked.agreement.mockResolvedValue(result);
    await a.setIntervals(true);
    await a.setStatistic('scottPi');
    mocked.exportAgreement.mockResolvedValue('/home/me/Agreement.md');
    const going = a.exportAs('md');
    expect(a.exporting).toBe(true);
    await going;
    expect(a.exporting).toBe(false);
    expect(mocked.exportAgreement).toHaveBeenCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 1000, resample: 'document', statistic: 'scottPi' }, 'md');
    expect(a.saved).toBe('/home/me/Agreement.md');
    await a.setUnit('turn');
    expect(a.saved).toBe('');
    mocked.exportAgreement.mockResolvedValue('/home/me/Agreement.csv');
    await a.exportAs('csv');
    expect(mocked.exportAgreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'turn', minShare: 0, bootstrap: 1000, resample: 'document', statistic: 'scottPi' }, 'csv');
    expect(a.saved).toBe('/home/me/Agreement.csv');
  });

  it('leaves no saved path when the export is cancelled, and shows a failure as a toast', async () => {
    const toasts = new ToastStore();
    const a = new AgreementStore(toasts);
    a.setup([aisha, ben], docs);
    mocked.agreement.mockResolvedValue(result);
    await a.compute();
    mocked.exportAgreement.mockResolvedValueOnce('/home/me/Agreement.html');
    await a.exportAs('html');
    expect(a.saved).toBe('/home/me/Agreement.html');
    mocked.exportAgreement.mockResolvedValueOnce('');
    await a.exportAs('csv'); // cancelled
    expect(a.saved).toBe('');
    expect(toasts.items).toEqual([]);
    mocked.exportAgreement.mockRejectedValueOnce('{"code":"error","message":"export agreement to /x: permission denied"}');
    await a.exportAs('md');
    expect(a.saved).toBe('');
    expect(a.exporting).toBe(false);
    expect(toasts.items[0].message).toBe('export agreement to /x: permission denied');
  });

  it('drops a stale answer', async () => {
    const a = new AgreementStore();
    a.setup([aisha, ben], docs);
    let slow: (v: unknown) => void = () => {};
    mocked.agreement.mockReturnValueOnce(new Promise((res) => (slow = res))).mockResolvedValueOnce({ ...result, documents: [6] });
    const first = a.compute();
    await a.toggleDocument(5, false);
    slow(result);
    await first;
    expect(a.result?.documents).toEqual([6]);
  });
});

describe('QuotesStore', () => {
  const q = { code: codes[1], quotes: [{ segmentId: 1, documentId: 5, document: 'patient-001', speaker: 'P001', case: 'Patient 001', coder: 'Aisha', coderId: 1, text: 'Calmer now' }] };

  it('lists a code’s quotes from a layer', async () => {
    const s = new QuotesStore(new ToastStore());
    mocked.quotes.mockResolvedValue(q);
    await s.selectCode(11);
    expect(mocked.quotes).toHaveBeenCalledWith(11, 0);
    expect(s.result).toBe(q);
    await s.setCoder(2);
    expect(mocked.quotes).toHaveBeenLastCalledWith(11, 2);
  });

  it('previews Markdown and exports', async () => {
    const s = new QuotesStore(new ToastStore());
    mocked.quotes.mockResolvedValue(q);
    mocked.renderQuotes.mockResolvedValue('# Quotes');
    await s.selectCode(11);
    await s.togglePreview();
    expect(mocked.renderQuotes).toHaveBeenCalledWith(11, 0, 'md');
    expect(s.preview).toBe('# Quotes');
    mocked.exportQuotes.mockResolvedValue('/home/me/Positive affect quotes.html');
    await s.exportAs('html');
    expect(mocked.exportQuotes).toHaveBeenCalledWith(11, 0, 'html');
    expect(s.saved).toBe('/home/me/Positive affect quotes.html');
    mocked.exportQuotes.mockResolvedValue('');
    await s.exportAs('md'); // cancelled
    expect(s.saved).toBe('');
  });

  it('shows a failed export as a toast', async () => {
    const toasts = new ToastStore();
    const s = new QuotesStore(toasts);
    mocked.quotes.mockResolvedValue(q);
    await s.selectCode(11);
    mocked.exportQuotes.mockRejectedValue('{"code":"error","message":"export quotes to /x: permission denied"}');
    await s.exportAs('md');
    expect(toasts.items[0].message).toBe('export quotes to /x: permission denied');
  });
});

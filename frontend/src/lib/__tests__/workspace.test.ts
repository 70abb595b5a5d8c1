import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  const fn = () => vi.fn();
  return {
    ...orig,
    api: {
      info: fn(), documents: fn(), document: fn(), codes: fn(), segments: fn(), history: fn(), frameworks: fn(),
      frameworkCodes: fn(), codebookHistory: fn(), builtinFrameworks: fn(), review: fn(), quotes: fn(),
      memos: fn(), remove: fn(), undo: fn(),
    },
  };
});
vi.mock('../wailsjs/go/app/SearchService', () => ({ Prepare: vi.fn(), Search: vi.fn(), CodeHits: vi.fn() }));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import { api } from '../api';
import * as Search from '../wailsjs/go/app/SearchService';
import WorkspaceScreen from '../screens/Workspace.svelte';
import { ProjectStore } from '../stores/project.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import { Changes } from '../stores/changes';
import { Workspace } from '../stores/workspace.svelte';
import type { DocumentView } from '../types';
import { info } from './fixtures';

const mocked = api as unknown as Record<string, ReturnType<typeof vi.fn>>;
const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

/** A search answer with one hit per document name given. */
function results(query: string, names: string[]) {
  const hits = names.map((name, i) => ({
    document: i + 1, name, turn: 1, speaker: 'P001', case: '', excluded: false,
    start: 0, end: 4, turnStart: 0, turnEnd: 10, whole: false, before: '', match: query, after: ' …',
  }));
  return { query, turns: hits.length, truncated: false, hits, documents: names.map((name, i) => ({ id: i + 1, name, turns: 1, hits: 1 })) };
}

beforeEach(() => {
  vi.resetAllMocks();
  mocked.documents.mockResolvedValue([]);
  mocked.codes.mockResolvedValue([]);
  mocked.frameworks.mockResolvedValue([]);
  mocked.history.mockResolvedValue({ canUndo: false, canRedo: false, undo: '', redo: '' });
  m(Search.Prepare).mockResolvedValue({ documents: 2, turns: 20, fields: [], attributes: [], coders: [], blind: false });
});

function openProject() {
  const project = new ProjectStore(new ToastStore());
  project.info = info();
  project.loaded = true;
  render(WorkspaceScreen, { project });
}

async function search(query: string, names: string[]) {
  m(Search.Search).mockResolvedValueOnce(results(query, names));
  await fireEvent.input(screen.getByTestId('search-input'), { target: { value: query } });
  await fireEvent.click(screen.getByTestId('search-go'));
  await waitFor(() => expect(screen.getByTestId('search-count')).toHaveTextContent(new RegExp(`^${names.length} hits? in`)));
}

const listed = () => screen.queryAllByTestId(/^search-group-/).map((g) => g.dataset.testid);

describe('the search tab, left and come back to', () => {
  it('lists the hits of a search run after coming back, not the old ones', async () => {
    openProject();
    await fireEvent.click(await screen.findByTestId('tab-search'));
    await search('walk', ['alpha', 'beta']);
    expect(listed()).toEqual(['search-group-alpha', 'search-group-beta']);

    await fireEvent.click(screen.getByTestId('tab-documents'));
    await fireEvent.click(screen.getByTestId('tab-search'));
    expect(listed()).toEqual(['search-group-alpha', 'search-group-beta']); // kept while away
    await search('garden', ['gamma', 'delta', 'epsilon']);
    expect(listed()).toEqual(['search-group-gamma', 'search-group-delta', 'search-group-epsilon']);
  });

  it('lists hits when the first visit ran no search', async () => {
    openProject();
    await fireEvent.click(await screen.findByTestId('tab-search'));
    await screen.findByTestId('search-ready');
    await fireEvent.click(screen.getByTestId('tab-documents'));
    await fireEvent.click(screen.getByTestId('tab-search'));
    await search('walk', ['alpha']);
    expect(listed()).toEqual(['search-group-alpha']);
  });
});

describe('Changes', () => {
  it('tells the listeners of a kind, in order, until they stop or the channel is cleared', () => {
    const c = new Changes();
    const seen: string[] = [];
    const off = c.on('segments', (e) => seen.push(`a:${e.documents?.join(',') ?? 'any'}`));
    c.on('segments', () => seen.push('b'));
    c.on('codebook', () => seen.push('codebook'));
    c.emit({ kind: 'segments', documents: [4, 6] });
    expect(seen).toEqual(['a:4,6', 'b']);
    off();
    c.emit({ kind: 'segments' });
    expect(seen).toEqual(['a:4,6', 'b', 'b']);
    c.clear();
    c.emit({ kind: 'segments' });
    c.emit({ kind: 'codebook' });
    expect(seen).toEqual(['a:4,6', 'b', 'b']);
  });
});

describe('Workspace', () => {
  function workspace() {
    const project = { refresh: vi.fn() } as unknown as ProjectStore;
    const ws = new Workspace(project, new ToastStore());
    const reader = ws.reader;
    for (const k of ['load', 'open', 'reloadSegments', 'reloadCodes', 'refreshHistory'] as const) vi.spyOn(reader, k).mockResolvedValue();
    vi.spyOn(ws.search, 'refresh').mockResolvedValue();
    return { ws, reader, project: project as unknown as { refresh: ReturnType<typeof vi.fn> } };
  }

  it('makes every store once, and one per project', () => {
    const a = workspace().ws;
    const b = workspace().ws;
    for (const k of ['reader', 'search', 'cases', 'codebook', 'agreement', 'review', 'quotes', 'privacy', 'importing', 'themes', 'report'] as const) {
      expect(a[k]).toBe(a[k]);
      expect(a[k]).not.toBe(b[k]);
    }
  });

  it('has the memo lists follow a segment removed in the reader, and the undo that brings its memos back', async () => {
    const { ws, reader } = workspace();
    const load = vi.spyOn(ws.memos, 'load').mockResolvedValue();
    const none = { canUndo: false, canRedo: false, undo: '', redo: '' };
    mocked.remove.mockResolvedValue(undefined);
    await reader.remove(7);
    expect(load).toHaveBeenCalledTimes(1);
    mocked.undo.mockResolvedValue({ document: 6, documents: [6], done: 'Undid removing Positive affect from “calm”', history: { ...none, canRedo: true, redo: 'x' } });
    await reader.undo();
    expect(load).toHaveBeenCalledTimes(2);
    // nothing to undo: nothing came back
    mocked.undo.mockResolvedValue({ document: 0, documents: [], done: '', history: none });
    await reader.undo();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('has the reader and the search follow coding done elsewhere', () => {
    const { ws, reader } = workspace();
    reader.doc = { id: 6 } as DocumentView;
    ws.changes.emit({ kind: 'segments', documents: [4] });
    expect(reader.refreshHistory).toHaveBeenCalledTimes(1);
    expect(reader.reloadCodes).toHaveBeenCalledTimes(1);
    expect(reader.reloadSegments).not.toHaveBeenCalled();
    expect(ws.search.refresh).toHaveBeenCalledTimes(1);
    ws.changes.emit({ kind: 'segments', documents: [4, 6] });
    expect(reader.reloadSegments).toHaveBeenCalledTimes(1);
    ws.changes.emit({ kind: 'segments' }); // anywhere: the open document too
    expect(reader.reloadSegments).toHaveBeenCalledTimes(2);
  });

  it('has the reader and the title bar follow the codebook, the cases, the documents and the coders', async () => {
    const { ws, reader, project } = workspace();
    ws.changes.emit({ kind: 'codebook' });
    expect(reader.load).toHaveBeenCalledTimes(1);
    expect(reader.reloadSegments).toHaveBeenCalledTimes(1);
    expect(project.refresh).toHaveBeenCalledTimes(1);

    ws.changes.emit({ kind: 'cases' });
    expect(reader.open).not.toHaveBeenCalled(); // no document open
    reader.currentId = 7;
    ws.changes.emit({ kind: 'cases' });
    expect(reader.open).toHaveBeenLastCalledWith(7);

    ws.changes.emit({ kind: 'documents', documents: [7] });
    await waitFor(() => expect(reader.open).toHaveBeenCalledTimes(2));
    expect(reader.load).toHaveBeenCalledTimes(2);
    expect(project.refresh).toHaveBeenCalledTimes(2);

    ws.changes.emit({ kind: 'coders' });
    expect(project.refresh).toHaveBeenCalledTimes(3);
  });

  it('has the theme figures follow the coding, the codebook, the cases, the documents and the coders', () => {
    const { ws } = workspace();
    const invalidate = vi.spyOn(ws.themes, 'invalidate').mockImplementation(() => {});
    for (const kind of ['segments', 'codebook', 'cases', 'documents', 'coders'] as const) ws.changes.emit({ kind });
    expect(invalidate).toHaveBeenCalledTimes(5);
  });

  it('has the report follow the coding, the codebook, the cases, the documents, the coders and the stars', () => {
    const { ws } = workspace();
    const changed = vi.spyOn(ws.report, 'changed').mockImplementation(() => {});
    for (const kind of ['segments', 'codebook', 'cases', 'documents', 'coders', 'exemplars'] as const) ws.changes.emit({ kind });
    expect(changed).toHaveBeenCalledTimes(6);
    ws.close();
    ws.changes.emit({ kind: 'exemplars' });
    expect(changed).toHaveBeenCalledTimes(6);
  });

  it('has the drill-down’s stars follow the reader and the Quotes tab, and tells them of its own', () => {
    const { ws } = workspace();
    const reloadStars = vi.spyOn(ws.themes, 'reloadStars').mockResolvedValue();
    vi.spyOn(ws.reader, 'reloadStars').mockResolvedValue();
    ws.changes.emit({ kind: 'exemplars', source: 'reader' });
    ws.changes.emit({ kind: 'exemplars', source: 'quotes' });
    expect(reloadStars).toHaveBeenCalledTimes(2);
    ws.changes.emit({ kind: 'exemplars', source: 'themes' });
    expect(reloadStars).toHaveBeenCalledTimes(2);
    expect(ws.reader.reloadStars).toHaveBeenCalledTimes(2);
  });

  it('follows "Code all": the reader re-reads and the search runs again', async () => {
    const { ws, reader } = workspace();
    m(Search.Search).mockResolvedValue(results('walk', ['alpha']));
    m(Search.CodeHits).mockResolvedValue({ coded: 1, already: 0, skipped: 0, documents: [1], done: 'Coded 1 search hit', history: { canUndo: true, canRedo: false, undo: 'x', redo: '' } });
    await ws.search.run('walk');
    ws.search.codeId = 11;
    await ws.search.codeAll();
    expect(Search.CodeHits).toHaveBeenCalledWith('walk', 11, false);
    expect(reader.refreshHistory).toHaveBeenCalled();
    expect(ws.search.refresh).toHaveBeenCalledTimes(1);
  });

  it('stops following when the project closes', () => {
    const { ws, reader, project } = workspace();
    ws.close();
    ws.changes.emit({ kind: 'codebook' });
    ws.changes.emit({ kind: 'segments' });
    expect(reader.load).not.toHaveBeenCalled();
    expect(reader.refreshHistory).not.toHaveBeenCalled();
    expect(project.refresh).not.toHaveBeenCalled();
  });
});

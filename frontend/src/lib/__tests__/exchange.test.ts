import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';

// The real exchangeApi.ts over mocked bindings, as in the app.
vi.mock('../wailsjs/go/app/ExchangeService', () => ({
  ChooseCopy: vi.fn(), PreviewCopy: vi.fn(), MergeCopy: vi.fn(), ChooseImport: vi.fn(), PreviewImport: vi.fn(), Import: vi.fn(),
  Merges: vi.fn(), UndoMerge: vi.fn(), SendToCoder: vi.fn(), ExportQDPX: vi.fn(), ChooseImportAsNew: vi.fn(),
  PreviewImportAsNew: vi.fn(), ImportAsNew: vi.fn(),
}));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import * as Exchange from '../wailsjs/go/app/ExchangeService';
import { ExchangeStore, ProjectImportStore, mergeSentence } from '../stores/exchange.svelte';
import { ProjectStore } from '../stores/project.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import { Workspace } from '../stores/workspace.svelte';
import type { ChangeKind } from '../stores/changes';
import TeamDialogs from '../components/team/TeamDialogs.svelte';
import TeamMenu from '../components/team/TeamMenu.svelte';
import ImportProjectDialog from '../components/team/ImportProjectDialog.svelte';
import { mergeReport } from '../exchangeApi';
import type { DocumentSummary } from '../types';
import { info } from './fixtures';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

/** A merge report as Go sends it: nil slices arrive as null. */
function rawReport(over: Record<string, unknown> = {}) {
  return {
    file: 'Study – for Ben.themis',
    documents: { matched: 8, added: null, missing: ['pilot-interview'], differs: ['patient-003'] },
    codes: { matched: 12, added: ['Keyes › Social well-being › Belonging'], conflicts: [{ code: 'Positive affect', field: 'definition', ours: 'Cheerful, calm.', theirs: 'Cheerful.' }] },
    coders: [{ name: 'Ben', new: true, segments: 40, added: 37, duplicates: 2, skipped: 1 }],
    cases: 0,
    memos: 3,
    notImported: [{ kind: 'PDF sources', count: 2 }, { kind: 'sets', count: 1 }],
    applied: false,
    journal: 0,
    ...over,
  };
}

function rawPreview(over: Record<string, unknown> = {}) {
  return { path: '/home/a/Study – for Ben.themis', file: 'Study – for Ben.themis', skipMissing: false, report: rawReport(), refused: '', missingSources: false, ...over };
}

const documents: DocumentSummary[] = [
  { id: 1, name: 'commissioner-01', turns: 3, words: 1430, chars: 9000, case: 'Commissioner 01' },
  { id: 2, name: 'patient-001', turns: 3, words: 1791, chars: 9000, case: 'Patient 001' },
];

beforeEach(() => {
  vi.resetAllMocks();
  m(Exchange.Merges).mockResolvedValue(null);
});

describe('mergeReport', () => {
  it("reads Go's nil slices as empty lists", () => {
    const r = mergeReport({ file: 'x.qdpx', documents: { matched: 1 }, codes: { matched: 0 }, cases: 0, memos: 0, applied: false, journal: 0 } as never);
    expect(r.documents).toEqual({ matched: 1, added: [], missing: [], differs: [] });
    expect(r.codes).toEqual({ matched: 0, added: [], conflicts: [] });
    expect(r.coders).toEqual([]);
    expect(r.notImported).toEqual([]);
    expect(r.notes).toEqual([]);
    expect(r.lead).toBe('');
  });

  it('says in one sentence what a merge brought in', () => {
    const r = mergeReport(rawReport({ documents: { matched: 1, added: ['a', 'b'], missing: null, differs: null } }) as never);
    expect(mergeSentence(r, 'Merged')).toBe('Merged Study – for Ben.themis: 37 segments (Ben), 2 documents, 1 new code.');
  });
});

describe('ExchangeStore', () => {
  it('opens no dialog when the file dialog is cancelled', async () => {
    m(Exchange.ChooseCopy).mockResolvedValue(null);
    const s = new ExchangeStore(new ToastStore());
    await s.chooseMerge();
    expect(s.dialog).toBeNull();
    expect(s.preview).toBeNull();
  });

  it('merges the previewed copy, tells the workspace, and offers Undo in a notice', async () => {
    m(Exchange.ChooseCopy).mockResolvedValue(rawPreview());
    m(Exchange.MergeCopy).mockResolvedValue(rawReport({ applied: true, journal: 41 }));
    m(Exchange.UndoMerge).mockResolvedValue({ journal: 41, at: '', file: 'Study – for Ben.themis', by: 'Aisha', segments: 37, undone: true });
    const toasts = new ToastStore();
    const changed = vi.fn();
    const s = new ExchangeStore(toasts, changed);
    await s.chooseMerge();
    expect(s.dialog).toBe('merge');
    expect(s.preview?.report?.documents.added).toEqual([]);
    await s.apply();
    expect(Exchange.MergeCopy).toHaveBeenCalledWith('/home/a/Study – for Ben.themis', false);
    expect(Exchange.Import).not.toHaveBeenCalled();
    expect(s.dialog).toBeNull();
    expect(changed).toHaveBeenCalledExactlyOnceWith('all');
    const notice = toasts.items.find((t) => t.kind === 'info')!;
    expect(notice.message).toBe('Merged Study – for Ben.themis: 37 segments (Ben), 1 new code.');
    expect(notice.action?.label).toBe('Undo');
    notice.action!.run();
    await waitFor(() => expect(Exchange.UndoMerge).toHaveBeenCalledWith(41));
    await waitFor(() => expect(changed).toHaveBeenCalledTimes(2));
    expect(toasts.items.find((t) => t.kind === 'info')?.message).toBe('Undid the merge of Study – for Ben.themis: 37 segments taken out.');
  });

  it('imports into the project through Import, and previews again without the missing sources', async () => {
    m(Exchange.ChooseImport).mockResolvedValue(
      rawPreview({ path: '/a/nvivo.qdpx', file: 'nvivo.qdpx', report: null, refused: 'nvivo.qdpx: 2 text sources lack their file: A, B', missingSources: true }),
    );
    m(Exchange.PreviewImport).mockResolvedValue(rawPreview({ path: '/a/nvivo.qdpx', file: 'nvivo.qdpx', skipMissing: true }));
    m(Exchange.Import).mockResolvedValue(rawReport({ applied: true, journal: 7 }));
    const s = new ExchangeStore(new ToastStore());
    await s.chooseImport();
    expect(s.dialog).toBe('import');
    expect(await s.apply()).toBe(false); // nothing to apply while refused
    await s.skipMissing();
    expect(Exchange.PreviewImport).toHaveBeenCalledWith('/a/nvivo.qdpx', true);
    await s.apply();
    expect(Exchange.Import).toHaveBeenCalledWith('/a/nvivo.qdpx', true);
    expect(Exchange.MergeCopy).not.toHaveBeenCalled();
  });

  it('keeps the dialog open and the project unchanged when the merge fails', async () => {
    m(Exchange.ChooseCopy).mockResolvedValue(rawPreview());
    m(Exchange.MergeCopy).mockRejectedValue(JSON.stringify({ kind: 'forbidden', code: 'invalid', message: 'only the lead merges' }));
    const toasts = new ToastStore();
    const changed = vi.fn();
    const s = new ExchangeStore(toasts, changed);
    await s.chooseMerge();
    await s.apply();
    expect(s.dialog).toBe('merge');
    expect(changed).not.toHaveBeenCalled();
    expect(toasts.items[0]).toMatchObject({ kind: 'error', message: 'only the lead merges' });
  });

  it('sends a copy to the first coder who is not the lead; a cancelled save dialog keeps the dialog', async () => {
    const changed = vi.fn();
    const s = new ExchangeStore(new ToastStore(), changed);
    s.openSend(info().coders, info().lead.id);
    expect(s.sendCoder).toBe('Ben');
    m(Exchange.SendToCoder).mockResolvedValueOnce(null);
    expect(await s.send()).toBe(false);
    expect(s.dialog).toBe('send');
    s.sendFormat = 'qdpx';
    m(Exchange.SendToCoder).mockResolvedValueOnce({ path: '/x/Study – for Ben.qdpx', file: 'Study – for Ben.qdpx', coder: 'Ben', documents: 9, segments: 0, memos: 0 });
    expect(await s.send()).toBe(true);
    expect(Exchange.SendToCoder).toHaveBeenLastCalledWith('Ben', 'qdpx');
    expect(s.dialog).toBeNull();
    expect(changed).toHaveBeenCalledExactlyOnceWith('coders'); // the copy may be for someone new
  });

  it('exports the chosen layers and documents', async () => {
    m(Exchange.ExportQDPX).mockResolvedValue({ path: '/x/Study.qdpx', file: 'Study.qdpx', documents: 1, codes: 12, coders: 1, segments: 5, cases: 1, memos: 0 });
    const toasts = new ToastStore();
    const s = new ExchangeStore(toasts);
    s.openExport([1, 2], [1, 2]);
    s.toggleExportCoder(1, false);
    s.toggleExportDocument(2, false);
    expect(await s.exportQDPX()).toBe(true);
    expect(Exchange.ExportQDPX).toHaveBeenCalledWith([2], [1]);
    expect(toasts.items[0].message).toBe('Exported Study.qdpx: 1 document, 12 codes, 5 segments by 1 coder.');
  });

  it('lists the merges and reloads them after an undo', async () => {
    const rec = { journal: 41, at: '2026-12-07T18:00:00Z', file: 'Study – for Ben.themis', by: 'Aisha', segments: 37, undone: false };
    m(Exchange.Merges).mockResolvedValueOnce([rec]).mockResolvedValueOnce([{ ...rec, undone: true }]);
    m(Exchange.UndoMerge).mockResolvedValue({ ...rec, undone: true });
    const s = new ExchangeStore(new ToastStore());
    await s.openMerges();
    expect(s.history).toHaveLength(1);
    await s.undo(41);
    expect(s.history[0].undone).toBe(true);
  });
});

describe('the workspace', () => {
  it('tells every view after a merge (documents, coders, codebook, segments, cases, memos), the title bar after a copy is sent', () => {
    const project = new ProjectStore(new ToastStore());
    project.info = info();
    const ws = new Workspace(project, new ToastStore());
    const seen: ChangeKind[] = [];
    for (const k of ['documents', 'coders', 'codebook', 'segments', 'cases', 'memos', 'plan', 'exemplars'] as const) {
      ws.changes.on(k, () => seen.push(k));
    }
    const told = (ws.exchange as unknown as { onChanged: (what: 'all' | 'coders') => void }).onChanged;
    told('all');
    expect(seen.sort()).toEqual(['cases', 'codebook', 'coders', 'documents', 'memos', 'segments']);
    seen.length = 0;
    told('coders');
    expect(seen).toEqual(['coders']);
    ws.close();
  });
});

function leadProject(over = {}) {
  const project = new ProjectStore(new ToastStore());
  project.info = info(over);
  project.loaded = true;
  return project;
}

describe('the Team menu', () => {
  it('offers the lead every item', async () => {
    render(TeamMenu, { exchange: new ExchangeStore(new ToastStore()), project: leadProject(), documents });
    await fireEvent.click(screen.getByTestId('team-menu'));
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem').map((b) => b.textContent);
    expect(items).toEqual([
      'Send to coder…',
      'Merge a coder’s work…',
      'Export as REFI-QDA (.qdpx)…',
      'Import REFI-QDA into this project…',
      'Merges…',
    ]);
  });

  it('offers a coder only the export of their own layer', async () => {
    const project = leadProject({ current: info().coders[1] });
    const exchange = new ExchangeStore(new ToastStore());
    render(TeamMenu, { exchange, project, documents });
    await fireEvent.click(screen.getByTestId('team-menu'));
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    expect(items.map((b) => b.textContent)).toEqual(['Export as REFI-QDA (.qdpx)…']);
    await fireEvent.click(items[0]);
    expect(exchange.dialog).toBe('export');
    expect(exchange.exportCoders).toEqual([info().coders[1].id]);
    expect(exchange.exportDocuments).toEqual([1, 2]);
  });
});

describe('the Team dialogs', () => {
  it('preview a merge: per coder, documents, new codes, conflicts and what is not carried across', async () => {
    const notes = ['3 memos without a known author are the lead’s.'];
    m(Exchange.ChooseCopy).mockResolvedValue(rawPreview({ report: rawReport({ notes }) }));
    m(Exchange.MergeCopy).mockResolvedValue(rawReport({ applied: true, journal: 41 }));
    const exchange = new ExchangeStore(new ToastStore());
    render(TeamDialogs, { exchange, project: leadProject(), documents });
    await exchange.chooseMerge();
    const dialog = await screen.findByTestId('merge-dialog');
    const ben = within(dialog).getByTestId('merge-coder-Ben');
    expect(ben.textContent).toContain('new');
    expect([...ben.querySelectorAll('td')].map((td) => td.textContent?.trim())).toEqual(['Bennew', '40', '37', '2', '1']);
    expect(within(dialog).getByTestId('merge-docs-missing').textContent).toContain('pilot-interview');
    expect(within(dialog).getByTestId('merge-docs-differ').textContent).toContain('patient-003');
    expect(within(dialog).getByTestId('merge-codes-added').textContent).toContain('Keyes › Social well-being › Belonging');
    const conflict = within(dialog).getByTestId('merge-conflicts').querySelector('tbody tr')!;
    expect([...conflict.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Positive affect', 'definition', 'Cheerful, calm.', 'Cheerful.']);
    expect(within(dialog).getByTestId('not-imported-PDF sources').textContent).toBe('2 PDF sources');
    expect(within(dialog).getByTestId('merge-notes').textContent).toContain('3 memos without a known author are the lead’s');
    expect(within(dialog).getByTestId('merge-sum').textContent).toContain('37 segments will be added.');
    await fireEvent.click(within(dialog).getByTestId('merge-apply'));
    await waitFor(() => expect(screen.queryByTestId('merge-dialog')).toBeNull());
    expect(Exchange.MergeCopy).toHaveBeenCalledWith('/home/a/Study – for Ben.themis', false);
  });

  it('say why a file was refused and offer to leave out the missing sources', async () => {
    m(Exchange.ChooseCopy).mockResolvedValue(rawPreview({ report: null, refused: 'x.qdpx: sources without their file: A', missingSources: true }));
    m(Exchange.PreviewCopy).mockResolvedValue(rawPreview({ skipMissing: true }));
    const exchange = new ExchangeStore(new ToastStore());
    render(TeamDialogs, { exchange, project: leadProject(), documents });
    await exchange.chooseMerge();
    const dialog = await screen.findByTestId('merge-dialog');
    expect(within(dialog).getByTestId('merge-refused').textContent).toContain('sources without their file: A');
    expect(within(dialog).getByTestId('merge-apply')).toBeDisabled();
    await fireEvent.click(within(dialog).getByTestId('skip-missing'));
    await waitFor(() => expect(within(dialog).getByTestId('skipping-missing')).toBeTruthy());
    expect(within(dialog).getByTestId('merge-apply')).not.toBeDisabled();
  });

  it('send a copy to someone new by name', async () => {
    m(Exchange.SendToCoder).mockResolvedValue({ path: '/x/Study – for Chen.themis', file: 'Study – for Chen.themis', coder: 'Chen', documents: 2, segments: 0, memos: 0 });
    const exchange = new ExchangeStore(new ToastStore());
    const project = leadProject();
    render(TeamDialogs, { exchange, project, documents });
    exchange.openSend(project.info!.coders, project.info!.lead.id);
    const dialog = await screen.findByTestId('send-dialog');
    expect(within(dialog).getByTestId('send-coder-Ben')).toBeChecked();
    expect(within(dialog).queryByTestId('send-coder-Aisha')).toBeNull(); // the lead
    await fireEvent.focus(within(dialog).getByTestId('send-new-name'));
    await fireEvent.input(within(dialog).getByTestId('send-new-name'), { target: { value: 'ben' } });
    expect(within(dialog).getByTestId('send-save')).toBeDisabled(); // Ben is in the project already
    await fireEvent.input(within(dialog).getByTestId('send-new-name'), { target: { value: 'Chen' } });
    expect(within(dialog).getByTestId('send-save').textContent).toBe('Save Chen’s copy…');
    await fireEvent.click(within(dialog).getByTestId('send-save'));
    await waitFor(() => expect(Exchange.SendToCoder).toHaveBeenCalledWith('Chen', 'themis'));
  });

  it('list the merges, each with Undo', async () => {
    m(Exchange.Merges).mockResolvedValue([
      { journal: 41, at: '2026-12-07T18:00:00Z', file: 'Study – for Ben.themis', by: 'Aisha', segments: 37, undone: false },
      { journal: 30, at: '2026-12-06T18:00:00Z', file: 'old.qdpx', by: 'Aisha', segments: 5, undone: true },
    ]);
    m(Exchange.UndoMerge).mockResolvedValue({ journal: 41, at: '', file: 'Study – for Ben.themis', by: 'Aisha', segments: 37, undone: true });
    const exchange = new ExchangeStore(new ToastStore());
    render(TeamDialogs, { exchange, project: leadProject(), documents });
    await exchange.openMerges();
    const dialog = await screen.findByTestId('merges-dialog');
    expect(within(dialog).getByTestId('merge-undone-30')).toBeTruthy();
    await fireEvent.click(within(dialog).getByTestId('merge-undo-41'));
    await waitFor(() => expect(Exchange.UndoMerge).toHaveBeenCalledWith(41));
  });

  it('export: the lead chooses layers and documents', async () => {
    m(Exchange.ExportQDPX).mockResolvedValue(null);
    const exchange = new ExchangeStore(new ToastStore());
    render(TeamDialogs, { exchange, project: leadProject(), documents });
    exchange.openExport([1, 2], [1, 2]);
    const dialog = await screen.findByTestId('export-dialog');
    expect(within(dialog).getByTestId('export-doc-count').textContent).toBe('2 of 2');
    await fireEvent.click(within(dialog).getByTestId('export-docs-none'));
    expect(within(dialog).getByTestId('export-save')).toBeDisabled();
    await fireEvent.click(within(dialog).getByTestId('export-doc-patient-001'));
    await fireEvent.click(within(dialog).getByTestId('export-coder-Ben'));
    await fireEvent.click(within(dialog).getByTestId('export-save'));
    await waitFor(() => expect(Exchange.ExportQDPX).toHaveBeenCalledWith([1], [2]));
    expect(screen.getByTestId('export-dialog')).toBeTruthy(); // the save dialog was cancelled
  });
});

describe('importing a REFI-QDA project from the start screen', () => {
  it('previews, names the lead, saves and opens the project', async () => {
    m(Exchange.ChooseImportAsNew).mockResolvedValue(rawPreview({ path: '/a/nvivo.qdpx', file: 'nvivo.qdpx' }));
    const opened = info({ path: '/p/nvivo.themis', name: 'nvivo' });
    m(Exchange.ImportAsNew).mockResolvedValue({ project: opened, report: rawReport({ applied: true }) });
    const project = new ProjectStore(new ToastStore());
    await project.qdpxImport.choose();
    expect(project.qdpxImport.lead).toBe('Ben'); // the archive's first coder
    render(ImportProjectDialog, { importer: project.qdpxImport });
    const dialog = screen.getByTestId('import-project-dialog');
    expect(within(dialog).getByTestId('merge-coder-Ben')).toBeTruthy();
    await fireEvent.input(within(dialog).getByTestId('import-lead'), { target: { value: ' Aisha ' } });
    await fireEvent.click(within(dialog).getByTestId('import-project-save'));
    await waitFor(() => expect(Exchange.ImportAsNew).toHaveBeenCalledWith('/a/nvivo.qdpx', false, 'Aisha'));
    await waitFor(() => expect(project.info?.path).toBe('/p/nvivo.themis'));
    expect(project.qdpxImport.open).toBe(false);
  });

  it('proposes the lead the backend names (the archive\'s creator) over its first coder', async () => {
    m(Exchange.ChooseImportAsNew).mockResolvedValue(
      rawPreview({ path: '/a/atlas.qdpx', file: 'atlas.qdpx', report: rawReport({ lead: 'Friedrich Markgraf' }) }),
    );
    const s = new ProjectImportStore(new ToastStore());
    await s.choose();
    expect(s.lead).toBe('Friedrich Markgraf');
  });

  it('keeps the preview when the save dialog is cancelled', async () => {
    m(Exchange.PreviewImportAsNew).mockResolvedValue(rawPreview({ path: '/a/x.qdpx', file: 'x.qdpx' }));
    m(Exchange.ImportAsNew).mockResolvedValue(null);
    const s = new ProjectImportStore(new ToastStore());
    m(Exchange.ChooseImportAsNew).mockResolvedValue(rawPreview({ path: '/a/x.qdpx', file: 'x.qdpx' }));
    await s.choose();
    expect(await s.importProject()).toBe(false);
    expect(s.open).toBe(true);
  });
});

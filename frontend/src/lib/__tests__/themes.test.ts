import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';

vi.mock('../wailsjs/go/app/ThemesService', () => ({
  Layers: vi.fn(), Options: vi.fn(), Summary: vi.fn(), ByAttribute: vi.fn(), Cases: vi.fn(), Cooccurrence: vi.fn(),
  Passages: vi.fn(), ExportTable: vi.fn(), SaveChart: vi.fn(),
}));

import * as Themes from '../wailsjs/go/app/ThemesService';
import { themesApi, type CaseMatrix, type Passage, type ThemeSummary, type ThemesApi, type ThemesOptions } from '../themesApi';
import { ThemesStore, emptyFilter, filterCount } from '../stores/themes.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import { Changes } from '../stores/changes';
import DrillPanel from '../components/themes/DrillPanel.svelte';
import ThemesScreen from '../screens/ThemesScreen.svelte';
import { attributeCell, caseColumns, coCell, ofCases, scopeLine, valueHeading } from '../components/themes/cells';
import { passageRuns } from '../components/themes/passageParts';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

const options: ThemesOptions = {
  layers: [
    { coder: 0, name: 'All coders', kind: 'all', coders: ['Aisha', 'Ben'], default: false },
    { coder: 7, name: 'Consensus', kind: 'consensus', coders: ['Consensus'], default: true },
    { coder: 1, name: 'Aisha', kind: 'coder', coders: ['Aisha'], default: false },
  ],
  frameworks: [{ id: 3, name: 'Inductive', active: false }, { id: 5, name: 'Keyes', active: true }],
  documents: [{ id: 11, name: 'patient-001', case: 'Patient 001' }],
  cases: ['Patient 001', 'Patient 002', 'Link worker 1'],
  attributes: [{ name: 'role', type: 'category', values: ['link worker', 'patient'] }],
};

const scope = (cases = 9) => ({
  layer: { coder: 7, name: 'Consensus', kind: 'consensus', coders: ['Consensus'], default: false },
  framework: { id: 5, name: 'Keyes', active: true }, documents: 9, cases, caseNames: [],
});

const row = (over: object = {}) => ({
  code: 21, ref: '', name: 'Positive affect', factor: 'Emotional well-being', isFactor: false, depth: 1, color: '#c33',
  segments: 12, words: 340, documents: 6, cases: 7, caseShare: 7 / 9, ...over,
});

const summary = (cases = 9): ThemeSummary => ({
  scope: scope(cases),
  rows: [row({ code: 20, name: 'Emotional well-being', factor: '', isFactor: true, depth: 0, segments: 20, cases: 8, caseShare: 8 / 9 }), row()],
});

function fakeApi(over: Partial<ThemesApi> = {}): ThemesApi {
  return {
    ...themesApi,
    themeOptions: vi.fn().mockResolvedValue(options),
    summary: vi.fn().mockResolvedValue(summary()),
    byAttribute: vi.fn(),
    caseMatrix: vi.fn(),
    cooccurrence: vi.fn(),
    passages: vi.fn().mockResolvedValue([]),
    exportTable: vi.fn().mockResolvedValue('/tmp/x.csv'),
    saveChart: vi.fn(),
    exemplars: vi.fn().mockResolvedValue([]),
    star: vi.fn(),
    starPassage: vi.fn(),
    unstar: vi.fn().mockResolvedValue(undefined),
    ...over,
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => vi.clearAllMocks());

describe('themesApi', () => {
  it('reads Go nil slices as empty lists and sends the filter and the cell as the service wants them', async () => {
    m(Themes.Summary).mockResolvedValue({ scope: scope(0), rows: null });
    expect((await themesApi.summary({ framework: 5, layer: 0, filter: emptyFilter() })).rows).toEqual([]);
    expect(Themes.Summary).toHaveBeenCalledWith({ framework: 5, layer: 0, filter: { documents: [], cases: [], attributes: {} } });

    m(Themes.Passages).mockResolvedValue([{ document: 1, start: 0, end: 3, text: 'abc', coders: null, codes: null, segmentIds: null }]);
    const ps = await themesApi.passages({ framework: 5, layer: 7, filter: emptyFilter(), code: 21, case: 'Patient 001' });
    expect(ps[0]).toMatchObject({ coders: [], codes: [], segmentIds: [], overlap: [0, 0] });
    expect(Themes.Passages).toHaveBeenCalledWith(expect.objectContaining({ code: 21, case: 'Patient 001', attribute: '', value: '', with: 0, layer: 7 }));

    m(Themes.Cooccurrence).mockResolvedValue({ scope: scope(), rows: null, columns: null, cells: null });
    expect(await themesApi.cooccurrence({ framework: 5, layer: 0, filter: emptyFilter() }, 3)).toMatchObject({ rows: [], columns: [], cells: [] });
    expect(Themes.Cooccurrence).toHaveBeenCalledWith(expect.objectContaining({ framework: 5, with: 3 }));

    m(Themes.SaveChart).mockResolvedValue('/home/a/x.png');
    expect(await themesApi.saveChart({ name: 'x', format: 'png', base64: 'AAA=' })).toBe('/home/a/x.png');
    expect(Themes.SaveChart).toHaveBeenCalledWith('x', 'png', 'AAA=');
  });
});

describe('ThemesStore', () => {
  it('opens on the default layer and the active framework, and computes the prevalence', async () => {
    const api = fakeApi();
    const s = new ThemesStore(new ToastStore(), api);
    await s.show();
    expect(s.layer).toBe(7);
    expect(s.framework).toBe(5);
    expect(s.attribute).toBe('role');
    expect(api.summary).toHaveBeenCalledWith({ framework: 5, layer: 7, filter: emptyFilter() });
    expect(s.summary?.rows).toHaveLength(2);
    // Shown again with nothing changed: no recomputing.
    s.hide();
    await s.show();
    expect(api.summary).toHaveBeenCalledTimes(1);
  });

  it('recomputes on a filter change, and drops emptied attribute lists', async () => {
    const api = fakeApi();
    const s = new ThemesStore(new ToastStore(), api);
    await s.show();
    await s.toggleValue('role', 'patient');
    expect(api.summary).toHaveBeenLastCalledWith({ framework: 5, layer: 7, filter: { documents: [], cases: [], attributes: { role: ['patient'] } } });
    expect(filterCount(s.filter)).toBe(1);
    await s.toggleCase('Patient 001');
    await s.toggleValue('role', 'patient');
    expect(s.filter).toEqual({ documents: [], cases: ['Patient 001'], attributes: {} });
    await s.clearFilter();
    expect(filterCount(s.filter)).toBe(0);
    expect(api.summary).toHaveBeenCalledTimes(5);
  });

  it('ignores a slower older answer when a newer request finished first', async () => {
    const slow = deferred<ThemeSummary>();
    const fast = deferred<ThemeSummary>();
    const summaryFn = vi.fn().mockResolvedValueOnce(summary()).mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise);
    const s = new ThemesStore(new ToastStore(), fakeApi({ summary: summaryFn }));
    await s.show();
    const first = s.toggleValue('role', 'patient');
    const second = s.toggleValue('role', 'link worker');
    fast.resolve(summary(3));
    await second;
    expect(s.summary?.scope.cases).toBe(3);
    expect(s.loading).toBe(false);
    slow.resolve(summary(5));
    await first;
    expect(s.summary?.scope.cases).toBe(3);
  });

  it('computes only the view on screen, and each view with its own input', async () => {
    const api = fakeApi({
      byAttribute: vi.fn().mockResolvedValue({ scope: scope(), attribute: 'role', columns: [], rows: [] }),
      cooccurrence: vi.fn().mockResolvedValue({ scope: scope(), rows: [], columns: [], cells: [] }),
    });
    const s = new ThemesStore(new ToastStore(), api);
    await s.show();
    await s.setView('attribute');
    expect(api.byAttribute).toHaveBeenCalledWith({ framework: 5, layer: 7, filter: emptyFilter() }, 'role');
    await s.setView('cooccurrence');
    await s.setWith(3);
    expect(api.cooccurrence).toHaveBeenLastCalledWith({ framework: 5, layer: 7, filter: emptyFilter() }, 3);
    // Choosing as "with" the framework itself means the same framework: 0.
    await s.setWith(5);
    expect(s.withFramework).toBe(0);
    expect(api.caseMatrix).not.toHaveBeenCalled();
    expect(api.summary).toHaveBeenCalledTimes(1);
  });

  it('follows the project: a change recomputes at once when shown, on the next visit when not', async () => {
    const api = fakeApi();
    const s = new ThemesStore(new ToastStore(), api);
    const changes = new Changes();
    changes.on('segments', () => s.invalidate());
    await s.show();
    s.hide();
    changes.emit({ kind: 'segments' });
    expect(api.themeOptions).toHaveBeenCalledTimes(1);
    await s.show();
    expect(api.themeOptions).toHaveBeenCalledTimes(2);
    expect(api.summary).toHaveBeenCalledTimes(2);
    changes.emit({ kind: 'segments' });
    await waitFor(() => expect(api.summary).toHaveBeenCalledTimes(3));
  });

  it('a layer that disappeared falls back to the default; a chosen one is kept', async () => {
    const themeOptions = vi.fn().mockResolvedValue(options);
    const s = new ThemesStore(new ToastStore(), fakeApi({ themeOptions }));
    await s.show();
    await s.setLayer(1);
    await s.reload();
    expect(s.layer).toBe(1);
    themeOptions.mockResolvedValue({ ...options, layers: options.layers.filter((l) => l.coder !== 1) });
    await s.reload();
    expect(s.layer).toBe(7);
  });

  it('drills into a cell with the current input, and a newer drill wins', async () => {
    const late = deferred<Passage[]>();
    const passages = vi.fn().mockReturnValueOnce(late.promise).mockResolvedValueOnce([passage()]);
    const s = new ThemesStore(new ToastStore(), fakeApi({ passages }));
    await s.show();
    const a = s.drillInto({ code: 20 }, 'Emotional well-being');
    const b = s.drillInto({ code: 21, case: 'Patient 001' }, 'Positive affect · Patient 001');
    await b;
    late.resolve([]);
    await a;
    expect(passages).toHaveBeenLastCalledWith({ framework: 5, layer: 7, filter: emptyFilter(), code: 21, case: 'Patient 001' });
    expect(s.drill?.title).toBe('Positive affect · Patient 001');
    expect(s.drill?.passages).toHaveLength(1);
    // Changing the view closes it: its cell no longer exists.
    await s.toggleValue('role', 'patient');
    expect(s.drill).toBeNull();
  });

  it('stars the whole passage it shows, and unstars the exemplar it is', async () => {
    const ex = {
      id: 31, documentId: 11, document: 'patient-001', codeId: 21, code: 'Positive affect', start: 100, end: 113, cuts: [],
      text: 'I feel 🙂 good', trimmed: 'I feel 🙂 good', starredBy: 'Aisha', starredAt: '', speaker: 'P001', case: 'Patient 001',
    };
    const api = fakeApi({ passages: vi.fn().mockResolvedValue([passage()]), starPassage: vi.fn().mockResolvedValue(ex) });
    const told = vi.fn();
    const s = new ThemesStore(new ToastStore(), api, told);
    await s.show();
    await s.drillInto({ code: 21 }, 'Positive affect');
    const p = s.drill!.passages![0];
    expect(s.starOf(p)).toBeUndefined();
    await s.toggleStar(p);
    // Aisha's and Ben's overlapping segments are one passage in All coders:
    // the star covers all of it, not the first segment's narrower span.
    expect(api.starPassage).toHaveBeenCalledWith([4, 9]);
    expect(api.star).not.toHaveBeenCalled();
    expect(s.starOf(p)?.id).toBe(31);
    expect(told).toHaveBeenCalledTimes(1);
    // Another code's exemplar over the same words is not this passage's star.
    expect(s.starOf({ ...p, codes: ['Autonomy'] })).toBeUndefined();
    await s.toggleStar(p);
    expect(api.unstar).toHaveBeenCalledWith(31);
    expect(s.starOf(p)).toBeUndefined();
    expect(told).toHaveBeenCalledTimes(2);
    // Starred elsewhere: re-read while the drill-down shows.
    m(api.exemplars).mockResolvedValue([ex]);
    await s.reloadStars();
    expect(s.starOf(p)?.id).toBe(31);
  });

  it('stars a co-occurrence pair through its row code\'s segment, the pair spanning two codes', async () => {
    const pair = passage({ codes: ['Positive affect', 'Autonomy'], coders: ['Aisha'], overlap: [104, 110] });
    const api = fakeApi({ passages: vi.fn().mockResolvedValue([pair]), star: vi.fn().mockResolvedValue({ id: 32 }) });
    const s = new ThemesStore(new ToastStore(), api);
    await s.show();
    await s.drillInto({ code: 21, with: 30 }, 'Positive affect × Autonomy');
    await s.toggleStar(s.drill!.passages![0]);
    expect(api.star).toHaveBeenCalledWith(4);
    expect(api.starPassage).not.toHaveBeenCalled();
  });

  it('exports the view on screen as a table', async () => {
    const api = fakeApi();
    const s = new ThemesStore(new ToastStore(), api);
    await s.show();
    await s.exportTable('xlsx');
    expect(api.exportTable).toHaveBeenCalledWith(expect.objectContaining({ view: 'prevalence', format: 'xlsx', layer: 7, framework: 5 }));
    expect(s.saved).toBe('/tmp/x.csv');
  });
});

function passage(over: Partial<Passage> = {}): Passage {
  return {
    document: 11, documentName: 'patient-001', start: 100, end: 113, text: 'I feel 🙂 good', before: 'Well, ', after: ' these days.',
    speaker: 'P001', case: 'Patient 001', coders: ['Aisha', 'Ben'], codes: ['Positive affect'], segmentIds: [4, 9], overlap: [0, 0], ...over,
  };
}

describe('cells', () => {
  it('prints shares as "x of n" and percentages through format.ts', () => {
    expect(ofCases(7, 9)).toBe('7 of 9');
    expect(attributeCell(3, 5, 0.6)).toBe('3 of 5 (60.0%)');
    expect(attributeCell(2, 3, 2 / 3)).toBe('2 of 3 (66.7%)');
    expect(attributeCell(0, 0, 0)).toBe('0 of 0');
    expect(valueHeading('patient', 5)).toBe('patient (5 cases)');
    expect(valueHeading('commissioner', 1)).toBe('commissioner (1 case)');
    expect(coCell(1234, 0.25, false)).toBe('1,234');
    expect(coCell(3, 0.25, true)).toBe('0.250');
    expect(scopeLine({ ...scope(), layer: options.layers[0] })).toBe('All coders (Aisha, Ben) · Keyes · 9 documents · 9 cases');
  });

  it('orders case columns by an attribute, cases without a value last, and caps them', () => {
    const m: CaseMatrix = {
      scope: scope(),
      rows: [],
      cases: [
        { name: 'A', attributes: { role: 'patient' } },
        { name: 'B', attributes: {} as Record<string, string> },
        { name: 'C', attributes: { role: 'link worker' } },
        { name: 'D', attributes: { role: 'patient' } },
      ],
    };
    expect(caseColumns(m, '').map((c) => c.name)).toEqual(['A', 'B', 'C', 'D']);
    expect(caseColumns(m, 'role').map((c) => `${c.name}${c.index}`)).toEqual(['C2', 'A0', 'D3', 'B1']);
    expect(caseColumns(m, '', 2)).toHaveLength(2);
  });

  it('cuts a co-occurrence overlap out of the text in UTF-16, from code points', () => {
    // "I feel 🙂 good": 🙂 is one code point, two UTF-16 units; the overlap is "🙂 good" (code points 107–113).
    expect(passageRuns(passage({ overlap: [107, 113] }))).toEqual([
      { text: 'I feel ', overlap: false },
      { text: '🙂 good', overlap: true },
    ]);
    expect(passageRuns(passage())).toEqual([{ text: 'I feel 🙂 good', overlap: false }]);
  });
});

describe('DrillPanel', () => {
  it('lists the passages in context with who coded them, and opens one in the reader at its code points', async () => {
    const onOpen = vi.fn();
    const onClose = vi.fn();
    render(DrillPanel, {
      drill: { cell: { framework: 5, layer: 0, filter: emptyFilter(), code: 21, with: 22 }, title: 'Positive affect × Autonomy', passages: [passage({ overlap: [103, 106] }), passage({ document: 12, start: 5, end: 9, text: 'well', documentName: 'patient-002', speaker: '', case: 'Patient 002', coders: ['Ben'], overlap: [0, 0] })] },
      onOpen,
      onClose,
    });
    expect(screen.getByTestId('drill-title')).toHaveTextContent('Positive affect × Autonomy');
    expect(screen.getByTestId('drill-count')).toHaveTextContent('2 passages');
    const items = screen.getAllByTestId('drill-passage');
    expect(items[0]).toHaveTextContent('…Well, I feel 🙂 good these days.…');
    expect(within(items[0]).getByTestId('drill-overlap')).toHaveTextContent('eel');
    expect(items[0]).toHaveTextContent('P001 (Patient 001) · patient-001');
    expect(items[0]).toHaveTextContent('coded by Aisha and Ben');
    expect(within(items[1]).queryByTestId('drill-overlap')).toBeNull();
    expect(items[1]).toHaveTextContent('Patient 002 · patient-002');
    await fireEvent.click(within(items[1]).getByTestId('drill-open'));
    expect(onOpen).toHaveBeenCalledWith(12, 5, 9);
    await fireEvent.click(screen.getByTestId('drill-close'));
    expect(onClose).toHaveBeenCalled();
  });
});

describe('ThemesScreen', () => {
  it('shows the prevalence table with rolled-up factor rows and "7 of 9", and a count opens its passages', async () => {
    const api = fakeApi({ passages: vi.fn().mockResolvedValue([passage()]) });
    const store = new ThemesStore(new ToastStore(), api);
    const onOpen = vi.fn();
    render(ThemesScreen, { store, onOpen });
    const table = await screen.findByTestId('prevalence-table');
    const factor = within(table).getByTestId('prevalence-row-Emotional well-being');
    expect(factor).toHaveClass('factor');
    const code = within(table).getByTestId('prevalence-row-Positive affect');
    expect(within(code).getByTestId('cell-cases')).toHaveTextContent('7 of 9');
    expect(code).toHaveTextContent('340');
    expect(screen.getByTestId('themes-scope')).toHaveTextContent('Consensus · Keyes · 9 documents · 9 cases');
    expect(screen.getByTestId('prevalence-chart').querySelector('svg')).not.toBeNull();
    // The layer chooser lists every layer, the default chosen.
    expect((screen.getByTestId('themes-layer') as HTMLSelectElement).value).toBe('7');

    await fireEvent.click(within(code).getByTestId('cell-segments'));
    const drill = await screen.findByTestId('themes-drill');
    expect(await within(drill).findByTestId('drill-passage')).toBeInTheDocument();
    expect(api.passages).toHaveBeenCalledWith(expect.objectContaining({ code: 21 }));
    await fireEvent.click(within(drill).getByTestId('drill-open'));
    expect(onOpen).toHaveBeenCalledWith(11, 100, 113);
    const star = within(drill).getByTestId('drill-star');
    expect(star).toHaveTextContent('☆ Star');
    expect(star).toHaveAttribute('aria-pressed', 'false');
  });

  it('says what to do when the layer has no coding, and shows removable filter chips', async () => {
    const empty = { scope: scope(), rows: [row({ segments: 0, cases: 0, words: 0, documents: 0 })] };
    const api = fakeApi({ summary: vi.fn().mockResolvedValue(empty) });
    const store = new ThemesStore(new ToastStore(), api);
    render(ThemesScreen, { store, onOpen: vi.fn() });
    expect(await screen.findByTestId('themes-empty')).toHaveTextContent(
      'No coding yet in this layer: code passages in Documents, or choose All coders.',
    );
    await fireEvent.click(screen.getByTestId('themes-filter'));
    await fireEvent.click(screen.getByTestId('filter-role-patient'));
    expect(await screen.findByTestId('chip-role-patient')).toHaveTextContent('role = patient');
    expect(screen.getByTestId('themes-empty')).toHaveTextContent('or clear the filters.');
    await fireEvent.click(screen.getByTestId('chip-role-patient'));
    await waitFor(() => expect(screen.queryByTestId('chip-role-patient')).toBeNull());
    expect(api.summary).toHaveBeenCalledTimes(3);
  });
});

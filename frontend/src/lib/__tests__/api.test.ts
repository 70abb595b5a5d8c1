import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../wailsjs/go/app/ProjectService', () => ({
  Start: vi.fn(),
  Create: vi.fn(),
  ChooseFolder: vi.fn(),
  Open: vi.fn(),
  ChooseAndOpen: vi.fn(),
  OpenDemo: vi.fn(),
  Close: vi.fn(),
  Info: vi.fn(),
  SelectCoder: vi.fn(),
  AddCoder: vi.fn(),
  SetBlindMode: vi.fn(),
}));
vi.mock('../wailsjs/go/app/DocumentService', () => ({
  List: vi.fn(),
  Get: vi.fn(),
  ChooseAndImport: vi.fn(),
  Import: vi.fn(),
}));
vi.mock('../wailsjs/go/app/CodingService', () => ({
  Codes: vi.fn(),
  Segments: vi.fn(),
  Apply: vi.fn(),
  Remove: vi.fn(),
  Undo: vi.fn(),
  Redo: vi.fn(),
  History: vi.fn(),
}));
vi.mock('../wailsjs/go/app/AgreementService', () => ({ Compute: vi.fn(), ComputeMulti: vi.fn(), Unitized: vi.fn(), Methods: vi.fn(), Export: vi.fn(), Units: vi.fn() }));
vi.mock('../wailsjs/go/app/QuotesService', () => ({ List: vi.fn(), Render: vi.fn(), Export: vi.fn() }));

import * as Projects from '../wailsjs/go/app/ProjectService';
import * as Documents from '../wailsjs/go/app/DocumentService';
import * as Coding from '../wailsjs/go/app/CodingService';
import * as Agreements from '../wailsjs/go/app/AgreementService';
import { api, ThemisError, toThemisError } from '../api';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

beforeEach(() => vi.clearAllMocks());

describe('toThemisError', () => {
  it('reads the JSON string the Go ErrorFormatter returns', () => {
    const e = toThemisError('{"code":"locked","message":"the project is open in another window"}');
    expect(e).toBeInstanceOf(ThemisError);
    expect(e.code).toBe('locked');
    expect(e.message).toBe('the project is open in another window');
  });

  it('reads the kind app.FormatError sends, and falls back on the code or "error"', () => {
    const e = toThemisError('{"kind":"forbidden","code":"invalid","message":"blind mode is on"}');
    expect(e).toMatchObject({ kind: 'forbidden', code: 'invalid', message: 'blind mode is on' });
    expect(toThemisError({ kind: 'too_large', code: 'import', message: 'a.docx: too large' }).kind).toBe('too_large');
    expect(toThemisError('{"code":"not_found","message":"segment 7: not found"}').kind).toBe('not_found');
    expect(toThemisError('{"kind":"gremlins","code":"no_project","message":"x"}').kind).toBe('error');
    expect(toThemisError('boom').kind).toBe('error');
  });

  it('reads that JSON from an Error message too', () => {
    const e = toThemisError(new Error('{"code":"import","message":"interview-07.docx: not a Word file"}'));
    expect(e.code).toBe('import');
    expect(e.message).toBe('interview-07.docx: not a Word file');
  });

  it('keeps plain text as the message with code "error"', () => {
    expect(toThemisError('boom')).toMatchObject({ code: 'error', message: 'boom' });
    expect(toThemisError(new TypeError("Cannot read properties of undefined (reading 'go')"))).toMatchObject({
      code: 'error',
      message: "Cannot read properties of undefined (reading 'go')",
    });
    expect(toThemisError('{not json')).toMatchObject({ code: 'error', message: '{not json' });
  });

  it('accepts objects with a message and passes ThemisErrors through', () => {
    expect(toThemisError({ code: 'no_coder', message: 'choose who is coding first' })).toMatchObject({
      code: 'no_coder',
      message: 'choose who is coding first',
    });
    const t = new ThemisError('invalid', 'x');
    expect(toThemisError(t)).toBe(t);
    expect(toThemisError(42)).toMatchObject({ code: 'error', message: '42' });
  });

  it('makes every API call reject with a ThemisError', async () => {
    m(Projects.OpenDemo).mockRejectedValue('{"code":"newer","message":"made by a newer Themis"}');
    await expect(api.openDemo()).rejects.toMatchObject({ code: 'newer', message: 'made by a newer Themis' });
    m(Projects.Info).mockImplementation(() => {
      throw new TypeError('window.go is undefined');
    });
    await expect(api.info()).rejects.toBeInstanceOf(ThemisError);
  });
});

describe('api normalisation', () => {
  it('turns Go nils into [] and null', async () => {
    m(Projects.Start).mockResolvedValue({
      project: { path: '/p/x.themis', name: 'x', framework: 'K', coders: null, lead: { id: 1, name: 'A' }, blindMode: true, canCompare: false, documents: 0 },
      recent: null,
      defaultFolder: '/p',
      error: '',
    });
    const s = await api.start();
    expect(s.project?.coders).toEqual([]);
    expect(s.project?.current).toBeNull();
    expect(s.recent).toEqual([]);
  });

  it('reads undo results and the history, and rejects with a ThemisError', async () => {
    const h = { canUndo: false, canRedo: true, undo: '', redo: 'coding “poster” as Positive affect' };
    m(Coding.Undo).mockResolvedValue({ document: 4, done: 'Undid coding “poster” as Positive affect', history: h });
    expect(await api.undo()).toEqual({ document: 4, done: 'Undid coding “poster” as Positive affect', history: h });
    m(Coding.Redo).mockResolvedValue({ document: 0, done: '', history: null });
    expect(await api.redo()).toEqual({ document: 0, done: '', history: { canUndo: false, canRedo: false, undo: '', redo: '' } });
    m(Coding.History).mockResolvedValue(h);
    expect(await api.history()).toEqual(h);
    m(Coding.Undo).mockRejectedValue('{"code":"no_project","message":"no project is open"}');
    await expect(api.undo()).rejects.toMatchObject({ code: 'no_project', message: 'no project is open' });
  });

  it('keeps kappa and the other coefficients null when the backend omits them', async () => {
    const row = { label: 'X', code: 3, factor: 1, both: 0, onlyA: 0, onlyB: 0, neither: 10, units: 10, agreement: 1, status: 'no-variation', note: 'undefined: no variation (neither coder used this code)' };
    m(Agreements.Compute).mockResolvedValue({
      coderA: { id: 1, name: 'A' },
      coderB: { id: 2, name: 'B' },
      documents: [7],
      unit: 'turn',
      minShare: 0.5,
      formula: 'cohen-kappa/v1',
      perCode: [row],
      perFactor: null,
      overall: { ...row, kappa: 0.5, scottPi: 0.49, krippendorffAlpha: null, gwetAC1: 0.91, brennanPrediger: 0.8, label: 'All codes' },
    });
    const a = await api.agreement({ coderA: 1, coderB: 2, documents: [7], codes: [], unit: 'turn', minShare: 0.5, bootstrap: 0, resample: 'document', statistic: '' });
    expect(a.perCode[0].kappa).toBeNull();
    expect([a.perCode[0].scottPi, a.perCode[0].krippendorffAlpha, a.perCode[0].gwetAC1, a.perCode[0].brennanPrediger]).toEqual([
      null, null, null, null,
    ]);
    expect(a.perFactor).toEqual([]);
    expect(a.overall.kappa).toBe(0.5);
    expect([a.overall.scottPi, a.overall.krippendorffAlpha, a.overall.gwetAC1, a.overall.brennanPrediger]).toEqual([0.49, null, 0.91, 0.8]);
    expect([a.unit, a.minShare]).toEqual(['turn', 0.5]);
    expect(m(Agreements.Compute)).toHaveBeenCalledWith({
      coderA: 1,
      coderB: 2,
      documents: [7],
      codes: [],
      unit: 'turn',
      minShare: 0.5,
      bootstrap: 0,
      resample: 'document',
      statistic: '',
    });
    // no bootstrap: no intervals, whatever the backend left out
    expect(a.perCode[0].ci).toEqual({ kappa: null, scottPi: null, krippendorffAlpha: null, gwetAC1: null, brennanPrediger: null });
    expect([a.resamples, a.seed, a.resampling]).toEqual([0, 0, '']);
  });

  it('passes the resamples on and reads the intervals, null-safe', async () => {
    const row = { label: 'X', code: 3, factor: 1, both: 5, onlyA: 1, onlyB: 2, neither: 10, units: 18, agreement: 0.83, kappa: 0.6, status: 'defined', note: '' };
    m(Agreements.Compute).mockResolvedValue({
      coderA: { id: 1, name: 'A' },
      coderB: { id: 2, name: 'B' },
      documents: [7, 8],
      unit: 'character',
      minShare: 0,
      resamples: 1000,
      seed: 1,
      resampling: 'document',
      formula: 'cohen-kappa/v1',
      perCode: [{ ...row, ci: { kappa: [0.553, 0.774], scottPi: null, gwetAC1: [0.7, 0.9] } }],
      perFactor: [],
      overall: { ...row, label: 'All codes', ci: null },
    });
    const a = await api.agreement({ coderA: 1, coderB: 2, documents: [7, 8], codes: [11, 21], unit: 'character', minShare: 0, bootstrap: 1000, resample: 'turn', statistic: '' });
    expect(m(Agreements.Compute)).toHaveBeenCalledWith({
      coderA: 1,
      coderB: 2,
      documents: [7, 8],
      codes: [11, 21],
      unit: 'character',
      minShare: 0,
      bootstrap: 1000,
      resample: 'turn',
      statistic: '',
    });
    expect([a.resamples, a.seed, a.resampling]).toEqual([1000, 1, 'document']);
    expect(a.perCode[0].ci).toEqual({ kappa: [0.553, 0.774], scottPi: null, krippendorffAlpha: null, gwetAC1: [0.7, 0.9], brennanPrediger: null });
    expect(a.overall.ci.kappa).toBeNull();
  });

  it('reads the breakdowns by document, null-safe', async () => {
    const row = { label: 'X', code: 0, factor: 0, both: 5, onlyA: 1, onlyB: 2, neither: 10, units: 18, agreement: 0.83, kappa: 0.6, status: 'defined', note: '' };
    const base = { coderA: { id: 1, name: 'A' }, coderB: { id: 2, name: 'B' }, documents: [7, 8], unit: 'character', formula: 'cohen-kappa/v1', perCode: [], perFactor: [], overall: row };
    m(Agreements.Compute).mockResolvedValue({
      ...base,
      byDocument: [
        { code: 0, rows: [{ ...row, label: 'Interview 1', document: 7, ci: null }, { ...row, label: 'Interview 2', document: 8, kappa: null }] },
        { code: 3, rows: null },
      ],
    });
    const a = await api.agreement({ coderA: 1, coderB: 2, documents: [7, 8], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: '' });
    expect(a.byDocument.map((b) => b.code)).toEqual([0, 3]);
    expect(a.byDocument[0].rows.map((r) => [r.label, r.document, r.kappa])).toEqual([['Interview 1', 7, 0.6], ['Interview 2', 8, null]]);
    expect(a.byDocument[0].rows[0].ci).toEqual({ kappa: null, scottPi: null, krippendorffAlpha: null, gwetAC1: null, brennanPrediger: null });
    expect(a.byDocument[1].rows).toEqual([]);
    expect(a.overall.document).toBe(0);
    m(Agreements.Compute).mockResolvedValue(base);
    expect((await api.agreement({ coderA: 1, coderB: 2, documents: [7, 8], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: '' })).byDocument).toEqual([]);
  });

  it('lists the units of analysis', async () => {
    m(Agreements.Units).mockResolvedValue([{ name: 'turn', label: 'Speaker turn', help: 'Each speaker turn is a unit.' }]);
    expect(await api.units()).toEqual([{ name: 'turn', label: 'Speaker turn', help: 'Each speaker turn is a unit.' }]);
    m(Agreements.Units).mockResolvedValue(null);
    expect(await api.units()).toEqual([]);
  });

  it('asks for the methods paragraph and exports the agreement table, rejecting with a ThemisError', async () => {
    m(Agreements.Methods).mockResolvedValue('We compared Aisha and Ben.');
    expect(await api.agreementMethods({ coderA: 1, coderB: 2, documents: [7], codes: [11, 12], unit: 'turn', minShare: 0.5, bootstrap: 1000, resample: 'turn', statistic: 'gwetAC1' })).toBe('We compared Aisha and Ben.');
    expect(m(Agreements.Methods)).toHaveBeenCalledWith({
      coderA: 1,
      coderB: 2,
      documents: [7],
      codes: [11, 12],
      unit: 'turn',
      minShare: 0.5,
      bootstrap: 1000,
      resample: 'turn',
      statistic: 'gwetAC1',
    });
    m(Agreements.Export).mockResolvedValue('/home/me/Agreement.csv');
    expect(await api.exportAgreement({ coderA: 1, coderB: 2, documents: [7, 8], codes: [21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'kappa' }, 'csv')).toBe('/home/me/Agreement.csv');
    expect(m(Agreements.Export)).toHaveBeenCalledWith(
      { coderA: 1, coderB: 2, documents: [7, 8], codes: [21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'kappa' },
      'csv',
    );
    m(Agreements.Export).mockRejectedValue('{"code":"invalid","message":"invalid: blind mode is on"}');
    const err = await api.exportAgreement({ coderA: 1, coderB: 2, documents: [7], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'kappa' }, 'md').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThemisError);
    expect(err).toMatchObject({ code: 'invalid', message: 'invalid: blind mode is on' });
  });
});

describe('offsets at the boundary', () => {
  // "P1: " is the label; the content has an emoji and a ZWJ sequence before "garden".
  const text = 'P1: I 😀 love the 👩🏽‍⚕️ garden.\nI: Why?';
  const cp = (s: string) => [...s].length;
  const gardenCP = cp(text.slice(0, text.indexOf('garden')));

  beforeEach(() => {
    m(Documents.Get).mockResolvedValue({
      id: 4,
      name: 'doc',
      turns: 2,
      words: 9,
      chars: cp(text),
      case: '',
      text,
      turnSpans: [
        { speaker: 'P1', timestamp: '', start: 0, contentStart: 4, end: cp(text.slice(0, text.indexOf('\n'))) },
        { speaker: 'I', timestamp: '', start: cp(text.slice(0, text.indexOf('I:'))), contentStart: cp(text.slice(0, text.indexOf('Why'))), end: cp(text) },
      ],
    });
  });

  it('converts turns and segments from code points to UTF-16', async () => {
    const doc = await api.document(4);
    expect(doc.turns[0].contentStart).toBe(4);
    expect(text.slice(doc.turns[0].contentStart, doc.turns[0].end)).toBe('I 😀 love the 👩🏽‍⚕️ garden.');
    expect(text.slice(doc.turns[1].contentStart, doc.turns[1].end)).toBe('Why?');
    m(Coding.Segments).mockResolvedValue([{ id: 1, document: 4, code: 2, coder: 1, start: gardenCP, end: gardenCP + 6 }]);
    const [seg] = await api.segments(doc);
    expect(text.slice(seg.start, seg.end)).toBe('garden');
  });

  it('converts a UTF-16 selection to code points when applying a code', async () => {
    const doc = await api.document(4);
    const start = text.indexOf('garden');
    m(Coding.Apply).mockImplementation(async (d: number, code: number, s: number, e: number) => ({ id: 9, document: d, code, coder: 1, start: s, end: e }));
    const seg = await api.apply(doc, 2, start, start + 6);
    expect(m(Coding.Apply)).toHaveBeenCalledWith(4, 2, gardenCP, gardenCP + 6);
    expect(seg.start).toBe(start);
    expect(seg.end).toBe(start + 6);
  });
});

describe('api: several coders and the unitizing alphas', () => {
  it('normalises ComputeMulti: nil values keep their reason, intervals become pairs', async () => {
    const undef = { value: null, undefined: 'no variation: nobody used the code', ci: null };
    const row = {
      label: 'X', code: 3, factor: 1, kind: 'code', units: 10, histogram: [7, 1, 0, 2], coded: [3, 2, 2],
      percentAgreement: { value: 0.9, undefined: '', ci: [0.8, 1] }, fleissKappa: { value: 0.5, undefined: '' },
      krippendorffAlpha: undef, gwetAC1: null, brennanPrediger: { value: 0.8, undefined: '', ci: [0.6] },
      status: 'defined', note: '',
    };
    m(Agreements.ComputeMulti).mockResolvedValue({
      coders: [{ id: 1, name: 'A' }, { id: 2, name: 'B' }, { id: 3, name: 'C' }], documents: null, unit: 'turn', minShare: 0.5,
      resamples: 0, seed: 0, resampling: '', formula: 'fleiss-alpha/v1', perCode: [row], perFactor: null,
      overall: { ...row, kind: 'overall', code: 0, factor: 0, label: 'All codes' },
    });
    const r = await api.multiAgreement({ coders: [1, 2, 3], documents: [], codes: [11], unit: 'turn', minShare: 0.5, bootstrap: 0 });
    expect(m(Agreements.ComputeMulti)).toHaveBeenCalledWith({ coders: [1, 2, 3], documents: [], codes: [11], unit: 'turn', minShare: 0.5, bootstrap: 0 });
    expect(r.coders.map((c) => c.name)).toEqual(['A', 'B', 'C']);
    expect(r.documents).toEqual([]);
    expect(r.perFactor).toEqual([]);
    expect(r.perCode[0].percentAgreement).toEqual({ value: 0.9, undefined: '', ci: [0.8, 1] });
    expect(r.perCode[0].krippendorffAlpha).toEqual({ value: null, undefined: 'no variation: nobody used the code', ci: null });
    expect(r.perCode[0].gwetAC1).toEqual({ value: null, undefined: 'undefined', ci: null });
    expect(r.perCode[0].brennanPrediger.ci).toBeNull();
    expect(r.overall.kind).toBe('overall');
  });

  it('normalises Unitized', async () => {
    m(Agreements.Unitized).mockResolvedValue({
      coders: [{ id: 1, name: 'A', consensus: false }, { id: 9, name: 'Consensus', consensus: true }], documents: 2, length: 900,
      uAlpha: { value: null, undefined: 'codes overlap' }, binaryUAlpha: { value: 0.7, undefined: '' }, cuAlpha: { value: 0.6, undefined: '' },
      perCode: null,
    });
    const u = await api.unitized([1, 9], [4, 5]);
    expect(m(Agreements.Unitized)).toHaveBeenCalledWith([1, 9], [4, 5]);
    expect(u.coders[1]).toEqual({ id: 9, name: 'Consensus', consensus: true });
    expect(u.uAlpha).toEqual({ value: null, undefined: 'codes overlap', ci: null });
    expect(u.binaryUAlpha.value).toBe(0.7);
    expect(u.perCode).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../wailsjs/go/app/ReportService', () => ({ Options: vi.fn(), Preview: vi.fn(), Export: vi.fn() }));
vi.mock('../wailsjs/go/app/CasesService', () => ({ View: vi.fn() }));
vi.mock('../wailsjs/go/app/QuotesService', () => ({ Exemplars: vi.fn(), Unstar: vi.fn(), Trim: vi.fn(), Star: vi.fn() }));

import * as Report from '../wailsjs/go/app/ReportService';
import * as Cases from '../wailsjs/go/app/CasesService';
import * as Quotes from '../wailsjs/go/app/QuotesService';
import { exampleOf, reportApi } from '../reportApi';
import { attributeValue, attributionLine, PREVIEW_DEBOUNCE_MS, ReportStore } from '../stores/report.svelte';
import { ToastStore } from '../stores/toasts.svelte';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

// Keyes, cut down: two factors of two codes each, and a second framework.
const code = (id: number, parent: number, name: string, isFactor = false) => ({
  id, parent, ref: '', name, depth: parent ? 1 : 0, isFactor,
});
const options = (over: object = {}) => ({
  frameworks: [
    {
      id: 1, name: 'Keyes', active: true,
      codes: [
        code(10, 0, 'Emotional well-being', true), code(11, 10, 'Positive affect'), code(12, 10, 'Avowed quality of life'),
        code(20, 0, 'Social well-being', true), code(21, 20, 'Social integration'), code(22, 20, 'Social acceptance'),
      ],
    },
    { id: 2, name: 'Inductive', active: false, codes: [code(30, 0, 'Getting out'), code(31, 0, 'Company')] },
  ],
  framework: 1,
  layers: [
    { coder: 0, name: 'All coders', kind: 'all', coders: ['Aisha', 'Ben'], default: false },
    { coder: 1, name: 'Aisha', kind: 'coder', coders: ['Aisha'], default: false },
    { coder: 3, name: 'Consensus', kind: 'consensus', coders: ['Consensus'], default: true },
  ],
  attributes: [{ name: 'role', type: 'category', values: ['patient'] }, { name: 'nested case', type: 'category', values: null }],
  attribution: { case: true, speaker: false, document: false, attributes: ['role'] },
  breakdown: 'role',
  canCompare: true,
  ...over,
});
const casesView = {
  types: null, attributes: null,
  cases: [{ id: 5, name: 'Patient 005', values: { role: 'patient', 'nested case': 'nested case 2' } }],
  documents: [
    { document: 1, name: 'focus-group', case: 0, caseName: '', speakers: [
      { name: 'Interviewer', turns: 3, case: 0, caseName: '', excluded: true },
      { name: 'P005', turns: 4, case: 5, caseName: 'Patient 005', excluded: false },
    ] },
  ],
};

/** Lets every settled promise run its continuations. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers();
  m(Report.Options).mockResolvedValue(options());
  m(Report.Preview).mockImplementation(async () => '<h1>Themes</h1>');
  m(Cases.View).mockResolvedValue(casesView);
  m(Quotes.Exemplars).mockResolvedValue(null);
});
afterEach(() => vi.useRealTimers());

async function loaded(canCompare = true) {
  const s = new ReportStore(new ToastStore(), () => canCompare);
  await s.show();
  return s;
}

describe('reportApi', () => {
  it('reads Go nil slices as [] and names each code’s framework', async () => {
    m(Report.Options).mockResolvedValue(options({ layers: null, attributes: null, frameworks: [{ id: 1, name: 'K', active: true, codes: null }] }));
    const o = await reportApi.options();
    expect(o.layers).toEqual([]);
    expect(o.attributes).toEqual([]);
    expect(o.frameworks[0].codes).toEqual([]);
    m(Report.Options).mockResolvedValue(options());
    expect((await reportApi.options()).frameworks[1].codes[0]).toMatchObject({ id: 30, framework: 2 });
  });

  it('takes a speaker not left out, of the case with the most attribute values, as the attribution example', () => {
    expect(exampleOf({ ...casesView, types: [], attributes: [] } as never)).toEqual({
      case: 'Patient 005', speaker: 'P005', document: 'focus-group', values: { role: 'patient', 'nested case': 'nested case 2' },
    });
    const v = {
      types: [], attributes: [],
      cases: [{ id: 1, name: 'Commissioner 01', values: { role: 'commissioner' } }, { id: 2, name: 'Patient 001', values: { role: 'patient', age: '45-54' } }],
      documents: [
        { document: 1, name: 'commissioner-01', case: 1, caseName: 'Commissioner 01', speakers: [{ name: 'C01', turns: 1, case: 0, caseName: '', excluded: false }] },
        { document: 2, name: 'patient-001', case: 2, caseName: 'Patient 001', speakers: [
          { name: 'Interviewer', turns: 1, case: 0, caseName: '', excluded: true },
          { name: 'P001', turns: 1, case: 0, caseName: '', excluded: false },
        ] },
      ],
    };
    expect(exampleOf(v as never)).toEqual({ case: 'Patient 001', speaker: 'P001', document: 'patient-001', values: { role: 'patient', age: '45-54' } });
    expect(exampleOf({ ...v, documents: [{ ...v.documents[0], case: 0 }] } as never)).toBeNull();
  });
});

describe('attributionLine', () => {
  const ex = { case: 'Patient 005', speaker: 'P005', document: 'patient-005', values: { role: 'patient', 'nested case': '2' } };
  it('writes case, the attributes in the chosen order, speaker, then document, as the report does', () => {
    expect(attributionLine({ case: true, speaker: false, document: false, attributes: ['role', 'nested case'] }, ex)).toBe(
      '— Patient 005, patient, nested case 2',
    );
    expect(attributionLine({ case: true, speaker: true, document: true, attributes: ['nested case', 'role'] }, ex)).toBe(
      '— Patient 005, nested case 2, patient, P005, patient-005',
    );
  });
  it('puts a value that is not a word after its attribute’s name', () => {
    expect(attributeValue('nested_case', '2')).toBe('nested case 2');
    expect(attributeValue('age group', '45-54')).toBe('age group 45-54');
    expect(attributeValue('role', ' link  worker ')).toBe('link worker');
    expect(attributeValue('site', 'Café')).toBe('Café');
    expect(attributeValue('role', '')).toBe('');
  });
  it('leaves out what the case lacks, and is empty for nothing', () => {
    expect(attributionLine({ case: false, speaker: false, document: false, attributes: ['age'] }, ex)).toBe('');
    expect(attributionLine({ case: true, speaker: false, document: false, attributes: [] }, null)).toBe('');
  });
});

describe('ReportStore', () => {
  it('starts from the service’s defaults and previews the whole framework once', async () => {
    const s = await loaded();
    expect(s.framework).toBe(1);
    expect(s.layer).toBe(3);
    expect(s.breakdown).toBe('role');
    expect([...s.chosen].sort()).toEqual([11, 12, 21, 22]);
    expect(s.example).toBe('— Patient 005, patient');
    expect(Report.Preview).toHaveBeenCalledTimes(1);
    expect(m(Report.Preview).mock.calls[0][0]).toEqual({
      framework: 1, codes: [], layer: 3, filter: { documents: [], cases: [], attributes: {} }, order: 'codebook',
      starredOnly: false, attribution: { case: true, speaker: false, document: false, attributes: ['role'] },
      breakdown: 'role', agreement: false, memos: false, title: '',
    });
    expect(s.preview).toBe('<h1>Themes</h1>');
  });

  it('asks for the codes’ memos when the writer ticks them', async () => {
    const s = await loaded();
    m(Report.Preview).mockClear();
    s.setMemos(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(m(Report.Preview).mock.calls.at(-1)?.[0].memos).toBe(true);
  });

  it('makes one preview, after the debounce, for a burst of choices', async () => {
    const s = await loaded();
    m(Report.Preview).mockClear();
    s.toggle(10, false);
    s.setOrder('prevalence');
    s.setStarredOnly(true);
    s.setAttributionAttribute('nested case', true);
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS - 1);
    expect(Report.Preview).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(Report.Preview).toHaveBeenCalledTimes(1);
    expect(m(Report.Preview).mock.calls[0][0]).toMatchObject({
      codes: [20], order: 'prevalence', starredOnly: true,
      attribution: { attributes: ['role', 'nested case'] },
    });
  });

  it('sends a wholly chosen factor as the factor and a partly chosen one code by code', async () => {
    const s = await loaded();
    expect(s.state(10)).toBe('all');
    s.toggle(12, false);
    expect(s.state(10)).toBe('some');
    expect(s.input.codes).toEqual([11, 20]);
    s.toggle(10, true);
    expect(s.input.codes).toEqual([]);
    s.setAll(false);
    expect(s.nothingChosen).toBe(true);
    expect(s.state(20)).toBe('none');
  });

  it('drops an answer that comes after a newer one was asked for', async () => {
    const s = await loaded();
    let slow!: (v: string) => void;
    m(Report.Preview)
      .mockImplementationOnce(() => new Promise((r) => (slow = r)))
      .mockImplementationOnce(async () => '<h1>newer</h1>');
    s.setOrder('prevalence');
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS);
    s.setOrder('codebook');
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS);
    expect(s.preview).toBe('<h1>newer</h1>');
    slow('<h1>older</h1>');
    await settle();
    expect(s.preview).toBe('<h1>newer</h1>');
    expect(s.previewing).toBe(false);
  });

  it('shows why a preview failed and clears it on the next', async () => {
    const s = await loaded();
    m(Report.Preview).mockRejectedValueOnce(JSON.stringify({ code: 'not_found', kind: 'not_found', message: 'no attribute “age”' }));
    await s.refresh();
    expect(s.previewError).toBe('no attribute “age”');
    await s.refresh();
    expect(s.previewError).toBe('');
  });

  it('offers agreement only to a viewer who may compare, over all coders', async () => {
    let s = await loaded();
    s.setAgreement(true);
    expect(s.agreementUnavailable).toMatch(/All coders/);
    expect(s.input.agreement).toBe(false);
    s.setLayer(0);
    expect(s.agreementUnavailable).toBe('');
    expect(s.input.agreement).toBe(true);
    m(Report.Options).mockResolvedValueOnce(options({ layers: [{ coder: 0, name: 'All coders', kind: 'all', coders: ['Aisha', 'Ben', 'Chen'], default: true }] }));
    s = await loaded();
    expect(s.agreementUnavailable).toMatch(/two coders; all coders together here are 3/);
    s = await loaded(false);
    s.setLayer(0);
    s.setAgreement(true);
    expect(s.agreementUnavailable).toMatch(/Blind mode/);
    expect(s.input.agreement).toBe(false);
  });

  it('exports with the current choice and says where it went; a cancel says nothing', async () => {
    const toasts = new ToastStore();
    const s = new ReportStore(toasts);
    await s.show();
    s.setLayer(1);
    s.toggle(20, false);
    m(Report.Export).mockResolvedValueOnce('/home/r/Themes.docx').mockResolvedValueOnce('');
    await s.exportAs('docx');
    expect(Report.Export).toHaveBeenCalledWith(expect.objectContaining({ framework: 1, layer: 1, codes: [10] }), 'docx');
    expect(s.saved).toBe('/home/r/Themes.docx');
    expect(toasts.items.map((t) => t.message)).toEqual(['Word report saved to /home/r/Themes.docx']);
    await s.exportAs('md');
    expect(m(Report.Export).mock.calls[1][1]).toBe('md');
    expect(s.saved).toBe('');
    expect(toasts.items).toHaveLength(1);
  });

  it('exports nothing when no code is chosen', async () => {
    const s = await loaded();
    s.setAll(false);
    await s.exportAs('html');
    expect(Report.Export).not.toHaveBeenCalled();
  });

  it('follows changes elsewhere only while shown, once for a burst', async () => {
    const s = await loaded();
    m(Report.Options).mockClear();
    m(Report.Preview).mockClear();
    s.changed();
    s.changed();
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS);
    expect(Report.Options).toHaveBeenCalledTimes(1);
    expect(Report.Preview).toHaveBeenCalledTimes(1);
    s.hide();
    s.changed();
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS * 2);
    expect(Report.Options).toHaveBeenCalledTimes(1);
  });

  it('keeps the choices when the options are read again, choosing a code added to a wholly chosen factor', async () => {
    const s = await loaded();
    s.setFramework(2);
    s.toggle(31, false);
    s.setFramework(1);
    s.toggle(12, false);
    s.setLayer(1);
    const more = options();
    more.frameworks[0].codes.push(code(13, 20, 'Social growth'), code(14, 10, 'Calm'));
    m(Report.Options).mockResolvedValue(more);
    await s.load();
    expect(s.layer).toBe(1);
    // Social well-being was wholly chosen, so its new code is too; Emotional was not.
    expect([...s.chosen].sort()).toEqual([11, 13, 21, 22]);
  });

  // "I go to the garden 🌱 on Tuesdays." starred at code point 100 of its document.
  const star = (over: object = {}) => ({
    id: 7, documentId: 4, document: 'patient-005', codeId: 11, code: 'Positive affect', start: 100, end: 134,
    cuts: null, text: 'I go to the garden 🌱 on Tuesdays.', trimmed: 'I go to the garden 🌱 on Tuesdays.',
    starredBy: 'Aisha', starredAt: '', speaker: 'P005', case: 'Patient 005', ...over,
  });

  it('lists the starred quotes of the chosen framework under their codes, in codebook order', async () => {
    m(Quotes.Exemplars).mockResolvedValue([star({ id: 8, codeId: 21 }), star(), star({ id: 9, codeId: 30 })]);
    const s = await loaded();
    expect(Quotes.Exemplars).toHaveBeenCalledWith(0);
    expect(s.starredByCode.map((g) => [g.code.name, g.stars.map((e) => e.id)])).toEqual([
      ['Positive affect', [7]],
      ['Social integration', [8]],
    ]);
    expect(s.stars[0].cuts).toEqual([]);
  });

  it('unstars and trims, telling the other views and previewing again', async () => {
    m(Quotes.Exemplars).mockResolvedValue([star()]);
    const onStars = vi.fn();
    const s = new ReportStore(new ToastStore(), () => true, onStars);
    await s.show();
    m(Report.Preview).mockClear();
    m(Quotes.Trim).mockResolvedValueOnce(star({ cuts: [[119, 122]], trimmed: 'I go to the garden … on Tuesdays.' }));
    await s.omit(s.stars[0], [119, 122]);
    expect(Quotes.Trim).toHaveBeenCalledWith(7, [[119, 122]]);
    expect(s.stars[0].trimmed).toBe('I go to the garden … on Tuesdays.');
    // A second cut touching the first is joined to it.
    m(Quotes.Trim).mockResolvedValueOnce(star({ cuts: [[119, 125]] }));
    await s.omit(s.stars[0], [122, 125]);
    expect(m(Quotes.Trim).mock.calls[1]).toEqual([7, [[119, 125]]]);
    m(Quotes.Unstar).mockResolvedValueOnce(undefined);
    await s.unstar(s.stars[0]);
    expect(Quotes.Unstar).toHaveBeenCalledWith(7);
    expect(s.stars).toEqual([]);
    expect(onStars).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS);
    expect(Report.Preview).toHaveBeenCalledTimes(1);
  });

  it('keeps the stars as they were when a trim is refused, and says why', async () => {
    m(Quotes.Exemplars).mockResolvedValue([star()]);
    const toasts = new ToastStore();
    const onStars = vi.fn();
    const s = new ReportStore(toasts, () => true, onStars);
    await s.show();
    m(Quotes.Trim).mockRejectedValueOnce(JSON.stringify({ code: 'invalid', kind: 'invalid', message: 'a cut must leave some of the quote' }));
    await s.omit(s.stars[0], [100, 134]);
    expect(s.stars[0].trimmed).toBe('I go to the garden 🌱 on Tuesdays.');
    expect(onStars).not.toHaveBeenCalled();
    expect(toasts.items.map((t) => t.message)).toEqual(['a cut must leave some of the quote']);
  });

  it('reports only what the Themes tab’s filter keeps when asked, and never a filter that keeps everything', async () => {
    const f = { documents: [4], cases: [], attributes: { role: ['patient'], nested_case: [] as string[] } };
    let themes = { documents: [] as number[], cases: [] as string[], attributes: {} as Record<string, string[]> };
    const s = new ReportStore(new ToastStore(), () => true, () => {}, () => themes);
    await s.show();
    expect(s.filterSummary).toBe('');
    s.setFiltered(true);
    expect(s.input.filter).toEqual({ documents: [], cases: [], attributes: {} });
    themes = f;
    expect(s.filterSummary).toBe('role: patient; 1 document');
    const sent = s.input.filter;
    expect(sent).toEqual({ documents: [4], cases: [], attributes: { role: ['patient'] } });
    f.attributes.role.push('provider');
    expect(sent.attributes.role).toEqual(['patient']);
    s.setFiltered(false);
    expect(s.input.filter).toEqual({ documents: [], cases: [], attributes: {} });
  });
});

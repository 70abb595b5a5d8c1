import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';

vi.mock('../wailsjs/go/app/ReportService', () => ({ Options: vi.fn(), Preview: vi.fn(), Export: vi.fn() }));
vi.mock('../wailsjs/go/app/CasesService', () => ({ View: vi.fn() }));
vi.mock('../wailsjs/go/app/QuotesService', () => ({ Exemplars: vi.fn(), Unstar: vi.fn(), Trim: vi.fn(), Star: vi.fn() }));

import * as Report from '../wailsjs/go/app/ReportService';
import * as Cases from '../wailsjs/go/app/CasesService';
import * as Quotes from '../wailsjs/go/app/QuotesService';
import ReportScreen from '../screens/ReportScreen.svelte';
import { ReportStore } from '../stores/report.svelte';
import { ToastStore } from '../stores/toasts.svelte';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

const code = (id: number, parent: number, name: string, isFactor = false) => ({ id, parent, ref: '', name, depth: parent ? 1 : 0, isFactor });
const options = {
  frameworks: [
    {
      id: 1, name: 'Keyes', active: true,
      codes: [code(10, 0, 'Emotional well-being', true), code(11, 10, 'Positive affect'), code(12, 10, 'Avowed quality of life'), code(21, 0, 'Social integration')],
    },
  ],
  framework: 1,
  layers: [
    { coder: 0, name: 'All coders', kind: 'all', coders: ['Aisha', 'Ben'], default: false },
    { coder: 3, name: 'Consensus', kind: 'consensus', coders: ['Consensus'], default: true },
  ],
  attributes: [{ name: 'role', type: 'category', values: ['patient'] }, { name: 'nested_case', type: 'number', values: ['2'] }],
  attribution: { case: true, speaker: false, document: false, attributes: ['role'] },
  breakdown: 'role',
  canCompare: true,
};
const casesView = {
  types: null, attributes: null,
  cases: [{ id: 5, name: 'Patient 005', values: { role: 'patient', nested_case: '2' } }],
  documents: [{ document: 1, name: 'patient-005', case: 5, caseName: 'Patient 005', speakers: [{ name: 'P005', turns: 2, case: 0, caseName: '', excluded: false }] }],
};

beforeEach(() => {
  vi.clearAllMocks();
  m(Report.Options).mockResolvedValue(options);
  m(Report.Preview).mockResolvedValue('<!doctype html><html><head><title>r</title></head><body><h1>Themes: Keyes</h1><blockquote><p>I go <script>x</script></p></blockquote></body></html>');
  m(Cases.View).mockResolvedValue(casesView);
  m(Quotes.Exemplars).mockResolvedValue(null);
});

async function shown() {
  const report = new ReportStore(new ToastStore());
  render(ReportScreen, { props: { report } });
  await waitFor(() => expect(Report.Preview).toHaveBeenCalled());
  return report;
}

describe('ReportScreen', () => {
  it('shows the preview in a frame with every sandbox restriction and the page it was given', async () => {
    await shown();
    const frame = screen.getByTestId('report-preview') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toContain('<h1>Themes: Keyes</h1>'));
    // Its own style goes into the page's head; nothing else is added.
    expect(frame.getAttribute('srcdoc')).toMatch(/<head><style>[\s\S]*<\/style><title>r<\/title>/);
  });

  it('a factor’s box chooses its codes and shows a mixed state when only some are', async () => {
    const report = await shown();
    const factor = screen.getByTestId('report-code-Emotional well-being') as HTMLInputElement;
    await waitFor(() => expect(factor.checked).toBe(true));
    await fireEvent.click(screen.getByTestId('report-code-Positive affect'));
    expect(factor.checked).toBe(false);
    expect(factor.indeterminate).toBe(true);
    expect(report.input.codes).toEqual([12, 21]);
    await fireEvent.click(factor);
    expect(factor.checked).toBe(true);
    expect((screen.getByTestId('report-code-Positive affect') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('report-codes-count')).toHaveTextContent('3 of 3 codes');
  });

  it('shows the attribution line as the template changes', async () => {
    await shown();
    const example = screen.getByTestId('report-attr-example');
    await waitFor(() => expect(example).toHaveTextContent('— Patient 005, patient'));
    await fireEvent.click(screen.getByTestId('report-attr-nested_case'));
    expect(example).toHaveTextContent('— Patient 005, patient, nested case 2');
    await fireEvent.click(screen.getByTestId('report-attr-speaker'));
    expect(example).toHaveTextContent('— Patient 005, patient, nested case 2, P005');
    await fireEvent.click(screen.getByRole('button', { name: 'Write nested case earlier' }));
    expect(example).toHaveTextContent('— Patient 005, nested case 2, patient, P005');
  });

  it('says why agreement is off until all coders are chosen', async () => {
    await shown();
    const box = screen.getByTestId('report-agreement') as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(true));
    expect(screen.getByTestId('report-agreement-why')).toHaveTextContent('choose “All coders”');
    await fireEvent.change(screen.getByTestId('report-layer'), { target: { value: '0' } });
    expect(box.disabled).toBe(false);
    expect(screen.queryByTestId('report-agreement-why')).toBeNull();
  });

  it('exports in the format pressed, and not when no code is chosen', async () => {
    await shown();
    m(Report.Export).mockResolvedValue('/tmp/Themes.docx');
    const docx = screen.getByTestId('report-export-docx');
    expect(docx).toHaveTextContent('Export Word (.docx)…');
    await fireEvent.click(docx);
    await waitFor(() => expect(screen.getByTestId('report-export-result')).toHaveTextContent('/tmp/Themes.docx'));
    expect(m(Report.Export).mock.calls[0][1]).toBe('docx');
    await fireEvent.click(screen.getByTestId('report-codes-none'));
    for (const f of ['md', 'html', 'docx']) expect(screen.getByTestId(`report-export-${f}`)).toBeDisabled();
    expect(screen.getByTestId('report-status')).toHaveTextContent('Choose at least one code.');
  });

  it('trims a starred quote from a selection in its passage, counting an emoji as one character', async () => {
    const text = 'I go to the garden 🌱 now, on Tuesdays.';
    const e = { id: 7, documentId: 4, document: 'patient-005', codeId: 11, code: 'Positive affect', start: 100, end: 139, cuts: null, text, trimmed: text, starredBy: 'Aisha', starredAt: '', speaker: 'P005', case: 'Patient 005' };
    m(Quotes.Exemplars).mockResolvedValue([e]);
    m(Quotes.Trim).mockResolvedValue({ ...e, cuts: [[121, 126]], trimmed: 'I go to the garden 🌱 … on Tuesdays.' });
    await shown();
    await waitFor(() => expect(screen.getByTestId('report-stars-count')).toHaveTextContent('1 starred quote in this framework'));
    await fireEvent.click(screen.getByTestId('report-star-trim'));
    await fireEvent.click(screen.getByTestId('report-trim-omit'));
    expect(screen.getByRole('status')).toHaveTextContent('Select the words to leave out');
    const node = screen.getByTestId('report-trim-source').querySelector('span')!.firstChild as Text;
    const at = text.indexOf('now,');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'now,'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    await fireEvent.click(screen.getByTestId('report-trim-omit'));
    // "🌱" is two UTF-16 units but one code point: "now," starts at code point 21 of the passage.
    expect(Quotes.Trim).toHaveBeenCalledWith(7, [[121, 125]]);
    await waitFor(() => expect(screen.getByTestId('report-star-text')).toHaveTextContent('I go to the garden 🌱 … on Tuesdays.'));
  });
});

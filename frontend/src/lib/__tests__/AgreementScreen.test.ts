import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  return { ...orig, api: { agreement: vi.fn(), agreementMethods: vi.fn(), exportAgreement: vi.fn(), units: vi.fn() } };
});

import { api } from '../api';
import AgreementScreen from '../screens/AgreementScreen.svelte';
import { AgreementStore } from '../stores/agreement.svelte';
import type { Agreement, AgreementRequest, AgreementRow } from '../types';
import { aisha, ben, codes, noCI } from './fixtures';

const mocked = api as unknown as Record<'agreement' | 'agreementMethods' | 'exportAgreement' | 'units', ReturnType<typeof vi.fn>>;

const units = [
  { name: 'character', label: 'Character', help: 'Every character (code point) is a unit, per code.' },
  { name: 'turn', label: 'Speaker turn', help: 'Each speaker turn is a unit; a coder coded it when their segments cover enough of it.' },
  { name: 'sentence', label: 'Sentence', help: 'Each sentence within a turn is a unit.' },
  { name: 'paragraph', label: 'Paragraph', help: 'Each paragraph is a unit.' },
  { name: 'document', label: 'Document presence', help: 'Each document is a unit: did the coder use the code anywhere in it?' },
];
const docs = [
  { id: 5, name: 'a', turns: 1, words: 10, chars: 50, case: '' },
  { id: 6, name: 'b', turns: 1, words: 20, chars: 90, case: '' },
];
const overall: AgreementRow = {
  label: 'All codes', code: 0, factor: 0, document: 0, both: 3, onlyA: 1, onlyB: 0, neither: 6, units: 10, agreement: 0.9, kappa: 0.78, scottPi: 0.77,
  krippendorffAlpha: null, gwetAC1: 0.83, brennanPrediger: 0.8, ci: noCI, status: 'defined', note: '',
};

// Per document: every code pooled, and the code × document rows for "Positive affect" (11) and "Social integration" (21).
const docRow = (label: string, document: number, code: number, kappa: number | null, note = ''): AgreementRow => ({
  ...overall, label, document, code, kappa, krippendorffAlpha: code === 0 ? null : kappa, note, status: kappa === null ? 'no-variation' : 'defined',
});
const byDocument = [
  { code: 0, rows: [docRow('a', 5, 0, 0.81234), docRow('b', 6, 0, 0.5)] },
  { code: 11, rows: [docRow('a', 5, 11, 0.66666), docRow('b', 6, 11, null, 'undefined: no variation (neither coder used this code)')] },
  { code: 21, rows: [docRow('a', 5, 21, 0.25), docRow('b', 6, 21, 0.125)] },
];

// Answers with whatever unit and share were asked for, as the backend does.
// With resamples it answers with intervals, as the backend does for two or more documents.
function answer({ documents, unit, minShare, bootstrap }: AgreementRequest): Promise<Agreement> {
  const row = bootstrap > 0 ? { ...overall, ci: { ...noCI, kappa: [0.553, 0.774] as [number, number], gwetAC1: [0.7, 0.9] as [number, number] } } : overall;
  return Promise.resolve({
    coderA: aisha, coderB: ben, documents, unit, minShare, resamples: bootstrap, seed: bootstrap > 0 ? 1 : 0,
    resampling: bootstrap > 0 ? 'document' : '', formula: 'cohen-kappa/v1', codebook: 'Keyes: flourishing, revision 0', perCode: [], perFactor: [], overall: row,
    byDocument,
  });
}

beforeEach(() => {
  vi.resetAllMocks();
  mocked.units.mockResolvedValue(units);
  mocked.agreement.mockImplementation(answer);
  mocked.agreementMethods.mockImplementation(
    ({ unit, bootstrap, statistic }: AgreementRequest) =>
      Promise.resolve(`Agreement was computed per ${unit} with ${statistic}${bootstrap ? ` and ${bootstrap} resamples` : ''}.`),
  );
});

function renderScreen() {
  const agreement = new AgreementStore();
  render(AgreementScreen, { agreement, coders: [aisha, ben], documents: docs, codes });
  return agreement;
}

describe('AgreementScreen', () => {
  it('counts characters by default and names them', async () => {
    renderScreen();
    await waitFor(() => expect(screen.getByTestId('agreement-unit')).toHaveTextContent('character counts'));
    expect(mocked.agreement).toHaveBeenCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    expect(screen.getByTestId('unit')).toHaveValue('character');
    expect(screen.getByTestId('unit-help')).toHaveTextContent('Every character (code point) is a unit');
    expect(screen.queryByTestId('min-share')).toBeNull();
    expect(screen.getByTestId('agreement-count-head')).toHaveTextContent('Character counts');
    expect(screen.getByTestId('agreement-footnote')).toHaveTextContent('Unit of analysis: Character. Every character (code point) is a unit, per code.');
    expect(screen.getByTestId('agreement-footnote')).toHaveTextContent('Both, Only A, Only B and Neither count characters.');
    expect(screen.getByTestId('agreement-footnote')).not.toHaveTextContent('counts as coded');
    expect(screen.getByTestId('agreement-codebook')).toHaveTextContent('Codebook: Keyes: flourishing, revision 0.');
  });

  it('chooses the documents that arrive after the tab opened, and computes with them', async () => {
    const agreement = new AgreementStore();
    const view = render(AgreementScreen, { agreement, coders: [aisha, ben], documents: [], codes });
    await waitFor(() => expect(screen.getByTestId('agreement-blocked')).toBeInTheDocument());
    await view.rerender({ agreement, coders: [aisha, ben], documents: docs, codes });
    await waitFor(() => expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) }));
    expect(agreement.chosen).toEqual([5, 6]);
  });

  it('switches to speaker turns with a threshold and says so in the header, subtitle and footnote', async () => {
    renderScreen();
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'Speaker turn' })).toHaveLength(1));
    await fireEvent.change(screen.getByTestId('unit'), { target: { value: 'turn' } });
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'turn', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    expect(screen.getByTestId('unit-help')).toHaveTextContent('Each speaker turn is a unit');
    await waitFor(() => expect(screen.getByTestId('agreement-unit')).toHaveTextContent('turn counts'));
    expect(screen.getByTestId('agreement-footnote')).toHaveTextContent(
      'For this table, a unit counts as coded when a coder’s segments cover any part of it.',
    );

    const share = screen.getByTestId('min-share');
    expect([...share.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'any part', 'at least a quarter', 'at least half', 'at least 90 %', 'all of it',
    ]);
    await fireEvent.change(share, { target: { value: '0.5' } });
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'turn', minShare: 0.5, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await waitFor(() => expect(screen.getByTestId('agreement-footnote')).toHaveTextContent('cover at least half of it.'));
    expect(screen.getByTestId('agreement-count-head')).toHaveTextContent('Turn counts');
    expect(screen.getByTestId('agreement-unit').parentElement).toHaveTextContent(
      /· turn counts; a turn counts as coded when a coder covers at least half of it$/,
    );
    expect(screen.getByTestId('agreement-footnote')).toHaveTextContent('Both, Only A, Only B and Neither count turns.');

    await fireEvent.change(screen.getByTestId('unit'), { target: { value: 'document' } });
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'document', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await waitFor(() => expect(screen.getByTestId('agreement-unit')).toHaveTextContent('document counts'));
    expect(screen.queryByTestId('min-share')).toBeNull();
    expect(screen.getByTestId('agreement-count-head')).toHaveTextContent('Document counts');
  });

  it('chooses the coefficient without recomputing, and says which in the help and footnote', async () => {
    const agreement = renderScreen();
    await waitFor(() => expect(screen.getByTestId('agreement-overall')).toBeInTheDocument());
    const select = screen.getByTestId('statistic');
    expect(select).toHaveValue('kappa');
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Cohen’s κ', 'Scott’s π', 'Krippendorff’s α (nominal)', 'Gwet’s AC1', 'Brennan–Prediger κ (PABAK)',
    ]);
    const foot = screen.getByTestId('agreement-footnote');
    expect(screen.getByTestId('agreement-statistic')).toHaveTextContent(/^Statistic: Cohen’s κ per code \(formula cohen-kappa\/v1\)\. κ = /);
    expect(foot).toHaveTextContent('mean observed and mean expected agreement of the codes (De Vries et al. 2008)');
    expect(foot).toHaveTextContent('κ, π, AC1 and κ_BP');
    const calls = mocked.agreement.mock.calls.length;

    await fireEvent.change(select, { target: { value: 'gwetAC1' } });
    expect(agreement.statistic).toBe('gwetAC1');
    expect(screen.getByTestId('statistic-help')).toHaveTextContent(
      'Chance agreement from how often codes are used; stays stable when a code is rare',
    );
    expect(screen.getByTestId('statistic-head')).toHaveTextContent(/^AC1$/);
    expect(screen.getByTestId('kappa')).toHaveTextContent('0.830');
    expect(screen.getByTestId('kappa')).toHaveAttribute('data-statistic', 'gwetAC1');
    expect(screen.getByTestId('agreement-statistic')).toHaveTextContent(
      /^Statistic: Gwet’s AC1 per code\. AC1 = \(p_o − p_e\) \/ \(1 − p_e\) with p_e = 2m\(1 − m\)/,
    );
    expect(foot).not.toHaveTextContent('cohen-kappa/v1');
    expect(foot).toHaveTextContent('Reading AC1.');

    await fireEvent.change(select, { target: { value: 'krippendorffAlpha' } });
    expect(screen.getByTestId('statistic-help')).toHaveTextContent('π corrected for small samples; reported per code, not for pooled rows');
    expect(screen.getByTestId('kappa')).toHaveTextContent(/^—$/);
    expect(screen.getByTestId('agreement-statistic')).toHaveTextContent(/^Statistic: Krippendorff’s α \(nominal\) per code\./);
    expect(foot).not.toHaveTextContent('p_o is the observed agreement');

    await fireEvent.change(select, { target: { value: 'brennanPrediger' } });
    expect(screen.getByTestId('statistic-help')).toHaveTextContent('Chance fixed at one half; for yes/no codes this is PABAK');
    expect(screen.getByTestId('kappa')).toHaveTextContent('0.800');
    expect(mocked.agreement).toHaveBeenCalledTimes(calls);
  });

  it('asks for bootstrap intervals when ticked, shows them and says how they were made', async () => {
    const agreement = renderScreen();
    await waitFor(() => expect(screen.getByTestId('agreement-overall')).toBeInTheDocument());
    const box = screen.getByTestId('intervals') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.closest('label')).toHaveTextContent('95 % confidence intervals');
    expect(screen.getByTestId('intervals-help')).toHaveTextContent(
      /^1,000 bootstrap resamples of the documents \(seed 1\): each resample draws whole documents with replacement; needs at least two documents\.$/,
    );
    expect(screen.queryByTestId('ci')).toBeNull();
    expect(screen.queryByTestId('agreement-intervals')).toBeNull();

    await fireEvent.click(box);
    expect(agreement.intervals).toBe(true);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 1000, resample: 'document', statistic: expect.any(String) });
    await waitFor(() => expect(screen.getByTestId('ci')).toHaveTextContent('0.553–0.774'));
    expect(screen.getByTestId('kappa').textContent).toBe('0.780');
    expect(screen.getByTestId('agreement-intervals')).toHaveTextContent(
      /^Intervals: percentile bootstrap, 1,000 resamples of the 2 documents \(seed 1\); documents, not characters, are resampled because text within a document is not independent\.$/,
    );
    await fireEvent.change(screen.getByTestId('statistic'), { target: { value: 'gwetAC1' } });
    expect(screen.getByTestId('ci')).toHaveTextContent('0.700–0.900');
    await fireEvent.change(screen.getByTestId('statistic'), { target: { value: 'scottPi' } });
    expect(screen.queryByTestId('ci')).toBeNull();

    await fireEvent.click(box);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await waitFor(() => expect(screen.queryByTestId('agreement-intervals')).toBeNull());
    expect(screen.queryByTestId('ci-head')).toBeNull();
  });

  describe('methods paragraph and exports', () => {
    it('shows the methods paragraph below the table and fetches it again for another coefficient', async () => {
      renderScreen();
      await waitFor(() => expect(screen.getByTestId('methods')).toBeInTheDocument());
      const block = screen.getByTestId('methods');
      expect(block).toHaveTextContent('Methods paragraph');
      expect(screen.getByTestId('methods-text').textContent).toBe('Agreement was computed per character with kappa.');
      expect(mocked.agreementMethods).toHaveBeenCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'kappa' });
      // below the table, above the footnote
      const foot = screen.getByTestId('agreement-footnote');
      expect(block.compareDocumentPosition(foot) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(screen.getByTestId('agreement-table').compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

      const calls = mocked.agreement.mock.calls.length;
      await fireEvent.change(screen.getByTestId('statistic'), { target: { value: 'gwetAC1' } });
      await waitFor(() => expect(screen.getByTestId('methods-text')).toHaveTextContent('with gwetAC1.'));
      expect(mocked.agreementMethods).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'gwetAC1' });
      expect(mocked.agreement).toHaveBeenCalledTimes(calls);

      await fireEvent.click(screen.getByTestId('intervals'));
      await waitFor(() => expect(screen.getByTestId('methods-text')).toHaveTextContent('with gwetAC1 and 1000 resamples.'));
    });

    it('copies the paragraph, or selects it when there is no clipboard', async () => {
      renderScreen();
      await waitFor(() => expect(screen.getByTestId('methods')).toBeInTheDocument());
      const writeText = vi.fn(() => Promise.resolve());
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      try {
        await fireEvent.click(screen.getByTestId('copy-methods'));
        expect(writeText).toHaveBeenCalledWith('Agreement was computed per character with kappa.');
        await waitFor(() => expect(screen.getByTestId('copy-note')).toHaveTextContent('Copied'));
      } finally {
        Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
      }
      await fireEvent.click(screen.getByTestId('copy-methods'));
      await waitFor(() => expect(screen.getByTestId('copy-note')).toHaveTextContent(/^Selected — press/));
      expect(window.getSelection()?.toString()).toBe('Agreement was computed per character with kappa.');
    });

    it('exports through the store and says where the file went', async () => {
      const agreement = renderScreen();
      await waitFor(() => expect(screen.getByTestId('agreement-overall')).toBeInTheDocument());
      const csv = screen.getByTestId('export-csv');
      const md = screen.getByTestId('export-md');
      const html = screen.getByTestId('export-html-agreement');
      expect([csv, md, html].map((b) => b.textContent)).toEqual(['Export CSV…', 'Export Markdown…', 'Export HTML…']);
      expect(screen.queryByTestId('agreement-export-result')).toBeNull();

      const exportAs = vi.spyOn(agreement, 'exportAs');
      mocked.exportAgreement.mockResolvedValue('/home/me/Agreement.md');
      await fireEvent.click(md);
      expect(exportAs).toHaveBeenLastCalledWith('md');
      expect(mocked.exportAgreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'kappa' }, 'md');
      await waitFor(() => expect(screen.getByTestId('agreement-export-result')).toHaveTextContent('Saved to /home/me/Agreement.md'));

      mocked.exportAgreement.mockResolvedValue('/home/me/Agreement.csv');
      await fireEvent.click(csv);
      expect(exportAs).toHaveBeenLastCalledWith('csv');
      await waitFor(() => expect(screen.getByTestId('agreement-export-result')).toHaveTextContent('Saved to /home/me/Agreement.csv'));

      mocked.exportAgreement.mockResolvedValue('');
      await fireEvent.click(html);
      expect(exportAs).toHaveBeenLastCalledWith('html');
      await waitFor(() => expect(screen.queryByTestId('agreement-export-result')).toBeNull());
    });

    it('offers no export without a table', async () => {
      const agreement = new AgreementStore();
      render(AgreementScreen, { agreement, coders: [aisha], documents: docs, codes });
      expect(screen.getByTestId('agreement-blocked')).toBeInTheDocument();
      for (const id of ['export-csv', 'export-md', 'export-html-agreement']) expect(screen.getByTestId(id)).toBeDisabled();
      expect(screen.queryByTestId('methods')).toBeNull();
    });
  });

  describe('rows by document', () => {
    const docRows = () => [...screen.getByTestId('agreement-table').querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-testid'));

    it('switches to a row per document without recomputing, then to one code’s rows', async () => {
      const agreement = renderScreen();
      await waitFor(() => expect(screen.getByTestId('agreement-overall')).toBeInTheDocument());
      const calls = mocked.agreement.mock.calls.length;
      expect(screen.getByTestId('rows-by-code')).toHaveAttribute('aria-pressed', 'true');
      expect(screen.queryByTestId('document-code')).toBeNull();
      expect(screen.queryByTestId('agreement-rows')).toBeNull();

      await fireEvent.click(screen.getByTestId('rows-by-document'));
      expect(agreement.rows).toBe('document');
      expect(screen.getByTestId('rows-by-document')).toHaveAttribute('aria-pressed', 'true');
      expect(screen.getByRole('heading', { name: 'Agreement by document' })).toBeInTheDocument();
      expect(docRows()).toEqual(['agreement-doc-row-a', 'agreement-doc-row-b']);
      expect(screen.queryByTestId('agreement-overall')).toBeNull();
      expect(within(screen.getByTestId('agreement-doc-row-a')).getByTestId('kappa').textContent).toBe('0.812');
      expect(screen.getByTestId('agreement-rows')).toHaveTextContent(/^Per document, all codes pooled$/);
      expect(screen.getByTestId('agreement-documents-note')).toHaveTextContent('pooling every code');

      const select = screen.getByTestId('document-code');
      expect(select).toHaveValue('0');
      expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
        'All codes pooled', 'Positive affect', 'Social integration',
      ]);
      await fireEvent.change(select, { target: { value: '21' } });
      expect(agreement.documentCode).toBe(21);
      expect(screen.getByTestId('agreement-rows')).toHaveTextContent(/^Per document: Social integration$/);
      expect(within(screen.getByTestId('agreement-doc-row-a')).getByTestId('kappa').textContent).toBe('0.250');
      expect(within(screen.getByTestId('agreement-doc-row-b')).getByTestId('kappa').textContent).toBe('0.125');

      await fireEvent.change(select, { target: { value: '11' } });
      const b = within(screen.getByTestId('agreement-doc-row-b'));
      expect(b.getByTestId('kappa')).toHaveTextContent(/^undefined$/);
      expect(b.getByTestId('note')).toHaveTextContent('undefined: no variation');
      // κ = 0.66666 misses 0.667, so it is not printed as reaching it.
      expect(within(screen.getByTestId('agreement-doc-row-a')).getByTestId('kappa').textContent).toBe('0.6667');

      // the chosen coefficient carries over
      await fireEvent.change(screen.getByTestId('statistic'), { target: { value: 'gwetAC1' } });
      expect(within(screen.getByTestId('agreement-doc-row-a')).getByTestId('kappa')).toHaveAttribute('data-statistic', 'gwetAC1');

      await fireEvent.click(screen.getByTestId('lowest-first'));
      expect(docRows()).toEqual(['agreement-doc-row-a', 'agreement-doc-row-b']);

      await fireEvent.click(screen.getByTestId('rows-by-code'));
      expect(screen.getByTestId('agreement-overall')).toBeInTheDocument();
      expect(screen.queryByTestId('document-code')).toBeNull();
      expect(mocked.agreement).toHaveBeenCalledTimes(calls);
    });

    it('shows no intervals per document and says why', async () => {
      renderScreen();
      await waitFor(() => expect(screen.getByTestId('agreement-overall')).toBeInTheDocument());
      await fireEvent.click(screen.getByTestId('intervals'));
      await waitFor(() => expect(screen.getByTestId('ci-head')).toBeInTheDocument());
      await fireEvent.click(screen.getByTestId('rows-by-document'));
      expect(screen.queryByTestId('ci-head')).toBeNull();
      expect(screen.queryByTestId('agreement-intervals')).toBeNull();
      expect(screen.getByTestId('agreement-documents-note')).toHaveTextContent('They have no intervals');
    });

    it('says so when the result has no figures per document', async () => {
      mocked.agreement.mockImplementation((req: AgreementRequest) => answer(req).then((a) => ({ ...a, byDocument: [] })));
      renderScreen();
      await waitFor(() => expect(screen.getByTestId('agreement-overall')).toBeInTheDocument());
      await fireEvent.click(screen.getByTestId('rows-by-document'));
      expect(screen.getByTestId('agreement-no-documents')).toBeInTheDocument();
      expect(screen.queryByTestId('agreement-table')).toBeNull();
    });
  });

  describe('codes', () => {
    it('lists the codes under their factor, folded until opened, and passes the chosen ones', async () => {
      renderScreen();
      await waitFor(() => expect(screen.getByTestId('agreement-overall')).toBeInTheDocument());
      expect(screen.getByTestId('codes-count')).toHaveTextContent('3 of 3');
      expect(screen.queryByTestId('agreement-codes')).toBeNull();
      const toggle = screen.getByTestId('codes-toggle');
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await fireEvent.click(toggle);
      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      const list = screen.getByTestId('agreement-codes');
      expect(within(list).getAllByRole('checkbox').map((b) => b.getAttribute('data-testid'))).toEqual([
        'codes-factor-Emotional well-being',
        'codes-code-Positive affect',
        'codes-code-Avowed quality of life',
        'codes-factor-Social well-being',
        'codes-code-Social integration',
      ]);
      expect(screen.getByTestId('codes-all')).toBeDisabled();

      await fireEvent.click(screen.getByTestId('codes-code-Avowed quality of life'));
      await waitFor(() => expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [11, 21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) }));
      await waitFor(() =>
        expect(mocked.agreementMethods).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [11, 21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'kappa' }),
      );
      expect(screen.getByTestId('codes-count')).toHaveTextContent('2 of 3');
      const factor = screen.getByTestId('codes-factor-Emotional well-being') as HTMLInputElement;
      expect(factor.indeterminate).toBe(true);
      // With codes left out, the list stays open.
      expect(toggle).toBeDisabled();
      mocked.exportAgreement.mockResolvedValue('/tmp/a.csv');
      await fireEvent.click(screen.getByTestId('export-csv'));
      expect(mocked.exportAgreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [11, 21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'kappa' }, 'csv');

      await fireEvent.click(screen.getByTestId('codes-all'));
      await waitFor(() => expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) }));
      expect(factor.checked).toBe(true);
      expect(factor.indeterminate).toBe(false);
    });

    it('asks for at least one code instead of computing nothing', async () => {
      renderScreen();
      await waitFor(() => expect(screen.getByTestId('agreement-overall')).toBeInTheDocument());
      const calls = mocked.agreement.mock.calls.length;
      await fireEvent.click(screen.getByTestId('codes-none'));
      expect(await screen.findByTestId('agreement-blocked')).toHaveTextContent('Choose at least one code.');
      expect(screen.queryByTestId('agreement-table')).toBeNull();
      expect(screen.queryByTestId('methods')).toBeNull();
      expect(mocked.agreement).toHaveBeenCalledTimes(calls);
      expect(screen.getByTestId('codes-count')).toHaveTextContent('0 of 3');
      expect(screen.getByTestId('agreement-codes')).toBeInTheDocument();
      await fireEvent.click(screen.getByTestId('codes-code-Social integration'));
      await waitFor(() => expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) }));
      await waitFor(() => expect(screen.queryByTestId('agreement-blocked')).toBeNull());
    });
  });
});

import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import AgreementTable from '../components/AgreementTable.svelte';
import type { Agreement, AgreementRow } from '../types';
import { noCI } from './fixtures';

function row(over: Partial<AgreementRow>): AgreementRow {
  return { label: '', code: 0, factor: 0, document: 0, both: 0, onlyA: 0, onlyB: 0, neither: 0, units: 0, agreement: 0, kappa: null, scottPi: null, krippendorffAlpha: null, gwetAC1: null, brennanPrediger: null, ci: noCI, status: 'defined', note: '', ...over };
}

const result: Agreement = {
  coderA: { id: 1, name: 'Aisha', consensus: false },
  coderB: { id: 2, name: 'Ben', consensus: false },
  documents: [5, 6],
  unit: 'character',
  minShare: 0,
  resamples: 0,
  seed: 0,
  resampling: '',
  formula: 'cohen-kappa/v1', codebook: 'Keyes: flourishing, revision 0',
  perFactor: [
    row({ label: 'Emotional well-being', factor: 10, both: 1727, onlyA: 1231, onlyB: 311, neither: 156994, agreement: 0.9831, kappa: 0.6152, scottPi: 0.6102, gwetAC1: 0.9871, brennanPrediger: 0.9662 }),
  ],
  perCode: [
    row({ label: 'Positive affect', code: 11, factor: 10, both: 1727, onlyA: 1231, onlyB: 311, neither: 77698, agreement: 0.98099, kappa: 0.68234, scottPi: 0.6701, krippendorffAlpha: 0.67012, gwetAC1: 0.98003, brennanPrediger: 0.96198 }),
    row({ label: 'Avowed quality of life', code: 12, factor: 10, neither: 81000, agreement: 1, kappa: null, gwetAC1: 1, brennanPrediger: 1, status: 'no-variation', note: 'undefined: no variation (neither coder used this code)' }),
    row({ label: 'Autonomy', code: 17, factor: 0, onlyB: 40, neither: 80960, agreement: 0.9995, kappa: 0, scottPi: -0.00025, krippendorffAlpha: 0.00000617, gwetAC1: 0.9995, brennanPrediger: 0.999, status: 'only-one-coder', note: 'κ = 0: only coder B used it' }),
  ],
  overall: row({ label: 'All codes', both: 1727, onlyA: 1231, onlyB: 351, neither: 239692, agreement: 0.9853, kappa: -0.0123, scottPi: -0.0201, gwetAC1: 0.9851, brennanPrediger: 0.9706 }),
  byDocument: [
    {
      code: 0,
      rows: [
        row({ label: 'Interview 1', document: 5, both: 900, onlyA: 600, onlyB: 200, neither: 120000, agreement: 0.9935, kappa: 0.6912, scottPi: 0.69, gwetAC1: 0.99, brennanPrediger: 0.987 }),
        row({ label: 'Interview 2', document: 6, both: 827, onlyA: 631, onlyB: 151, neither: 119692, agreement: 0.9935, kappa: 0.4021, scottPi: 0.4, gwetAC1: 0.98, brennanPrediger: 0.985, note: 'low' }),
      ],
    },
    {
      code: 17,
      rows: [
        row({ label: 'Interview 1', code: 17, document: 5, neither: 40000, agreement: 1, kappa: null, gwetAC1: 1, brennanPrediger: 1, status: 'no-variation', note: 'undefined: no variation (neither coder used this code)' }),
        row({ label: 'Interview 2', code: 17, document: 6, onlyB: 40, neither: 40960, agreement: 0.999, kappa: 0, krippendorffAlpha: 0.0000123, status: 'only-one-coder', note: 'κ = 0: only coder B used it' }),
      ],
    },
  ],
};

describe('AgreementTable', () => {
  it('groups codes under their factor, with the overall row last', () => {
    render(AgreementTable, { result });
    const body = screen.getByTestId('agreement-table').querySelector('tbody')!;
    const rows = within(body).getAllByRole('row');
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual([
      'agreement-factor-Emotional well-being',
      'agreement-row-Positive affect',
      'agreement-row-Avowed quality of life',
      'agreement-row-Autonomy',
      'agreement-overall',
    ]);
  });

  it('formats counts, agreement and kappa', () => {
    render(AgreementTable, { result });
    const r = within(screen.getByTestId('agreement-row-Positive affect'));
    expect(r.getByText('1,727')).toBeInTheDocument();
    expect(r.getByText('77,698')).toBeInTheDocument();
    expect(r.getByText('98.1%')).toBeInTheDocument();
    expect(r.getByTestId('kappa')).toHaveTextContent('0.682');
    expect(within(screen.getByTestId('agreement-overall')).getByTestId('kappa')).toHaveTextContent('−0.012');
    expect(screen.getByText('Only A').parentElement).toHaveTextContent('Aisha');
  });

  it('names the unit the counts are in', () => {
    const { unmount } = render(AgreementTable, { result });
    expect(screen.getByTestId('agreement-count-head')).toHaveTextContent(/^Character counts$/);
    expect(screen.getByText('Both')).toHaveAttribute('title', 'Characters both coders coded');
    unmount();
    render(AgreementTable, { result: { ...result, unit: 'turn', minShare: 0.5 } });
    expect(screen.getByTestId('agreement-count-head')).toHaveTextContent(/^Turn counts$/);
    expect(screen.getByText('Both')).toHaveAttribute('title', 'Turns both coders coded');
    expect(screen.getByText('Neither')).toHaveAttribute('title', 'Turns neither coder coded');
    expect(screen.getByText('Agreement')).toHaveAttribute('title', 'Observed agreement: (Both + Neither) / all turns');
  });

  it('shows an undefined kappa as "undefined" with the backend’s note', () => {
    render(AgreementTable, { result });
    const r = within(screen.getByTestId('agreement-row-Avowed quality of life'));
    expect(r.getByTestId('kappa')).toHaveTextContent(/^undefined$/);
    expect(r.getByTestId('note')).toHaveTextContent('undefined: no variation (neither coder used this code)');
  });

  it('shows a flagged zero with its note', () => {
    render(AgreementTable, { result });
    const r = within(screen.getByTestId('agreement-row-Autonomy'));
    expect(r.getByTestId('kappa')).toHaveTextContent('0.000');
    expect(r.getByTestId('note')).toHaveTextContent('κ = 0: only coder B used it');
  });

  it('shows Cohen’s κ by default', () => {
    render(AgreementTable, { result });
    expect(screen.getByTestId('statistic-head')).toHaveTextContent(/^κ$/);
    expect(screen.getByTestId('statistic-head')).toHaveAttribute('title', 'Cohen’s κ');
    for (const cell of screen.getAllByTestId('kappa')) expect(cell).toHaveAttribute('data-statistic', 'kappa');
  });

  it('shows the chosen coefficient in the header, the values and the bars', () => {
    render(AgreementTable, { result, statistic: 'gwetAC1' });
    expect(screen.getByTestId('statistic-head')).toHaveTextContent(/^AC1$/);
    expect(screen.getByTestId('statistic-head')).toHaveAttribute('title', 'Gwet’s AC1');
    for (const cell of screen.getAllByTestId('kappa')) expect(cell).toHaveAttribute('data-statistic', 'gwetAC1');
    const r = within(screen.getByTestId('agreement-row-Positive affect'));
    expect(r.getByTestId('kappa')).toHaveTextContent('0.980');
    expect(screen.getByTestId('agreement-row-Positive affect').querySelector('.bar')).toHaveAttribute('title', 'AC1 = 0.980');
    expect(within(screen.getByTestId('agreement-factor-Emotional well-being')).getByTestId('kappa')).toHaveTextContent('0.987');
    expect(within(screen.getByTestId('agreement-overall')).getByTestId('kappa')).toHaveTextContent('0.985');
    // defined where κ is not: neither coder used the code, so they agreed on every unit
    expect(within(screen.getByTestId('agreement-row-Avowed quality of life')).getByTestId('kappa')).toHaveTextContent('1.000');
  });

  it('heads the column with each coefficient’s symbol', async () => {
    const { rerender } = render(AgreementTable, { result, statistic: 'scottPi' });
    expect(screen.getByTestId('statistic-head')).toHaveTextContent(/^π$/);
    expect(within(screen.getByTestId('agreement-overall')).getByTestId('kappa')).toHaveTextContent('−0.020');
    await rerender({ result, statistic: 'brennanPrediger' });
    expect(screen.getByTestId('statistic-head')).toHaveTextContent(/^κ_BP$/);
    expect(within(screen.getByTestId('agreement-row-Autonomy')).getByTestId('kappa')).toHaveTextContent('0.999');
    await rerender({ result, statistic: 'krippendorffAlpha' });
    expect(screen.getByTestId('statistic-head')).toHaveTextContent(/^α$/);
    await rerender({ result, statistic: 'kappa' });
    expect(screen.getByTestId('statistic-head')).toHaveTextContent(/^κ$/);
    expect(within(screen.getByTestId('agreement-row-Autonomy')).getByTestId('note')).toHaveTextContent('κ = 0: only coder B used it');
  });

  it('shows Krippendorff’s α per code and a dash on pooled rows', () => {
    render(AgreementTable, { result, statistic: 'krippendorffAlpha' });
    expect(within(screen.getByTestId('agreement-row-Positive affect')).getByTestId('kappa')).toHaveTextContent('0.670');
    for (const id of ['agreement-factor-Emotional well-being', 'agreement-overall']) {
      const cell = within(screen.getByTestId(id)).getByTestId('kappa');
      expect(cell).toHaveTextContent(/^—$/);
      expect(cell).toHaveAttribute('title', 'Krippendorff’s α is reported per code');
      expect(cell).toHaveAttribute('data-statistic', 'krippendorffAlpha');
      expect(within(screen.getByTestId(id)).getByTestId('note')).toHaveTextContent(/^$/);
      expect(screen.getByTestId(id).querySelector('.fill')).toBeNull();
    }
    // undefined on a code row: no variation
    const r = within(screen.getByTestId('agreement-row-Avowed quality of life'));
    expect(r.getByTestId('kappa')).toHaveTextContent(/^undefined$/);
    expect(r.getByTestId('note')).toHaveTextContent(/^undefined: no variation$/);
  });

  it('keeps κ’s notes away from other coefficients', () => {
    render(AgreementTable, { result, statistic: 'scottPi' });
    const autonomy = within(screen.getByTestId('agreement-row-Autonomy'));
    expect(autonomy.getByTestId('kappa')).toHaveTextContent('−0.000');
    expect(autonomy.getByTestId('note')).toHaveTextContent(/^$/);
    const unused = within(screen.getByTestId('agreement-row-Avowed quality of life'));
    expect(unused.getByTestId('kappa')).toHaveTextContent(/^undefined$/);
    expect(unused.getByTestId('note')).toHaveTextContent(/^undefined: no variation$/);
    expect(within(screen.getByTestId('agreement-row-Positive affect')).getByTestId('note')).toHaveTextContent(/^$/);
  });

  it('says a coefficient is undefined for want of units', () => {
    const empty: Agreement = { ...result, perFactor: [], perCode: [row({ label: 'Empty', code: 30 })], overall: row({ label: 'All codes' }) };
    render(AgreementTable, { result: empty, statistic: 'gwetAC1' });
    expect(within(screen.getByTestId('agreement-row-Empty')).getByTestId('note')).toHaveTextContent(/^undefined: no units$/);
  });

  describe('with bootstrap intervals', () => {
    const iv = (lo: number, hi: number): [number, number] => [lo, hi];
    const withCI: Agreement = {
      ...result,
      resamples: 1000,
      seed: 1,
      resampling: 'document',
      perCode: [
        { ...result.perCode[0], ci: { ...noCI, kappa: iv(0.5531, 0.7744), gwetAC1: iv(0.97, 0.99), krippendorffAlpha: iv(0.55, 0.77) } },
        // κ undefined: no interval either
        result.perCode[1],
        { ...result.perCode[2], ci: { ...noCI, scottPi: iv(-0.12, 0.31) } },
      ],
      perFactor: [{ ...result.perFactor[0], ci: { ...noCI, kappa: iv(0.5, 0.7), krippendorffAlpha: iv(0.1, 0.2) } }],
    };

    it('shows the chosen coefficient’s interval beside its value, leaving the value’s cell alone', () => {
      render(AgreementTable, { result: withCI });
      expect(screen.getByTestId('ci-head')).toHaveTextContent('95 % CI');
      const r = screen.getByTestId('agreement-row-Positive affect');
      expect(within(r).getByTestId('kappa')).toHaveTextContent(/^0\.682$/);
      expect(within(r).getByTestId('kappa').textContent).toBe('0.682');
      expect(within(r).getByTestId('ci')).toHaveTextContent(/^0\.553–0\.774$/);
      expect(within(r).getByTestId('kappa').contains(within(r).getByTestId('ci'))).toBe(false);
      expect(r.querySelector('.bar')).toHaveAttribute('title', 'κ = 0.682 (95 % interval 0.553–0.774)');
      // a whisker on the bar from low to high
      const w = within(r).getByTestId('whisker');
      expect(w.style.left).toBe('55.31%');
      expect(parseFloat(w.style.width)).toBeCloseTo(22.13, 2);
      expect(within(screen.getByTestId('agreement-factor-Emotional well-being')).getByTestId('ci')).toHaveTextContent('0.500–0.700');
    });

    it('renders nothing for a null interval', () => {
      render(AgreementTable, { result: withCI });
      for (const id of ['agreement-row-Avowed quality of life', 'agreement-row-Autonomy', 'agreement-overall']) {
        const r = within(screen.getByTestId(id));
        expect(r.queryByTestId('ci')).toBeNull();
        expect(r.queryByTestId('whisker')).toBeNull();
      }
      expect(within(screen.getByTestId('agreement-row-Autonomy')).getByTestId('kappa').textContent).toBe('0.000');
    });

    it('follows the chosen coefficient, with thin spaces round the dash for negative bounds', async () => {
      const { rerender } = render(AgreementTable, { result: withCI, statistic: 'scottPi' });
      expect(screen.getAllByTestId('ci')).toHaveLength(1);
      expect(within(screen.getByTestId('agreement-row-Autonomy')).getByTestId('ci').textContent).toBe('−0.120\u2009–\u20090.310');
      // the whisker is clamped to the bar's 0..1 scale
      const w = within(screen.getByTestId('agreement-row-Autonomy')).getByTestId('whisker');
      expect([w.style.left, w.style.width]).toEqual(['0%', '31%']);
      await rerender({ result: withCI, statistic: 'krippendorffAlpha' });
      // α is per code: a pooled row shows no interval even if one were sent
      expect(within(screen.getByTestId('agreement-factor-Emotional well-being')).queryByTestId('ci')).toBeNull();
      expect(within(screen.getByTestId('agreement-row-Positive affect')).getByTestId('ci')).toHaveTextContent('0.550–0.770');
    });

    it('has no interval column without resamples', () => {
      render(AgreementTable, { result: { ...withCI, resamples: 0 } });
      expect(screen.queryByTestId('ci-head')).toBeNull();
      expect(screen.queryAllByTestId('ci')).toHaveLength(0);
      expect(screen.queryAllByTestId('whisker')).toHaveLength(0);
    });
  });

  describe('by document', () => {
    const pooled = result.byDocument[0];
    const autonomy = result.byDocument[1];

    it('renders a row per document, in the documents’ order, with the same columns', () => {
      render(AgreementTable, { result, documents: pooled });
      const body = screen.getByTestId('agreement-table').querySelector('tbody')!;
      expect(within(body).getAllByRole('row').map((r) => r.getAttribute('data-testid'))).toEqual([
        'agreement-doc-row-Interview 1',
        'agreement-doc-row-Interview 2',
      ]);
      expect(screen.getByRole('columnheader', { name: 'Document' })).toBeInTheDocument();
      const r = within(screen.getByTestId('agreement-doc-row-Interview 1'));
      expect(r.getByText('900')).toBeInTheDocument();
      expect(r.getByText('120,000')).toBeInTheDocument();
      expect(r.getByText('99.4%')).toBeInTheDocument();
      expect(r.getByTestId('kappa').textContent).toBe('0.691');
      expect(within(screen.getByTestId('agreement-doc-row-Interview 2')).getByTestId('note')).toHaveTextContent(/^low$/);
      expect(screen.getByTestId('agreement-doc-row-Interview 1').querySelector('.bar')).toHaveAttribute('title', 'κ = 0.691');
    });

    it('shows one code’s rows, with their notes and α', async () => {
      const { rerender } = render(AgreementTable, { result, documents: autonomy });
      expect(within(screen.getByTestId('agreement-doc-row-Interview 1')).getByTestId('kappa')).toHaveTextContent(/^undefined$/);
      const r = within(screen.getByTestId('agreement-doc-row-Interview 2'));
      expect(r.getByTestId('kappa').textContent).toBe('0.000');
      expect(r.getByTestId('note')).toHaveTextContent('κ = 0: only coder B used it');
      await rerender({ result, documents: autonomy, statistic: 'krippendorffAlpha' });
      expect(within(screen.getByTestId('agreement-doc-row-Interview 2')).getByTestId('kappa').textContent).toBe('0.000');
      // pooled over every code, α is not reported
      await rerender({ result, documents: pooled, statistic: 'krippendorffAlpha' });
      const cell = within(screen.getByTestId('agreement-doc-row-Interview 1')).getByTestId('kappa');
      expect(cell).toHaveTextContent(/^—$/);
      expect(cell).toHaveAttribute('title', 'Krippendorff’s α is reported per code');
    });

    it('has no interval column even when the result has intervals', () => {
      render(AgreementTable, { result: { ...result, resamples: 1000, seed: 1, resampling: 'document' }, documents: pooled });
      expect(screen.queryByTestId('ci-head')).toBeNull();
      expect(screen.queryByTestId('ci')).toBeNull();
      expect(screen.queryByTestId('whisker')).toBeNull();
    });

    it('puts the lowest value first when asked, undefined last', async () => {
      const order = () =>
        within(screen.getByTestId('agreement-table').querySelector('tbody')!)
          .getAllByRole('row')
          .map((r) => r.getAttribute('data-testid'));
      const { rerender } = render(AgreementTable, { result, documents: pooled, lowestFirst: true });
      expect(order()).toEqual(['agreement-doc-row-Interview 2', 'agreement-doc-row-Interview 1']);
      await rerender({ result, documents: autonomy, lowestFirst: true });
      expect(order()).toEqual(['agreement-doc-row-Interview 2', 'agreement-doc-row-Interview 1']);
      await rerender({ result, documents: autonomy, lowestFirst: false });
      expect(order()).toEqual(['agreement-doc-row-Interview 1', 'agreement-doc-row-Interview 2']);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import AgreementChart from '../components/AgreementChart.svelte';
import MultiAgreementTable from '../components/MultiAgreementTable.svelte';
import UnitizedTable from '../components/UnitizedTable.svelte';
import { multiChartRows, twoCoderChartRows } from '../statistics';
import type { AgreementRow, MultiAgreement, MultiAgreementRow, Stat, Unitized } from '../types';
import { aisha, ben, noCI } from './fixtures';

function row(over: Partial<AgreementRow>): AgreementRow {
  return {
    label: '', code: 0, factor: 0, document: 0, both: 3, onlyA: 1, onlyB: 1, neither: 5, units: 10, agreement: 0.8, kappa: 0.5,
    scottPi: 0.5, krippendorffAlpha: 0.5, gwetAC1: 0.6, brennanPrediger: 0.6, ci: noCI, status: 'defined', note: '', ...over,
  };
}

const ci = (lo: number, hi: number) => ({ ...noCI, kappa: [lo, hi] as [number, number] });
const two = {
  perFactor: [row({ label: 'Emotional well-being', factor: 10, kappa: 0.55, krippendorffAlpha: null, ci: ci(0.4, 0.7) })],
  perCode: [
    row({ label: 'Positive affect', code: 11, factor: 10, kappa: 0.82, ci: ci(0.7, 0.9) }),
    row({ label: 'Avowed quality of life', code: 12, factor: 10, kappa: -0.1, ci: ci(-0.35, 0.2) }),
    row({ label: 'Autonomy', code: 31, factor: 30, kappa: null, status: 'no-variation', note: 'undefined: no variation (neither coder used this code)' }),
  ],
  overall: row({ label: 'All codes', kappa: 0.6, krippendorffAlpha: null, ci: ci(0.5, 0.7) }),
};

describe('AgreementChart', () => {
  it('draws one row per code, factor and overall, with whiskers and the reference lines, and lists undefined rows', () => {
    render(AgreementChart, { rows: twoCoderChartRows(two, 'kappa'), symbol: 'κ', label: 'Cohen’s κ', caption: 'Lines are intervals.' });
    const svg = screen.getByTestId('agreement-chart');
    expect(svg.querySelectorAll('[data-testid^="chart-row-"]')).toHaveLength(3);
    expect(within(svg).getByTestId('chart-factor-Emotional well-being')).toBeInTheDocument();
    expect(within(svg).getByTestId('chart-overall')).toBeInTheDocument();
    // Factor rows first, then their codes; codes without a factor row after; the overall row last.
    const order = [...svg.querySelectorAll('g.row')].map((g) => g.getAttribute('data-testid'));
    expect(order).toEqual([
      'chart-factor-Emotional well-being', 'chart-row-Positive affect', 'chart-row-Avowed quality of life', 'chart-row-Autonomy', 'chart-overall',
    ]);
    // Points and whiskers for every defined row; none for Autonomy.
    expect(svg.querySelectorAll('[data-testid="chart-point"]')).toHaveLength(4);
    expect(svg.querySelectorAll('[data-testid="chart-whisker"]')).toHaveLength(4);
    const autonomy = within(svg).getByTestId('chart-row-Autonomy');
    expect(autonomy.querySelector('[data-testid="chart-point"]')).toBeNull();
    expect(autonomy).toHaveTextContent('undefined (1)');
    // Reference lines at chance and Krippendorff's two marks, labelled.
    const refs = [...svg.querySelectorAll('[data-testid="chart-ref"]')].map((l) => l.getAttribute('data-value'));
    expect(refs).toEqual(['0', '0.667', '0.8']);
    expect(svg).toHaveTextContent('0.667');
    expect(svg).toHaveTextContent('0.800');
    // The axis reaches below the lowest interval bound (−0.35 → −0.4).
    expect(svg).toHaveTextContent('-0.4');
    expect(svg).not.toHaveTextContent('-0.6');
    // Values and intervals beside the plot.
    expect(within(svg).getByTestId('chart-row-Positive affect')).toHaveTextContent('0.8200.700–0.900');
    expect(within(svg).getByTestId('chart-row-Avowed quality of life')).toHaveTextContent('−0.100');
    const list = screen.getByTestId('chart-undefined');
    expect(within(list).getAllByTestId('chart-undefined-item')).toHaveLength(1);
    expect(list).toHaveTextContent('Autonomy: undefined: no variation (neither coder used this code)');
    expect(screen.getByText('Lines are intervals.')).toBeInTheDocument();
  });

  it('lists pooled rows as not reported for Krippendorff’s α instead of drawing them at zero', () => {
    render(AgreementChart, { rows: twoCoderChartRows(two, 'krippendorffAlpha'), symbol: 'α', label: 'Krippendorff’s α' });
    const items = screen.getAllByTestId('chart-undefined-item').map((li) => li.textContent);
    // one line per reason, naming every row it applies to
    expect(items).toEqual(['Emotional well-being, All codes: Krippendorff’s α is reported per code, not for pooled rows']);
    // no interval was computed for α: no whiskers
    expect(screen.queryAllByTestId('chart-whisker')).toHaveLength(0);
  });

  it('plots segment match honestly: per-code κ undefined with the note, pooled κ drawn', () => {
    const note = 'κ undefined: segment match has no “neither” units to estimate chance from; read the percentage';
    const seg = {
      perFactor: [row({ label: 'Emotional well-being', factor: 10, kappa: 0.2, neither: 0, note: 'κ as MAXQDA: Brennan & Prediger, chance 1/2' })],
      perCode: [row({ label: 'Positive affect', code: 11, factor: 10, kappa: null, scottPi: null, neither: 0, status: 'no-variation', note })],
      overall: row({ label: 'All codes', kappa: 0.4, neither: 0 }),
    };
    render(AgreementChart, { rows: twoCoderChartRows(seg, 'kappa'), symbol: 'κ', label: 'Cohen’s κ' });
    expect(screen.getAllByTestId('chart-point')).toHaveLength(2);
    expect(screen.getByTestId('chart-undefined')).toHaveTextContent(`Positive affect: ${note}`);
  });

  it('plots documents for a breakdown by document', () => {
    const by = { code: 0, rows: [row({ label: 'a', document: 5, kappa: 0.9 }), row({ label: 'b', document: 6, kappa: 0.3 })] };
    render(AgreementChart, { rows: twoCoderChartRows(two, 'kappa', by), symbol: 'κ', label: 'Cohen’s κ' });
    expect(screen.getByTestId('chart-doc-a')).toBeInTheDocument();
    expect(screen.getByTestId('chart-doc-b')).toBeInTheDocument();
    expect(screen.queryByTestId('chart-overall')).toBeNull();
  });
});

const st = (value: number | null, why = '', c: [number, number] | null = null): Stat => ({ value, undefined: why, ci: c });
function mrow(over: Partial<MultiAgreementRow>): MultiAgreementRow {
  return {
    label: '', code: 0, factor: 0, kind: 'code', units: 100, histogram: [80, 5, 5, 10], coded: [15, 12, 18],
    percentAgreement: st(0.93, '', [0.9, 0.96]), fleissKappa: st(0.71, '', [0.6, 0.8]), krippendorffAlpha: st(0.712),
    gwetAC1: st(0.9), brennanPrediger: st(0.86), status: 'defined', note: '', ...over,
  };
}
const chen = { id: 4, name: 'Chen', consensus: false };
const multi: MultiAgreement = {
  coders: [aisha, ben, chen], documents: [5, 6], unit: 'turn', minShare: 0, resamples: 1000, seed: 1, resampling: 'document',
  formula: 'fleiss-alpha/v1', codebook: 'Keyes: flourishing, revision 0',
  perFactor: [mrow({ label: 'Emotional well-being', kind: 'factor', factor: 10, krippendorffAlpha: st(null, 'reported per code only') })],
  perCode: [
    mrow({ label: 'Positive affect', code: 11, factor: 10 }),
    mrow({
      label: 'Autonomy', code: 31, factor: 30, status: 'no-variation', fleissKappa: st(null, 'no variation: no coder used the code'),
      krippendorffAlpha: st(null, 'no variation: no coder used the code'),
    }),
  ],
  overall: mrow({ label: 'All codes', kind: 'overall', krippendorffAlpha: st(null, 'reported per code only') }),
};

describe('MultiAgreementTable', () => {
  it('shows every coefficient with its interval, and undefined ones with their reason', () => {
    render(MultiAgreementTable, { result: multi });
    const pa = screen.getByTestId('multi-row-Positive affect');
    expect(within(pa).getByTestId('fleissKappa')).toHaveTextContent(/^0\.710\s*0\.600–0\.800$/);
    expect(within(pa).getByTestId('ci-fleissKappa')).toHaveTextContent('0.600–0.800');
    expect(within(pa).getByTestId('percentAgreement')).toHaveTextContent('93.0%');
    expect(within(pa).getByTestId('krippendorffAlpha')).toHaveTextContent('0.712');
    const au = screen.getByTestId('multi-row-Autonomy');
    expect(within(au).getByTestId('fleissKappa')).toHaveTextContent('undefined');
    expect(within(au).getByTestId('fleissKappa')).toHaveAttribute('title', 'no variation: no coder used the code');
    expect(within(au).getByTestId('note')).toHaveTextContent('no variation: no coder used the code');
    expect(within(screen.getByTestId('multi-overall')).getByTestId('krippendorffAlpha')).toHaveTextContent('undefined');
    expect(screen.getByTestId('multi-factor-Emotional well-being')).toBeInTheDocument();
    expect(screen.getByTestId('multi-head-fleissKappa')).toHaveTextContent('Fleiss κ');
  });

  it('plots the chosen coefficient of several coders', () => {
    render(AgreementChart, { rows: multiChartRows(multi, 'fleissKappa'), symbol: 'Fleiss κ', label: 'Fleiss’ κ' });
    expect(screen.getAllByTestId('chart-whisker')).toHaveLength(3);
    expect(screen.getByTestId('chart-undefined')).toHaveTextContent('Autonomy: no variation: no coder used the code');
  });
});

describe('UnitizedTable', () => {
  it('shows uα, |uα, cuα with what each judges, per-code (k)uα and binary uα, and reasons for undefined values', () => {
    const u: Unitized = {
      coders: [aisha, ben], documents: 2, length: 1234, uAlpha: st(0.6123), binaryUAlpha: st(0.7),
      cuAlpha: st(null, 'codes overlap within a coder, so uα and cuα are undefined'),
      perCode: [
        { code: 'Positive affect', kuAlpha: st(0.55), binaryUAlpha: st(0.4) },
        { code: 'Autonomy', kuAlpha: st(null, 'nobody used the code'), binaryUAlpha: st(null, 'nobody used the code') },
        { code: 'Growth', kuAlpha: st(null, 'coders applied overlapping codes'), binaryUAlpha: st(0.3) },
      ],
      codebook: 'Keyes: flourishing, revision 0',
    };
    render(UnitizedTable, { result: u });
    expect(within(screen.getByTestId('unitized-uAlpha')).getByTestId('value')).toHaveTextContent('0.612');
    expect(screen.getByTestId('unitized-uAlpha')).toHaveTextContent('cut the text at the same places');
    expect(within(screen.getByTestId('unitized-binaryUAlpha')).getByTestId('value')).toHaveTextContent('0.700');
    const cu = screen.getByTestId('unitized-cuAlpha');
    expect(within(cu).getByTestId('value')).toHaveTextContent('undefined');
    expect(within(cu).getByTestId('reason')).toHaveTextContent('codes overlap within a coder');
    expect(within(screen.getByTestId('unitized-row-Positive affect')).getByTestId('kuAlpha')).toHaveTextContent('0.550');
    expect(within(screen.getByTestId('unitized-row-Positive affect')).getByTestId('binaryUAlpha')).toHaveTextContent('0.400');
    expect(within(screen.getByTestId('unitized-row-Autonomy')).getByTestId('note')).toHaveTextContent(/^nobody used the code$/);
    const growth = screen.getByTestId('unitized-row-Growth');
    expect(within(growth).getByTestId('kuAlpha')).toHaveTextContent('undefined');
    expect(within(growth).getByTestId('binaryUAlpha')).toHaveTextContent('0.300');
    expect(within(growth).getByTestId('note')).toHaveTextContent('(k)uα: coders applied overlapping codes');
    expect(screen.getByTestId('unitized-table')).toHaveTextContent('Aisha, Ben over 2 documents (1,234 characters)');
    expect(screen.queryByTestId('unitized-shared-note')).toBeNull();
  });

  it('says a reason every code shares once, above the table, not on every row', () => {
    const why = 'coders applied overlapping codes';
    const u: Unitized = {
      coders: [aisha, ben], documents: 1, length: 100, uAlpha: st(null, why), binaryUAlpha: st(0.5), cuAlpha: st(null, why),
      perCode: [
        { code: 'Positive affect', kuAlpha: st(null, why), binaryUAlpha: st(0.4) },
        { code: 'Growth', kuAlpha: st(null, why), binaryUAlpha: st(0.3) },
      ],
      codebook: 'Keyes: flourishing, revision 0',
    };
    render(UnitizedTable, { result: u });
    expect(screen.getByTestId('unitized-shared-note')).toHaveTextContent(`For every code, (k)uα: ${why}.`);
    expect(screen.queryAllByTestId('note')).toHaveLength(0);
    expect(screen.getByTestId('unitized-per-code')).not.toHaveTextContent('Why undefined');
  });
});

import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import AgreementTable from '../components/AgreementTable.svelte';
import AgreementChart from '../components/AgreementChart.svelte';
import MultiAgreementTable from '../components/MultiAgreementTable.svelte';
import { multiChartRows, twoCoderChartRows } from '../statistics';
import type { Agreement, AgreementRow, MultiAgreementRow, Stat } from '../types';
import { aisha, ben, noCI } from './fixtures';

// Values either side of Krippendorff's marks, shown in the table and the
// chart exactly as the CLI and the exports print them (coding.FormatCoefficient):
// never a figure that reads as reaching a mark it misses.
const near: [string, number, string][] = [
  ['A79989', 0.79989, '0.7999'],
  ['B7995', 0.7995, '0.799'],
  ['C8', 0.8, '0.800'],
  ['D80004', 0.80004, '0.800'],
  ['E66649', 0.66649, '0.666'],
  ['F667', 0.667, '0.667'],
];

function row(over: Partial<AgreementRow>): AgreementRow {
  return {
    label: '', code: 0, factor: 0, document: 0, both: 10, onlyA: 1, onlyB: 1, neither: 100, units: 112, agreement: 0.9, kappa: 0.5,
    scottPi: 0.5, krippendorffAlpha: 0.5, gwetAC1: 0.5, brennanPrediger: 0.5, ci: noCI, status: 'defined', note: '', ...over,
  };
}

const result: Agreement = {
  coderA: aisha, coderB: ben, documents: [1], unit: 'character', minShare: 0, resamples: 1000, seed: 1, resampling: 'document',
  formula: 'cohen-kappa/v1', codebook: '', perFactor: [], byDocument: [],
  perCode: [
    ...near.map(([label, kappa], i) => row({ label, code: i + 1, kappa, ci: { ...noCI, kappa: [kappa - 0.1, kappa] as [number, number] } })),
    row({ label: 'Few', code: 9, onlyA: 3, both: 0, neither: 79997, agreement: 0.99996, kappa: 0, status: 'only-one-coder', note: 'κ = 0: only coder A used it' }),
    row({ label: 'Never', code: 10, agreement: 0.00004, kappa: -0.99 }),
  ],
  overall: row({ label: 'All codes', agreement: 1, kappa: 0.99996 }),
};

describe('figures near the thresholds', () => {
  it('the table prints each κ so that it is on its own side of 0.667 and 0.800, and no share rounded to 100 % or 0 %', () => {
    render(AgreementTable, { result });
    for (const [label, , text] of near) {
      const r = within(screen.getByTestId(`agreement-row-${label}`));
      expect(r.getByTestId('kappa')).toHaveTextContent(new RegExp(`^${text.replace('.', '\\.')}$`));
    }
    expect(within(screen.getByTestId('agreement-row-A79989')).getByTestId('ci')).toHaveTextContent('0.700–0.7999');
    const few = within(screen.getByTestId('agreement-row-Few'));
    expect(few.getByText('> 99.9%')).toBeInTheDocument();
    expect(screen.getByTestId('agreement-row-Few')).not.toHaveTextContent('100.0%');
    expect(within(screen.getByTestId('agreement-row-Never')).getByText('< 0.1%')).toBeInTheDocument();
    const overall = within(screen.getByTestId('agreement-overall'));
    expect(overall.getByText('100.0%')).toBeInTheDocument();
    expect(overall.getByTestId('kappa')).toHaveTextContent('0.99996');
  });

  it('the chart labels each point the same way', () => {
    render(AgreementChart, { rows: twoCoderChartRows(result, 'kappa'), symbol: 'κ', label: 'Cohen’s κ' });
    const svg = screen.getByTestId('agreement-chart');
    for (const [label, , text] of near) {
      expect(within(svg).getByTestId(`chart-row-${label}`)).toHaveTextContent(text);
    }
    expect(within(svg).getByTestId('chart-row-A79989')).not.toHaveTextContent('0.800');
    expect(within(svg).getByTestId('chart-row-E66649')).not.toHaveTextContent('0.667');
  });

  it('the table of several coders too, percentages included', () => {
    const st = (value: number | null, ci: [number, number] | null = null): Stat => ({ value, undefined: '', ci });
    const mrow = (over: Partial<MultiAgreementRow>): MultiAgreementRow => ({
      label: '', code: 0, factor: 0, kind: 'code', units: 100, histogram: [80, 5, 5, 10], coded: [15, 12, 18],
      percentAgreement: st(0.93), fleissKappa: st(0.71), krippendorffAlpha: st(0.712), gwetAC1: st(0.9), brennanPrediger: st(0.86),
      status: 'defined', note: '', ...over,
    });
    const multi = {
      coders: [aisha, ben, { id: 4, name: 'Chen', consensus: false }], documents: [1], unit: 'turn', minShare: 0, resamples: 1000, seed: 1,
      resampling: 'document', formula: 'fleiss-alpha/v1', codebook: '', perFactor: [],
      perCode: [mrow({ label: 'Near', code: 1, fleissKappa: st(0.79989, [0.70001, 0.79989]), percentAgreement: st(0.99996, [0.99991, 1]) })],
      overall: mrow({ label: 'All codes', kind: 'overall' }),
    };
    render(MultiAgreementTable, { result: multi });
    const r = within(screen.getByTestId('multi-row-Near'));
    expect(r.getByTestId('fleissKappa')).toHaveTextContent(/^0\.7999\s*0\.700–0\.7999$/);
    expect(r.getByTestId('percentAgreement')).toHaveTextContent(/^> 99\.9%\s*> 99\.9%–100\.0%$/);
    render(AgreementChart, { rows: multiChartRows(multi, 'fleissKappa'), symbol: 'Fleiss κ', label: 'Fleiss’ κ' });
    expect(screen.getByTestId('chart-row-Near')).toHaveTextContent('0.7999');
  });
});

// The Agreement screen's parts on their own: the controls, and the results of
// each mode given a store that already holds a result (bindings mocked).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  const fn = () => vi.fn();
  return {
    ...orig,
    api: { agreement: fn(), agreementMethods: fn(), exportAgreement: fn(), units: fn(), multiAgreement: fn(), unitized: fn() },
  };
});

import { api } from '../api';
import AgreementControls from '../components/agreement/AgreementControls.svelte';
import MultiCoderResults from '../components/agreement/MultiCoderResults.svelte';
import Segmented from '../components/agreement/Segmented.svelte';
import TwoCoderResults from '../components/agreement/TwoCoderResults.svelte';
import UnitizedResults from '../components/agreement/UnitizedResults.svelte';
import { AgreementStore } from '../stores/agreement.svelte';
import type { Agreement, AgreementRow, MultiAgreement, Stat, Unitized } from '../types';
import { aisha, ben, codes, noCI } from './fixtures';

const mocked = api as unknown as Record<
  'agreement' | 'agreementMethods' | 'exportAgreement' | 'units' | 'multiAgreement' | 'unitized',
  ReturnType<typeof vi.fn>
>;

const chen = { id: 4, name: 'Chen', consensus: false };
const docs = [
  { id: 5, name: 'a', turns: 3, words: 1200, chars: 50, case: '' },
  { id: 6, name: 'b', turns: 4, words: 34, chars: 90, case: '' },
];
const units = [
  { name: 'character', label: 'Character', help: 'Every character is a unit.' },
  { name: 'turn', label: 'Speaker turn', help: 'Each speaker turn is a unit' },
  { name: 'segment', label: 'Segment match', help: 'Each coded segment is a unit.' },
];
const row = (over: Partial<AgreementRow>): AgreementRow => ({
  label: 'All codes', code: 0, factor: 0, document: 0, both: 3, onlyA: 1, onlyB: 0, neither: 6, units: 10, agreement: 0.9, kappa: 0.78,
  scottPi: 0.77, krippendorffAlpha: null, gwetAC1: 0.83, brennanPrediger: 0.8, ci: noCI, status: 'defined', note: '', ...over,
});
const two: Agreement = {
  coderA: aisha, coderB: ben, documents: [5, 6], unit: 'turn', minShare: 0.5, resamples: 1000, seed: 7, resampling: 'document',
  formula: 'cohen-kappa/v1', codebook: 'Keyes: flourishing, v1 agreed',
  perFactor: [], perCode: [row({ label: 'Positive affect', code: 11, factor: 10, kappa: 0.7 })], overall: row({ kappa: 0.425 }), byDocument: [],
};
const st = (value: number | null, why = ''): Stat => ({ value, undefined: why, ci: null });
const mrow = { label: '', code: 0, factor: 0, kind: 'code' as const, units: 10, histogram: [6, 1, 0, 3], coded: [4, 3, 4],
  percentAgreement: st(0.9), fleissKappa: st(0.66), krippendorffAlpha: st(0.67), gwetAC1: st(0.8), brennanPrediger: st(0.8), status: 'defined', note: '' };
const multi: MultiAgreement = {
  coders: [aisha, ben, chen], documents: [5, 6], unit: 'character', minShare: 0, resamples: 500, seed: 3, resampling: 'document', formula: 'fleiss-alpha/v1', codebook: '',
  perFactor: [], perCode: [{ ...mrow, label: 'Positive affect', code: 11, factor: 10 }],
  overall: { ...mrow, label: 'All codes', kind: 'overall' },
};
const unitized: Unitized = {
  coders: [aisha, ben, chen], documents: 1, length: 1400, uAlpha: st(0.61), binaryUAlpha: st(0.72), cuAlpha: st(0.5),
  perCode: [{ code: 'Positive affect', kuAlpha: st(0.5), binaryUAlpha: st(0.4) }], codebook: '',
};

beforeEach(() => {
  vi.resetAllMocks();
  mocked.units.mockResolvedValue(units);
  mocked.agreement.mockResolvedValue(two);
  mocked.agreementMethods.mockResolvedValue('');
  mocked.multiAgreement.mockResolvedValue(multi);
  mocked.unitized.mockResolvedValue(unitized);
});

/** A store with three coders, two documents and the codebook chosen; selected: the coders compared. */
async function store(selected = [1, 2]): Promise<AgreementStore> {
  const s = new AgreementStore();
  await s.loadUnits();
  s.setup([aisha, ben, chen], docs, codes);
  s.selected = selected;
  return s;
}

const labels = (id: string) => [...(screen.getByTestId(id) as HTMLSelectElement).options].map((o) => o.textContent);

describe('AgreementControls', () => {
  it('offers each unit’s own threshold, and none where the unit has none', async () => {
    const s = await store();
    render(AgreementControls, { agreement: s });
    expect(screen.queryByTestId('min-share')).toBeNull();
    s.unit = 'turn';
    await Promise.resolve();
    expect(await screen.findByText('Counts as coded when a coder covers')).toBeInTheDocument();
    expect(labels('min-share')).toEqual(['any part', 'at least a quarter', 'at least half', 'at least 90 %', 'all of it']);
    s.unit = 'segment';
    expect(await screen.findByText('A segment agrees when the other coder’s same code covers')).toBeInTheDocument();
    expect(labels('min-share')).toEqual(['at least half', 'at least 75 %', 'at least 80 %', 'at least 90 %', 'all of it']);
    expect(screen.getByTestId('min-share')).toHaveValue('0.9');
    await fireEvent.change(screen.getByTestId('min-share'), { target: { value: '0.75' } });
    expect(s.segmentShare).toBe(0.75);
    expect(s.minShare).toBe(0);
  });

  it('offers two coders’ coefficients, then the chart’s with three, and none for the unitizing alphas', async () => {
    const s = await store();
    render(AgreementControls, { agreement: s });
    expect(labels('statistic')[0]).toBe('Cohen’s κ');
    expect(screen.getByText('Coefficient')).toBeInTheDocument();
    await fireEvent.change(screen.getByTestId('statistic'), { target: { value: 'scottPi' } });
    expect(s.statistic).toBe('scottPi');

    await fireEvent.click(screen.getByTestId('agreement-add-coder'));
    expect(await screen.findByText('Coefficient in the chart')).toBeInTheDocument();
    expect(labels('statistic')[0]).toBe('Fleiss’ κ');
    expect(screen.getByTestId('statistic-help')).toHaveTextContent('; the table shows every coefficient');
    await fireEvent.change(screen.getByTestId('statistic'), { target: { value: 'gwetAC1' } });
    expect(s.multiStatistic).toBe('gwetAC1');
    // The two-coder choice is kept for when a coder is taken out again.
    expect(s.statistic).toBe('scottPi');

    await fireEvent.change(screen.getByTestId('unit'), { target: { value: 'unitized' } });
    expect(screen.queryByTestId('statistic')).toBeNull();
    expect(screen.queryByTestId('intervals')).toBeNull();
  });

  it('labels the coders by letter, the consensus layer as adjudicated, and removes only added ones', async () => {
    const s = await store([1, 2, 4]);
    s.coders = [aisha, ben, chen, { id: 3, name: 'Consensus', consensus: true }];
    render(AgreementControls, { agreement: s });
    expect(screen.getByLabelText('Coder A')).toHaveValue('1');
    expect(screen.getByLabelText('Coder C')).toHaveValue('4');
    expect(labels('coder-b')).toEqual(['Aisha', 'Ben', 'Chen', 'Consensus (adjudicated)']);
    expect(screen.queryByTestId('remove-coder-a')).toBeNull();
    expect(screen.queryByTestId('remove-coder-b')).toBeNull();
    await fireEvent.change(screen.getByTestId('coder-c'), { target: { value: '3' } });
    expect(s.selected).toEqual([1, 2, 3]);
    await fireEvent.click(screen.getByTestId('remove-coder-c'));
    expect(s.selected).toEqual([1, 2]);
    expect(screen.queryByTestId('coder-c')).toBeNull();
  });

  it('resamples turns only where the unit allows it', async () => {
    const s = await store();
    render(AgreementControls, { agreement: s });
    expect(screen.getByTestId('resample-document')).toHaveAttribute('aria-pressed', 'true');
    await fireEvent.click(screen.getByTestId('resample-turn'));
    expect(s.resample).toBe('turn');
    expect(screen.getByTestId('resample-turn')).toHaveAttribute('aria-pressed', 'true');
    await fireEvent.change(screen.getByTestId('unit'), { target: { value: 'segment' } });
    expect(screen.getByTestId('resample-turn')).toBeDisabled();
    expect(screen.getByTestId('resample-document')).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('TwoCoderResults', () => {
  it('shows the backend’s methods paragraph word for word, the exports and the footnote', async () => {
    const s = await store();
    s.result = two;
    // The paragraph comes from report.MethodsParagraph through the binding; the view adds nothing to it.
    s.methods = 'Two coders (Aisha and Ben) independently coded 2 transcripts (1,234 words).';
    render(TwoCoderResults, { agreement: s, codes, colors: new Map() });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Agreement by code');
    expect(screen.getByTestId('methods-text').textContent).toBe(s.methods);
    for (const id of ['export-csv', 'export-md', 'export-html-agreement']) expect(screen.getByTestId(id)).toBeEnabled();
    expect(screen.getByText(/Aisha \(A\) and Ben \(B\)/)).toHaveTextContent(
      'Aisha (A) and Ben (B) · 2 documents · 1,234 words · turn counts; a turn counts as coded when a coder covers at least half of it',
    );
    expect(screen.getByTestId('agreement-intervals')).toHaveTextContent('1,000 resamples of the 2 documents (seed 7)');
    expect(screen.getByTestId('agreement-footnote')).toHaveTextContent('Unit of analysis: Speaker turn. Each speaker turn is a unit.');
  });

  it('says why there is nothing to show instead of the figures', async () => {
    const s = await store([1, 1]);
    s.result = two;
    render(TwoCoderResults, { agreement: s, codes, colors: new Map() });
    expect(screen.getByTestId('agreement-blocked')).toHaveTextContent('Choose two different coders.');
    expect(screen.queryByTestId('agreement-table')).toBeNull();
    expect(screen.queryByTestId('agreement-footnote')).toBeNull();
  });

  it('says the figures are being computed while there are none yet', async () => {
    const s = await store();
    s.loading = true;
    render(TwoCoderResults, { agreement: s, codes, colors: new Map() });
    expect(screen.getByText('Computing…')).toBeInTheDocument();
    expect(screen.getByTestId('export-csv')).toBeDisabled();
  });
});

describe('MultiCoderResults', () => {
  it('names the coders, cannot export, and draws the chosen coefficient as a chart', async () => {
    const s = await store([1, 2, 4]);
    s.multi = multi;
    s.multiStatistic = 'gwetAC1';
    render(MultiCoderResults, { agreement: s, colors: new Map() });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Agreement among 3 coders');
    expect(screen.getByTestId('export-two-only')).toHaveTextContent('Export is available for two coders’ tables.');
    expect(screen.getByTestId('multi-sub')).toHaveTextContent('Aisha, Ben, Chen · 2 documents · 1,234 words · character counts');
    expect(screen.queryByTestId('rows-by')).toBeNull();
    await fireEvent.click(screen.getByTestId('view-chart'));
    expect(screen.getByTestId('agreement-chart')).toHaveAttribute('aria-label', expect.stringContaining('Gwet’s AC1'));
    expect(screen.getByTestId('agreement-chart-figure')).toHaveTextContent('500 bootstrap resamples of the documents (seed 3)');
    expect(within(screen.getByTestId('multi-footnote')).getByTestId('agreement-intervals')).toHaveTextContent('500 resamples');
  });
});

describe('UnitizedResults', () => {
  it('shows the alphas without view toggle or export', async () => {
    const s = await store([1, 2, 4]);
    s.unit = 'unitized';
    s.unitized = unitized;
    render(UnitizedResults, { agreement: s });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Unitizing agreement');
    expect(screen.getByTestId('unitized-sub')).toHaveTextContent('Aisha, Ben, Chen · 1 document · 1,400 characters, each document one continuum');
    expect(screen.getByTestId('export-two-only')).toHaveTextContent('not yet for the unitizing alphas');
    expect(screen.queryByTestId('view-as')).toBeNull();
    expect(screen.getByTestId('unitized-table')).toBeInTheDocument();
    expect(screen.queryByTestId('agreement-codebook')).toBeNull();
  });
});

describe('Segmented', () => {
  it('presses the chosen button, reports a click on another, and disables what is not on offer', async () => {
    const onselect = vi.fn();
    render(Segmented, {
      label: 'Show as',
      testid: 'seg',
      caption: 'Show',
      options: [
        { value: 'a', label: 'A', testid: 'seg-a' },
        { value: 'b', label: 'B', testid: 'seg-b' },
        { value: 'c', label: 'C', testid: 'seg-c', disabled: true },
      ],
      value: 'a',
      onselect,
    });
    expect(screen.getByRole('group', { name: 'Show as' })).toHaveTextContent('Show');
    expect(screen.getByTestId('seg-a')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('seg-b')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('seg-c')).toBeDisabled();
    await fireEvent.click(screen.getByTestId('seg-b'));
    expect(onselect.mock.calls).toEqual([['b']]);
  });
});

// The agreement screen's coder chips, segment match, resampling, chart and
// the unitized view, against mocked bindings.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  const fn = () => vi.fn();
  return {
    ...orig,
    api: { agreement: fn(), agreementMethods: fn(), exportAgreement: fn(), units: fn(), multiAgreement: fn(), unitized: fn() },
  };
});

import { api } from '../api';
import AgreementScreen from '../screens/AgreementScreen.svelte';
import { AgreementStore } from '../stores/agreement.svelte';
import type { Agreement, AgreementRequest, AgreementRow, MultiAgreement, Stat, Unitized } from '../types';
import { aisha, ben, codes, noCI } from './fixtures';

/** the consensus layer adjudication makes: a coder like any other here */
const consensusLayer = { id: 3, name: 'Consensus', consensus: true };

const mocked = api as unknown as Record<
  'agreement' | 'agreementMethods' | 'exportAgreement' | 'units' | 'multiAgreement' | 'unitized',
  ReturnType<typeof vi.fn>
>;

const units = [
  { name: 'character', label: 'Character', help: 'Every character is a unit.' },
  { name: 'turn', label: 'Speaker turn', help: 'Each speaker turn is a unit.' },
  { name: 'segment', label: 'Segment match', help: 'Each coded segment is a unit, as in MAXQDA.' },
  { name: 'document', label: 'Document presence', help: 'Each document is a unit.' },
];
const docs = [
  { id: 5, name: 'a', turns: 3, words: 10, chars: 50, case: '' },
  { id: 6, name: 'b', turns: 4, words: 20, chars: 90, case: '' },
];
const chen = { id: 4, name: 'Chen', consensus: false };
const row = (over: Partial<AgreementRow>): AgreementRow => ({
  label: 'All codes', code: 0, factor: 0, document: 0, both: 3, onlyA: 1, onlyB: 0, neither: 6, units: 10, agreement: 0.9, kappa: 0.78,
  scottPi: 0.77, krippendorffAlpha: null, gwetAC1: 0.83, brennanPrediger: 0.8, ci: noCI, status: 'defined', note: '', ...over,
});
const segNote = 'κ undefined: segment match has no “neither” units to estimate chance from; read the percentage';

function answer({ documents, unit, minShare, bootstrap, resample }: AgreementRequest): Promise<Agreement> {
  const ci = bootstrap > 0 ? { ...noCI, kappa: [0.5, 0.9] as [number, number] } : noCI;
  const seg = unit === 'segment';
  return Promise.resolve({
    coderA: aisha, coderB: ben, documents, unit, minShare, resamples: bootstrap, seed: bootstrap ? 1 : 0, resampling: bootstrap ? resample : '',
    formula: 'cohen-kappa/v1', codebook: 'Keyes: flourishing, revision 0',
    perFactor: [row({ label: 'Emotional well-being', factor: 10, neither: seg ? 0 : 6, note: seg ? 'κ as MAXQDA: Brennan & Prediger, chance 1/2' : '', ci })],
    perCode: [
      row({ label: 'Positive affect', code: 11, factor: 10, kappa: seg ? null : 0.7, scottPi: seg ? null : 0.7, neither: seg ? 0 : 6, status: seg ? 'no-variation' : 'defined', note: seg ? segNote : '', ci: seg ? noCI : ci }),
      row({ label: 'Avowed quality of life', code: 12, factor: 10, kappa: seg ? null : 0.6, neither: seg ? 0 : 6, status: seg ? 'no-variation' : 'defined', note: seg ? segNote : '', ci: seg ? noCI : ci }),
    ],
    overall: row({ kappa: 0.425, ci }),
    byDocument: [],
  });
}

const st = (value: number | null, why = ''): Stat => ({ value, undefined: why, ci: null });
const mrow = { label: '', code: 0, factor: 0, kind: 'code' as const, units: 10, histogram: [6, 1, 0, 3], coded: [4, 3, 4],
  percentAgreement: st(0.9), fleissKappa: st(0.66), krippendorffAlpha: st(0.67), gwetAC1: st(0.8), brennanPrediger: st(0.8), status: 'defined', note: '' };
const multi: MultiAgreement = {
  coders: [aisha, ben, chen], documents: [5, 6], unit: 'character', minShare: 0, resamples: 0, seed: 0, resampling: '', formula: 'fleiss-alpha/v1', codebook: 'Keyes: flourishing, revision 0',
  perFactor: [], perCode: [{ ...mrow, label: 'Positive affect', code: 11, factor: 10 }],
  overall: { ...mrow, label: 'All codes', kind: 'overall', krippendorffAlpha: st(null, 'reported per code only') },
};
const unitized: Unitized = {
  coders: [aisha, ben], documents: 2, length: 140, uAlpha: st(0.61), binaryUAlpha: st(0.72), cuAlpha: st(null, 'no text both coded'),
  perCode: [{ code: 'Positive affect', kuAlpha: st(0.5), binaryUAlpha: st(0.4) }], codebook: 'Keyes: flourishing, revision 0',
};

beforeEach(() => {
  vi.resetAllMocks();
  mocked.units.mockResolvedValue(units);
  mocked.agreement.mockImplementation(answer);
  mocked.agreementMethods.mockResolvedValue('Methods paragraph.');
  mocked.multiAgreement.mockResolvedValue(multi);
  mocked.unitized.mockResolvedValue(unitized);
});

function renderScreen(coders = [aisha, ben, chen]) {
  const agreement = new AgreementStore();
  render(AgreementScreen, { agreement, coders, documents: docs, codes });
  return agreement;
}

describe('AgreementScreen: coders', () => {
  it('adds a third coder: Fleiss’ κ table, no export buttons, and back to two', async () => {
    renderScreen();
    await waitFor(() => expect(screen.getByTestId('agreement-table')).toBeInTheDocument());
    expect(screen.getByTestId('export-csv')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('agreement-add-coder'));
    await waitFor(() => expect(screen.getByTestId('multi-table')).toBeInTheDocument());
    expect(mocked.multiAgreement).toHaveBeenLastCalledWith({ coders: [1, 2, 4], documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0 });
    expect(screen.getByTestId('coder-c')).toHaveValue('4');
    expect(screen.queryByTestId('export-csv')).toBeNull();
    expect(screen.getByTestId('export-two-only')).toHaveTextContent('Export is available for two coders');
    expect(screen.queryByTestId('methods')).toBeNull();
    expect(screen.getByTestId('multi-sub')).toHaveTextContent('Aisha, Ben, Chen');
    expect(within(screen.getByTestId('multi-overall')).getByTestId('fleissKappa')).toHaveTextContent('0.660');
    expect(screen.getByTestId('resample-turn')).toBeDisabled();
    expect(screen.getByTestId('resample-why')).toHaveTextContent('With three or more coders, documents are resampled.');
    expect(screen.queryByTestId('agreement-add-coder')).toBeNull();

    await fireEvent.click(screen.getByTestId('remove-coder-c'));
    await waitFor(() => expect(screen.getByTestId('agreement-table')).toBeInTheDocument());
    expect(screen.queryByTestId('coder-c')).toBeNull();
    expect(screen.getByTestId('export-csv')).toBeInTheDocument();
  });

  it('offers the consensus layer as a coder', async () => {
    renderScreen([aisha, ben, consensusLayer]);
    await waitFor(() => expect(screen.getByTestId('agreement-table')).toBeInTheDocument());
    const a = screen.getByTestId('coder-a') as HTMLSelectElement;
    expect([...a.options].map((o) => o.textContent)).toEqual(['Aisha', 'Ben', 'Consensus (adjudicated)']);
    await fireEvent.change(a, { target: { value: '3' } });
    await waitFor(() => expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 3, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) }));
  });
});

describe('AgreementScreen: segment match and resampling', () => {
  it('starts segment match at 90 % and explains the per-code figures', async () => {
    renderScreen();
    await waitFor(() => expect(screen.getByTestId('agreement-table')).toBeInTheDocument());
    await fireEvent.change(screen.getByTestId('unit'), { target: { value: 'segment' } });
    await waitFor(() => expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'segment', minShare: 0.9, bootstrap: 0, resample: 'document', statistic: expect.any(String) }));
    expect(screen.getByTestId('min-share')).toHaveValue('0.9');
    await waitFor(() => expect(screen.getByTestId('segment-note')).toHaveTextContent('Segment match (as MAXQDA)'));
    const pa = screen.getByTestId('agreement-row-Positive affect');
    expect(within(pa).getByTestId('kappa')).toHaveTextContent('undefined');
    // The note every code row shares is said once, below the table.
    expect(within(pa).getByTestId('note')).toHaveTextContent(/^$/);
    expect(within(screen.getByTestId('agreement-row-Avowed quality of life')).getByTestId('note')).toHaveTextContent(/^$/);
    expect(screen.getAllByTestId('agreement-shared-note')).toHaveLength(1);
    expect(screen.getByTestId('agreement-shared-note')).toHaveTextContent(segNote);
    expect(within(screen.getByTestId('agreement-factor-Emotional well-being')).getByTestId('note')).toHaveTextContent('κ as MAXQDA');
    // No bar pretends an undefined κ is zero.
    expect(pa.querySelector('.bar')).toBeNull();
    expect(within(screen.getByTestId('agreement-overall')).getByTestId('kappa')).toHaveTextContent('0.425');
    expect(screen.getByTestId('resample-turn')).toBeDisabled();
    expect(screen.getByTestId('resample-why')).toHaveTextContent('Segment match’s units are segments, not turns');
  });

  it('resamples speaker turns when chosen and says so', async () => {
    renderScreen();
    await waitFor(() => expect(screen.getByTestId('agreement-table')).toBeInTheDocument());
    await fireEvent.click(screen.getByTestId('intervals'));
    await fireEvent.click(screen.getByTestId('resample-turn'));
    await waitFor(() => expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 1000, resample: 'turn', statistic: expect.any(String) }));
    expect(screen.getByTestId('resample-turn')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('intervals-help')).toHaveTextContent('1,000 bootstrap resamples of the speaker turns (seed 1)');
    await waitFor(() => expect(screen.getByTestId('agreement-intervals')).toHaveTextContent('resamples of the speaker turns'));
    expect(mocked.agreementMethods).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 1000, resample: 'turn', statistic: 'kappa' });
    await fireEvent.change(screen.getByTestId('unit'), { target: { value: 'document' } });
    await waitFor(() => expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'document', minShare: 0, bootstrap: 1000, resample: 'document', statistic: expect.any(String) }));
    expect(screen.getByTestId('resample-why')).toHaveTextContent('Document presence has one unit per document');
  });
});

describe('AgreementScreen: chart and unitized view', () => {
  it('shows the chart in place of the table, with whiskers once intervals are on', async () => {
    renderScreen();
    await waitFor(() => expect(screen.getByTestId('agreement-table')).toBeInTheDocument());
    await fireEvent.click(screen.getByTestId('view-chart'));
    expect(screen.queryByTestId('agreement-table')).toBeNull();
    const svg = screen.getByTestId('agreement-chart');
    expect(svg.querySelectorAll('[data-testid^="chart-row-"]')).toHaveLength(2);
    expect(screen.queryAllByTestId('chart-whisker')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId('intervals'));
    await waitFor(() => expect(screen.getAllByTestId('chart-whisker')).toHaveLength(4));
    expect(screen.getByTestId('agreement-chart-figure')).toHaveTextContent('Lines are 95 % intervals from 1,000 bootstrap resamples of the documents');
    await fireEvent.click(screen.getByTestId('view-table'));
    expect(screen.getByTestId('agreement-table')).toBeInTheDocument();
  });

  it('offers the unitized continuum as a unit, without threshold, coefficient or intervals', async () => {
    renderScreen();
    await waitFor(() => expect(screen.getByTestId('agreement-table')).toBeInTheDocument());
    const unit = screen.getByTestId('unit') as HTMLSelectElement;
    expect([...unit.options].map((o) => o.textContent)).toContain('Unitized continuum (Krippendorff’s uα)');
    await fireEvent.change(unit, { target: { value: 'unitized' } });
    await waitFor(() => expect(screen.getByTestId('unitized-table')).toBeInTheDocument());
    expect(mocked.unitized).toHaveBeenLastCalledWith([1, 2], [5, 6]);
    expect(within(screen.getByTestId('unitized-uAlpha')).getByTestId('value')).toHaveTextContent('0.610');
    expect(within(screen.getByTestId('unitized-cuAlpha')).getByTestId('reason')).toHaveTextContent('no text both coded');
    expect(screen.getByTestId('agreement-codebook')).toHaveTextContent('Codebook: Keyes: flourishing, revision 0.');
    for (const id of ['min-share', 'statistic', 'intervals', 'view-chart', 'export-csv']) expect(screen.queryByTestId(id)).toBeNull();
    expect(screen.getByTestId('unit-help')).toHaveTextContent('as ATLAS.ti reports it');
    // No codes argument there: the list gives way to the reason.
    expect(screen.queryByTestId('agreement-codes')).toBeNull();
    expect(screen.getByTestId('codes-unitized')).toHaveTextContent('The unitizing alphas always compare every code.');
    expect(screen.getByTestId('codes-none')).toBeDisabled();
  });

  it('passes the chosen codes to ComputeMulti', async () => {
    renderScreen();
    await waitFor(() => expect(screen.getByTestId('agreement-table')).toBeInTheDocument());
    await fireEvent.click(screen.getByTestId('codes-toggle'));
    await fireEvent.click(screen.getByTestId('codes-factor-Emotional well-being'));
    await waitFor(() => expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) }));
    await fireEvent.click(screen.getByTestId('agreement-add-coder'));
    await waitFor(() => expect(mocked.multiAgreement).toHaveBeenLastCalledWith({ coders: [1, 2, 4], documents: [5, 6], codes: [21], unit: 'character', minShare: 0, bootstrap: 0 }));
  });
});

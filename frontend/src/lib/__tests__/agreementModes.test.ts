// The agreement store's choices beyond two coders' Cohen's κ: three or more
// coders (Fleiss' κ …), segment match's threshold, what the bootstrap
// resamples, the unitizing alphas, the consensus layer as a coder, and the
// codes to compare.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  const fn = () => vi.fn();
  return {
    ...orig,
    api: { agreement: fn(), agreementMethods: fn(), exportAgreement: fn(), units: fn(), multiAgreement: fn(), unitized: fn() },
  };
});

import { api } from '../api';
import { AgreementStore, codeGroups } from '../stores/agreement.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import type { Agreement, MultiAgreement, Stat, Unitized } from '../types';
import { aisha, ben, code, codes, noCI } from './fixtures';

/** the consensus layer adjudication makes: a coder like any other here */
const consensusLayer = { id: 3, name: 'Consensus', consensus: true };

const mocked = api as unknown as Record<
  'agreement' | 'agreementMethods' | 'exportAgreement' | 'units' | 'multiAgreement' | 'unitized',
  ReturnType<typeof vi.fn>
>;

const chen = { id: 4, name: 'Chen', consensus: false };
const docs = [
  { id: 5, name: 'a', turns: 3, words: 10, chars: 50, case: '' },
  { id: 6, name: 'b', turns: 4, words: 20, chars: 90, case: '' },
];
const row = {
  label: 'All codes', code: 0, factor: 0, document: 0, both: 3, onlyA: 1, onlyB: 0, neither: 6, units: 10, agreement: 0.9,
  kappa: 0.78, scottPi: 0.77, krippendorffAlpha: null, gwetAC1: 0.83, brennanPrediger: 0.8, ci: noCI, status: 'defined', note: '',
};
const two: Agreement = {
  coderA: aisha, coderB: ben, documents: [5, 6], unit: 'character', minShare: 0, resamples: 0, seed: 0, resampling: '',
  formula: 'cohen-kappa/v1', codebook: 'Keyes: flourishing, revision 0', perCode: [], perFactor: [], overall: row, byDocument: [],
};
const s = (value: number | null, undefinedWhy = ''): Stat => ({ value, undefined: undefinedWhy, ci: null });
const multiRow = {
  label: 'All codes', code: 0, factor: 0, kind: 'overall' as const, units: 10, histogram: [6, 1, 0, 3], coded: [4, 3, 4],
  percentAgreement: s(0.9), fleissKappa: s(0.7), krippendorffAlpha: s(null, 'reported per code only'), gwetAC1: s(0.8),
  brennanPrediger: s(0.8), status: 'defined', note: '',
};
const multi: MultiAgreement = {
  coders: [aisha, ben, chen], documents: [5, 6], unit: 'character', minShare: 0, resamples: 0, seed: 0, resampling: '',
  formula: 'fleiss-alpha/v1', codebook: 'Keyes: flourishing, revision 0', perCode: [], perFactor: [], overall: multiRow,
};
const unitized: Unitized = {
  coders: [aisha, ben], documents: 2, length: 140, uAlpha: s(0.61), binaryUAlpha: s(0.72), cuAlpha: s(null, 'no text both coded'),
  perCode: [{ code: 'Positive affect', kuAlpha: s(0.5), binaryUAlpha: s(0.4) }], codebook: 'Keyes: flourishing, revision 0',
};

beforeEach(() => {
  vi.resetAllMocks();
  mocked.agreement.mockResolvedValue(two);
  mocked.agreementMethods.mockResolvedValue('Methods.');
  mocked.exportAgreement.mockResolvedValue('/tmp/Agreement.csv');
  mocked.multiAgreement.mockResolvedValue(multi);
  mocked.unitized.mockResolvedValue(unitized);
});

function store(coders = [aisha, ben, chen]) {
  const a = new AgreementStore(new ToastStore());
  a.setup(coders, docs);
  return a;
}

describe('AgreementStore: coders', () => {
  it('starts with the lead and the next coder, not the consensus layer', () => {
    const a = store([aisha, consensusLayer, ben]);
    expect(a.selected).toEqual([1, 2]);
    expect(a.mode).toBe('two');
    expect(a.unchosen.map((c) => c.name)).toEqual(['Consensus']);
  });

  it('compares the consensus layer like any coder', async () => {
    const a = store([aisha, ben, consensusLayer]);
    await a.setCoderA(consensusLayer.id);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 3, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
  });

  it('switches to ComputeMulti with a third coder, and back to Compute without it', async () => {
    const a = store();
    await a.compute();
    await a.addCoder();
    expect(a.selected).toEqual([1, 2, 4]);
    expect(a.mode).toBe('multi');
    expect(mocked.multiAgreement).toHaveBeenLastCalledWith({ coders: [1, 2, 4], documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0 });
    expect(a.multi).toEqual(multi);
    expect(a.result).toBeNull();
    // The backend has no methods paragraph or export for several coders.
    expect(a.methods).toBe('');
    expect(a.canExport).toBe(false);
    await a.exportAs('csv');
    expect(mocked.exportAgreement).not.toHaveBeenCalled();

    await a.setIntervals(true);
    expect(mocked.multiAgreement).toHaveBeenLastCalledWith({ coders: [1, 2, 4], documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 1000 });

    const calls = mocked.agreement.mock.calls.length;
    await a.removeCoder(2);
    expect(a.mode).toBe('two');
    expect(mocked.agreement.mock.calls.length).toBe(calls + 1);
    expect(a.multi).toBeNull();
    expect(a.result).toEqual(two);
  });

  it('keeps at least two coders and says when one is chosen twice', async () => {
    const a = store();
    await a.removeCoder(1);
    expect(a.selected).toEqual([1, 2]);
    await a.addCoder(1);
    expect(a.blocker).toBe('Choose each coder only once.');
    expect(a.multi).toBeNull();
  });

  it('refuses segment match among three coders with a reason, without asking the backend', async () => {
    const a = store();
    await a.addCoder();
    mocked.multiAgreement.mockClear();
    await a.setUnit('segment');
    expect(a.blocker).toMatch(/^Segment match compares two coders at a time/);
    expect(mocked.multiAgreement).not.toHaveBeenCalled();
  });
});

describe('AgreementStore: segment match', () => {
  it('defaults the threshold to 90 % and keeps the other units’ coverage apart', async () => {
    const a = store();
    await a.setUnit('turn');
    await a.setMinShare(0.5);
    await a.setUnit('segment');
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'segment', minShare: 0.9, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    expect(mocked.agreementMethods).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'segment', minShare: 0.9, bootstrap: 0, resample: 'document', statistic: 'kappa' });
    await a.setMinShare(0.75);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'segment', minShare: 0.75, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await a.setUnit('turn');
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'turn', minShare: 0.5, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
  });
});

describe('AgreementStore: resampling', () => {
  it('passes turns to Compute, Methods and Export once intervals are on', async () => {
    const a = store();
    await a.setResample('turn');
    // no intervals yet: nothing to recompute
    expect(mocked.agreement).not.toHaveBeenCalled();
    await a.setIntervals(true);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 1000, resample: 'turn', statistic: expect.any(String) });
    expect(mocked.agreementMethods).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 1000, resample: 'turn', statistic: 'kappa' });
    await a.exportAs('md');
    expect(mocked.exportAgreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 1000, resample: 'turn', statistic: 'kappa' }, 'md');
    await a.setResample('document');
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 1000, resample: 'document', statistic: expect.any(String) });
  });

  it('resamples documents for document presence and segment match, whatever was chosen', async () => {
    const a = store();
    await a.setIntervals(true);
    await a.setResample('turn');
    expect(a.turnsAllowed).toBe(true);
    await a.setUnit('document');
    expect(a.turnsAllowed).toBe(false);
    expect(a.resampling).toBe('document');
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'document', minShare: 0, bootstrap: 1000, resample: 'document', statistic: expect.any(String) });
    await a.setUnit('segment');
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'segment', minShare: 0.9, bootstrap: 1000, resample: 'document', statistic: expect.any(String) });
    await a.setUnit('sentence');
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'sentence', minShare: 0, bootstrap: 1000, resample: 'turn', statistic: expect.any(String) });
  });
});

describe('AgreementStore: unitized continuum', () => {
  it('asks for the unitizing alphas of every chosen coder, without a methods paragraph', async () => {
    const a = store();
    await a.compute();
    expect(a.methods).toBe('Methods.');
    await a.setUnit('unitized');
    expect(a.mode).toBe('unitized');
    expect(mocked.unitized).toHaveBeenLastCalledWith([1, 2], [5, 6]);
    expect(a.unitized).toEqual(unitized);
    expect(a.result).toBeNull();
    expect(a.methods).toBe('');
    await a.addCoder();
    expect(a.mode).toBe('unitized');
    expect(mocked.unitized).toHaveBeenLastCalledWith([1, 2, 4], [5, 6]);
  });

  it('shows a failure in place of the figures', async () => {
    mocked.unitized.mockRejectedValue('{"code":"invalid","message":"invalid: blind mode is on"}');
    const a = store();
    await a.setUnit('unitized');
    expect(a.problem).toBe('invalid: blind mode is on');
    expect(a.unitized).toBeNull();
  });
});

describe('AgreementStore: codes', () => {
  function withCodes(coders = [aisha, ben, chen]) {
    const a = new AgreementStore(new ToastStore());
    a.setup(coders, docs, codes);
    return a;
  }

  it('groups the codable codes under their factor', () => {
    const loose = code({ id: 30, parent: 0, name: 'Other', definition: '', color: '#000000', key: '', codable: true });
    expect(codeGroups([...codes, loose]).map((g) => [g.factor?.name ?? null, g.codes.map((c) => c.id)])).toEqual([
      ['Emotional well-being', [11, 12]],
      ['Social well-being', [21]],
      [null, [30]],
    ]);
  });

  it('chooses every codable code at first and sends [] for all of them', async () => {
    const a = withCodes();
    expect(a.codable.map((c) => c.id)).toEqual([11, 12, 21]);
    expect(a.chosenCodes).toEqual([11, 12, 21]);
    expect(a.allCodes).toBe(true);
    await a.compute();
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
  });

  it('passes the chosen codes to Compute, Methods and Export, and recomputes when they change', async () => {
    const a = withCodes();
    await a.toggleCode(12, false);
    expect(a.chosenCodes).toEqual([11, 21]);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [11, 21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    expect(mocked.agreementMethods).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [11, 21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'kappa' });
    await a.exportAs('csv');
    expect(mocked.exportAgreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [11, 21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: 'kappa' }, 'csv');
    await a.toggleFactor(10, false);
    expect(a.chosenCodes).toEqual([21]);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [21], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
    await a.toggleFactor(10, true);
    expect(a.chosenCodes).toEqual([11, 12, 21]);
    expect(mocked.agreement).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0, resample: 'document', statistic: expect.any(String) });
  });

  it('passes the chosen codes to ComputeMulti', async () => {
    const a = withCodes();
    await a.toggleCode(11, false);
    await a.addCoder();
    expect(a.mode).toBe('multi');
    expect(mocked.multiAgreement).toHaveBeenLastCalledWith({ coders: [1, 2, 4], documents: [5, 6], codes: [12, 21], unit: 'character', minShare: 0, bootstrap: 0 });
  });

  it('asks for at least one code instead of calling the backend', async () => {
    const a = withCodes();
    await a.compute();
    mocked.agreement.mockClear();
    mocked.agreementMethods.mockClear();
    await a.chooseNoCodes();
    expect(a.blocker).toBe('Choose at least one code.');
    expect(a.result).toBeNull();
    expect(a.methods).toBe('');
    expect(mocked.agreement).not.toHaveBeenCalled();
    expect(mocked.agreementMethods).not.toHaveBeenCalled();
    await a.addCoder();
    expect(mocked.multiAgreement).not.toHaveBeenCalled();
    // The unitizing alphas have no codes argument: they compare every code whatever the list says.
    await a.setUnit('unitized');
    expect(a.blocker).toBe('');
    expect(mocked.unitized).toHaveBeenLastCalledWith([1, 2, 4], [5, 6]);
    await a.setUnit('character');
    await a.chooseAllCodes();
    expect(mocked.multiAgreement).toHaveBeenLastCalledWith({ coders: [1, 2, 4], documents: [5, 6], codes: [], unit: 'character', minShare: 0, bootstrap: 0 });
  });

  it('keeps the choice across setups and chooses codes new since', () => {
    const a = withCodes();
    void a.toggleCode(12, false);
    const added = code({ id: 13, parent: 10, name: 'Interest in life', definition: '', color: '#ffffff', key: '3', codable: true });
    a.setup([aisha, ben], docs, [...codes.slice(0, 3), added, ...codes.slice(3)]);
    expect(a.chosenCodes).toEqual([11, 13, 21]);
  });
});

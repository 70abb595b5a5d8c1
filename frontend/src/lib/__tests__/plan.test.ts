import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';

// The real planApi.ts over mocked bindings, as in the app.
vi.mock('../wailsjs/go/app/PlanService', () => ({
  Get: vi.fn(), Preview: vi.fn(), Draw: vi.fn(), Progress: vi.fn(), Marks: vi.fn(), SetDone: vi.fn(),
}));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import * as Plan from '../wailsjs/go/app/PlanService';
import DocumentList from '../components/DocumentList.svelte';
import { PlanStore } from '../stores/plan.svelte';
import { AgreementStore } from '../stores/agreement.svelte';
import { ImportStore } from '../stores/importing.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import type { ReaderStore } from '../stores/reader.svelte';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

const docs = [
  { id: 1, name: 'commissioner-01', turns: 3, words: 1430, chars: 9000, case: 'Commissioner 01' },
  { id: 2, name: 'patient-001', turns: 3, words: 1791, chars: 9000, case: 'Patient 001' },
  { id: 3, name: 'patient-002', turns: 3, words: 1714, chars: 9000, case: 'Patient 002' },
];

// Go's nil slices arrive as null.
function rawPlan() {
  return {
    share: 20, by: 'role', seed: 1, coders: ['Aisha', 'Ben'], drawnAt: '2026-12-07T15:00:00Z', drawnBy: 'Aisha', total: 3,
    strata: [{ value: 'commissioner', documents: 1, sampled: 1 }, { value: 'patient', documents: 2, sampled: 1 }],
    sample: [{ id: 1, name: 'commissioner-01', case: 'Commissioner 01', stratum: 'commissioner', words: 1430, coders: ['Aisha', 'Ben'] }],
    rest: [
      { id: 2, name: 'patient-001', case: 'Patient 001', stratum: 'patient', words: 1791, coders: ['Aisha'] },
      { id: 3, name: 'patient-002', case: 'Patient 002', stratum: 'patient', words: 1714, coders: ['Ben'] },
    ],
    words: { Aisha: 3221, Ben: 3144 },
    sentence: 'The reliability sample was 20 % of the documents (1 of 3), stratified by role, drawn with seed 1; coded independently by Aisha and Ben.',
  };
}

/** Ben's view: the sample and patient-002 are his; nobody else is named (blind mode). */
function benMarks(done = false) {
  return [
    { document: 1, sample: true, yours: true, done, coders: null },
    { document: 2, sample: false, yours: false, done: false, coders: null },
    { document: 3, sample: false, yours: true, done: false, coders: null },
  ];
}

function progress(done: number) {
  return { coders: [{ coder: 'Ben', assigned: 2, done, coded: 1, sample: 1, sampleDone: done }], sample: 1, sampleComplete: 0 };
}

const reader = { documents: docs, currentId: null, open: vi.fn() } as unknown as ReaderStore;

beforeEach(() => {
  vi.clearAllMocks();
  m(Plan.Get).mockResolvedValue(rawPlan());
  m(Plan.Marks).mockResolvedValue(benMarks());
  m(Plan.Progress).mockResolvedValue(progress(0));
  m(Plan.Preview).mockResolvedValue(rawPlan());
  m(Plan.SetDone).mockResolvedValue(undefined);
});

describe('PlanStore', () => {
  it('reads no plan as null and no marks as an empty list', async () => {
    m(Plan.Get).mockResolvedValue(null);
    m(Plan.Marks).mockResolvedValue(null);
    m(Plan.Progress).mockResolvedValue(null);
    const s = new PlanStore(new ToastStore());
    await s.load();
    expect(s.plan).toBeNull();
    expect(s.progress).toBeNull();
    expect(s.ordered(docs)).toEqual(docs);
  });

  it("puts the coder's own documents first, each group in import order", async () => {
    const s = new PlanStore(new ToastStore());
    await s.load();
    expect(s.ordered(docs).map((d) => d.id)).toEqual([1, 3, 2]);
    expect(s.mark(1)).toEqual({ document: 1, sample: true, yours: true, done: false, coders: [] });
  });

  it('asks again with force when coders have marked documents done, then tells the others', async () => {
    const drawn = vi.fn();
    const s = new PlanStore(new ToastStore(), drawn);
    await s.load();
    s.openDialog(['Aisha', 'Ben'], ['role']);
    expect(s.input).toEqual({ share: 20, by: 'role', coders: ['Aisha', 'Ben'], seed: 1, force: false });
    m(Plan.Draw).mockRejectedValueOnce(JSON.stringify({ kind: 'conflict', code: 'invalid', message: 'redraw the plan: coders have already marked documents done (1 done mark)' }));
    expect(await s.draw()).toBe(false);
    expect(s.needsForce).toBe(true);
    expect(s.dialogOpen).toBe(true);
    m(Plan.Draw).mockResolvedValueOnce(rawPlan());
    expect(await s.draw()).toBe(true);
    expect(m(Plan.Draw).mock.calls[1][0]).toEqual({ share: 20, by: 'role', coders: ['Aisha', 'Ben'], seed: 1, force: true });
    expect(drawn).toHaveBeenCalledTimes(1);
    expect(s.dialogOpen).toBe(false);
  });
});

describe('DocumentList with a plan', () => {
  it("shows the coder's documents first with badges, and marks one done", async () => {
    const plan = new PlanStore(new ToastStore());
    await plan.load();
    render(DocumentList, { reader, importer: new ImportStore(), plan, me: 'Ben', coderNames: ['Aisha', 'Ben'] });
    const items = within(screen.getByTestId('document-list')).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.d-name')!.textContent)).toEqual(['commissioner-01', 'patient-002', 'patient-001']);
    expect(screen.getByTestId('badge-sample-commissioner-01')).toBeTruthy();
    expect(screen.getByTestId('badge-yours-patient-002')).toBeTruthy();
    expect(screen.queryByTestId('done-patient-001')).toBeNull(); // not Ben's
    expect(screen.getByTestId('my-progress').textContent).toBe('0 of 2 done');
    // A coder draws no plan and sees only their own progress.
    expect(screen.queryByTestId('plan-open')).toBeNull();
    expect(screen.queryByTestId('plan-everyone')).toBeNull();

    m(Plan.Progress).mockResolvedValue(progress(1));
    await fireEvent.click(screen.getByTestId('done-commissioner-01'));
    expect(m(Plan.SetDone)).toHaveBeenCalledWith(1, true);
    await waitFor(() => expect(screen.getByTestId('badge-done-commissioner-01')).toBeTruthy());
    await waitFor(() => expect(screen.getByTestId('my-progress').textContent).toBe('1 of 2 done'));
    expect(screen.getByTestId('done-commissioner-01').getAttribute('aria-pressed')).toBe('true');
  });

  it("gives the lead the Plan… dialog with a preview of who codes what", async () => {
    m(Plan.Progress).mockResolvedValue({ ...progress(0), coders: [{ coder: 'Aisha', assigned: 2, done: 0, coded: 2, sample: 1, sampleDone: 0 }, progress(0).coders[0]] });
    const plan = new PlanStore(new ToastStore());
    await plan.load();
    render(DocumentList, { reader, importer: new ImportStore(), plan, lead: true, me: 'Aisha', coderNames: ['Aisha', 'Ben'], attributes: async () => ['role', 'age'] });
    expect(within(screen.getByTestId('plan-everyone')).getAllByRole('row')).toHaveLength(3);
    await fireEvent.click(screen.getByTestId('plan-open'));
    const dialog = await screen.findByTestId('plan-dialog');
    await waitFor(() => expect(within(dialog).getByTestId('plan-sentence').textContent).toContain('(1 of 3), stratified by role'));
    expect(within(dialog).getByTestId('plan-row-commissioner-01').className).toContain('sample');
    expect(within(dialog).getByTestId('plan-row-patient-002').textContent).toContain('Ben');
    await fireEvent.change(within(dialog).getByTestId('plan-share'), { target: { value: '50' } });
    await waitFor(() => expect(m(Plan.Preview)).toHaveBeenLastCalledWith({ share: 50, by: 'role', coders: ['Aisha', 'Ben'], seed: 1, force: false }));
  });
});

describe('AgreementStore and the double-coded sample', () => {
  it('chooses exactly the sample, and knows when the choice is no longer it', async () => {
    // One coder: the store has a blocker, so choosing computes nothing.
    const a = new AgreementStore(new ToastStore());
    a.setup([{ id: 1, name: 'Aisha', consensus: false }], docs, []);
    a.sample = [3, 1];
    await a.chooseSample();
    expect(a.chosen).toEqual([1, 3]);
    expect(a.sampleChosen).toBe(true);
    await a.toggleDocument(2, true);
    expect(a.sampleChosen).toBe(false);
    a.sample = [];
    expect(a.sampleChosen).toBe(false);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  return { ...orig, api: { review: vi.fn(), startReview: vi.fn(), decide: vi.fn(), reopen: vi.fn() } };
});

import { api, ThemisError } from '../api';
import { ANY_OVERLAP, progressText, ReviewStore } from '../stores/review.svelte';
import { Changes } from '../stores/changes';
import { ToastStore } from '../stores/toasts.svelte';
import type { Decision, Disagreement, Review } from '../types';
import { OffsetIndex } from '../offsets';
import { aisha, ben, consensusLayer } from './fixtures';

const mocked = api as unknown as Record<'review' | 'startReview' | 'decide' | 'reopen', ReturnType<typeof vi.fn>>;

const text = 'I go to the garden on Tuesdays and it helps.';
const dec = (action: Decision['action']): Decision => ({ action, rationale: '', decidedBy: 'Aisha', decidedAt: '2026-05-03T14:05:00Z', segments: [] });

function item(key: string, over: Partial<Disagreement> = {}): Disagreement {
  return {
    key, document: 5, documentName: 'patient-001', kind: 'only-a', codeA: 11, codeB: 0,
    a: [{ start: 8, end: 18 }], b: [], extent: { start: 8, end: 18 }, size: 10, overlap: 0, speaker: 'P001',
    context: { start: 0, text, before: false, after: false, index: new OffsetIndex(text) }, decision: null, ...over,
  };
}

function rv(items: Disagreement[], over: Partial<Review> = {}): Review {
  return {
    coderA: aisha, coderB: ben, consensus: consensusLayer, threshold: 0.9, total: items.length,
    settled: items.filter((d) => d.decision).length, agreed: 4, items, ...over,
  };
}

/** Five disagreements over two documents, the second already settled. */
const five = () => [
  item('k1'),
  item('k2', { decision: dec('accept-a') }),
  item('k3', { kind: 'boundary', codeB: 11, document: 6, documentName: 'patient-002' }),
  item('k4', { kind: 'different-code', codeB: 12 }),
  item('k5', { kind: 'only-b', codeA: 0, codeB: 21, document: 6, documentName: 'patient-002' }),
];

/** The review after settling key with action. */
function settle(items: Disagreement[], key: string, action: Decision['action']): Review {
  return rv(items.map((d) => (d.key === key ? { ...d, decision: dec(action) } : d)));
}

async function loaded(items = five(), over: Partial<Review> = {}, changes?: Changes) {
  const toasts = new ToastStore();
  const s = new ReviewStore(toasts, changes);
  s.setup([aisha, ben, consensusLayer], aisha.id);
  mocked.review.mockResolvedValue(rv(items, over));
  await s.load();
  return { s, toasts };
}

beforeEach(() => vi.resetAllMocks());

describe('ReviewStore', () => {
  it('says how far adjudication has come', async () => {
    expect(progressText(null)).toBe('');
    expect(progressText({ settled: 41, total: 120 })).toBe('41 of 120 settled');
    const { s } = await loaded();
    expect(s.progress).toBe('1 of 5 settled');
    expect(s.share).toBeCloseTo(0.2);
    expect(s.started).toBe(true);
    expect(s.done).toBe(false);
  });

  it('offers only people as the pair, the lead and the first other coder by default', async () => {
    const s = new ReviewStore(new ToastStore());
    s.setup([consensusLayer, ben, aisha], aisha.id);
    expect(s.coders.map((c) => c.name)).toEqual(['Ben', 'Aisha']);
    expect([s.coderA, s.coderB]).toEqual([aisha.id, ben.id]);
    mocked.review.mockResolvedValue(rv([]));
    await s.load();
    expect(mocked.review).toHaveBeenCalledWith({ coderA: 1, coderB: 2, documents: [], codes: [], threshold: 0.9 });

    const alone = new ReviewStore(new ToastStore());
    alone.setup([aisha, consensusLayer], aisha.id);
    expect(alone.blocker).toContain('only one');
    await alone.load();
    expect(mocked.review).toHaveBeenCalledTimes(1);
  });

  it('selects the first unsettled disagreement when the review loads', async () => {
    const { s } = await loaded([item('k2', { decision: dec('both') }), item('k1')]);
    expect(s.selectedKey).toBe('k1');
  });

  it('filters by document, code, kind and unsettled, counting every item in the progress', async () => {
    const { s } = await loaded();
    s.setFilter({ document: 6 });
    expect(s.items.map((d) => d.key)).toEqual(['k3', 'k5']);
    expect(s.selectedKey).toBe('k3'); // k1 is no longer shown
    s.setFilter({ document: 0, code: 12 });
    expect(s.items.map((d) => d.key)).toEqual(['k4']);
    s.setFilter({ code: 11, kind: 'boundary' });
    expect(s.items.map((d) => d.key)).toEqual(['k3']);
    s.clearFilter();
    s.setFilter({ unsettled: true });
    expect(s.items.map((d) => d.key)).toEqual(['k1', 'k3', 'k4', 'k5']);
    expect(s.progress).toBe('1 of 5 settled');
  });

  it('moves through the list with the keyboard, and to the next or previous unsettled one, going round', async () => {
    const { s } = await loaded();
    expect(s.selectedKey).toBe('k1');
    s.move(1);
    expect(s.selectedKey).toBe('k2');
    s.move(-1);
    s.move(-1); // stays at the top
    expect(s.selectedKey).toBe('k1');
    expect(s.moveUnsettled(1)).toBe(true); // skips the settled k2
    expect(s.selectedKey).toBe('k3');
    s.select('k5');
    s.moveUnsettled(1); // round to the top
    expect(s.selectedKey).toBe('k1');
    s.moveUnsettled(-1);
    expect(s.selectedKey).toBe('k5');
  });

  it('sends the chosen threshold with every call and reloads the review when it changes', async () => {
    const { s } = await loaded();
    expect(s.threshold).toBe(0.9);
    const fewer = five().slice(0, 3);
    mocked.review.mockResolvedValue(rv(fewer, { threshold: ANY_OVERLAP }));
    await s.setThreshold(ANY_OVERLAP);
    expect(ANY_OVERLAP).toBeGreaterThan(0);
    expect(mocked.review).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [], codes: [], threshold: ANY_OVERLAP });
    expect(s.review?.total).toBe(3);
    expect(s.selectedKey).toBe('k1'); // still a disagreement, still selected
    mocked.decide.mockResolvedValue(settle(fewer, 'k1', 'accept-a'));
    await s.decide('accept-a');
    expect(mocked.decide.mock.calls[0][0]).toEqual({ coderA: 1, coderB: 2, documents: [], codes: [], threshold: ANY_OVERLAP });
    mocked.startReview.mockResolvedValue(rv(fewer));
    await s.start();
    expect(mocked.startReview).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [], codes: [], threshold: ANY_OVERLAP });
    await s.setThreshold(0.5);
    expect(mocked.review).toHaveBeenLastCalledWith({ coderA: 1, coderB: 2, documents: [], codes: [], threshold: 0.5 });
    const calls = mocked.review.mock.calls.length;
    await s.setThreshold(0.5);
    expect(mocked.review).toHaveBeenCalledTimes(calls);
  });

  it('decides, replaces the review with the one returned and moves on to the next unsettled one', async () => {
    const { s } = await loaded();
    s.rationale = '  the garden is the activity  ';
    mocked.decide.mockResolvedValue(settle(five(), 'k1', 'neither'));
    expect(await s.decide('neither')).toBe(true);
    const [input, d, choice] = mocked.decide.mock.calls[0];
    expect(input).toEqual({ coderA: 1, coderB: 2, documents: [], codes: [], threshold: 0.9 });
    expect(d.key).toBe('k1');
    expect(choice).toEqual({ action: 'neither', rationale: 'the garden is the activity' });
    expect(s.progress).toBe('2 of 5 settled');
    expect(s.review?.items[0].decision?.action).toBe('neither');
    expect(s.selectedKey).toBe('k3'); // past the settled k2
    expect(s.rationale).toBe('');
  });

  it('keeps its place when the settled item leaves an "unsettled only" list', async () => {
    const { s } = await loaded();
    s.setFilter({ unsettled: true });
    s.select('k3');
    mocked.decide.mockResolvedValue(settle(five(), 'k3', 'accept-b'));
    await s.decide('accept-b');
    expect(s.items.map((d) => d.key)).toEqual(['k1', 'k4', 'k5']);
    expect(s.selectedKey).toBe('k4');
  });

  it('stays on the last one when nothing is left to settle', async () => {
    const { s } = await loaded([item('k1')]);
    mocked.decide.mockResolvedValue(settle([item('k1')], 'k1', 'both'));
    await s.decide('both');
    expect(s.selectedKey).toBe('k1');
    expect(s.done).toBe(true);
    expect(s.selected?.decision?.action).toBe('both');
  });

  it('adjusts: the extent and the common code by default, then the span and code chosen', async () => {
    const { s } = await loaded([item('k4', { kind: 'different-code', codeB: 12, b: [{ start: 3, end: 18 }], extent: { start: 3, end: 18 } })]);
    s.beginAdjust();
    expect(s.adjusting).toEqual({ start: 3, end: 18, code: 11 });
    s.setAdjustSpan({ start: 12, end: 12 }); // empty: ignored
    s.setAdjustSpan({ start: 12, end: 18 });
    s.setAdjustCode(12);
    mocked.decide.mockResolvedValue(settle([item('k4')], 'k4', 'adjust'));
    await s.decide('adjust');
    expect(mocked.decide.mock.calls[0][2]).toEqual({ action: 'adjust', rationale: '', span: { start: 12, end: 18 }, code: 12 });
    expect(s.adjusting).toBeNull();
  });

  it('reopens a decision and keeps it selected', async () => {
    const { s } = await loaded();
    s.select('k2');
    mocked.reopen.mockResolvedValue(rv(five().map((d) => ({ ...d, decision: null }))));
    expect(await s.reopen()).toBe(true);
    expect(mocked.reopen).toHaveBeenCalledWith({ coderA: 1, coderB: 2, documents: [], codes: [], threshold: 0.9 }, 'k2');
    expect(s.selectedKey).toBe('k2');
    expect(s.progress).toBe('0 of 5 settled');
  });

  it('starts adjudication, and only then decides', async () => {
    const { s } = await loaded(five(), { consensus: null });
    expect(s.started).toBe(false);
    expect(await s.decide('accept-a')).toBe(false);
    expect(mocked.decide).not.toHaveBeenCalled();
    mocked.startReview.mockResolvedValue(rv(five()));
    expect(await s.start()).toBe(true);
    expect(s.started).toBe(true);
    expect(s.review?.consensus?.name).toBe('Consensus');
    expect(s.selectedKey).toBe('k1');
  });

  it('says that it made the consensus layer, and that each decision changed the coding', async () => {
    const changes = new Changes();
    const seen: string[] = [];
    for (const k of ['segments', 'coders'] as const) changes.on(k, (c) => seen.push(c.kind));
    const { s } = await loaded(five(), { consensus: null }, changes);
    mocked.startReview.mockResolvedValue(rv(five()));
    await s.start();
    expect(seen).toEqual(['segments', 'coders']);
    mocked.decide.mockResolvedValue(settle(five(), 'k1', 'accept-a'));
    await s.decide('accept-a');
    expect(seen).toEqual(['segments', 'coders', 'segments']);
    mocked.decide.mockRejectedValue(new ThemisError('not_found', 'gone'));
    await s.decide('accept-a');
    expect(seen).toHaveLength(3); // a refused decision changed nothing
  });

  it('shows a failed action as a toast and keeps the review', async () => {
    const { s, toasts } = await loaded();
    mocked.decide.mockRejectedValue(new ThemisError('not_found', 'disagreement k1: not found (the coding may have changed since the list was made)'));
    expect(await s.decide('accept-a')).toBe(false);
    expect(toasts.items.map((t) => [t.kind, t.code, t.message])).toEqual([
      ['error', 'not_found', 'disagreement k1: not found (the coding may have changed since the list was made)'],
    ]);
    expect(s.progress).toBe('1 of 5 settled');
    expect(s.selectedKey).toBe('k1');
    expect(s.busy).toBe(false);
  });

  it('shows why a review could not load in place of the list, and drops stale answers', async () => {
    const s = new ReviewStore(new ToastStore());
    s.setup([aisha, ben], aisha.id);
    mocked.review.mockRejectedValue(new ThemisError('invalid', 'blind mode is on'));
    await s.load();
    expect(s.problem).toBe('blind mode is on');
    expect(s.review).toBeNull();

    let first!: (r: Review) => void;
    mocked.review.mockReturnValueOnce(new Promise<Review>((res) => (first = res))).mockResolvedValueOnce(rv([item('new')]));
    const slow = s.load();
    await s.load();
    first(rv([item('old')]));
    await slow;
    expect(s.review?.items.map((d) => d.key)).toEqual(['new']);
    expect(s.problem).toBe('');
  });

  it('starts afresh when the pair changes', async () => {
    const { s } = await loaded();
    s.setFilter({ document: 6 });
    mocked.review.mockResolvedValue(rv([item('z')], { coderA: aisha, coderB: ben }));
    await s.setCoderB(aisha.id);
    expect(s.blocker).toBe('Choose two different coders.');
    expect(s.review).toBeNull();
    await s.setCoderB(ben.id);
    expect(s.filter.document).toBe(0);
    expect(s.selectedKey).toBe('z');
  });
});

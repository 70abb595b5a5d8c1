import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';

// The real api.ts over mocked bindings, so the offsets are converted as in the app.
vi.mock('../wailsjs/go/app/AdjudicationService', () => ({ Review: vi.fn(), Start: vi.fn(), Decide: vi.fn(), Reopen: vi.fn() }));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import * as Adjudication from '../wailsjs/go/app/AdjudicationService';
import ReviewScreen from '../screens/ReviewScreen.svelte';
import { ANY_OVERLAP, ReviewStore } from '../stores/review.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import { aisha, ben, codes, consensusLayer } from './fixtures';
import { ctxText, decided, docSpan, rawItem, rawReview } from './reviewFixtures';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;
const input = { coderA: 1, coderB: 2, documents: [], codes: [], threshold: 0.9 };

/** Aisha only (biggest), a boundary in another document, different codes, Ben only (settled). */
function items() {
  return [
    rawItem({ key: 'k1', size: 40 }),
    rawItem({ key: 'k2', kind: 'boundary', codeB: 11, b: [docSpan('garden on Tuesdays helps')], document: 6, documentName: 'patient-002', size: 30 }),
    rawItem({ key: 'k3', kind: 'different-code', codeB: 21, a: [docSpan('Calmer now')], b: [docSpan('Calmer now 😀')], size: 20 }),
    rawItem({ key: 'k4', kind: 'only-b', codeA: 0, codeB: 12, a: [], b: [docSpan('helps me a lot')], size: 10, decision: decided('accept-b', 'Ben saw it') }),
  ];
}

function renderScreen(review = rawReview(items())) {
  m(Adjudication.Review).mockResolvedValue(review);
  const toasts = new ToastStore();
  const store = new ReviewStore(toasts);
  render(ReviewScreen, { review: store, coders: [aisha, ben, consensusLayer], lead: aisha.id, codes });
  return { store, toasts };
}

beforeEach(() => vi.resetAllMocks());

describe('ReviewScreen', () => {
  it('lists every disagreement with its kind, codes, document and whether it is settled', async () => {
    renderScreen();
    const list = await screen.findByTestId('disagreement-list');
    const rows = within(list).getAllByRole('button');
    expect(rows.map((r) => within(r).getByTestId('kind').textContent)).toEqual(['Only Aisha', 'Boundaries', 'Different codes', 'Only Ben']);
    expect(within(rows[0]).getByTestId('codes')).toHaveTextContent('Positive affect');
    expect(within(rows[2]).getByTestId('codes')).toHaveTextContent('Positive affect vs Social integration');
    expect(rows[1]).toHaveTextContent('patient-002 · P001');
    expect(within(rows[3]).getByTestId('settled')).toHaveTextContent('Settled: Accepted Ben’s coding');
    expect(within(rows[0]).queryByTestId('settled')).toBeNull();
    expect(screen.getByTestId('review-progress')).toHaveTextContent('1 of 4 settled');
    expect(screen.getByTestId('review-agreed')).toHaveTextContent('4 agreed passages copied into the consensus (Consensus)');
    expect(screen.getByTestId('list-count')).toHaveTextContent('4 disagreements, largest first');
    expect(rows[0]).toHaveAttribute('aria-current', 'true');
    // Only people can be chosen as the pair.
    expect(within(screen.getByTestId('review-coder-a')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Aisha', 'Ben']);
    expect(m(Adjudication.Review)).toHaveBeenCalledWith(input);
  });

  it('filters the list by document, code, kind and settledness', async () => {
    renderScreen();
    await screen.findByTestId('disagreement-list');
    const keys = () => within(screen.getByTestId('disagreement-list')).getAllByRole('button').map((b) => b.dataset.key);
    await fireEvent.change(screen.getByTestId('filter-document'), { target: { value: '6' } });
    expect(keys()).toEqual(['k2']);
    expect(screen.getByTestId('list-count')).toHaveTextContent('Showing 1 of 4');
    await fireEvent.click(screen.getByTestId('filter-clear'));
    await fireEvent.change(screen.getByTestId('filter-code'), { target: { value: '21' } });
    expect(keys()).toEqual(['k3']);
    await fireEvent.change(screen.getByTestId('filter-code'), { target: { value: '0' } });
    await fireEvent.change(screen.getByTestId('filter-kind'), { target: { value: 'only-b' } });
    expect(keys()).toEqual(['k4']);
    await fireEvent.change(screen.getByTestId('filter-kind'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('filter-unsettled'));
    expect(keys()).toEqual(['k1', 'k2', 'k3']);
    expect(within(screen.getByTestId('filter-code')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'All codes', 'Positive affect', 'Avowed quality of life', 'Social integration',
    ]);
  });

  it('shows both coders’ spans side by side, highlighted at the right places past an emoji', async () => {
    renderScreen();
    await screen.findByTestId('disagreement-list');
    await fireEvent.click(screen.getByTestId('disagreement-k3'));
    const a = screen.getByTestId('context-a');
    const b = screen.getByTestId('context-b');
    expect(a.textContent).toBe(`…${ctxText}…`);
    expect([...a.querySelectorAll('mark')].map((x) => x.textContent)).toEqual(['Calmer now']);
    expect([...b.querySelectorAll('mark')].map((x) => x.textContent)).toEqual(['Calmer now 😀']);
    expect(a.querySelector('mark')).toHaveStyle({ borderBottomColor: '#f97316' }); // Positive affect
    expect(b.querySelector('mark')).toHaveStyle({ borderBottomColor: '#9333ea' }); // Social integration
    expect(screen.getByTestId('column-a')).toHaveTextContent('A · Aisha');
    expect(screen.getByTestId('column-b')).toHaveTextContent('B · Ben');
    expect(screen.getByTestId('detail-sentence')).toHaveTextContent('Aisha coded this as Positive affect; Ben as Social integration.');

    await fireEvent.click(screen.getByTestId('disagreement-k2'));
    expect([...screen.getByTestId('context-a').querySelectorAll('mark')].map((x) => x.textContent)).toEqual(['the garden on Tuesdays']);
    expect([...screen.getByTestId('context-b').querySelectorAll('mark')].map((x) => x.textContent)).toEqual(['garden on Tuesdays helps']);
    expect(screen.getByTestId('detail-where')).toHaveTextContent('patient-002 · P001');
  });

  it('sends each action with the rationale, and the keyboard does the same', async () => {
    renderScreen();
    await screen.findByTestId('disagreement-list');
    let state = items();
    m(Adjudication.Decide).mockImplementation((d: { key: string; action: string }) => {
      state = state.map((i) => (i.key === d.key ? { ...i, decision: decided(d.action) } : i));
      return Promise.resolve(rawReview(state));
    });
    await fireEvent.input(screen.getByTestId('rationale'), { target: { value: 'a place, not a feeling' } });
    await fireEvent.click(screen.getByTestId('action-accept-a'));
    await waitFor(() => expect(screen.getByTestId('review-progress')).toHaveTextContent('2 of 4 settled'));
    expect(m(Adjudication.Decide)).toHaveBeenCalledWith({
      ...input, key: 'k1', action: 'accept-a', rationale: 'a place, not a feeling', start: 0, end: 0, code: 0,
    });
    // On to the next unsettled one, with a fresh rationale.
    expect(screen.getByTestId('disagreement-k2')).toHaveAttribute('aria-current', 'true');
    expect(screen.getByTestId('rationale')).toHaveValue('');

    // Typing a rationale never decides.
    await fireEvent.keyDown(screen.getByTestId('rationale'), { key: 'a' });
    expect(m(Adjudication.Decide)).toHaveBeenCalledTimes(1);

    for (const [key, action, on] of [['t', 'both', 'k2'], ['n', 'neither', 'k3']] as const) {
      m(Adjudication.Decide).mockClear();
      await fireEvent.keyDown(window, { key });
      await waitFor(() => expect(m(Adjudication.Decide)).toHaveBeenCalledTimes(1));
      expect(m(Adjudication.Decide).mock.calls[0][0]).toMatchObject({ key: on, action });
    }
    await waitFor(() => expect(screen.getByTestId('review-done')).toHaveTextContent('all settled'));
    // Nothing left: the last one stays, showing its decision; B does nothing more.
    expect(screen.getByTestId('decision-action')).toHaveTextContent('Coded neither');
    m(Adjudication.Decide).mockClear();
    await fireEvent.keyDown(window, { key: 'b' });
    expect(m(Adjudication.Decide)).not.toHaveBeenCalled();
  });

  it('adjusts a span: the extent by default, a word at a time, with a chosen code, as document code points', async () => {
    renderScreen();
    await screen.findByTestId('disagreement-list');
    await fireEvent.click(screen.getByTestId('disagreement-k3'));
    await fireEvent.keyDown(window, { key: 'j' });
    const panel = screen.getByTestId('adjust-panel');
    const marked = () => [...within(panel).getByTestId('context-adjust').querySelectorAll('mark')].map((x) => x.textContent);
    expect(marked()).toEqual(['Calmer now 😀']);
    // The Start/End controls sit in the part that stays in view with Save, not below the context where the rationale covered them.
    const decide = screen.getByTestId('decide');
    for (const id of ['start-left', 'start-right', 'end-left', 'end-right', 'adjust-code', 'adjust-summary']) {
      expect(decide.contains(screen.getByTestId(id)), id).toBe(true);
    }
    await fireEvent.click(screen.getByTestId('end-left'));
    expect(marked()).toEqual(['Calmer now']);
    await fireEvent.click(screen.getByTestId('start-right'));
    expect(marked()).toEqual(['now']);
    await fireEvent.click(screen.getByTestId('adjust-reset'));
    await fireEvent.click(screen.getByTestId('end-left'));
    await fireEvent.click(within(screen.getByTestId('adjust-code')).getByLabelText('Social integration'));
    expect(screen.getByTestId('adjust-summary')).toHaveTextContent('10 characters as Social integration');
    m(Adjudication.Decide).mockResolvedValue(rawReview(items()));
    await fireEvent.click(screen.getByTestId('confirm-adjust'));
    await waitFor(() => expect(m(Adjudication.Decide)).toHaveBeenCalled());
    expect(m(Adjudication.Decide)).toHaveBeenCalledWith({
      ...input, key: 'k3', action: 'adjust', rationale: '', ...docSpan('Calmer now'), code: 21,
    });
  });

  it('Escape leaves an adjustment without deciding', async () => {
    renderScreen();
    await screen.findByTestId('disagreement-list');
    await fireEvent.click(screen.getByTestId('action-adjust'));
    expect(screen.getByTestId('adjust-panel')).toBeInTheDocument();
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('adjust-panel')).toBeNull();
    expect(screen.getByTestId('action-accept-a')).toBeInTheDocument();
  });

  it('shows a recorded decision with who, when and why, and reopens it', async () => {
    renderScreen();
    await screen.findByTestId('disagreement-list');
    await fireEvent.click(screen.getByTestId('disagreement-k4'));
    expect(screen.getByTestId('decision-action')).toHaveTextContent('Accepted Ben’s coding');
    expect(screen.getByTestId('decision-by')).toHaveTextContent(/by Aisha, 3 May 2026/);
    expect(screen.getByTestId('decision-rationale')).toHaveTextContent('Ben saw it');
    expect(screen.queryByTestId('action-accept-a')).toBeNull();
    m(Adjudication.Reopen).mockResolvedValue(rawReview(items().map((i) => ({ ...i, decision: null }))));
    await fireEvent.keyDown(window, { key: 'r' });
    await waitFor(() => expect(screen.getByTestId('review-progress')).toHaveTextContent('0 of 4 settled'));
    expect(m(Adjudication.Reopen)).toHaveBeenCalledWith(input, 'k4');
    expect(screen.getByTestId('action-accept-a')).toBeInTheDocument();
  });

  it('moves with the arrow keys, Shift skipping what is settled', async () => {
    renderScreen();
    await screen.findByTestId('disagreement-list');
    await fireEvent.keyDown(window, { key: 'ArrowDown' });
    expect(screen.getByTestId('disagreement-k2')).toHaveAttribute('aria-current', 'true');
    await fireEvent.keyDown(window, { key: 'ArrowDown', shiftKey: true });
    expect(screen.getByTestId('disagreement-k3')).toHaveAttribute('aria-current', 'true');
    await fireEvent.keyDown(window, { key: 'ArrowDown', shiftKey: true }); // k4 is settled: round to k1
    expect(screen.getByTestId('disagreement-k1')).toHaveAttribute('aria-current', 'true');
  });

  it('asks to start before deciding, and shows a failure as a toast', async () => {
    const { toasts } = renderScreen(rawReview(items(), { consensus: null }));
    await screen.findByTestId('disagreement-list');
    expect(screen.getByTestId('review-agreed')).toHaveTextContent('4 agreed passages will be copied into the consensus');
    expect(screen.queryByTestId('action-accept-a')).toBeNull();
    expect(screen.getByTestId('not-started')).toBeInTheDocument();
    await fireEvent.keyDown(window, { key: 'a' });
    expect(m(Adjudication.Decide)).not.toHaveBeenCalled();
    m(Adjudication.Start).mockRejectedValue('{"code":"invalid","message":"Aisha is a consensus layer"}');
    await fireEvent.click(screen.getByTestId('review-start'));
    await waitFor(() => expect(toasts.items.map((t) => t.message)).toEqual(['Aisha is a consensus layer']));
    m(Adjudication.Start).mockResolvedValue(rawReview(items()));
    await fireEvent.click(screen.getByTestId('review-start'));
    await waitFor(() => expect(screen.queryByTestId('review-start')).toBeNull());
    expect(m(Adjudication.Start)).toHaveBeenCalledWith(input);
    expect(screen.getByTestId('action-accept-a')).toBeInTheDocument();
  });

  it('says so when the coders agree everywhere', async () => {
    renderScreen(rawReview([]));
    expect(await screen.findByTestId('list-empty')).toHaveTextContent('No disagreements: Aisha and Ben coded alike everywhere.');
    expect(screen.getByTestId('review-progress')).toHaveTextContent('0 of 0 settled');
  });

  it('reviews at the boundary threshold chosen in the top bar, and decides at it', async () => {
    const { store } = renderScreen();
    await screen.findByTestId('disagreement-list');
    const group = screen.getByTestId('review-threshold');
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['90 %', '75 %', '50 %', 'any overlap']);
    expect(screen.getByTestId('review-threshold-90')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('group', { name: /Boundaries agree at/ })).toHaveAccessibleDescription(
      /each covers at least this share of the other/,
    );
    m(Adjudication.Review).mockResolvedValue(rawReview(items().slice(0, 1), { threshold: ANY_OVERLAP }));
    await fireEvent.click(screen.getByTestId('review-threshold-any'));
    await waitFor(() => expect(screen.getByTestId('list-count')).toHaveTextContent('1 disagreement'));
    expect(m(Adjudication.Review)).toHaveBeenLastCalledWith({ ...input, threshold: ANY_OVERLAP });
    expect(screen.getByTestId('review-threshold-any')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('review-threshold-90')).toHaveAttribute('aria-pressed', 'false');
    expect(store.threshold).toBe(ANY_OVERLAP);
    m(Adjudication.Decide).mockResolvedValue(rawReview([{ ...items()[0], decision: decided('accept-a', '') }], { threshold: ANY_OVERLAP }));
    await fireEvent.keyDown(window, { key: 'a' });
    await waitFor(() => expect(m(Adjudication.Decide)).toHaveBeenCalled());
    expect(m(Adjudication.Decide).mock.calls[0][0]).toMatchObject({ ...input, threshold: ANY_OVERLAP, key: 'k1', action: 'accept-a' });
    await fireEvent.click(screen.getByTestId('review-threshold-75'));
    await waitFor(() => expect(m(Adjudication.Review)).toHaveBeenLastCalledWith({ ...input, threshold: 0.75 }));
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../wailsjs/go/app/AdjudicationService', () => ({ Review: vi.fn(), Start: vi.fn(), Decide: vi.fn(), Reopen: vi.fn() }));
vi.mock('../wailsjs/go/app/ProjectService', () => ({ Info: vi.fn() }));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import * as Adjudication from '../wailsjs/go/app/AdjudicationService';
import * as Projects from '../wailsjs/go/app/ProjectService';
import { api, ThemisError } from '../api';
import { cpAt, ctxText, CTX_START, decided, docSpan, rawItem, rawReview } from './reviewFixtures';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;
const input = { coderA: 2, coderB: 1, documents: [], codes: [], threshold: 0 };

beforeEach(() => vi.clearAllMocks());

describe('api: adjudication', () => {
  it('turns document code points into UTF-16 indices of the context text, past emoji', async () => {
    const a = docSpan('the garden on Tuesdays');
    const b = docSpan('helps me');
    m(Adjudication.Review).mockResolvedValue(
      rawReview([
        rawItem({
          kind: 'different-code', codeB: 12, b: [b],
          decision: { ...decided('adjust', 'the garden'), segments: [{ code: 11, ...docSpan('garden') }] },
        }),
      ]),
    );
    const r = await api.review(input);
    const d = r.items[0];
    // The span starts after 😀 and 👩🏽‍⚕️: code points and UTF-16 differ there.
    expect(cpAt('the garden')).not.toBe(ctxText.indexOf('the garden'));
    expect(d.a).toEqual([{ start: ctxText.indexOf('the garden on Tuesdays'), end: ctxText.indexOf(' helps') }]);
    expect(ctxText.slice(d.a[0].start, d.a[0].end)).toBe('the garden on Tuesdays');
    expect(ctxText.slice(d.b[0].start, d.b[0].end)).toBe('helps me');
    expect(ctxText.slice(d.extent.start, d.extent.end)).toBe('the garden on Tuesdays helps me');
    expect(d.decision?.segments.map((s) => [s.code, ctxText.slice(s.start, s.end)])).toEqual([[11, 'garden']]);
    expect(d.context).toMatchObject({ start: CTX_START, text: ctxText, before: true, after: true });
    expect(r.consensus).toEqual({ id: 3, name: 'Consensus', consensus: true });
    expect(r.coderA).toEqual({ id: 1, name: 'Aisha', consensus: false });
    expect(m(Adjudication.Review)).toHaveBeenCalledWith(input);
  });

  it('normalises nils: no consensus yet, no items, no spans, no decision', async () => {
    m(Adjudication.Start).mockResolvedValue({ ...rawReview([]), consensus: null, items: null });
    const r = await api.startReview(input);
    expect(r.consensus).toBeNull();
    expect(r.items).toEqual([]);
    m(Adjudication.Review).mockResolvedValue(rawReview([{ ...rawItem(), b: null, decision: undefined } as never]));
    const d = (await api.review(input)).items[0];
    expect(d.b).toEqual([]);
    expect(d.decision).toBeNull();
  });

  it('sends an adjusted span back as document code points, rounding outwards off a surrogate pair', async () => {
    m(Adjudication.Review).mockResolvedValue(rawReview([rawItem()]));
    m(Adjudication.Decide).mockResolvedValue(rawReview([rawItem({ decision: decided('adjust') })]));
    const d = (await api.review(input)).items[0];
    const start = ctxText.indexOf('garden');
    const r = await api.decide(input, d, { action: 'adjust', rationale: 'only the place', span: { start, end: start + 6 }, code: 11 });
    expect(m(Adjudication.Decide)).toHaveBeenCalledWith({
      ...input, key: 'k1', action: 'adjust', rationale: 'only the place', ...docSpan('garden'), code: 11,
    });
    expect(r.settled).toBe(1);
    // Inside the emoji's surrogate pair: the start goes before it, the end after it.
    const emoji = ctxText.indexOf('😀');
    await api.decide(input, d, { action: 'adjust', rationale: '', span: { start: emoji + 1, end: emoji + 1 + 1 }, code: 0 });
    const sent = m(Adjudication.Decide).mock.calls[1][0];
    expect([sent.start, sent.end]).toEqual([CTX_START + cpAt('😀'), CTX_START + cpAt('😀') + 1]);
  });

  it('sends no span or code for the other actions, and reopens by key', async () => {
    m(Adjudication.Review).mockResolvedValue(rawReview([rawItem()]));
    m(Adjudication.Decide).mockResolvedValue(rawReview([rawItem({ decision: decided('neither') })]));
    m(Adjudication.Reopen).mockResolvedValue(rawReview([rawItem()]));
    const d = (await api.review(input)).items[0];
    await api.decide(input, d, { action: 'neither', rationale: 'not a feeling', span: { start: 1, end: 3 }, code: 11 });
    expect(m(Adjudication.Decide)).toHaveBeenCalledWith({ ...input, key: 'k1', action: 'neither', rationale: 'not a feeling', start: 0, end: 0, code: 0 });
    await api.reopen(input, 'k1');
    expect(m(Adjudication.Reopen)).toHaveBeenCalledWith(input, 'k1');
  });

  it('rejects with the backend’s code and message', async () => {
    m(Adjudication.Decide).mockRejectedValue('{"code":"invalid","message":"start adjudication before deciding"}');
    m(Adjudication.Review).mockResolvedValue(rawReview([rawItem()]));
    const d = (await api.review(input)).items[0];
    const e = await api.decide(input, d, { action: 'accept-a', rationale: '' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ThemisError);
    expect(e).toMatchObject({ code: 'invalid', message: 'start adjudication before deciding' });
  });

  it('marks the consensus layer among the project’s coders', async () => {
    m(Projects.Info).mockResolvedValue({
      path: '/p', name: 'p', framework: 'K', lead: { id: 1, name: 'Aisha' }, blindMode: false, canCompare: true, documents: 1,
      coders: [{ id: 1, name: 'Aisha' }, { id: 3, name: 'Consensus', consensus: true }],
    });
    const info = await api.info();
    expect(info?.coders).toEqual([
      { id: 1, name: 'Aisha', consensus: false },
      { id: 3, name: 'Consensus', consensus: true },
    ]);
  });
});

import { around, dragEdge, markRuns, nudge } from '../review';

describe('review helpers', () => {
  const text = 'one two three four five six seven';

  it('splits text into runs at mark boundaries', () => {
    const runs = markRuns(text, [{ start: 4, end: 13, color: 'red' }, { start: 8, end: 18, color: 'blue' }]);
    expect(runs.map((r) => [r.text, r.marks.map((m) => m.color)])).toEqual([
      ['one ', []], ['two ', ['red']], ['three', ['red', 'blue']], [' four', ['blue']], [' five six seven', []],
    ]);
  });

  it('moves a span’s edges a word at a time, never emptying it', () => {
    const three = { start: 8, end: 13 };
    expect(nudge(text, three, 'start', -1)).toEqual({ start: 4, end: 13 });
    expect(nudge(text, three, 'end', 1)).toEqual({ start: 8, end: 18 });
    expect(nudge(text, three, 'start', 1)).toEqual(three);
    expect(nudge(text, three, 'end', -1)).toEqual(three);
    expect(nudge(text, { start: 4, end: 13 }, 'end', -1)).toEqual({ start: 4, end: 7 });
  });

  it('drops a dragged edge on a word boundary, never emptying or turning the span', () => {
    const three = { start: 8, end: 13 }; // "three"
    expect(dragEdge(text, three, 'end', 20)).toEqual({ start: 8, end: 23 }); // inside "five": to its end
    expect(dragEdge(text, three, 'end', 18)).toEqual({ start: 8, end: 18 }); // just after "four"
    expect(dragEdge(text, three, 'end', 19)).toEqual({ start: 8, end: 18 }); // on the space after it
    expect(dragEdge(text, three, 'start', 5)).toEqual({ start: 4, end: 13 }); // inside "two": to its start
    expect(dragEdge(text, three, 'start', 3)).toEqual({ start: 4, end: 13 }); // on the space before "two"
    expect(dragEdge(text, three, 'start', 20)).toEqual(three); // past the end
    expect(dragEdge(text, three, 'end', 2)).toEqual(three); // before the start
  });

  it('shows whole words around a span', () => {
    expect(around(text, { start: 14, end: 18 }, 3)).toEqual({ start: 8, end: 23 });
    expect(around(text, { start: 0, end: 3 }, 100)).toEqual({ start: 0, end: text.length });
  });
});

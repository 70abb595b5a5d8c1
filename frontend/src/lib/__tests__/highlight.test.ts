import { describe, expect, it } from 'vitest';
import { excerpt, runBackground, segmentsByTurn, speakerColor, stripeExtent, stripeLayout, turnRuns } from '../highlight';
import type { Segment, Turn } from '../types';

const text = 'I: Hello there.\nP: I go to the garden now.\nI: Good.';
const turns: Turn[] = [
  { speaker: 'I', timestamp: '', start: 0, contentStart: 3, end: 15 },
  { speaker: 'P', timestamp: '', start: 16, contentStart: 19, end: 42 },
  { speaker: 'I', timestamp: '', start: 43, contentStart: 46, end: 51 },
];
const seg = (id: number, start: number, end: number, code = 1, coder = 1): Segment => ({ id, document: 1, code, coder, start, end });

describe('segmentsByTurn', () => {
  it('puts a segment on every turn it touches', () => {
    const s = seg(1, 9, 30); // "there.\nP: I go to th"
    const per = segmentsByTurn(turns, [s, seg(2, 46, 51), seg(3, 15, 19)]);
    expect(per[0].map((x) => x.id)).toEqual([1]);
    expect(per[1].map((x) => x.id)).toEqual([1]);
    expect(per[2].map((x) => x.id)).toEqual([2]);
  });
});

describe('turnRuns', () => {
  it('cuts the content at segment boundaries and covers it exactly', () => {
    const segs = [seg(1, 22, 31), seg(2, 27, 42, 2)];
    const runs = turnRuns(text, turns[1], segs);
    expect(runs.map((r) => r.text).join('')).toBe(text.slice(19, 42));
    expect(runs.map((r) => [r.text, r.segments.map((s) => s.id)])).toEqual([
      ['I g', []],
      ['o to ', [1]],
      ['the ', [1, 2]],
      ['garden now.', [2]],
    ]);
    expect(runs[1].start).toBe(22);
  });

  it('clips segments that start or end outside the turn', () => {
    const runs = turnRuns(text, turns[1], [seg(1, 9, 25)]);
    expect(runs.map((r) => [r.text, r.segments.length])).toEqual([
      ['I go t', 1],
      ['o the garden now.', 0],
    ]);
  });

  it('lays out 2,000 segments over a long transcript quickly', () => {
    const long: Turn[] = [];
    let pos = 0;
    for (let i = 0; i < 600; i++) {
      long.push({ speaker: 'P', timestamp: '', start: pos, contentStart: pos + 3, end: pos + 300 });
      pos += 302;
    }
    const big = 'x'.repeat(pos);
    const segs: Segment[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = (i * 911) % (pos - 800);
      segs.push(seg(i, s, s + 20 + (i % 700), 1 + (i % 13), 1 + (i % 2)));
    }
    const t0 = performance.now();
    const per = segmentsByTurn(long, segs);
    let n = 0;
    for (let i = 0; i < long.length; i++) n += turnRuns(big, long[i], per[i]).length;
    stripeLayout(segs, [1, 2], 1);
    expect(n).toBeGreaterThan(600);
    expect(performance.now() - t0).toBeLessThan(300);
  });
});

describe('stripes', () => {
  it('gives each coder a lane and overlapping segments their own tracks', () => {
    const l = stripeLayout([seg(1, 0, 10, 1, 2), seg(2, 5, 15, 2, 2), seg(3, 12, 20, 3, 2), seg(4, 0, 5, 1, 1)], [1, 2], 1);
    expect(l.lanes).toEqual([
      { coder: 1, tracks: 1 },
      { coder: 2, tracks: 2 },
    ]);
    expect([l.track.get(1), l.track.get(2), l.track.get(3)]).toEqual([0, 1, 0]);
  });

  it('always shows the current coder’s lane, even when empty', () => {
    expect(stripeLayout([], [1, 2], 2).lanes).toEqual([{ coder: 2, tracks: 1 }]);
  });

  it('spans the part of the turn a segment covers', () => {
    expect(stripeExtent(turns[1], seg(1, 0, 100))).toEqual({ top: 0, height: 1 });
    const e = stripeExtent(turns[1], seg(1, 30, 42));
    expect(e.top).toBeCloseTo(11 / 23);
    expect(e.height).toBeCloseTo(12 / 23);
  });
});

describe('helpers', () => {
  it('colours, speakers and excerpts', () => {
    expect(runBackground(['#ff0000'])).toBe('rgba(255, 0, 0, 0.22)');
    expect(runBackground(['#ff0000', '#0000ff'])).toContain('linear-gradient');
    expect(speakerColor('P001')).toBe(speakerColor('P001'));
    expect(speakerColor('Interviewer')).toBe('#57534e');
    expect(excerpt('a  b\n c')).toBe('a b c');
    const e = excerpt('word '.repeat(40), 30);
    expect(e.endsWith('…')).toBe(true);
    expect(e.length).toBeLessThanOrEqual(31);
  });
});

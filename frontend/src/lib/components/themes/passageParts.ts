import { OffsetIndex } from '../../offsets';
import type { Passage } from '../../themesApi';

/**
 * A passage's text cut into the runs the drill-down prints: for a
 * co-occurrence cell the overlapping span is its own run (overlap true);
 * otherwise the whole text is one run. The backend's offsets are code
 * points; the cut is made in UTF-16 through offsets.ts.
 */
export function passageRuns(p: Pick<Passage, 'text' | 'start' | 'end' | 'overlap'>): { text: string; overlap: boolean }[] {
  const [os, oe] = p.overlap;
  if (oe <= os) return [{ text: p.text, overlap: false }];
  const ix = new OffsetIndex(p.text);
  const a = ix.toUtf16(Math.max(0, os - p.start));
  const b = ix.toUtf16(Math.min(p.end, oe) - p.start);
  return [
    { text: p.text.slice(0, a), overlap: false },
    { text: p.text.slice(a, b), overlap: true },
    { text: p.text.slice(b), overlap: false },
  ].filter((r) => r.text !== '');
}

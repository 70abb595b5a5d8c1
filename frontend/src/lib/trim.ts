// Trimming a starred quote: the cuts are ranges of code points of the
// document (the backend's offsets), while the selection the writer makes in
// the quote's text is in UTF-16 units of that text. Every conversion between
// the two goes through offsets.ts. The trimmed text itself is never written
// here: the backend's report.TrimmedText writes it, for the display and for
// every export alike.

import { OffsetIndex } from './offsets';
import type { Cut } from './types';

/** A quote's text and where it begins in its document, in code points. */
export interface Passage {
  text: string;
  start: number;
}

/**
 * The cut a selection of [start16, end16) (UTF-16 units of the passage's
 * text) makes, widened to whole characters; null when it selects nothing.
 */
export function selectionCut(p: Passage, start16: number, end16: number): Cut | null {
  if (start16 === end16) return null; // even inside an emoji's two halves
  const index = new OffsetIndex(p.text);
  const a = index.toCodePoint(Math.min(start16, end16), 'floor');
  const b = index.toCodePoint(Math.max(start16, end16), 'ceil');
  if (b <= a) return null;
  return [p.start + a, p.start + b];
}

/** cuts with cut added: sorted, and overlapping or touching cuts joined into one. */
export function addCut(cuts: readonly (readonly number[])[], cut: Cut): Cut[] {
  const all = [...cuts.map((c) => [c[0], c[1]] as Cut), cut].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Cut[] = [];
  for (const c of all) {
    const last = out[out.length - 1];
    if (last && c[0] <= last[1]) last[1] = Math.max(last[1], c[1]);
    else out.push([c[0], c[1]]);
  }
  return out;
}

/** The passage's text in pieces, each kept or cut, for showing a trim with the omitted words struck out. */
export function pieces(p: Passage, cuts: readonly (readonly number[])[]): { text: string; cut: boolean }[] {
  const index = new OffsetIndex(p.text);
  const out: { text: string; cut: boolean }[] = [];
  let at = 0; // UTF-16
  for (const c of cuts) {
    const a = index.toUtf16(c[0] - p.start);
    const b = index.toUtf16(c[1] - p.start);
    if (a > at) out.push({ text: p.text.slice(at, a), cut: false });
    if (b > Math.max(a, at)) out.push({ text: p.text.slice(Math.max(a, at), b), cut: true });
    at = Math.max(at, b);
  }
  if (at < p.text.length) out.push({ text: p.text.slice(at), cut: false });
  return out;
}

/**
 * The UTF-16 offsets of the current selection within el's text, or null when
 * the selection is empty or not wholly inside el.
 */
export function selectionIn(el: HTMLElement): { start: number; end: number } | null {
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  if (!el.contains(r.startContainer) || !el.contains(r.endContainer)) return null;
  const before = el.ownerDocument.createRange();
  before.selectNodeContents(el);
  before.setEnd(r.startContainer, r.startOffset);
  const start = before.toString().length;
  return { start, end: start + r.toString().length };
}

// Pure helpers of the Review tab: labels, highlight runs over a context
// text, and word steps for adjusting a span from the keyboard. Offsets are
// UTF-16 indices into a disagreement's context text.

import type { DecisionAction, DisagreementKind, TextRange } from './types';

/** A highlighted stretch of text. */
export interface Mark extends TextRange {
  color: string;
}

/** A stretch of text under the same marks. */
export interface MarkRun extends TextRange {
  text: string;
  /** the marks covering the whole run, in the order given; empty for plain text */
  marks: Mark[];
}

/** Splits text at every mark boundary; marks are clamped to the text. */
export function markRuns(text: string, marks: Mark[]): MarkRun[] {
  const n = text.length;
  const ms = marks
    .map((m) => ({ ...m, start: Math.max(0, Math.min(n, m.start)), end: Math.max(0, Math.min(n, m.end)) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, n]);
  for (const m of ms) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: MarkRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    out.push({ start, end, text: text.slice(start, end), marks: ms.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

const space = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * A window of text around focus with about pad characters on each side,
 * widened to whole words; the whole text when it is short anyway.
 */
export function around(text: string, focus: TextRange, pad: number): TextRange {
  let start = Math.max(0, focus.start - pad);
  let end = Math.min(text.length, focus.end + pad);
  if (start > 0) start = Math.min(focus.start, prevWordStart(text, start));
  if (end < text.length) end = Math.max(focus.end, nextWordEnd(text, end));
  return { start, end };
}

/** The start of the next word after pos (pos itself when at the end). */
export function nextWordStart(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !space(text[i])) i++;
  while (i < text.length && space(text[i])) i++;
  return i;
}

/** The start of the word before pos (or the one pos is inside). */
export function prevWordStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && space(text[i - 1])) i--;
  while (i > 0 && !space(text[i - 1])) i--;
  return i;
}

/** The end of the next word after pos (or the one pos is inside). */
export function nextWordEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && space(text[i])) i++;
  while (i < text.length && !space(text[i])) i++;
  return i;
}

/** The end of the word before pos. */
export function prevWordEnd(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !space(text[i - 1])) i--;
  while (i > 0 && space(text[i - 1])) i--;
  return i;
}

/**
 * Moves one edge of a span by a word, keeping at least one character
 * between start and end; the span unchanged when the edge cannot move.
 */
export function nudge(text: string, span: TextRange, edge: 'start' | 'end', dir: -1 | 1): TextRange {
  if (edge === 'start') {
    const s = dir < 0 ? prevWordStart(text, span.start) : nextWordStart(text, span.start);
    return s < span.end ? { start: s, end: span.end } : span;
  }
  const e = dir < 0 ? prevWordEnd(text, span.end) : nextWordEnd(text, span.end);
  return e > span.start ? { start: span.start, end: e } : span;
}

/**
 * The span with one edge dropped at pos (a drag handle let go there),
 * snapped to whole words: a start to the beginning of the word pos is in (or
 * the next word), an end to the end of the word pos is in (or the word
 * before); the span as it was when that would empty or turn it.
 */
export function dragEdge(text: string, span: TextRange, edge: 'start' | 'end', pos: number): TextRange {
  let p = Math.max(0, Math.min(text.length, pos));
  if (edge === 'start') {
    if (p < text.length && space(text[p])) while (p < text.length && space(text[p])) p++;
    else while (p > 0 && !space(text[p - 1])) p--;
    return p < span.end ? { start: p, end: span.end } : span;
  }
  if (p > 0 && space(text[p - 1])) while (p > 0 && space(text[p - 1])) p--;
  else while (p < text.length && !space(text[p])) p++;
  return p > span.start ? { start: span.start, end: p } : span;
}

/** How the list names a kind, with the coders' names. */
export function kindLabel(kind: DisagreementKind, a: string, b: string): string {
  switch (kind) {
    case 'only-a':
      return `Only ${a}`;
    case 'only-b':
      return `Only ${b}`;
    case 'boundary':
      return 'Boundaries';
    case 'different-code':
      return 'Different codes';
  }
  return kind;
}

/** One sentence on what happened, e.g. "Aisha coded this as Positive affect; Ben did not code it." */
export function kindSentence(kind: DisagreementKind, a: string, b: string, codeA: string, codeB: string): string {
  switch (kind) {
    case 'only-a':
      return `${a} coded this as ${codeA}; ${b} did not code it.`;
    case 'only-b':
      return `${b} coded this as ${codeB}; ${a} did not code it.`;
    case 'boundary':
      return `Both coded ${codeA || codeB} here, but where the passage begins or ends differs.`;
    case 'different-code':
      return `${a} coded this as ${codeA}; ${b} as ${codeB}.`;
  }
  return '';
}

/** The past tense of a decision, e.g. "Accepted Aisha’s coding". */
export function actionLabel(action: DecisionAction | 'agreed', a: string, b: string): string {
  switch (action) {
    case 'accept-a':
      return `Accepted ${a}’s coding`;
    case 'accept-b':
      return `Accepted ${b}’s coding`;
    case 'both':
      return 'Kept both codings';
    case 'neither':
      return 'Coded neither';
    case 'adjust':
      return 'Adjusted the span';
    case 'agreed':
      return 'Agreed by both coders';
  }
  return action;
}

/** A timestamp as "3 May 2026, 14:05"; the text itself when it is not a date. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

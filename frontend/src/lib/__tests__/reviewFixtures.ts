// Review data in the backend's shapes (code points), for the adjudication tests.
import { aisha, ben } from './fixtures';

/**
 * Context text with astral characters before the spans: "😀" and the ZWJ
 * sequence "👩🏽‍⚕️" (two astral code points in it) shift UTF-16 indices away
 * from code points. The context starts at code point 100 of the document.
 */
export const ctxText = 'P001: Calmer now 😀 and 👩🏽‍⚕️ said the garden on Tuesdays helps me a lot.';
export const CTX_START = 100;

/** Code point offset of needle in ctxText. */
export function cpAt(needle: string): number {
  const i = ctxText.indexOf(needle);
  if (i < 0) throw new Error(`not in the context: ${needle}`);
  return [...ctxText.slice(0, i)].length;
}

/** The document code points of needle in the context. */
export function docSpan(needle: string): { start: number; end: number } {
  const s = CTX_START + cpAt(needle);
  return { start: s, end: s + [...needle].length };
}

export interface RawItemOver {
  key?: string;
  kind?: string;
  codeA?: number;
  codeB?: number;
  a?: { start: number; end: number }[] | null;
  b?: { start: number; end: number }[] | null;
  document?: number;
  documentName?: string;
  size?: number;
  decision?: unknown;
}

/** A raw DisagreementDTO: by default Aisha coded "the garden on Tuesdays" as Positive affect, Ben coded nothing. */
export function rawItem(over: RawItemOver = {}) {
  const a = over.a === undefined ? [docSpan('the garden on Tuesdays')] : over.a;
  const b = over.b === undefined ? [] : over.b;
  const all = [...(a ?? []), ...(b ?? [])];
  const extent = { start: Math.min(...all.map((s) => s.start)), end: Math.max(...all.map((s) => s.end)) };
  return {
    key: over.key ?? 'k1',
    document: over.document ?? 5,
    documentName: over.documentName ?? 'patient-001',
    kind: over.kind ?? 'only-a',
    codeA: over.codeA ?? 11,
    codeB: over.codeB ?? 0,
    a,
    b,
    extent,
    size: over.size ?? extent.end - extent.start,
    overlap: 0,
    speaker: 'P001',
    context: { start: CTX_START, text: ctxText, before: true, after: true },
    decision: over.decision ?? null,
  };
}

export function rawReview(items: ReturnType<typeof rawItem>[], over: Record<string, unknown> = {}) {
  const settled = items.filter((i) => i.decision).length;
  return {
    coderA: aisha,
    coderB: ben,
    consensus: { id: 3, name: 'Consensus', consensus: true },
    threshold: 0.9,
    total: items.length,
    settled,
    agreed: 4,
    items,
    ...over,
  };
}

export const decided = (action: string, rationale = '') => ({
  action,
  rationale,
  decidedBy: 'Aisha',
  decidedAt: '2026-05-03T14:05:00Z',
  segments: [],
});

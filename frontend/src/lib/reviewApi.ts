// The typed API of adjudication (the Review tab) over the
// AdjudicationService bindings. Each disagreement's offsets become UTF-16
// indices of its own context text, and an adjusted span goes back as
// document code points.

import * as Adjudication from './wailsjs/go/app/AdjudicationService';
import type { app } from './wailsjs/go/models';
import { OffsetIndex } from './offsets';
import { coder } from './projectsApi';
import { call, type Wire } from './wire';
import type { DecisionChoice, Disagreement, DisagreementKind, Review, ReviewInput, TextRange } from './types';

/**
 * A disagreement with its document code points turned into UTF-16 indices
 * of its context text (which begins at code point context.start).
 */
function disagreement(d: Wire<app.DisagreementDTO>): Disagreement {
  const text = d.context?.text ?? '';
  const from = d.context?.start ?? 0;
  const index = new OffsetIndex(text);
  const range = (s: Wire<app.SpanDTO>): TextRange => ({ start: index.toUtf16(s.start - from), end: index.toUtf16(s.end - from) });
  const dec = d.decision;
  return {
    key: d.key,
    document: d.document,
    documentName: d.documentName ?? '',
    kind: d.kind as DisagreementKind,
    codeA: d.codeA ?? 0,
    codeB: d.codeB ?? 0,
    a: (d.a ?? []).map(range),
    b: (d.b ?? []).map(range),
    extent: range(d.extent),
    size: d.size ?? 0,
    overlap: d.overlap ?? 0,
    speaker: d.speaker ?? '',
    context: { start: from, text, before: !!d.context?.before, after: !!d.context?.after, index },
    decision: dec
      ? {
          action: dec.action as NonNullable<Disagreement['decision']>['action'],
          rationale: dec.rationale ?? '',
          decidedBy: dec.decidedBy ?? '',
          decidedAt: dec.decidedAt ?? '',
          segments: (dec.segments ?? []).map((s) => ({ code: s.code, ...range(s) })),
        }
      : null,
  };
}

function review(r: Wire<app.ReviewDTO>): Review {
  return {
    coderA: coder(r.coderA),
    coderB: coder(r.coderB),
    consensus: r.consensus ? coder(r.consensus) : null,
    threshold: r.threshold ?? 0,
    total: r.total ?? 0,
    settled: r.settled ?? 0,
    agreed: r.agreed ?? 0,
    items: (r.items ?? []).map(disagreement),
  };
}

function reviewInput(i: ReviewInput): ReviewInput {
  return { coderA: i.coderA, coderB: i.coderB, documents: [...i.documents], codes: [...i.codes], threshold: i.threshold };
}

export const reviewApi = {
  /** Two coders' disagreements with the decisions taken so far (the consensus is null until started). */
  async review(input: ReviewInput): Promise<Review> {
    return call(async () => review(await Adjudication.Review(reviewInput(input))));
  },
  /** Creates the consensus layer and copies the agreed passages into it; again, it resumes. */
  async startReview(input: ReviewInput): Promise<Review> {
    return call(async () => review(await Adjudication.Start(reviewInput(input))));
  },
  /**
   * Settles item as the current coder; an adjusted span (UTF-16 in the
   * item's context text) goes to the backend as document code points.
   */
  async decide(input: ReviewInput, item: Disagreement, choice: DecisionChoice): Promise<Review> {
    return call(async () => {
      let start = 0;
      let end = 0;
      if (choice.action === 'adjust' && choice.span) {
        const ix = item.context.index;
        start = item.context.start + ix.toCodePoint(choice.span.start, 'floor');
        end = item.context.start + ix.toCodePoint(choice.span.end, 'ceil');
      }
      const r = await Adjudication.Decide({
        ...reviewInput(input),
        key: item.key,
        action: choice.action,
        rationale: choice.rationale,
        start,
        end,
        code: choice.action === 'adjust' ? (choice.code ?? 0) : 0,
      });
      return review(r);
    });
  },
  /** Takes back the decision on one disagreement. */
  async reopen(input: ReviewInput, key: string): Promise<Review> {
    return call(async () => review(await Adjudication.Reopen(reviewInput(input), key)));
  },
};

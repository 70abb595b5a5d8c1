// The typed API of the Quotes tab over the QuotesService bindings: a code's
// quotes with their attribution, rendered or exported, and the exemplars
// (stars and trims) a writer picks for the report.

import * as QuotesSvc from './wailsjs/go/app/QuotesService';
import { toCode } from './codebookApi';
import { call, list } from './wire';
import type { Cut, Exemplar, ExportFormat, Quotes } from './types';
import type { app } from './wailsjs/go/models';

function exemplar(x: app.ExemplarDTO): Exemplar {
  return { ...x, cuts: list(x.cuts), speaker: x.speaker ?? '', case: x.case ?? '' };
}

export const quotesApi = {
  /** coder 0: every layer the current coder may see */
  async quotes(code: number, coder: number): Promise<Quotes> {
    return call(async () => {
      const q = await QuotesSvc.List(code, coder);
      return {
        code: toCode(q.code),
        quotes: (q.quotes ?? []).map((x) => ({
          segmentId: x.segmentId,
          documentId: x.documentId,
          document: x.document,
          speaker: x.speaker ?? '',
          case: x.case ?? '',
          coder: x.coder,
          coderId: x.coderId,
          text: x.text,
          start: x.start,
          end: x.end,
          segmentIds: list(x.segmentIds),
          coders: list(x.coders),
          exemplarId: x.exemplarId ?? 0,
          cuts: list(x.cuts),
          trimmed: x.trimmed ?? x.text,
        })),
      };
    });
  },
  /** Stars a segment's passage as an exemplar of its code (again: the same exemplar). */
  star(segment: number): Promise<Exemplar> {
    return call(async () => exemplar(await QuotesSvc.Star(segment)));
  },
  /**
   * Stars the passage overlapping segments make together (a drill-down's
   * merged passage in All coders) over its whole span.
   */
  starPassage(segments: number[]): Promise<Exemplar> {
    return call(async () => exemplar(await QuotesSvc.StarPassage(segments)));
  },
  unstar(exemplarId: number): Promise<void> {
    return call(() => QuotesSvc.Unstar(exemplarId));
  },
  /** Sets the omitted ranges (code points of the document; none: the full passage). */
  trim(exemplarId: number, cuts: Cut[]): Promise<Exemplar> {
    return call(async () => exemplar(await QuotesSvc.Trim(exemplarId, cuts)));
  },
  /** code 0: the exemplars of every code the current coder may see */
  exemplars(code: number): Promise<Exemplar[]> {
    return call(async () => list(await QuotesSvc.Exemplars(code)).map(exemplar));
  },
  renderQuotes(code: number, coder: number, format: ExportFormat): Promise<string> {
    return call(() => QuotesSvc.Render(code, coder, format));
  },
  /** The path written, or "" when the user cancelled. */
  exportQuotes(code: number, coder: number, format: ExportFormat): Promise<string> {
    return call(() => QuotesSvc.Export(code, coder, format));
  },
};

// The typed API of the Quotes tab over the QuotesService bindings: a code's
// quotes with their attribution, rendered or exported.

import * as QuotesSvc from './wailsjs/go/app/QuotesService';
import { toCode } from './codebookApi';
import { call } from './wire';
import type { ExportFormat, Quotes } from './types';

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
        })),
      };
    });
  },
  renderQuotes(code: number, coder: number, format: ExportFormat): Promise<string> {
    return call(() => QuotesSvc.Render(code, coder, format));
  },
  /** The path written, or "" when the user cancelled. */
  exportQuotes(code: number, coder: number, format: ExportFormat): Promise<string> {
    return call(() => QuotesSvc.Export(code, coder, format));
  },
};

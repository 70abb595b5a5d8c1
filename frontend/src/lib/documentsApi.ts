// The typed API of the documents list and the reader's document over the
// DocumentService bindings; a document's turn offsets become UTF-16 indices
// of its text. (Importing is importApi.ts.)

import * as Documents from './wailsjs/go/app/DocumentService';
import type { app } from './wailsjs/go/models';
import { OffsetIndex } from './offsets';
import { call, type Wire } from './wire';
import type { DocumentSummary, DocumentView } from './types';

function documentSummary(d: Wire<app.DocumentDTO>): DocumentSummary {
  return { id: d.id, name: d.name, turns: d.turns, words: d.words, chars: d.chars, case: d.case ?? '' };
}

export const documentsApi = {
  async documents(): Promise<DocumentSummary[]> {
    return call(async () => ((await Documents.List()) ?? []).map(documentSummary));
  },
  /** Opens a document for the reader, with its offsets in UTF-16. */
  async document(id: number): Promise<DocumentView> {
    return call(async () => {
      const v = await Documents.Get(id);
      const text = v.text ?? '';
      const index = new OffsetIndex(text);
      const turns = (v.turnSpans ?? []).map((t) => ({
        speaker: t.speaker,
        timestamp: t.timestamp ?? '',
        start: index.toUtf16(t.start),
        contentStart: index.toUtf16(t.contentStart),
        end: index.toUtf16(t.end),
        case: t.case ?? '',
        excluded: !!t.excluded,
      }));
      return { ...documentSummary(v), text, turns, index };
    });
  },
};

// The typed API of coding in the reader over the CodingService bindings:
// segments in, segments out, with their offsets converted between the
// document's UTF-16 indices and the backend's code points; undo and redo.

import * as Coding from './wailsjs/go/app/CodingService';
import type { app } from './wailsjs/go/models';
import type { OffsetIndex } from './offsets';
import { toCode } from './codebookApi';
import { call, type Wire } from './wire';
import type { Code, DocumentView, History, InVivo, Segment, UndoResult } from './types';

function segment(s: Wire<app.SegmentDTO>, index: OffsetIndex): Segment {
  return {
    id: s.id,
    document: s.document,
    code: s.code,
    coder: s.coder,
    start: index.toUtf16(s.start),
    end: index.toUtf16(s.end),
  };
}

function historyState(h: Wire<app.HistoryDTO> | null | undefined): History {
  return { canUndo: !!h?.canUndo, canRedo: !!h?.canRedo, undo: h?.undo ?? '', redo: h?.redo ?? '' };
}

function undoResult(r: Wire<app.UndoResult> | null | undefined): UndoResult {
  const out: UndoResult = { document: r?.document ?? 0, done: r?.done ?? '', history: historyState(r?.history) };
  if (r?.documents?.length) out.documents = r.documents;
  return out;
}

export const codingApi = {
  /** The active framework's factors and codes, parents first, with segment counts. */
  async codes(): Promise<Code[]> {
    return call(async () => ((await Coding.Codes()) ?? []).map(toCode));
  },
  /**
   * Creates a code called name under parent (0: top level) in the active
   * framework and codes doc.text[start, end) (UTF-16 indices) with it as the
   * current coder, in one step that the codebook's undo reverses.
   */
  async codeInVivo(doc: DocumentView, start: number, end: number, name: string, parent: number): Promise<InVivo> {
    return call(async () => {
      const r = await Coding.CodeInVivo({
        document: doc.id,
        start: doc.index.toCodePoint(start, 'floor'),
        end: doc.index.toCodePoint(end, 'ceil'),
        name,
        parent,
      });
      return { code: toCode(r.code), segment: segment(r.segment, doc.index) };
    });
  },
  /** The segments of a document that the current coder may see, sorted by start. */
  async segments(doc: DocumentView): Promise<Segment[]> {
    return call(async () =>
      ((await Coding.Segments(doc.id)) ?? [])
        .map((s) => segment(s, doc.index))
        .sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id),
    );
  },
  /** Codes doc.text[start, end) (UTF-16 indices) as the current coder. */
  async apply(doc: DocumentView, code: number, start: number, end: number): Promise<Segment> {
    return call(async () => {
      const s = await Coding.Apply(doc.id, code, doc.index.toCodePoint(start, 'floor'), doc.index.toCodePoint(end, 'ceil'));
      return segment(s, doc.index);
    });
  },
  /** Moves the ends of one of the current coder's segments (UTF-16 in, as the reader counts); it comes back under a new id. */
  async resize(doc: DocumentView, id: number, start: number, end: number): Promise<Segment> {
    return call(async () => {
      const s = await Coding.Resize(id, doc.index.toCodePoint(start, 'floor'), doc.index.toCodePoint(end, 'ceil'));
      return segment(s, doc.index);
    });
  },
  remove(segment: number): Promise<void> {
    return call(() => Coding.Remove(segment));
  },
  /** Reverses the current coder's latest apply or remove in this session; done is "" when there was none. */
  async undo(): Promise<UndoResult> {
    return call(async () => undoResult(await Coding.Undo()));
  },
  /** Repeats the latest undone step; done is "" when there was none. */
  async redo(): Promise<UndoResult> {
    return call(async () => undoResult(await Coding.Redo()));
  },
  /** What undo and redo would do now (per session and coder). */
  async history(): Promise<History> {
    return call(async () => historyState(await Coding.History()));
  },
};

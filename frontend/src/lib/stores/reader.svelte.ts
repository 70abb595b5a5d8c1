import { api } from '../api';
import type { Code, DocumentSummary, DocumentView, History, Imported, ImportProgress, Segment } from '../types';
import type { TextSpan } from '../selection';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';

export interface ImportState {
  /** true while files are being imported */
  running: boolean;
  progress: ImportProgress | null;
  /** the files of the last import; null before any */
  result: Imported[] | null;
  /** the message of a failed import (nothing was imported) */
  error: string;
}

/** Nothing to undo or redo. */
export const noHistory: History = { canUndo: false, canRedo: false, undo: '', redo: '' };

function bySpan(a: Segment, b: Segment): number {
  return a.start - b.start || a.end - b.end || a.id - b.id;
}

/** The documents, the codebook, the open document, its segments, the selection and the undo history. */
export class ReaderStore {
  documents = $state<DocumentSummary[]>([]);
  codes = $state<Code[]>([]);
  currentId = $state<number | null>(null);
  /** the open document; raw, because it is large and never mutated */
  doc = $state.raw<DocumentView | null>(null);
  /** visible segments of the open document, sorted by start; replaced, never mutated */
  segments = $state.raw<Segment[]>([]);
  selection = $state<TextSpan | null>(null);
  loadingDoc = $state(false);
  importing = $state<ImportState>({ running: false, progress: null, result: null, error: '' });
  /** what Undo and Redo would do; the backend keeps it per session and coder */
  history = $state<History>(noHistory);

  codeById: Map<number, Code> = $derived(new Map(this.codes.map((c) => [c.id, c])));
  /** codable codes by their key, lower case */
  codeByKey: Map<string, Code> = $derived(
    new Map(this.codes.filter((c) => c.codable && c.key).map((c) => [c.key.toLowerCase(), c])),
  );
  /** length of the selection in characters (code points) */
  selectedChars = $derived(
    this.selection && this.doc
      ? this.doc.index.toCodePoint(this.selection.end) - this.doc.index.toCodePoint(this.selection.start)
      : 0,
  );

  /** bumped whenever history is set, so a late answer never overwrites a newer one */
  private historySeq = 0;
  /** undo and redo run one after another, in the order they were asked for */
  private steps: Promise<void> = Promise.resolve();

  constructor(private toasts: ToastStore = defaultToasts) {}

  /** Loads the document list and the codebook, and opens the first document when none is open. */
  async load(): Promise<void> {
    try {
      const [docs, codes] = await Promise.all([api.documents(), api.codes()]);
      this.documents = docs;
      this.codes = codes;
      const still = this.currentId !== null && docs.some((d) => d.id === this.currentId);
      if (!still) {
        this.currentId = null;
        this.doc = null;
        this.segments = [];
        if (docs.length > 0) {
          await this.open(docs[0].id);
          return;
        }
      }
    } catch (e) {
      this.toasts.error(e);
    }
    await this.refreshHistory();
  }

  /** Opens a document in the reader. */
  async open(id: number): Promise<void> {
    this.currentId = id;
    this.selection = null;
    this.loadingDoc = true;
    try {
      const doc = await api.document(id);
      const segments = await api.segments(doc);
      if (this.currentId !== id) return; // another document was chosen meanwhile
      this.doc = doc;
      this.segments = segments;
    } catch (e) {
      this.toasts.error(e);
    } finally {
      if (this.currentId === id) this.loadingDoc = false;
    }
    await this.refreshHistory();
  }

  /** Re-reads the visible segments (after blind mode or the coder changed). */
  async reloadSegments(): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    try {
      const segments = await api.segments(doc);
      if (this.doc === doc) this.segments = segments;
    } catch (e) {
      this.toasts.error(e);
    }
  }

  setSelection(span: TextSpan | null): void {
    const cur = this.selection;
    if (span === cur || (span && cur && span.start === cur.start && span.end === cur.end)) return;
    this.selection = span;
  }

  /** Codes the selection with a code as the current coder; resolves to the new segment. */
  async apply(codeId: number): Promise<Segment | null> {
    const doc = this.doc;
    const sel = this.selection;
    const code = this.codeById.get(codeId);
    if (!doc || !sel || !code || !code.codable) return null;
    try {
      const seg = await api.apply(doc, codeId, sel.start, sel.end);
      if (this.doc === doc) {
        // Coding the same span with the same code again gives back the existing segment.
        this.segments = [...this.segments.filter((s) => s.id !== seg.id), seg].sort(bySpan);
        this.selection = null;
      }
      void this.refreshHistory();
      return seg;
    } catch (e) {
      this.toasts.error(e);
      return null;
    }
  }

  /** Codes the selection with the code bound to a key; false when no code has that key. */
  applyKey(key: string): boolean {
    const code = this.codeByKey.get(key.toLowerCase());
    if (!code || !this.selection) return false;
    void this.apply(code.id);
    return true;
  }

  /** Removes one of the current coder's segments. */
  async remove(segmentId: number): Promise<void> {
    try {
      await api.remove(segmentId);
      this.segments = this.segments.filter((s) => s.id !== segmentId);
      void this.refreshHistory();
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Re-reads what Undo and Redo would do. */
  async refreshHistory(): Promise<void> {
    const seq = ++this.historySeq;
    try {
      const h = await api.history();
      if (seq === this.historySeq) this.history = h;
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Reverses the current coder's latest apply or remove of this session. */
  undo(): Promise<void> {
    return this.step(false);
  }

  /** Repeats the latest undone step. */
  redo(): Promise<void> {
    return this.step(true);
  }

  private step(redo: boolean): Promise<void> {
    this.steps = this.steps.then(async () => {
      try {
        const r = redo ? await api.redo() : await api.undo();
        this.historySeq++;
        this.history = r.history;
        if (!r.done) return; // there was nothing to do
        if (this.doc && this.doc.id === r.document) await this.reloadSegments();
        this.toasts.info(r.done);
      } catch (e) {
        this.toasts.error(e);
      }
    });
    return this.steps;
  }

  /** Asks for transcript files and imports them, following the progress events. */
  async importFiles(): Promise<void> {
    if (this.importing.running) return;
    this.importing = { running: true, progress: null, result: this.importing.result, error: '' };
    const off = api.onImportProgress((p) => {
      // Events can arrive out of order: keep the furthest one seen.
      const cur = this.importing.progress;
      if (this.importing.running && (!cur || p.done >= cur.done)) this.importing.progress = p;
    });
    try {
      const result = await api.chooseAndImport();
      // An empty result means the user cancelled the dialog: keep what was shown.
      this.importing = {
        running: false,
        progress: null,
        result: result.length > 0 ? result : this.importing.result,
        error: '',
      };
      if (result.length > 0) await this.load();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.importing = { running: false, progress: null, result: null, error: message };
    } finally {
      off();
    }
  }

  dismissImport(): void {
    this.importing = { running: false, progress: null, result: null, error: '' };
  }
}

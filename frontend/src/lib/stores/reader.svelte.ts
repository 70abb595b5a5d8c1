import { api } from '../api';
import type { Code, DocumentSummary, DocumentView, Framework, History, InVivo, Segment } from '../types';
import type { TextSpan } from '../selection';
import { inVivoName } from '../codetree';
import { NOTICE_MS, toasts as defaultToasts, type ToastStore } from './toasts.svelte';
import { STAR_UNDO_MS } from './quotes.svelte';

/** A new code being made from the selection ("in vivo"): the span is kept while the name is typed. */
export interface InVivoDraft {
  span: TextSpan;
  /** the selected words, for the form to show what it will code */
  text: string;
  name: string;
  /** 0: top level */
  parent: number;
  /** the backend's message when creating it failed */
  error: string;
  busy: boolean;
}

/** Nothing to undo or redo. */
export const noHistory: History = { canUndo: false, canRedo: false, undo: '', redo: '' };

/** A passage of a code in the open document (UTF-16 span): what a star is on. */
function sameStars(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, id]) => b.get(k) === id);
}

function starKey(code: number, start: number, end: number): string {
  return `${code}:${start}:${end}`;
}

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
  /** what Undo and Redo would do; the backend keeps it per session and coder */
  history = $state<History>(noHistory);
  /** the project's frameworks; the active one is the codebook the reader codes with */
  frameworks = $state<Framework[]>([]);
  /** the code applied or created last, for the parent a new code starts under */
  lastCodeId = $state<number | null>(null);
  /** the "New code from selection" form; null while closed */
  inVivo = $state<InVivoDraft | null>(null);
  /** one of the current coder's segments picked in the list, whose ends the keyboard moves; null when none */
  selectedSegment = $state<number | null>(null);
  /** a span (UTF-16) the transcript is to scroll to and select, set by openAt; seq makes each request new */
  reveal = $state<{ start: number; end: number; seq: number } | null>(null);
  private revealSeq = 0;

  activeFramework: Framework | null = $derived(this.frameworks.find((f) => f.active) ?? null);
  /** where a new code goes by default: beside the code used last, else the top level */
  defaultParent: number = $derived.by(() => {
    const last = this.lastCodeId === null ? undefined : this.codeById.get(this.lastCodeId);
    return last && last.parent && this.codeById.has(last.parent) ? last.parent : 0;
  });

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
  /** bumped whenever the codes are read, so a late answer never overwrites a newer one */
  private codesSeq = 0;
  /** bumped by every change made here to the open document's segments (apply, remove, in vivo) */
  private segmentsSeq = 0;
  /** undo and redo run one after another, in the order they were asked for */
  private steps: Promise<void> = Promise.resolve();

  /** the open document's starred passages: exemplar id by starKey (code and UTF-16 span) */
  stars = $state.raw<Map<string, number>>(new Map());
  private starsSeq = 0;

  constructor(
    private toasts: ToastStore = defaultToasts,
    /** told when a star is added or taken away here, so the Quotes and Report tabs follow */
    private onExemplars: () => void = () => {},
    /** told when a removal, undo or redo may have taken or brought back segments' memos, so the memo lists follow */
    private onMemos: () => void = () => {},
  ) {}

  /** Loads the document list and the codebook, and opens the first document when none is open. */
  async load(): Promise<void> {
    void this.loadFrameworks();
    try {
      const seq = ++this.codesSeq;
      const [docs, codes] = await Promise.all([api.documents(), api.codes()]);
      this.documents = docs;
      if (seq === this.codesSeq) this.codes = codes;
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
    this.selectedSegment = null;
    this.inVivo = null;
    this.loadingDoc = true;
    try {
      const doc = await api.document(id);
      const segments = await this.freshSegments(doc);
      if (this.currentId !== id) return; // another document was chosen meanwhile
      this.doc = doc;
      this.segments = segments;
      void this.reloadStars();
    } catch (e) {
      this.toasts.error(e);
    } finally {
      if (this.currentId === id) this.loadingDoc = false;
    }
    await this.refreshHistory();
  }

  /**
   * Opens a document (unless it is open) and has the transcript scroll to a
   * span of code points and select it, ready to be coded: a search hit, a
   * finding of the anonymisation check.
   */
  async openAt(id: number, start: number, end: number): Promise<void> {
    if (this.currentId !== id || !this.doc) await this.open(id);
    const doc = this.doc;
    if (!doc || doc.id !== id) return;
    const span = { start: doc.index.toUtf16(start), end: doc.index.toUtf16(end) };
    this.selection = span;
    this.reveal = { ...span, seq: ++this.revealSeq };
  }

  /** Re-reads the codebook: its codes and their segment counts. */
  async reloadCodes(): Promise<void> {
    const seq = ++this.codesSeq;
    try {
      const codes = await api.codes();
      if (seq === this.codesSeq) this.codes = codes;
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Re-reads the project's frameworks (names, versions, which is active). */
  async loadFrameworks(): Promise<void> {
    try {
      this.frameworks = await api.frameworks();
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Makes another framework the one the reader codes with, and shows its codes. */
  async setActiveFramework(id: number): Promise<boolean> {
    if (this.activeFramework?.id === id) return true;
    try {
      await api.setActiveFramework(id);
    } catch (e) {
      this.toasts.error(e);
      return false;
    }
    this.inVivo = null;
    this.lastCodeId = null;
    await Promise.all([this.loadFrameworks(), this.reloadCodes(), this.reloadSegments()]);
    return true;
  }

  /** Re-reads the visible segments and the counts (after blind mode or the coder changed). */
  async reloadSegments(): Promise<void> {
    void this.reloadCodes();
    const doc = this.doc;
    if (!doc) return;
    try {
      const segments = await this.freshSegments(doc);
      if (this.doc?.id === doc.id) this.segments = segments;
    } catch (e) {
      this.toasts.error(e);
    }
    await this.reloadStars();
  }

  /** Re-reads which passages of the open document are starred. */
  async reloadStars(): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const seq = ++this.starsSeq;
    try {
      const all = await api.exemplars(0);
      if (seq !== this.starsSeq || this.doc?.id !== doc.id) return;
      const stars = new Map<string, number>();
      for (const e of all) {
        if (e.documentId === doc.id) stars.set(starKey(e.codeId, doc.index.toUtf16(e.start), doc.index.toUtf16(e.end)), e.id);
      }
      this.stars = stars;
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** The exemplar a segment's passage is starred as; 0 when it is not. */
  starOf(s: Segment): number {
    return this.stars.get(starKey(s.code, s.start, s.end)) ?? 0;
  }

  /** Stars a segment's passage for the report, or unstars it; the notice offers Undo. */
  async toggleStar(s: Segment): Promise<void> {
    const id = this.starOf(s);
    try {
      if (id) {
        await api.unstar(id);
        this.setStar(s, 0);
        this.toasts.info('Unstarred', STAR_UNDO_MS, { label: 'Undo', run: () => void this.toggleStar(s) });
      } else {
        const e = await api.star(s.id);
        this.setStar(s, e.id);
        this.toasts.info('Starred as an exemplar for the report', STAR_UNDO_MS, {
          label: 'Undo',
          run: () => void this.toggleStar(s),
        });
      }
      this.onExemplars();
    } catch (e) {
      this.toasts.error(e);
    }
  }

  private setStar(s: Segment, id: number): void {
    this.starsSeq++; // a read under way would not know of this
    const stars = new Map(this.stars);
    if (id) stars.set(starKey(s.code, s.start, s.end), id);
    else stars.delete(starKey(s.code, s.start, s.end));
    this.stars = stars;
  }

  /**
   * The document's segments as the backend has them. A read can be overtaken
   * by a change made here meanwhile (the coder codes while the document is
   * still loading): its answer would lack that change, so it asks again.
   */
  private async freshSegments(doc: DocumentView): Promise<Segment[]> {
    for (;;) {
      const seq = this.segmentsSeq;
      const segments = await api.segments(doc);
      if (seq === this.segmentsSeq) return segments;
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
      this.segmentsSeq++;
      if (this.doc?.id === doc.id) {
        // Coding the same span with the same code again gives back the existing segment.
        this.segments = [...this.segments.filter((s) => s.id !== seg.id), seg].sort(bySpan);
        this.selection = null;
      }
      this.lastCodeId = codeId;
      void this.refreshHistory();
      void this.reloadCodes();
      return seg;
    } catch (e) {
      this.toasts.error(e);
      return null;
    }
  }

  /** Opens the "New code from selection" form on the selection; false without one. */
  startInVivo(): boolean {
    const doc = this.doc;
    const span = this.selection;
    if (!doc || !span) return false;
    const name = inVivoName(doc, span);
    this.inVivo = { span: { ...span }, text: doc.text.slice(span.start, span.end), name, parent: this.defaultParent, error: '', busy: false };
    return true;
  }

  cancelInVivo(): void {
    this.inVivo = null;
  }

  /**
   * Creates a code called name under parent (0: top level) in the active
   * framework and codes the form's span (or else the selection) with it, in
   * one step. The new code and segment show at once; a failure (a duplicate
   * name, …) stays on the form as the backend's message.
   */
  async codeInVivo(name: string, parent: number): Promise<InVivo | null> {
    const doc = this.doc;
    const draft = this.inVivo;
    const span = draft?.span ?? this.selection;
    const trimmed = name.trim();
    if (!doc || !span || draft?.busy) return null;
    if (!trimmed) {
      if (draft) draft.error = 'Give the new code a name.';
      return null;
    }
    if (draft) {
      draft.busy = true;
      draft.error = '';
    }
    let made: InVivo;
    try {
      made = await api.codeInVivo(doc, span.start, span.end, trimmed, parent);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (this.inVivo === draft && draft) {
        draft.error = message;
        draft.busy = false;
      } else {
        this.toasts.error(e);
      }
      return null;
    }
    if (this.inVivo === draft) this.inVivo = null;
    // Show the code at once; the reload brings its counts.
    if (!this.codeById.has(made.code.id)) this.codes = [...this.codes, made.code];
    this.segmentsSeq++;
    if (this.doc?.id === doc.id) {
      const seg = made.segment;
      this.segments = [...this.segments.filter((s) => s.id !== seg.id), seg].sort(bySpan);
      this.selection = null;
    }
    this.lastCodeId = made.code.id;
    this.toasts.info(`Created “${made.code.name}” and coded the selection`);
    void this.refreshHistory();
    await this.reloadCodes();
    return made;
  }

  /** Says how to code with a key when it is pressed with nothing selected. */
  hintSelectFirst(code: Code): void {
    this.toasts.info(`Select some words first, then press the key (${code.key}: ${code.name}).`);
  }

  /** Codes the selection with the code bound to a key; false when no code has that key. */
  applyKey(key: string): boolean {
    const code = this.codeByKey.get(key.toLowerCase());
    if (!code || !this.selection) return false;
    void this.apply(code.id);
    return true;
  }

  /** Picks a segment for moving its ends (null: none). */
  selectSegment(id: number | null): void {
    this.selectedSegment = id;
  }

  /**
   * Moves the ends of one of the current coder's segments to span (UTF-16),
   * as one undoable step; the segment stays picked under its new id. A star
   * on the segment's passage may move with it (store.ResizeSegment), so a
   * starred segment's stars are re-read and the other views told.
   */
  async resize(segmentId: number, span: TextSpan): Promise<Segment | null> {
    const doc = this.doc;
    const old = this.segments.find((s) => s.id === segmentId);
    if (!doc || !old || span.end <= span.start || (span.start === old.start && span.end === old.end)) return null;
    try {
      const starred = this.starOf(old) !== 0;
      const seg = await api.resize(doc, segmentId, span.start, span.end);
      this.segmentsSeq++;
      if (this.doc?.id === doc.id) {
        this.segments = [...this.segments.filter((s) => s.id !== segmentId && s.id !== seg.id), seg].sort(bySpan);
        if (this.selectedSegment === segmentId) this.selectedSegment = seg.id;
      }
      void this.refreshHistory();
      if (starred) {
        await this.reloadStars();
        this.onExemplars();
      }
      return seg;
    } catch (e) {
      this.toasts.error(e);
      return null;
    }
  }

  /** Removes one of the current coder's segments and says so, offering Undo. */
  async remove(segmentId: number): Promise<void> {
    const seg = this.segments.find((s) => s.id === segmentId);
    const doc = this.doc;
    try {
      await api.remove(segmentId);
      this.segmentsSeq++;
      this.segments = this.segments.filter((s) => s.id !== segmentId);
      if (seg && doc) {
        const name = this.codeById.get(seg.code)?.name ?? 'the code';
        let words = doc.text.slice(seg.start, seg.end);
        if ([...words].length > 40) words = [...words].slice(0, 37).join('') + '…';
        this.toasts.info(`Removed ${name} from “${words}”`, NOTICE_MS * 2, { label: 'Undo', run: () => void this.undo() });
      }
      void this.refreshHistory();
      void this.reloadCodes();
      this.onMemos(); // the segment's memos went with it
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
        // A step can touch several documents (every search hit coded at once).
        const touched = r.documents && r.documents.length > 0 ? r.documents : [r.document];
        if (this.doc && touched.includes(this.doc.id)) {
          // undoing a resize may move a star back: the other views follow
          const stars = this.stars;
          await this.reloadSegments();
          if (!sameStars(stars, this.stars)) this.onExemplars();
        } else void this.reloadCodes();
        // undoing a removal brings the segments' memos back; redoing it takes them again
        this.onMemos();
        this.toasts.info(r.done);
      } catch (e) {
        this.toasts.error(e);
      }
    });
    return this.steps;
  }
}

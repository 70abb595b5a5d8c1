import { api } from '../api';
import type { Memo, MemoKind } from '../types';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';

/** How long a notice with Undo stays, in milliseconds. */
export const MEMO_UNDO_MS = 8000;

/** What the memo editor is open on: a target, and the memo being edited (null: a new one). */
export interface MemoEditing {
  kind: MemoKind;
  /** the document, code or segment; 0 for the project */
  target: number;
  /** what it is on, in words, for the editor's title */
  title: string;
  memo: Memo | null;
}

/** The Memos tab's filters; 0 or '' does not filter. */
export interface MemoFilter {
  author: number;
  kind: MemoKind | '';
  code: number;
  document: number;
  text: string;
}

export const noFilter: MemoFilter = { author: 0, kind: '', code: 0, document: 0, text: '' };

/** Whether a memo passes the filters: the text filter looks in the memo's text and in what it is on. */
export function matches(m: Memo, f: MemoFilter): boolean {
  if (f.author && m.author !== f.author) return false;
  if (f.kind && m.kind !== f.kind) return false;
  if (f.code && m.code !== f.code) return false;
  if (f.document && m.document !== f.document) return false;
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = `${m.text}\n${m.on}\n${m.authorName}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * Every memo the current coder may see — the reader's memo icons and panel
 * and the Memos tab read the same list — and the one memo editor. Each
 * write tells the workspace (onChange); a deletion or edit says so in a
 * notice with Undo, which takes it back through the journal.
 */
export class MemosStore {
  all = $state.raw<Memo[]>([]);
  loading = $state(false);
  filter = $state<MemoFilter>({ ...noFilter });
  editing = $state<MemoEditing | null>(null);
  saving = $state(false);
  filtered = $derived(this.all.filter((m) => matches(m, this.filter)));
  private seq = 0;

  constructor(
    private toasts: ToastStore = defaultToasts,
    private onChange: () => void = () => {},
  ) {}

  async load(): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const all = await api.memos();
      if (seq === this.seq) this.all = all;
    } catch (e) {
      if (seq === this.seq) this.toasts.error(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /** The memos on one target, oldest first. */
  on(kind: MemoKind, target: number): Memo[] {
    return this.all.filter((m) => m.kind === kind && (kind === 'project' || m.target === target));
  }

  /** A document's memos and the memos on its segments. */
  ofDocument(document: number): Memo[] {
    return this.all.filter((m) => m.document === document);
  }

  /**
   * Opens the editor on a target: on the current coder's own memo there when
   * they have one, else on a new memo.
   */
  open(kind: MemoKind, target: number, title: string): void {
    const mine = this.on(kind, target).find((m) => m.mine) ?? null;
    this.editing = { kind, target, title, memo: mine };
  }

  /** Opens the editor on a new memo, even where the coder already has one. */
  openNew(kind: MemoKind, target: number, title: string): void {
    this.editing = { kind, target, title, memo: null };
  }

  /** Opens the editor on an existing memo. */
  edit(m: Memo): void {
    this.editing = { kind: m.kind, target: m.target, title: m.on, memo: m };
  }

  close(): void {
    this.editing = null;
  }

  /** Saves the editor's text: a new memo, or an edit with Undo. Returns whether it was saved. */
  async save(text: string): Promise<boolean> {
    const ed = this.editing;
    if (!ed) return false;
    this.saving = true;
    try {
      if (ed.memo) {
        const c = await api.editMemo(ed.memo.id, text);
        this.put(c.memo);
        this.toasts.info('Memo saved', MEMO_UNDO_MS, { label: 'Undo', run: () => void this.revert(c.change, 'Memo restored to its earlier text') });
      } else {
        const m = await api.addMemo(ed.kind, ed.target, text);
        this.all = [...this.all, m];
        this.toasts.info('Memo saved');
      }
      this.editing = null;
      this.onChange();
      return true;
    } catch (e) {
      this.toasts.error(e);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Deletes one of the coder's memos; a notice offers Undo. */
  async remove(m: Memo): Promise<void> {
    try {
      const c = await api.deleteMemo(m.id);
      this.all = this.all.filter((x) => x.id !== m.id);
      if (this.editing?.memo?.id === m.id) this.editing = null;
      this.onChange();
      this.toasts.info('Memo deleted', MEMO_UNDO_MS, { label: 'Undo', run: () => void this.revert(c.change, 'Memo restored') });
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Renders Markdown for the editor's preview; "" when it cannot. */
  async preview(text: string): Promise<string> {
    try {
      return await api.previewMemo(text);
    } catch (e) {
      this.toasts.error(e);
      return '';
    }
  }

  private async revert(change: number, message: string): Promise<void> {
    try {
      const m = await api.revertMemo(change);
      this.put(m);
      this.onChange();
      this.toasts.info(message);
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Puts a memo in the list (replacing one with its id), in id order. */
  private put(m: Memo): void {
    this.all = [...this.all.filter((x) => x.id !== m.id), m].sort((a, b) => a.id - b.id);
  }
}

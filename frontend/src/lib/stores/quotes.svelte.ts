import { api } from '../api';
import { addCut } from '../trim';
import type { Cut, Exemplar, ExportFormat, Quote, Quotes } from '../types';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';

/** How long a notice with Undo stays, in milliseconds (long enough to reach the button). */
export const STAR_UNDO_MS = 8000;

/**
 * The quotes view: one code's quotes from one layer, its preview and
 * exports, and the stars and trims of its passages. Each star, unstar or
 * trim says so in a notice with Undo, and tells the workspace (onExemplars)
 * so that the reader and the report follow.
 */
export class QuotesStore {
  codeId = $state<number | null>(null);
  /** 0: every layer the current coder may see */
  coderId = $state(0);
  result = $state.raw<Quotes | null>(null);
  loading = $state(false);
  showPreview = $state(false);
  preview = $state('');
  /** the path of the last export; "" when none (or cancelled) */
  saved = $state('');
  exporting = $state(false);
  private seq = 0;

  constructor(
    private toasts: ToastStore = defaultToasts,
    private onExemplars: () => void = () => {},
  ) {}

  selectCode(id: number): Promise<void> {
    this.codeId = id;
    return this.load();
  }

  setCoder(id: number): Promise<void> {
    this.coderId = id;
    return this.load();
  }

  /** Loads the quotes (and the preview when it is open) for the current choice. */
  async load(): Promise<void> {
    this.saved = '';
    if (this.codeId === null) return;
    const seq = ++this.seq;
    const code = this.codeId;
    const coder = this.coderId;
    this.loading = true;
    try {
      const [q, md] = await Promise.all([
        api.quotes(code, coder),
        this.showPreview ? api.renderQuotes(code, coder, 'md') : Promise.resolve(''),
      ]);
      if (seq !== this.seq) return;
      this.result = q;
      this.preview = md;
    } catch (e) {
      if (seq === this.seq) {
        this.result = null;
        this.toasts.error(e);
      }
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  async togglePreview(): Promise<void> {
    this.showPreview = !this.showPreview;
    if (!this.showPreview || this.codeId === null) return;
    const code = this.codeId;
    const coder = this.coderId;
    try {
      const md = await api.renderQuotes(code, coder, 'md');
      if (this.codeId === code && this.coderId === coder) this.preview = md;
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Asks where to save and writes the quotes; cancelling leaves no message. */
  async exportAs(format: ExportFormat): Promise<void> {
    if (this.codeId === null) return;
    this.exporting = true;
    this.saved = '';
    try {
      this.saved = await api.exportQuotes(this.codeId, this.coderId, format);
    } catch (e) {
      this.toasts.error(e);
    } finally {
      this.exporting = false;
    }
  }

  /** Stars the quote's passage for the report, or unstars it; a notice offers Undo. */
  async toggleStar(q: Quote): Promise<void> {
    if (q.exemplarId) {
      const cuts = q.cuts;
      if (!(await this.unstar(q))) return;
      this.toasts.info('Unstarred', STAR_UNDO_MS, {
        label: 'Undo',
        run: () => void this.restar(q, cuts),
      });
      return;
    }
    const e = await this.star(q);
    if (e) this.toasts.info('Starred as an exemplar for the report', STAR_UNDO_MS, { label: 'Undo', run: () => void this.unstar(q) });
  }

  /** Leaves a cut (code points of the document) out of a starred quote, joined to its other cuts. */
  omit(q: Quote, cut: Cut): Promise<void> {
    return this.trimTo(q, addCut(q.cuts, cut), 'Trimmed the quote');
  }

  /** Restores a starred quote's full passage. */
  restoreAll(q: Quote): Promise<void> {
    return this.trimTo(q, [], 'Restored the full quote');
  }

  private async trimTo(q: Quote, cuts: Cut[], message: string): Promise<void> {
    if (!q.exemplarId) return;
    const before = q.cuts.map((c) => [c[0], c[1]] as Cut);
    const e = await this.trim(q.exemplarId, cuts);
    if (e) this.toasts.info(message, STAR_UNDO_MS, { label: 'Undo', run: () => void this.trim(e.id, before) });
  }

  private async star(q: Quote): Promise<Exemplar | null> {
    try {
      const e = await api.star(q.segmentIds[0] ?? q.segmentId);
      this.patch(q.segmentId, e);
      this.onExemplars();
      return e;
    } catch (e) {
      this.toasts.error(e);
      return null;
    }
  }

  private async restar(q: Quote, cuts: readonly (readonly number[])[]): Promise<void> {
    const e = await this.star(q);
    if (e && cuts.length > 0) await this.trim(e.id, cuts.map((c) => [c[0], c[1]] as Cut));
  }

  private async unstar(q: Quote): Promise<boolean> {
    const id = this.current(q.segmentId)?.exemplarId ?? q.exemplarId;
    if (!id) return false;
    try {
      await api.unstar(id);
      this.patch(q.segmentId, null);
      this.onExemplars();
      return true;
    } catch (e) {
      this.toasts.error(e);
      return false;
    }
  }

  private async trim(id: number, cuts: Cut[]): Promise<Exemplar | null> {
    try {
      const e = await api.trim(id, cuts);
      const q = this.result?.quotes.find((x) => x.exemplarId === id);
      if (q) this.patch(q.segmentId, e);
      this.onExemplars();
      return e;
    } catch (e) {
      this.toasts.error(e);
      return null;
    }
  }

  private current(segmentId: number): Quote | undefined {
    return this.result?.quotes.find((x) => x.segmentId === segmentId);
  }

  /** Puts the exemplar's star and trim on the quote it belongs to (null: unstarred); an open preview follows the trim. */
  private patch(segmentId: number, e: Exemplar | null): void {
    if (!this.result) return;
    if (this.showPreview && this.codeId !== null) {
      const code = this.codeId;
      const coder = this.coderId;
      api.renderQuotes(code, coder, 'md').then(
        (md) => {
          if (this.codeId === code && this.coderId === coder) this.preview = md;
        },
        (err) => this.toasts.error(err),
      );
    }
    this.result = {
      ...this.result,
      quotes: this.result.quotes.map((x) =>
        x.segmentId !== segmentId
          ? x
          : e
            ? { ...x, exemplarId: e.id, cuts: e.cuts, trimmed: e.trimmed }
            : { ...x, exemplarId: 0, cuts: [], trimmed: x.text },
      ),
    };
  }
}

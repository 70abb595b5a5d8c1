import { api } from '../api';
import type { ExportFormat, Quotes } from '../types';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';

/** The quotes view: one code's quotes from one layer, its preview and exports. */
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

  constructor(private toasts: ToastStore = defaultToasts) {}

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
}

import { toThemisError } from '../api';

export type ToastKind = 'error' | 'info';

export interface Toast {
  id: number;
  /** an error stays until dismissed; a notice goes by itself */
  kind: ToastKind;
  /** the error code; "" for a notice */
  code: string;
  /** the error's kind (errs.Kind's name: "invalid", "forbidden" …); "" for a notice */
  errorKind: string;
  message: string;
  /** a button the notice offers (the codebook's Undo) */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run: () => void;
}

/** How long a notice stays, in milliseconds. */
export const NOTICE_MS = 4000;

/** Errors shown to the user as dismissible banners, and short notices that go by themselves. */
export class ToastStore {
  items = $state<Toast[]>([]);
  private next = 1;
  private timers = new Map<number, ReturnType<typeof setTimeout>>();

  /** Shows an error (anything a promise rejected with); returns its id. */
  error(e: unknown): number {
    const err = toThemisError(e);
    // The same message twice in a row is shown once.
    const last = this.items[this.items.length - 1];
    if (last && last.kind === 'error' && last.message === err.message) return last.id;
    return this.push({ id: this.next++, kind: 'error', code: err.code, errorKind: err.kind, message: err.message });
  }

  /** Shows a short notice, replacing the one before, for ms milliseconds, with an action when given; returns its id. */
  info(message: string, ms = NOTICE_MS, action?: ToastAction): number {
    for (const t of this.items) if (t.kind === 'info') this.stopTimer(t.id);
    this.items = this.items.filter((t) => t.kind !== 'info');
    const id = this.push({ id: this.next++, kind: 'info', code: '', errorKind: '', message, ...(action ? { action } : {}) });
    this.timers.set(id, setTimeout(() => this.dismiss(id), ms));
    return id;
  }

  dismiss(id: number): void {
    this.stopTimer(id);
    this.items = this.items.filter((t) => t.id !== id);
  }

  clear(): void {
    for (const id of [...this.timers.keys()]) this.stopTimer(id);
    this.items = [];
  }

  private push(t: Toast): number {
    const items = [...this.items, t];
    for (const gone of items.slice(0, -4)) this.stopTimer(gone.id);
    this.items = items.slice(-4);
    return t.id;
  }

  private stopTimer(id: number): void {
    const timer = this.timers.get(id);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(id);
    }
  }
}

export const toasts = new ToastStore();

import { toThemisError } from '../api';

export interface Toast {
  id: number;
  code: string;
  message: string;
}

/** Errors shown to the user as dismissible banners. */
export class ToastStore {
  items = $state<Toast[]>([]);
  private next = 1;

  /** Shows an error (anything a promise rejected with); returns its id. */
  error(e: unknown): number {
    const err = toThemisError(e);
    // The same message twice in a row is shown once.
    const last = this.items[this.items.length - 1];
    if (last && last.message === err.message) return last.id;
    const id = this.next++;
    this.items = [...this.items, { id, code: err.code, message: err.message }].slice(-4);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }

  clear(): void {
    this.items = [];
  }
}

export const toasts = new ToastStore();

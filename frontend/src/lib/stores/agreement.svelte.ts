import { api, toThemisError } from '../api';
import type { Agreement, Coder, DocumentSummary } from '../types';

/** The agreement view: which coders and documents to compare, and the result. */
export class AgreementStore {
  coders = $state<Coder[]>([]);
  documents = $state<DocumentSummary[]>([]);
  coderA = $state<number | null>(null);
  coderB = $state<number | null>(null);
  /** ids of the chosen documents */
  chosen = $state<number[]>([]);
  result = $state.raw<Agreement | null>(null);
  loading = $state(false);
  /** why there is no result (e.g. blind mode is on); "" when there is one */
  problem = $state('');
  private seq = 0;

  /** Why the current choice cannot be compared, in plain words; "" when it can. */
  get blocker(): string {
    if (this.coders.length < 2) return 'Agreement compares two coders, and this project has only one so far. Add a second coder with “Switch” → “Someone new”.';
    if (this.documents.length === 0) return 'There are no documents to compare yet. Import transcripts in the Documents tab.';
    if (this.coderA === null || this.coderB === null) return 'Choose two coders.';
    if (this.coderA === this.coderB) return 'Choose two different coders.';
    if (this.chosen.length === 0) return 'Choose at least one document.';
    return '';
  }

  /**
   * Sets the coders and documents to choose from, keeping earlier choices
   * that still exist; defaults are the first two coders and every document.
   */
  setup(coders: Coder[], documents: DocumentSummary[]): void {
    const had = new Set(this.documents.map((d) => d.id));
    const keep = new Set(this.chosen);
    this.coders = coders;
    this.documents = documents;
    const ids = coders.map((c) => c.id);
    if (this.coderA === null || !ids.includes(this.coderA)) this.coderA = ids[0] ?? null;
    if (this.coderB === null || !ids.includes(this.coderB) || this.coderB === this.coderA) {
      this.coderB = ids.find((id) => id !== this.coderA) ?? null;
    }
    // Documents new since the last setup are chosen; earlier choices stay.
    this.chosen = documents.filter((d) => !had.has(d.id) || keep.has(d.id)).map((d) => d.id);
  }

  setCoderA(id: number): Promise<void> {
    this.coderA = id;
    return this.compute();
  }

  setCoderB(id: number): Promise<void> {
    this.coderB = id;
    return this.compute();
  }

  toggleDocument(id: number, on: boolean): Promise<void> {
    const set = new Set(this.chosen);
    if (on) set.add(id);
    else set.delete(id);
    this.chosen = this.documents.filter((d) => set.has(d.id)).map((d) => d.id);
    return this.compute();
  }

  chooseAll(): Promise<void> {
    this.chosen = this.documents.map((d) => d.id);
    return this.compute();
  }

  chooseNone(): Promise<void> {
    this.chosen = [];
    return this.compute();
  }

  /** Recomputes the table for the current choice; stale answers are dropped. */
  async compute(): Promise<void> {
    const seq = ++this.seq;
    if (this.blocker) {
      this.result = null;
      this.problem = '';
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const r = await api.agreement(this.coderA!, this.coderB!, [...this.chosen]);
      if (seq !== this.seq) return;
      this.result = r;
      this.problem = '';
    } catch (e) {
      if (seq !== this.seq) return;
      this.result = null;
      // Shown in place of the table, where the figures would be.
      this.problem = toThemisError(e).message;
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }
}

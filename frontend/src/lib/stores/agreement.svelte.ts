import { api, toThemisError } from '../api';
import type { Agreement, AgreementExportFormat, Coder, DocumentBreakdown, DocumentSummary, Unit } from '../types';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';
import { usesShare } from '../units';
import type { Statistic } from '../statistics';

/** How many bootstrap resamples of the documents the intervals use. */
export const RESAMPLES = 1000;

/** The agreement view: which coders, documents and unit of analysis to compare, and the result. */
export class AgreementStore {
  coders = $state<Coder[]>([]);
  documents = $state<DocumentSummary[]>([]);
  coderA = $state<number | null>(null);
  coderB = $state<number | null>(null);
  /** ids of the chosen documents */
  chosen = $state<number[]>([]);
  /** the units of analysis on offer, in display order (loaded once) */
  units = $state<Unit[]>([]);
  /** the chosen unit of analysis: one of units' names */
  unit = $state('character');
  /**
   * share (0..1) of a turn, sentence or paragraph a coder's segments must
   * cover for it to count as coded; 0 = any overlap. Kept while another unit
   * is chosen, but only sent for those three.
   */
  minShare = $state(0);
  /**
   * the coefficient the table shows; every one is in the result, so choosing
   * another does not recompute
   */
  statistic = $state<Statistic>('kappa');
  /**
   * what the table's rows are: codes (grouped by factor, with "All codes") or
   * documents; the result has both, so switching does not recompute
   */
  rows = $state<'code' | 'document'>('code');
  /** with rows by document: the code they are for, 0 = every code pooled */
  documentCode = $state(0);
  /** with rows by document: whether the lowest coefficient comes first (else the documents' order) */
  lowestFirst = $state(false);
  /** whether to ask for bootstrap 95 % intervals (RESAMPLES resamples of the documents) */
  intervals = $state(false);
  result = $state.raw<Agreement | null>(null);
  loading = $state(false);
  /** why there is no result (e.g. blind mode is on); "" when there is one */
  problem = $state('');
  /**
   * the methods-section paragraph for the table shown and the chosen
   * coefficient; "" until it has been fetched
   */
  methods = $state('');
  /** whether the paragraph is being fetched again (it may describe the previous choice meanwhile) */
  methodsLoading = $state(false);
  /** the path of the last export; "" when none (or cancelled) */
  saved = $state('');
  exporting = $state(false);
  private seq = 0;
  private methodsSeq = 0;
  private unitsLoad: Promise<void> | null = null;

  constructor(private toasts: ToastStore = defaultToasts) {}

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

  /** Loads the units of analysis once; a failure leaves the list empty and is retried next time. */
  loadUnits(): Promise<void> {
    this.unitsLoad ??= (async () => {
      try {
        this.units = await api.units();
      } catch {
        this.unitsLoad = null;
      }
    })();
    return this.unitsLoad;
  }

  /** Whether the coverage threshold applies to the chosen unit. */
  get usesShare(): boolean {
    return usesShare(this.unit);
  }

  setUnit(name: string): Promise<void> {
    this.unit = name;
    return this.compute();
  }

  setMinShare(share: number): Promise<void> {
    this.minShare = share;
    return this.compute();
  }

  /**
   * Shows another coefficient; the result already has it, so nothing is
   * recomputed, but the methods paragraph names it and is fetched again.
   */
  setStatistic(key: Statistic): Promise<void> {
    this.statistic = key;
    this.saved = '';
    return this.result ? this.loadMethods() : Promise.resolve();
  }

  /** Shows rows by code or by document; nothing is recomputed. */
  setRows(rows: 'code' | 'document'): void {
    this.rows = rows;
  }

  /** With rows by document, shows every code pooled (0) or one code's; nothing is recomputed. */
  setDocumentCode(code: number): void {
    this.documentCode = code;
  }

  setLowestFirst(on: boolean): void {
    this.lowestFirst = on;
  }

  /**
   * The result's breakdown by document for documentCode; the pooled one when
   * that code is not in the result (e.g. it was deleted); null when the result
   * has no breakdown at all.
   */
  get documentBreakdown(): DocumentBreakdown | null {
    const by = this.result?.byDocument ?? [];
    return by.find((b) => b.code === this.documentCode) ?? by.find((b) => b.code === 0) ?? null;
  }

  /** Turns the bootstrap intervals on or off; recomputes, since they come from the backend. */
  setIntervals(on: boolean): Promise<void> {
    this.intervals = on;
    return this.compute();
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

  /** The arguments Compute, Methods and Export share for the current choice (call only when there is no blocker). */
  private inputs(): [number, number, number[], string, number, number] {
    const share = this.usesShare ? this.minShare : 0;
    const bootstrap = this.intervals ? RESAMPLES : 0;
    return [this.coderA!, this.coderB!, [...this.chosen], this.unit, share, bootstrap];
  }

  /** Recomputes the table for the current choice, then its methods paragraph; stale answers are dropped. */
  async compute(): Promise<void> {
    const seq = ++this.seq;
    this.saved = '';
    if (this.blocker) {
      this.methodsSeq++;
      this.result = null;
      this.problem = '';
      this.loading = false;
      this.methods = '';
      this.methodsLoading = false;
      return;
    }
    this.loading = true;
    let ok = false;
    try {
      const r = await api.agreement(...this.inputs());
      if (seq !== this.seq) return;
      this.result = r;
      this.problem = '';
      ok = true;
    } catch (e) {
      if (seq !== this.seq) return;
      this.methodsSeq++;
      this.result = null;
      this.methods = '';
      this.methodsLoading = false;
      // Shown in place of the table, where the figures would be.
      this.problem = toThemisError(e).message;
    } finally {
      if (seq === this.seq) this.loading = false;
    }
    if (ok) await this.loadMethods();
  }

  /** Fetches the methods paragraph for the current choice and coefficient; stale answers are dropped. */
  async loadMethods(): Promise<void> {
    if (this.blocker) return;
    const seq = ++this.methodsSeq;
    this.methodsLoading = true;
    try {
      const text = await api.agreementMethods(...this.inputs(), this.statistic);
      if (seq === this.methodsSeq) this.methods = text ?? '';
    } catch (e) {
      if (seq !== this.methodsSeq) return;
      this.methods = '';
      this.toasts.error(e);
    } finally {
      if (seq === this.methodsSeq) this.methodsLoading = false;
    }
  }

  /** Asks where to save the table for the current choice and writes it; cancelling leaves no message. */
  async exportAs(format: AgreementExportFormat): Promise<void> {
    if (this.blocker) return;
    this.exporting = true;
    this.saved = '';
    try {
      this.saved = (await api.exportAgreement(...this.inputs(), this.statistic, format)) ?? '';
    } catch (e) {
      this.toasts.error(e);
    } finally {
      this.exporting = false;
    }
  }
}

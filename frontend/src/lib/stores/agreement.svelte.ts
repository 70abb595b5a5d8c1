import { api, toThemisError } from '../api';
import type {
  Agreement,
  AgreementExportFormat,
  AgreementRequest,
  Code,
  Coder,
  DocumentBreakdown,
  DocumentSummary,
  MultiAgreement,
  Resample,
  Unit,
  Unitized,
} from '../types';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';
import { SEGMENT, SEGMENT_DEFAULT, turnsResamplable, UNITIZED, UNITIZED_UNIT, usesShare } from '../units';
import type { MultiStatistic, Statistic } from '../statistics';

/** What the view computes: two coders' table (Cohen's κ …), three or more coders' (Fleiss' κ …), or the unitizing alphas. */
export type AgreementMode = 'two' | 'multi' | 'unitized';

/** How many bootstrap resamples (of documents or turns) the intervals use. */
export const RESAMPLES = 1000;

// The codes checklist's groups are a tree helper; the agreement screen imports them from here.
export { codeGroups, type CodeGroup } from '../codetree';

/** The agreement view: which coders, documents, codes and unit of analysis to compare, and the result. */
export class AgreementStore {
  coders = $state<Coder[]>([]);
  documents = $state<DocumentSummary[]>([]);
  /** the chosen coders' ids, in order: A, B, then any more (three or more compare with Fleiss' κ) */
  selected = $state<number[]>([]);
  /** ids of the chosen documents */
  chosen = $state<number[]>([]);
  /** ids of the plan's double-coded sample; empty without a plan */
  sample = $state<number[]>([]);
  /** the codebook (factors and codes); only codable codes are compared */
  codebook = $state<Code[]>([]);
  /** ids of the chosen codes, in the codebook's order */
  chosenCodes = $state<number[]>([]);
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
   * segment match's threshold: the share of a segment the other coder's
   * same code must cover for it to agree (MAXQDA's 90 % to begin with)
   */
  segmentShare = $state(SEGMENT_DEFAULT);
  /** what the bootstrap resamples: documents, or speaker turns (for few documents) */
  resample = $state<Resample>('document');
  /** with three or more coders: the coefficient the chart shows (the table shows them all) */
  multiStatistic = $state<MultiStatistic>('fleissKappa');
  /** the results as a table or as a forest plot */
  view = $state<'table' | 'chart'>('table');
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
  /** the result with three or more coders */
  multi = $state.raw<MultiAgreement | null>(null);
  /** the unitizing alphas, with unit "unitized" */
  unitized = $state.raw<Unitized | null>(null);
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

  /** coder A's id */
  get coderA(): number | null {
    return this.selected[0] ?? null;
  }

  /** coder B's id */
  get coderB(): number | null {
    return this.selected[1] ?? null;
  }

  /** What is computed for the current choice. */
  get mode(): AgreementMode {
    if (this.unit === UNITIZED) return 'unitized';
    return this.selected.length > 2 ? 'multi' : 'two';
  }

  /** Why the current choice cannot be compared, in plain words; "" when it can. */
  get blocker(): string {
    if (this.coders.length < 2) return 'Agreement compares two coders, and this project has only one so far. Add a second coder with “Switch” → “Someone new”.';
    if (this.documents.length === 0) return 'There are no documents to compare yet. Import transcripts in the Documents tab.';
    if (this.coderA === null || this.coderB === null) return 'Choose two coders.';
    if (new Set(this.selected).size !== this.selected.length) {
      return this.selected.length === 2 ? 'Choose two different coders.' : 'Choose each coder only once.';
    }
    if (this.chosen.length === 0) return 'Choose at least one document.';
    // The unitizing alphas take every code; the list does not apply there.
    if (this.mode !== 'unitized' && this.codable.length > 0 && this.chosenCodes.length === 0) return 'Choose at least one code.';
    if (this.mode === 'multi' && this.unit === SEGMENT) {
      return 'Segment match compares two coders at a time, as MAXQDA does. Remove a coder, or choose another unit of analysis to compare three or more.';
    }
    return '';
  }

  /** Whether speaker turns may be resampled for the current choice (two coders; not document presence or segment match). */
  get turnsAllowed(): boolean {
    return this.mode === 'two' && turnsResamplable(this.unit);
  }

  /** What the bootstrap will resample for the current choice. */
  get resampling(): Resample {
    return this.turnsAllowed ? this.resample : 'document';
  }

  /** Whether the current choice can be exported (the backend exports two coders' tables). */
  get canExport(): boolean {
    return this.mode === 'two';
  }

  /** The codes that can be compared (codable ones), in the codebook's order. */
  get codable(): Code[] {
    return this.codebook.filter((c) => c.codable);
  }

  /** Whether every codable code is chosen (then the backend is sent [], "every code"). */
  get allCodes(): boolean {
    return this.chosenCodes.length === this.codable.length;
  }

  /** The codes argument of the agreement calls: [] when every code is chosen, else the chosen ids. */
  private codesArg(): number[] {
    return this.allCodes ? [] : [...this.chosenCodes];
  }

  /**
   * Sets the coders, documents and codes to choose from, keeping earlier
   * choices that still exist; defaults are the first two coders, every
   * document and every codable code.
   */
  setup(coders: Coder[], documents: DocumentSummary[], codes: Code[] = []): void {
    const had = new Set(this.documents.map((d) => d.id));
    const keep = new Set(this.chosen);
    const hadCodes = new Set(this.codable.map((c) => c.id));
    const keepCodes = new Set(this.chosenCodes);
    this.codebook = codes;
    // Codes new since the last setup are chosen; earlier choices stay.
    this.chosenCodes = this.codable.filter((c) => !hadCodes.has(c.id) || keepCodes.has(c.id)).map((c) => c.id);
    this.coders = coders;
    this.documents = documents;
    const ids = new Set(coders.map((c) => c.id));
    const kept = this.selected.filter((id) => ids.has(id));
    if (kept.length >= 2 && new Set(kept).size === kept.length) {
      this.selected = kept;
    } else {
      // The lead (listed first) and the next person; the consensus layer only when there is nobody else.
      const people = [...coders.filter((c) => !c.consensus), ...coders.filter((c) => c.consensus)].map((c) => c.id);
      const a = kept[0] ?? people[0];
      const b = people.find((id) => id !== a);
      this.selected = [a, b].filter((id): id is number => id !== undefined);
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

  /**
   * The units the unit select offers: the backend's, then the unitizing
   * alphas. Until the units have loaded (or if they could not be), the chosen
   * one is offered by its name, so the select never shows a blank.
   */
  get unitOptions(): Unit[] {
    const loaded = this.units.length > 0;
    const fallback = this.unit === UNITIZED ? [] : [{ name: this.unit, label: this.unit.charAt(0).toUpperCase() + this.unit.slice(1), help: '' }];
    return [...(loaded ? this.units : fallback), UNITIZED_UNIT];
  }

  /** The chosen unit's name, label and help (undefined only for a name not on offer). */
  get chosenUnit(): Unit | undefined {
    return this.unitOptions.find((u) => u.name === this.unit);
  }

  /** The words in the chosen documents, as the results' subtitles count them. */
  get chosenWords(): number {
    return this.documents.filter((d) => this.chosen.includes(d.id)).reduce((n, d) => n + d.words, 0);
  }

  /** Whether the coverage threshold applies to the chosen unit. */
  get usesShare(): boolean {
    return usesShare(this.unit);
  }

  setUnit(name: string): Promise<void> {
    this.unit = name;
    return this.compute();
  }

  /** Sets the threshold of the chosen unit: segment match's own, or the coverage of turns, sentences and paragraphs. */
  setMinShare(share: number): Promise<void> {
    if (this.unit === SEGMENT) this.segmentShare = share;
    else this.minShare = share;
    return this.compute();
  }

  /** The threshold sent for the chosen unit (0 when it has none). */
  get share(): number {
    if (this.unit === SEGMENT) return this.segmentShare;
    return this.usesShare ? this.minShare : 0;
  }

  /** Resamples documents or turns; recomputes only when intervals are shown. */
  setResample(r: Resample): Promise<void> {
    this.resample = r;
    return this.intervals ? this.compute() : Promise.resolve();
  }

  /** The coefficient the chart shows with three or more coders; nothing is recomputed. */
  setMultiStatistic(key: MultiStatistic): void {
    this.multiStatistic = key;
  }

  setView(view: 'table' | 'chart'): void {
    this.view = view;
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
    return this.setCoder(0, id);
  }

  setCoderB(id: number): Promise<void> {
    return this.setCoder(1, id);
  }

  /** Puts coder id at position index (0 = A, 1 = B, 2 = C …). */
  setCoder(index: number, id: number): Promise<void> {
    const next = [...this.selected];
    next[index] = id;
    this.selected = next;
    return this.compute();
  }

  /** The coders not chosen yet, people before the consensus layer. */
  get unchosen(): Coder[] {
    const left = this.coders.filter((c) => !this.selected.includes(c.id));
    return [...left.filter((c) => !c.consensus), ...left.filter((c) => c.consensus)];
  }

  /** Adds a coder to the comparison (the first not chosen yet, or id); three or more compare with Fleiss' κ. */
  addCoder(id?: number): Promise<void> {
    const next = id ?? this.unchosen[0]?.id;
    if (next === undefined) return Promise.resolve();
    this.selected = [...this.selected, next];
    return this.compute();
  }

  /** Takes the coder at index out of the comparison; at least two stay. */
  removeCoder(index: number): Promise<void> {
    if (this.selected.length <= 2 || index < 0 || index >= this.selected.length) return Promise.resolve();
    this.selected = this.selected.filter((_, i) => i !== index);
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

  /** Chooses exactly the plan's double-coded sample; the methods paragraph then says how it was drawn. */
  chooseSample(): Promise<void> {
    const set = new Set(this.sample);
    this.chosen = this.documents.filter((d) => set.has(d.id)).map((d) => d.id);
    return this.compute();
  }

  /** Whether the chosen documents are exactly the double-coded sample. */
  get sampleChosen(): boolean {
    return this.sample.length > 0 && this.chosen.length === this.sample.length && this.sample.every((id) => this.chosen.includes(id));
  }

  chooseNone(): Promise<void> {
    this.chosen = [];
    return this.compute();
  }

  toggleCode(id: number, on: boolean): Promise<void> {
    const set = new Set(this.chosenCodes);
    if (on) set.add(id);
    else set.delete(id);
    this.chosenCodes = this.codable.filter((c) => set.has(c.id)).map((c) => c.id);
    return this.compute();
  }

  /** Chooses (or leaves out) every codable code of a factor at once. */
  toggleFactor(factor: number, on: boolean): Promise<void> {
    const set = new Set(this.chosenCodes);
    for (const c of this.codable) {
      if (c.parent !== factor) continue;
      if (on) set.add(c.id);
      else set.delete(c.id);
    }
    this.chosenCodes = this.codable.filter((c) => set.has(c.id)).map((c) => c.id);
    return this.compute();
  }

  chooseAllCodes(): Promise<void> {
    this.chosenCodes = this.codable.map((c) => c.id);
    return this.compute();
  }

  chooseNoCodes(): Promise<void> {
    this.chosenCodes = [];
    return this.compute();
  }

  /** The request Compute, Methods and Export share for the current choice (call only when there is no blocker). */
  private inputs(): AgreementRequest {
    const bootstrap = this.intervals ? RESAMPLES : 0;
    return {
      coderA: this.coderA!,
      coderB: this.coderB!,
      documents: [...this.chosen],
      codes: this.codesArg(),
      unit: this.unit,
      minShare: this.share,
      bootstrap,
      resample: bootstrap ? this.resampling : 'document',
      statistic: this.statistic,
    };
  }

  /** Recomputes the table for the current choice, then its methods paragraph; stale answers are dropped. */
  async compute(): Promise<void> {
    const seq = ++this.seq;
    this.saved = '';
    if (this.blocker) {
      this.methodsSeq++;
      this.result = null;
      this.multi = null;
      this.unitized = null;
      this.problem = '';
      this.loading = false;
      this.methods = '';
      this.methodsLoading = false;
      return;
    }
    this.loading = true;
    let ok = false;
    const mode = this.mode;
    try {
      if (mode === 'unitized') {
        const u = await api.unitized([...this.selected], [...this.chosen]);
        if (seq !== this.seq) return;
        this.unitized = u;
        this.result = null;
        this.multi = null;
      } else if (mode === 'multi') {
        const m = await api.multiAgreement({
          coders: [...this.selected],
          documents: [...this.chosen],
          codes: this.codesArg(),
          unit: this.unit,
          minShare: this.share,
          bootstrap: this.intervals ? RESAMPLES : 0,
        });
        if (seq !== this.seq) return;
        this.multi = m;
        this.result = null;
        this.unitized = null;
      } else {
        const r = await api.agreement(this.inputs());
        if (seq !== this.seq) return;
        this.result = r;
        this.multi = null;
        this.unitized = null;
        ok = true;
      }
      this.problem = '';
      if (!ok) {
        // The backend writes methods paragraphs for two coders' tables only.
        this.methodsSeq++;
        this.methods = '';
        this.methodsLoading = false;
      }
    } catch (e) {
      if (seq !== this.seq) return;
      this.methodsSeq++;
      this.result = null;
      this.multi = null;
      this.unitized = null;
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
    if (this.blocker || this.mode !== 'two') return;
    const seq = ++this.methodsSeq;
    this.methodsLoading = true;
    try {
      const text = await api.agreementMethods(this.inputs());
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
    if (this.blocker || !this.canExport) return;
    this.exporting = true;
    this.saved = '';
    try {
      this.saved = (await api.exportAgreement(this.inputs(), format)) ?? '';
    } catch (e) {
      this.toasts.error(e);
    } finally {
      this.exporting = false;
    }
  }
}

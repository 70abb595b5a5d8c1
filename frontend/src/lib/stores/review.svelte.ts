import { api, toThemisError } from '../api';
import type {
  Coder,
  DecisionAction,
  Disagreement,
  DisagreementKind,
  Review,
  ReviewInput,
  TextRange,
} from '../types';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';
import { whileBusy } from './busy';
import { adjudicationRefusal } from '../blind';
import type { Changes } from './changes';

/** The list's filters; 0 and "" mean any. */
export interface ReviewFilter {
  document: number;
  code: number;
  kind: DisagreementKind | '';
  /** show only disagreements without a decision */
  unsettled: boolean;
}

export const noFilter: ReviewFilter = { document: 0, code: 0, kind: '', unsettled: false };

/**
 * The segment-match thresholds the Review tab offers: two coders' stretches
 * of the same code agree when each covers at least this share of the other.
 * The backend wants a share in (0, 1] (0 would mean its default, 90 %), so
 * "any overlap" is a share so small that a single shared character meets it.
 */
export const ANY_OVERLAP = 1e-9;

export const THRESHOLDS: readonly { value: number; label: string }[] = [
  { value: 0.9, label: '90 %' },
  { value: 0.75, label: '75 %' },
  { value: 0.5, label: '50 %' },
  { value: ANY_OVERLAP, label: 'any overlap' },
];

/** The threshold the Review tab starts with (the backend's default, as in segment match). */
export const DEFAULT_THRESHOLD = 0.9;

/** An adjustment being made: the span (UTF-16 in the selected item's context text) and its code. */
export interface Adjustment extends TextRange {
  code: number;
}

/** "41 of 120 settled"; "" before a review has loaded. */
export function progressText(r: Pick<Review, 'settled' | 'total'> | null): string {
  return r ? `${r.settled} of ${r.total} settled` : '';
}

/** The code an adjustment starts with: the common code, else the only one, else coder A's. */
export function defaultAdjustCode(d: Pick<Disagreement, 'codeA' | 'codeB'>): number {
  return d.codeA || d.codeB;
}

function matches(d: Disagreement, f: ReviewFilter): boolean {
  return (
    (f.document === 0 || d.document === f.document) &&
    (f.code === 0 || d.codeA === f.code || d.codeB === f.code) &&
    (f.kind === '' || d.kind === f.kind)
  );
}

/**
 * The Review tab: two coders' disagreements, filtered and sorted by size,
 * the one selected, and the decisions that settle them into the consensus
 * layer. Filtering happens here, over the whole review, so progress always
 * counts every disagreement and decisions never depend on what is shown.
 */
export class ReviewStore {
  /** the coders one may review (consensus layers are not among them) */
  coders = $state<Coder[]>([]);
  coderA = $state<number | null>(null);
  coderB = $state<number | null>(null);
  filter = $state<ReviewFilter>({ ...noFilter });
  /** the share of each other's stretch two coders' same code must cover to agree (one of THRESHOLDS' values) */
  threshold = $state(DEFAULT_THRESHOLD);
  /** the whole review; replaced, never mutated */
  review = $state.raw<Review | null>(null);
  selectedKey = $state<string | null>(null);
  /** the rationale being written for the selected disagreement */
  rationale = $state('');
  /** the span and code of an adjustment being made; null when not adjusting */
  adjusting = $state<Adjustment | null>(null);
  loading = $state(false);
  /** a start, decision or reopen is on its way */
  busy = $state(false);
  /** why the review could not be loaded; "" when it could */
  problem = $state('');
  /** who is using the project, the lead and the named adjudicator: who may settle a pair */
  current = $state<Coder | null>(null);
  lead = $state<Coder | null>(null);
  adjudicator = $state<Coder | undefined>(undefined);

  /** the disagreements shown, in the review's order (largest first) */
  items: Disagreement[] = $derived.by(() => {
    const r = this.review;
    if (!r) return [];
    const f = this.filter;
    return r.items.filter((d) => matches(d, f) && (!f.unsettled || !d.decision));
  });
  selected: Disagreement | null = $derived(this.review?.items.find((d) => d.key === this.selectedKey) ?? null);
  progress = $derived(progressText(this.review));
  /** settled share, 0..1 */
  share = $derived(this.review && this.review.total > 0 ? this.review.settled / this.review.total : 0);
  started = $derived(!!this.review?.consensus);
  done = $derived(!!this.review && this.review.total > 0 && this.review.settled === this.review.total);

  private seq = 0;

  constructor(
    private toasts: ToastStore = defaultToasts,
    /** told of the consensus coding each step writes, and of the consensus layer start makes */
    private changes?: Changes,
  ) {}

  /** Why the current coder may read but not settle this pair; "" when they may settle it. */
  get refusal(): string {
    const a = this.coders.find((c) => c.id === this.coderA);
    const b = this.coders.find((c) => c.id === this.coderB);
    if (!a || !b || !this.lead) return '';
    return adjudicationRefusal(this.current, this.lead, this.adjudicator, a, b);
  }

  /** Says who is using the project, so the screen knows who may settle which pair. */
  setRoles(current: Coder | null, lead: Coder, adjudicator: Coder | undefined): void {
    this.current = current;
    this.lead = lead;
    this.adjudicator = adjudicator;
  }

  /** Why nothing can be reviewed with the current choice; "" when it can. */
  get blocker(): string {
    if (this.coders.length < 2)
      return 'Adjudication settles the disagreements of two coders, and this project has only one so far.';
    if (this.coderA === null || this.coderB === null) return 'Choose two coders.';
    if (this.coderA === this.coderB) return 'Choose two different coders.';
    return '';
  }

  /**
   * Sets the coders to choose from (consensus layers are left out), keeping
   * an earlier choice that still exists; the default pair is the lead and
   * the first other coder.
   */
  setup(coders: Coder[], lead: number): void {
    const people = coders.filter((c) => !c.consensus);
    this.coders = people;
    const ids = people.map((c) => c.id);
    if (this.coderA === null || !ids.includes(this.coderA)) this.coderA = ids.includes(lead) ? lead : (ids[0] ?? null);
    if (this.coderB === null || !ids.includes(this.coderB) || this.coderB === this.coderA) {
      this.coderB = ids.find((id) => id !== this.coderA) ?? null;
    }
  }

  /** What the backend is asked about: the whole review of the pair at the chosen threshold (the list filters it here). */
  input(): ReviewInput {
    return { coderA: this.coderA ?? 0, coderB: this.coderB ?? 0, documents: [], codes: [], threshold: this.threshold };
  }

  /** Loads the pair's review; stale answers are dropped. */
  async load(): Promise<void> {
    const seq = ++this.seq;
    if (this.blocker) {
      this.review = null;
      this.problem = '';
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const r = await api.review(this.input());
      if (seq !== this.seq) return;
      this.adopt(r);
      this.problem = '';
    } catch (e) {
      if (seq !== this.seq) return;
      this.review = null;
      this.problem = toThemisError(e).message;
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  setCoderA(id: number): Promise<void> {
    this.coderA = id;
    return this.changePair();
  }

  setCoderB(id: number): Promise<void> {
    this.coderB = id;
    return this.changePair();
  }

  /**
   * Reviews the pair at another threshold: the disagreements are found
   * again (decisions are kept by the backend); the selection stays when
   * that disagreement still is one.
   */
  setThreshold(threshold: number): Promise<void> {
    if (threshold === this.threshold) return Promise.resolve();
    this.threshold = threshold;
    return this.load();
  }

  private changePair(): Promise<void> {
    this.review = null;
    this.selectedKey = null;
    this.filter = { ...noFilter };
    this.resetDraft();
    return this.load();
  }

  setFilter(over: Partial<ReviewFilter>): void {
    this.filter = { ...this.filter, ...over };
    // Keep the selection when it is still shown; else the first shown.
    if (!this.items.some((d) => d.key === this.selectedKey)) this.select(this.items[0]?.key ?? null);
  }

  clearFilter(): void {
    this.setFilter({ ...noFilter });
  }

  /** Selects a disagreement (null: none); a draft rationale or adjustment is dropped with the old one. */
  select(key: string | null): void {
    if (key === this.selectedKey) return;
    this.selectedKey = key;
    this.resetDraft();
  }

  private resetDraft(): void {
    this.rationale = '';
    this.adjusting = null;
  }

  /** Moves the selection through the shown list by step (±1), stopping at the ends. */
  move(step: 1 | -1): void {
    const list = this.items;
    if (list.length === 0) return;
    const i = list.findIndex((d) => d.key === this.selectedKey);
    const j = i < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + step));
    this.select(list[j].key);
  }

  /**
   * Selects the next (step 1) or previous (-1) unsettled disagreement among
   * those the filters show, going round; false when there is none other.
   */
  moveUnsettled(step: 1 | -1): boolean {
    const key = this.unsettledFrom(this.selectedKey, step);
    if (key === null) return false;
    this.select(key);
    return true;
  }

  /** The key of the first unsettled item after (or before) key in the filtered order, going round, never key itself. */
  private unsettledFrom(key: string | null, step: 1 | -1): string | null {
    const r = this.review;
    if (!r) return null;
    // The filters but "unsettled only", so that a just-settled item still has its place.
    const list = r.items.filter((d) => matches(d, this.filter));
    const n = list.length;
    if (n === 0) return null;
    const at = list.findIndex((d) => d.key === key);
    const from = at < 0 ? (step > 0 ? -1 : n) : at;
    for (let k = 1; k <= n; k++) {
      const d = list[(((from + step * k) % n) + n) % n];
      if (!d.decision && d.key !== key) return d.key;
    }
    return null;
  }

  private adopt(r: Review): void {
    this.review = r;
    if (!r.items.some((d) => d.key === this.selectedKey)) {
      // The first unsettled shown, else the first shown.
      const first = this.items.find((d) => !d.decision) ?? this.items[0];
      this.selectedKey = first?.key ?? null;
      this.resetDraft();
    }
  }

  private async act(fn: () => Promise<Review>): Promise<boolean> {
    if (this.blocker || this.busy || this.refusal) return false;
    return whileBusy(this, this.toasts, async () => {
      this.adopt(await fn());
      this.changes?.emit({ kind: 'segments' });
    });
  }

  /** Creates the consensus layer (copying the agreed passages) or resumes it. */
  async start(): Promise<boolean> {
    const ok = await this.act(() => api.startReview(this.input()));
    if (ok) this.changes?.emit({ kind: 'coders' });
    return ok;
  }

  /** Starts adjusting the selected disagreement: its extent and the default code. */
  beginAdjust(): void {
    const d = this.selected;
    if (!d) return;
    this.adjusting = { start: d.extent.start, end: d.extent.end, code: defaultAdjustCode(d) };
  }

  /** Sets the adjusted span (UTF-16 in the context text); an empty span is ignored. */
  setAdjustSpan(span: TextRange): void {
    if (!this.adjusting || span.end <= span.start) return;
    this.adjusting = { ...this.adjusting, start: span.start, end: span.end };
  }

  setAdjustCode(code: number): void {
    if (this.adjusting) this.adjusting = { ...this.adjusting, code };
  }

  cancelAdjust(): void {
    this.adjusting = null;
  }

  /**
   * Settles the selected disagreement; "adjust" uses the adjustment being
   * made (or the extent with the default code). The review is replaced by
   * the one returned and the selection moves to the next unsettled one.
   */
  async decide(action: DecisionAction): Promise<boolean> {
    const d = this.selected;
    if (!d || !this.started) return false;
    const adj = action === 'adjust' ? (this.adjusting ?? { ...d.extent, code: defaultAdjustCode(d) }) : null;
    const rationale = this.rationale.trim();
    const input = this.input();
    const ok = await this.act(() =>
      api.decide(input, d, adj ? { action, rationale, span: { start: adj.start, end: adj.end }, code: adj.code } : { action, rationale }),
    );
    if (ok) {
      this.resetDraft();
      this.moveUnsettled(1);
    }
    return ok;
  }

  /** Takes back the decision on the selected disagreement, which stays selected. */
  async reopen(): Promise<boolean> {
    const d = this.selected;
    if (!d || !d.decision) return false;
    const input = this.input();
    return this.act(() => api.reopen(input, d.key));
  }
}

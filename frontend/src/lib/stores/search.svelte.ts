import { searchApi, type SearchHit, type SearchInfo, type SearchProgress, type SearchResults } from '../searchApi';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';
import type { Changes } from './changes';

/** Hits of one document, in reading order. */
export interface HitGroup {
  id: number;
  name: string;
  /** matching turns in the document, all of them */
  turns: number;
  hits: SearchHit[];
}

/** How many turns a search shows; coding every hit covers them all. */
export const SHOWN_TURNS = 500;

/** The search screen: the query, its results grouped by document, and coding every hit. */
export class SearchStore {
  query = $state('');
  /** the query the results are of */
  ran = $state('');
  info = $state<SearchInfo | null>(null);
  results = $state.raw<SearchResults | null>(null);
  /** the message of a query that could not be run (bad syntax, unknown field, …) */
  error = $state('');
  running = $state(false);
  /** building or updating the index; null when not */
  progress = $state<SearchProgress | null>(null);
  /** the code "Code all hits" applies; null until chosen */
  codeId = $state<number | null>(null);
  /** code each hit's whole turn rather than the matched words */
  whole = $state(false);
  coding = $state(false);

  groups: HitGroup[] = $derived.by(() => {
    const r = this.results;
    if (!r) return [];
    const byDoc = new Map<number, HitGroup>();
    for (const d of r.documents) byDoc.set(d.id, { id: d.id, name: d.name, turns: d.turns, hits: [] });
    for (const h of r.hits) {
      let g = byDoc.get(h.document);
      if (!g) {
        g = { id: h.document, name: h.name, turns: 0, hits: [] };
        byDoc.set(h.document, g);
      }
      g.hits.push(h);
    }
    return [...byDoc.values()];
  });

  /** bumped by every search, so a late answer never overwrites a newer one */
  private seq = 0;

  constructor(
    private toasts: ToastStore = defaultToasts,
    /** told of the segments "Code all" made */
    private changes?: Changes,
  ) {}

  private follow(): () => void {
    return searchApi.onProgress((p) => {
      // Events can arrive out of order: keep the furthest one seen.
      const cur = this.progress;
      if (!cur || p.total !== cur.total || p.done >= cur.done) this.progress = p.done >= p.total ? null : p;
    });
  }

  /** Builds or updates the index, with progress, and learns the fields a query can use. */
  async prepare(): Promise<void> {
    const off = this.follow();
    try {
      this.info = await searchApi.prepare();
    } catch (e) {
      this.toasts.error(e);
    } finally {
      off();
      this.progress = null;
    }
  }

  /** Runs the query; an unreadable one leaves its message in error and the old results. */
  async run(query = this.query): Promise<void> {
    const q = query.trim();
    if (!q) {
      this.error = '';
      this.results = null;
      this.ran = '';
      return;
    }
    const seq = ++this.seq;
    this.running = true;
    const off = this.follow();
    try {
      const r = await searchApi.search(q, SHOWN_TURNS);
      if (seq !== this.seq) return;
      this.results = r;
      this.ran = q;
      this.error = '';
    } catch (e) {
      if (seq !== this.seq) return;
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      off();
      if (seq === this.seq) {
        this.running = false;
        this.progress = null;
      }
    }
  }

  /** Runs the query the results are of again: the coding or the text under them changed. */
  async refresh(): Promise<void> {
    if (this.ran) await this.run(this.ran);
  }

  /**
   * Codes every hit of the current results (or their whole turns) with the
   * chosen code as the current coder, in one step Undo reverses, and says so
   * as a "segments" change (the workspace then searches again, so the
   * results show the coding). Resolves to the documents that got segments.
   */
  async codeAll(): Promise<number[]> {
    if (this.codeId === null || !this.ran || this.coding) return [];
    this.coding = true;
    try {
      const r = await searchApi.codeHits(this.ran, this.codeId, this.whole);
      let msg = r.done;
      if (r.already > 0) msg += ` (${r.already} already coded)`;
      if (r.skipped > 0) msg += ` · ${r.skipped} in turns not coded were left out`;
      this.toasts.info(msg);
      if (r.documents.length > 0) this.changes?.emit({ kind: 'segments', documents: r.documents });
      return r.documents;
    } catch (e) {
      this.toasts.error(e);
      return [];
    } finally {
      this.coding = false;
    }
  }
}

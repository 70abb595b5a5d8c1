import {
  themesApi,
  type AttributeMatrix,
  type CaseMatrix,
  type CellInput,
  type CoMatrix,
  type Exemplar,
  type Passage,
  type ThemeFilter,
  type ThemeSummary,
  type ThemeView,
  type ThemesApi,
  type ThemesOptions,
  type ViewInput,
} from '../themesApi';
import type { ChartFile } from '../components/charts/exportChart';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';

/** The drill-down: the passages behind one cell, titled by what the cell is. */
export interface Drill {
  cell: CellInput;
  /** "Positive affect · role = patient" */
  title: string;
  /** null while loading */
  passages: Passage[] | null;
}

/** A filter that keeps everything. */
export function emptyFilter(): ThemeFilter {
  return { documents: [], cases: [], attributes: {} };
}

/** How many filters are set: each document, case and attribute value counts once. */
export function filterCount(f: ThemeFilter): number {
  return f.documents.length + f.cases.length + Object.values(f.attributes).reduce((n, vs) => n + vs.length, 0);
}

/**
 * The Themes tab: which layer, framework and filters, which of the four
 * views, and the figures of that view; the drill-down into one cell. Only
 * the view on screen is computed, and a newer request always wins over a
 * slower older one, so changing a filter repaints with the latest figures.
 * The workspace tells it when the project changed (invalidate).
 */
export class ThemesStore {
  options = $state.raw<ThemesOptions | null>(null);
  /** the layer's coder id, 0 for all coders; null until the options are read */
  layer = $state<number | null>(null);
  /** the framework's id; 0 until the options are read (the active one) */
  framework = $state(0);
  /** co-occurrence: the framework on the columns, 0 for the same */
  withFramework = $state(0);
  filter = $state.raw<ThemeFilter>(emptyFilter());
  view = $state<ThemeView>('prevalence');
  /** the by-attribute view's attribute */
  attribute = $state('');
  /** the prevalence chart's measure */
  measure = $state<'cases' | 'segments'>('cases');
  /** co-occurrence shows Jaccard indices instead of counts */
  jaccard = $state(false);
  /** case × code: order the cases by this attribute ("" keeps natural order) */
  caseSort = $state('');

  summary = $state.raw<ThemeSummary | null>(null);
  byAttribute = $state.raw<AttributeMatrix | null>(null);
  cases = $state.raw<CaseMatrix | null>(null);
  co = $state.raw<CoMatrix | null>(null);
  loading = $state(false);
  /** why the current view could not be computed; "" when it could */
  error = $state('');
  drill = $state.raw<Drill | null>(null);
  /** the starred passages, for the drill-down's stars; read when a drill opens */
  exemplars = $state.raw<Exemplar[]>([]);
  /** the path of the last table export, "" when none or cancelled */
  saved = $state('');

  /** the tab is on screen: changes reload at once rather than on the next visit */
  private visible = false;
  /** the project changed since the figures on hand were computed */
  private stale = true;
  private seq = 0;
  private drillSeq = 0;

  constructor(
    private toasts: ToastStore = defaultToasts,
    private api: ThemesApi = themesApi,
    /** told when a star was added or taken away here, so the reader and the Quotes tab follow */
    private onStarred: () => void = () => {},
  ) {}

  /** The input every view is computed over. */
  get input(): ViewInput {
    return { framework: this.framework, layer: this.layer ?? 0, filter: this.filter };
  }

  /** The tab opens: read what is new since it was last shown. */
  async show(): Promise<void> {
    this.visible = true;
    if (this.stale || !this.options) await this.reload();
  }

  hide(): void {
    this.visible = false;
  }

  /** The project changed (segments, codebook, cases, documents, coders): recompute now or on the next visit. */
  invalidate(): void {
    this.stale = true;
    if (this.visible) void this.reload();
  }

  /** Re-reads the options (layers, frameworks, attributes) and then the view. */
  async reload(): Promise<void> {
    this.stale = false;
    const seq = ++this.seq;
    try {
      const o = await this.api.themeOptions();
      if (seq !== this.seq) return;
      this.options = o;
      this.adopt(o);
    } catch (e) {
      if (seq === this.seq) {
        this.error = e instanceof Error ? e.message : String(e);
        this.toasts.error(e);
      }
      return;
    }
    await this.load();
  }

  /** Keeps the choices that still exist; takes the defaults for the rest. */
  private adopt(o: ThemesOptions): void {
    if (this.layer === null || !o.layers.some((l) => l.coder === this.layer)) {
      this.layer = (o.layers.find((l) => l.default) ?? o.layers[0])?.coder ?? 0;
    }
    if (!o.frameworks.some((f) => f.id === this.framework)) {
      this.framework = (o.frameworks.find((f) => f.active) ?? o.frameworks[0])?.id ?? 0;
    }
    if (this.withFramework !== 0 && !o.frameworks.some((f) => f.id === this.withFramework)) this.withFramework = 0;
    if (!o.attributes.some((a) => a.name === this.attribute)) this.attribute = o.attributes[0]?.name ?? '';
    if (this.caseSort && !o.attributes.some((a) => a.name === this.caseSort)) this.caseSort = '';
  }

  /** Computes the view on screen for the current choices. */
  async load(): Promise<void> {
    const seq = ++this.seq;
    const view = this.view;
    const input = this.input;
    this.loading = true;
    this.error = '';
    this.saved = '';
    try {
      switch (view) {
        case 'prevalence': {
          const r = await this.api.summary(input);
          if (seq === this.seq) this.summary = r;
          break;
        }
        case 'attribute': {
          if (!this.attribute) {
            if (seq === this.seq) this.byAttribute = null;
            break;
          }
          const r = await this.api.byAttribute(input, this.attribute);
          if (seq === this.seq) this.byAttribute = r;
          break;
        }
        case 'cases': {
          const r = await this.api.caseMatrix(input);
          if (seq === this.seq) this.cases = r;
          break;
        }
        case 'cooccurrence': {
          const r = await this.api.cooccurrence(input, this.withFramework);
          if (seq === this.seq) this.co = r;
          break;
        }
      }
    } catch (e) {
      if (seq === this.seq) {
        this.error = e instanceof Error ? e.message : String(e);
        this.toasts.error(e);
      }
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  private change(): Promise<void> {
    this.drill = null;
    return this.load();
  }

  setView(v: ThemeView): Promise<void> {
    this.view = v;
    return this.change();
  }

  setLayer(coder: number): Promise<void> {
    this.layer = coder;
    return this.change();
  }

  setFramework(id: number): Promise<void> {
    this.framework = id;
    if (this.withFramework === id) this.withFramework = 0;
    return this.change();
  }

  setWith(id: number): Promise<void> {
    this.withFramework = id === this.framework ? 0 : id;
    return this.change();
  }

  setAttribute(name: string): Promise<void> {
    this.attribute = name;
    return this.change();
  }

  setFilter(f: ThemeFilter): Promise<void> {
    // Empty lists are dropped, so a cleared attribute is no filter at all.
    const attributes: Record<string, string[]> = {};
    for (const [k, vs] of Object.entries(f.attributes)) if (vs.length > 0) attributes[k] = [...vs];
    this.filter = { documents: [...f.documents], cases: [...f.cases], attributes };
    return this.change();
  }

  /** Toggles one document, case or attribute value in the filter. */
  toggleDocument(id: number): Promise<void> {
    const ds = this.filter.documents;
    return this.setFilter({ ...this.filter, documents: ds.includes(id) ? ds.filter((d) => d !== id) : [...ds, id] });
  }

  toggleCase(name: string): Promise<void> {
    const cs = this.filter.cases;
    return this.setFilter({ ...this.filter, cases: cs.includes(name) ? cs.filter((c) => c !== name) : [...cs, name] });
  }

  toggleValue(attribute: string, value: string): Promise<void> {
    const vs = this.filter.attributes[attribute] ?? [];
    const next = vs.includes(value) ? vs.filter((v) => v !== value) : [...vs, value];
    return this.setFilter({ ...this.filter, attributes: { ...this.filter.attributes, [attribute]: next } });
  }

  clearFilter(): Promise<void> {
    return this.setFilter(emptyFilter());
  }

  /** Lists the passages behind one cell of the current view. */
  async drillInto(cell: Omit<CellInput, keyof ViewInput>, title: string): Promise<void> {
    const seq = ++this.drillSeq;
    const full: CellInput = { ...this.input, ...cell };
    this.drill = { cell: full, title, passages: null };
    try {
      const [ps, ex] = await Promise.all([this.api.passages(full), this.api.exemplars()]);
      if (seq === this.drillSeq) this.exemplars = ex;
      if (seq === this.drillSeq && this.drill?.cell === full) this.drill = { ...this.drill, passages: ps };
    } catch (e) {
      if (seq === this.drillSeq) {
        this.drill = null;
        this.toasts.error(e);
      }
    }
  }

  /**
   * The exemplar a passage is: one of the same document whose span lies
   * within the passage, of one of the passage's codes. Starring stars the
   * passage's whole span — in All coders the union of the overlapping
   * segments, as shown — except a co-occurrence pair, which stars its row
   * code's segment (the pair spans two codes).
   */
  starOf(p: Passage): Exemplar | undefined {
    return this.exemplars.find((e) => e.documentId === p.document && e.start >= p.start && e.end <= p.end && p.codes.includes(e.code));
  }

  /** Stars the passage (see starOf), or unstars it. */
  async toggleStar(p: Passage): Promise<void> {
    try {
      const e = this.starOf(p);
      if (e) {
        await this.api.unstar(e.id);
        this.exemplars = this.exemplars.filter((x) => x.id !== e.id);
      } else if (p.segmentIds.length > 0) {
        const cooccurrence = p.overlap[1] > p.overlap[0];
        const made = cooccurrence ? await this.api.star(p.segmentIds[0]) : await this.api.starPassage(p.segmentIds);
        this.exemplars = [...this.exemplars.filter((x) => x.id !== made.id), made];
      } else return;
      this.onStarred();
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Stars changed elsewhere (reader, Quotes tab): re-read them while a drill-down shows. */
  async reloadStars(): Promise<void> {
    if (!this.drill) return;
    const seq = this.drillSeq;
    try {
      const ex = await this.api.exemplars();
      if (seq === this.drillSeq) this.exemplars = ex;
    } catch (e) {
      this.toasts.error(e);
    }
  }

  closeDrill(): void {
    this.drillSeq++;
    this.drill = null;
  }

  /** Asks where to save the current view's table and writes it. */
  async exportTable(format: 'csv' | 'xlsx'): Promise<void> {
    this.saved = '';
    try {
      this.saved = await this.api.exportTable({
        ...this.input,
        view: this.view,
        with: this.withFramework,
        attribute: this.attribute,
        jaccard: this.jaccard,
        format,
      });
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Saves a chart the view drew (for PlotChart's save). */
  saveChart = (f: ChartFile): Promise<string> => this.api.saveChart(f);
}

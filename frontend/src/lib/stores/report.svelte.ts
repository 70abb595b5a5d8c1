import {
  emptyFilter,
  reportApi,
  type Attribution,
  type AttributionExample,
  type ReportCode,
  type ReportFilter,
  type ReportFormat,
  type ReportInput,
  type ReportLayer,
  type ReportOptions,
  type ReportOrder,
} from '../reportApi';
import { quotesApi } from '../quotesApi';
import { addCut } from '../trim';
import type { Cut, Exemplar } from '../types';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';

/** How long a choice waits for the next before the preview is made again, in milliseconds. */
export const PREVIEW_DEBOUNCE_MS = 300;

const FORMAT_NAMES: Record<ReportFormat, string> = { md: 'Markdown', html: 'HTML', docx: 'Word' };

/**
 * A copy of a filter, so a later change of the Themes tab's cannot reach a
 * request already made; an attribute with no values left is no filter at
 * all, and is dropped as the Themes tab drops it.
 */
function copyFilter(f: ReportFilter): ReportFilter {
  return {
    documents: [...f.documents],
    cases: [...f.cases],
    attributes: Object.fromEntries(
      Object.entries(f.attributes)
        .filter(([, vs]) => vs.length > 0)
        .map(([a, vs]) => [a, [...vs]]),
    ),
  };
}

/** Text on one line, runs of white space as one space. */
const oneLine = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');

/** Whether a value ends in a letter (of any script: one with upper and lower case, as Go's test). */
function endsInLetter(s: string): boolean {
  const c = [...s].pop();
  if (!c) return false;
  return /[a-zA-Z]/.test(c) || (c.codePointAt(0)! > 0x7f && c.toLowerCase() !== c.toUpperCase());
}

/**
 * An attribute's value as an attribution shows it: a word as it is
 * ("patient"), anything else after the attribute's name ("nested case 2"),
 * as report.AttributeValue writes it.
 */
export function attributeValue(attribute: string, value: string): string {
  const v = oneLine(value);
  if (!v || endsInLetter(v)) return v;
  return `${oneLine(attribute.replaceAll('_', ' '))} ${v}`;
}

/**
 * The attribution line a template gives a quote of the example case, in the
 * order the report writes it (project's quoter.attribution): case name, the
 * chosen attributes' values in their order, speaker, document, each once,
 * leaving out what the case does not have.
 */
export function attributionLine(a: Attribution, ex: AttributionExample | null): string {
  if (!ex) return '';
  const parts: string[] = [];
  const add = (s: string) => {
    const t = s.trim();
    if (t && !parts.includes(t)) parts.push(t);
  };
  if (a.case) add(ex.case);
  if (ex.case) for (const name of a.attributes) add(attributeValue(name, ex.values[name] ?? ''));
  if (a.speaker) add(ex.speaker);
  if (a.document) add(ex.document);
  return parts.length ? `— ${parts.join(', ')}` : '';
}

/**
 * The Report tab: the writer's choices (framework, codes, layer, order,
 * quotes, attribution, breakdown, agreement), a preview made again shortly
 * after every change of them or of the project, and the exports.
 */
export class ReportStore {
  options = $state.raw<ReportOptions | null>(null);
  /** a real case to show the attribution line on; null when the project has none */
  sample = $state.raw<AttributionExample | null>(null);
  framework = $state(0);
  title = $state('');
  /** the codes (not factors) chosen, of the chosen framework */
  chosen = $state.raw<ReadonlySet<number>>(new Set());
  layer = $state(0);
  order = $state<ReportOrder>('codebook');
  starredOnly = $state(false);
  attribution = $state.raw<Attribution>({ case: true, speaker: false, document: false, attributes: [] });
  breakdown = $state('');
  agreement = $state(false);
  /** each code's memos under its definition */
  memos = $state(false);
  /** report only what the Themes tab's filter keeps */
  filtered = $state(false);

  /** the starred quotes of every code the viewer may see, as the backend lists them */
  stars = $state.raw<Exemplar[]>([]);
  /** a star or trim is being saved */
  starring = $state(false);

  /** the report as HTML, as the backend renders it */
  preview = $state('');
  previewing = $state(false);
  /** why the preview could not be made; "" when it was */
  previewError = $state('');
  exporting = $state(false);
  /** the path of the last export; "" when none (or cancelled) */
  saved = $state('');

  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  /** the framework's code ids when options were last read, to tell a new code */
  private known: ReadonlySet<number> = new Set();
  /** whether the tab is shown: only then does a change elsewhere make the preview again */
  private shown = false;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private toasts: ToastStore = defaultToasts,
    /** whether the viewer may compare coders (blind mode off, or the lead) */
    private canCompare: () => boolean = () => true,
    /** called after this tab unstarred or trimmed a quote, so the other views follow */
    private onStars: () => void = () => {},
    /** the Themes tab's filter, which the report can be restricted to */
    private themesFilter: () => ReportFilter = emptyFilter,
  ) {}

  /** The Themes tab's filter as it stands, in words ("role: patient; 2 cases"); "" when it keeps everything. */
  get filterSummary(): string {
    const f = this.themesFilter();
    const parts = Object.entries(f.attributes)
      .filter(([, vs]) => vs.length > 0)
      .map(([a, vs]) => `${a.replaceAll('_', ' ')}: ${vs.join(' or ')}`);
    if (f.cases.length) parts.push(f.cases.length === 1 ? f.cases[0] : `${f.cases.length} cases`);
    if (f.documents.length) parts.push(f.documents.length === 1 ? '1 document' : `${f.documents.length} documents`);
    return parts.join('; ');
  }

  /** The starred quotes of the chosen framework's codes, grouped by code in the codebook's order. */
  get starredByCode(): { code: ReportCode; stars: Exemplar[] }[] {
    const out: { code: ReportCode; stars: Exemplar[] }[] = [];
    for (const c of this.codes) {
      const stars = this.stars.filter((e) => e.codeId === c.id);
      if (stars.length) out.push({ code: c, stars });
    }
    return out;
  }

  /** The codes and factors of the chosen framework, in tree order. */
  get codes(): ReportCode[] {
    return this.options?.frameworks.find((f) => f.id === this.framework)?.codes ?? [];
  }

  /** The codes of the chosen framework that are not factors: what is chosen. */
  get leaves(): ReportCode[] {
    return this.codes.filter((c) => !c.isFactor);
  }

  get layers(): ReportLayer[] {
    return this.options?.layers ?? [];
  }

  /** The example attribution line for the current template. */
  get example(): string {
    return attributionLine(this.attribution, this.sample);
  }

  /** Why the agreement paragraph cannot be included now; "" when it can. */
  get agreementUnavailable(): string {
    if (!this.canCompare() || (this.options && !this.options.canCompare)) {
      return 'Blind mode is on: agreement can be reported once the lead turns it off.';
    }
    const l = this.layers.find((x) => x.coder === this.layer);
    if (l && l.kind !== 'all') return 'Agreement compares the coders: choose “All coders” as the layer.';
    if (l && l.coders.length !== 2) {
      return `The report’s agreement row compares two coders; all coders together here are ${l.coders.length}.`;
    }
    return '';
  }

  /**
   * The chosen codes as the backend reads them: [] for the whole framework,
   * else, top down, a factor whose codes are all chosen stands for them (its
   * row rolls them up), and a partly chosen factor is read code by code.
   */
  get chosenIds(): number[] {
    if (this.leaves.every((c) => this.chosen.has(c.id))) return [];
    const out: number[] = [];
    const kids = this.children();
    const seen = new Set<number>();
    const walk = (list: ReportCode[]) => {
      for (const c of list) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        const s = this.state(c.id);
        if (s === 'all') out.push(c.id);
        else if (s === 'some') walk(kids.get(c.id) ?? []);
      }
    };
    walk(kids.get(0) ?? []);
    return out;
  }

  /** Whether nothing at all is chosen (the report would be empty). */
  get nothingChosen(): boolean {
    return !this.leaves.some((c) => this.chosen.has(c.id));
  }

  /** What the backend is asked for now. */
  get input(): ReportInput {
    return {
      framework: this.framework,
      codes: this.chosenIds,
      layer: this.layer,
      filter: this.filtered && this.filterSummary ? copyFilter(this.themesFilter()) : emptyFilter(),
      order: this.order,
      starredOnly: this.starredOnly,
      attribution: { ...this.attribution, attributes: [...this.attribution.attributes] },
      breakdown: this.breakdown,
      agreement: this.agreement && this.agreementUnavailable === '',
      memos: this.memos,
      title: this.title.trim(),
    };
  }

  /** Reads what a report can be made of, keeping the choices that still apply, and previews it. */
  async load(): Promise<void> {
    try {
      const o = await reportApi.options();
      const first = !this.options;
      this.options = o;
      if (!o.frameworks.some((f) => f.id === this.framework)) {
        this.framework = (o.frameworks.find((f) => f.id === o.framework) ?? o.frameworks[0])?.id ?? 0;
        this.chosen = new Set(this.leaves.map((c) => c.id));
      } else {
        // Deleted codes go; a code added to a factor that was wholly chosen is chosen with it.
        const before = this.chosen;
        const ids = new Set(this.leaves.map((c) => c.id));
        const next = new Set([...before].filter((id) => ids.has(id)));
        for (const c of this.leaves) if (!this.known.has(c.id) && this.parentChosen(c, before)) next.add(c.id);
        this.chosen = next;
      }
      this.known = new Set(this.codes.map((c) => c.id));
      if (first || !o.layers.some((l) => l.coder === this.layer)) {
        this.layer = (o.layers.find((l) => l.default) ?? o.layers[0])?.coder ?? 0;
      }
      if (first) {
        this.attribution = { ...o.attribution, attributes: [...o.attribution.attributes] };
        this.breakdown = o.breakdown;
      }
      [this.sample, this.stars] = await Promise.all([
        reportApi.example().catch(() => null),
        quotesApi.exemplars(0).catch((e) => {
          this.toasts.error(e);
          return this.stars;
        }),
      ]);
      const names = new Set(o.attributes.map((a) => a.name));
      if (this.breakdown && !names.has(this.breakdown)) this.breakdown = '';
      const kept = this.attribution.attributes.filter((a) => names.has(a));
      if (kept.length !== this.attribution.attributes.length) this.attribution = { ...this.attribution, attributes: kept };
    } catch (e) {
      this.toasts.error(e);
      return;
    }
    await this.refresh();
  }

  /** Makes the preview again shortly, once for a burst of changes. */
  schedule(): void {
    this.saved = '';
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, PREVIEW_DEBOUNCE_MS);
  }

  /** Makes the preview now; an answer to an older request than the last is dropped. */
  async refresh(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.options || !this.framework) return;
    const seq = ++this.seq;
    this.previewing = true;
    try {
      const html = await reportApi.preview(this.input);
      if (seq !== this.seq) return;
      this.preview = html;
      this.previewError = '';
    } catch (e) {
      if (seq !== this.seq) return;
      const err = e as { message?: string };
      this.previewError = err?.message || String(e);
    } finally {
      if (seq === this.seq) this.previewing = false;
    }
  }

  /** The tab opened: read the options and preview. */
  show(): Promise<void> {
    this.shown = true;
    return this.load();
  }

  /** The tab closed: a pending preview is dropped, and changes elsewhere wait for the tab to open again. */
  hide(): void {
    this.shown = false;
    this.dispose();
  }

  /**
   * Something the report reads changed (coding, codebook, cases, exemplars,
   * coders): read the options again and preview, once for a burst of
   * changes, when the tab is shown; else the tab reads them when it opens.
   */
  changed(): void {
    if (!this.shown) return;
    if (this.reloadTimer !== null) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      void this.load();
    }, PREVIEW_DEBOUNCE_MS);
  }

  /** Stops a pending preview: the tab or the project closed. */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.reloadTimer !== null) clearTimeout(this.reloadTimer);
    this.timer = null;
    this.reloadTimer = null;
    this.seq++;
    this.previewing = false;
  }

  setFramework(id: number): void {
    if (id === this.framework) return;
    this.framework = id;
    this.chosen = new Set(this.leaves.map((c) => c.id));
    this.known = new Set(this.codes.map((c) => c.id));
    this.schedule();
  }

  /** Each code's children in tree order; the top level under 0 (and a code whose parent is not listed). */
  children(): Map<number, ReportCode[]> {
    const codes = this.codes;
    const ids = new Set(codes.map((c) => c.id));
    const kids = new Map<number, ReportCode[]>();
    for (const c of codes) {
      const p = c.parent && ids.has(c.parent) ? c.parent : 0;
      const list = kids.get(p) ?? [];
      list.push(c);
      kids.set(p, list);
    }
    return kids;
  }

  /** Every code (not factor) under id, itself when it is not a factor. */
  codesUnder(id: number): number[] {
    const kids = this.children();
    const out: number[] = [];
    const seen = new Set<number>();
    const walk = (c: ReportCode) => {
      if (seen.has(c.id)) return;
      seen.add(c.id);
      if (!c.isFactor) out.push(c.id);
      for (const k of kids.get(c.id) ?? []) walk(k);
    };
    const root = this.codes.find((c) => c.id === id);
    if (root) walk(root);
    return out;
  }

  /** Whether every code under c's parent that was known was chosen (c new in that factor). */
  private parentChosen(c: ReportCode, before: ReadonlySet<number>): boolean {
    if (!c.parent) return this.known.size > 0 && [...this.known].every((id) => before.has(id) || this.isFactorId(id));
    const siblings = this.codesUnder(c.parent).filter((id) => this.known.has(id));
    return siblings.length > 0 && siblings.every((id) => before.has(id));
  }

  private isFactorId(id: number): boolean {
    return this.codes.find((c) => c.id === id)?.isFactor ?? false;
  }

  /** Whether all, some or none of the codable codes under id are chosen. */
  state(id: number): 'all' | 'some' | 'none' {
    const under = this.codesUnder(id);
    const n = under.filter((c) => this.chosen.has(c)).length;
    return n === 0 ? 'none' : n === under.length ? 'all' : 'some';
  }

  /** Chooses or leaves out a code, or a factor with every code under it. */
  toggle(id: number, on: boolean): void {
    const next = new Set(this.chosen);
    for (const c of this.codesUnder(id)) {
      if (on) next.add(c);
      else next.delete(c);
    }
    this.chosen = next;
    this.schedule();
  }

  setAll(on: boolean): void {
    this.chosen = on ? new Set(this.leaves.map((c) => c.id)) : new Set();
    this.schedule();
  }

  setTitle(title: string): void {
    this.title = title;
    this.schedule();
  }

  setLayer(coder: number): void {
    this.layer = coder;
    this.schedule();
  }

  setOrder(order: ReportOrder): void {
    this.order = order;
    this.schedule();
  }

  setStarredOnly(on: boolean): void {
    this.starredOnly = on;
    this.schedule();
  }

  setAttribution(part: 'case' | 'speaker' | 'document', on: boolean): void {
    this.attribution = { ...this.attribution, [part]: on };
    this.schedule();
  }

  /** Adds an attribute at the end of the line, or takes it out. */
  setAttributionAttribute(name: string, on: boolean): void {
    const rest = this.attribution.attributes.filter((a) => a !== name);
    this.attribution = { ...this.attribution, attributes: on ? [...rest, name] : rest };
    this.schedule();
  }

  /** Moves a chosen attribute one place earlier (-1) or later (+1) in the line. */
  moveAttributionAttribute(name: string, by: -1 | 1): void {
    const list = [...this.attribution.attributes];
    const i = list.indexOf(name);
    const j = i + by;
    if (i < 0 || j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j], list[i]];
    this.attribution = { ...this.attribution, attributes: list };
    this.schedule();
  }

  setBreakdown(name: string): void {
    this.breakdown = name;
    this.schedule();
  }

  setFiltered(on: boolean): void {
    this.filtered = on;
    this.schedule();
  }

  setAgreement(on: boolean): void {
    this.agreement = on;
    this.schedule();
  }

  setMemos(on: boolean): void {
    this.memos = on;
    this.schedule();
  }

  /** Takes a quote's star away; the preview follows. */
  async unstar(e: Exemplar): Promise<void> {
    await this.changeStar(async () => {
      await quotesApi.unstar(e.id);
      this.stars = this.stars.filter((x) => x.id !== e.id);
    }, 'Unstarred: the report no longer quotes it as an exemplar');
  }

  /** Leaves a cut (code points of the document) out of a starred quote, joined to its other cuts. */
  omit(e: Exemplar, cut: Cut): Promise<void> {
    return this.trimTo(e, addCut(e.cuts, cut), 'Trimmed the quote');
  }

  /** Puts a starred quote's every word back. */
  restoreAll(e: Exemplar): Promise<void> {
    return this.trimTo(e, [], 'Restored the full quote');
  }

  private trimTo(e: Exemplar, cuts: Cut[], message: string): Promise<void> {
    return this.changeStar(async () => {
      const t = await quotesApi.trim(e.id, cuts);
      this.stars = this.stars.map((x) => (x.id === t.id ? t : x));
    }, message);
  }

  private async changeStar(change: () => Promise<void>, message: string): Promise<void> {
    this.starring = true;
    try {
      await change();
      this.toasts.info(message);
      this.onStars();
      this.schedule();
    } catch (err) {
      this.toasts.error(err);
    } finally {
      this.starring = false;
    }
  }

  /** Asks where to save and writes the report; cancelling leaves no message. */
  async exportAs(format: ReportFormat): Promise<void> {
    if (!this.options || !this.framework || this.nothingChosen) return;
    this.exporting = true;
    this.saved = '';
    try {
      const path = await reportApi.exportReport(this.input, format);
      this.saved = path;
      if (path) this.toasts.info(`${FORMAT_NAMES[format]} report saved to ${path}`);
    } catch (e) {
      this.toasts.error(e);
    } finally {
      this.exporting = false;
    }
  }
}

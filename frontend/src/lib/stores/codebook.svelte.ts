import { api } from '../api';
import { childrenMap, dropMove, stepMove, visibleRows, type DropPlace, type Move, type MoveStep, type TreeRow } from '../codetree';
import type { Changes } from './changes';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';
import { plural } from '../format';
import type { BuiltinFramework, Code, CodeInput, CodebookFormat, CodebookHistory, Framework } from '../types';

/** The code, other than id, that already has key (case-insensitive); null when none or no key. */
export function keyClash(codes: readonly Code[], id: number | null, key: string): Code | null {
  const k = key.trim().toLowerCase();
  if (!k) return null;
  return codes.find((c) => c.id !== id && c.key.toLowerCase() === k) ?? null;
}

/** A code key is one character, 0-9 or a-z, or none. */
export function validKey(key: string): boolean {
  return /^[0-9a-z]?$/i.test(key.trim());
}

/** "Undo delete “Hope”", or "Undo" when there is nothing to undo. */
export function undoLabel(h: Pick<CodebookHistory, 'canUndo' | 'undo'> | null): string {
  return h?.canUndo && h.undo ? `Undo ${h.undo}` : 'Undo';
}

export function redoLabel(h: Pick<CodebookHistory, 'canRedo' | 'redo'> | null): string {
  return h?.canRedo && h.redo ? `Redo ${h.redo}` : 'Redo';
}

/** "Aisha 12 · Ben 9"; "" when nobody has coded with it. */
export function countsText(c: Pick<Code, 'counts'>): string {
  return c.counts.map((n) => `${n.name} ${n.count}`).join(' · ');
}

export function segmentTotal(c: Pick<Code, 'counts'>): number {
  return c.counts.reduce((s, n) => s + n.count, 0);
}

/** What merging from into into will do, said before it is done. */
export function mergeSummary(codes: readonly Code[], from: Code, into: Code): string {
  const n = segmentTotal(from);
  const kids = (childrenMap(codes).get(from.id) ?? []).length;
  const first =
    n === 0 ? `“${from.name}” has no segments you can see` : `All ${plural(n, 'segment')} of “${from.name}” become “${into.name}”`;
  const parts = [first, 'duplicates within a coder collapse'];
  if (kids > 0) parts.push(`${from.name}’s ${plural(kids, 'sub-code')} move under “${into.name}”`);
  return `${parts.join('; ')}. “${from.name}” is then deleted.`;
}

// ---- the form ----

/** The details form's fields; scale as typed ("" for none). */
export interface Draft {
  name: string;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  examples: string[];
  color: string;
  key: string;
  codable: boolean;
  scale: string;
}

export function draftOf(c: Code): Draft {
  return {
    name: c.name,
    definition: c.definition,
    whenToUse: c.whenToUse,
    whenNotToUse: c.whenNotToUse,
    examples: [...c.examples],
    color: c.color,
    key: c.key,
    codable: c.codable,
    scale: c.scale === null ? '' : String(c.scale),
  };
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return (
    a.name === b.name &&
    a.definition === b.definition &&
    a.whenToUse === b.whenToUse &&
    a.whenNotToUse === b.whenNotToUse &&
    a.examples.length === b.examples.length &&
    a.examples.every((e, i) => e === b.examples[i]) &&
    a.color.toLowerCase() === b.color.toLowerCase() &&
    a.key === b.key &&
    a.codable === b.codable &&
    a.scale.trim() === b.scale.trim()
  );
}

/** The scale as a number, null for none, NaN when what was typed is not a number. */
export function scaleValue(s: string): number | null {
  const t = s.trim();
  return t === '' ? null : Number(t);
}

export function inputOf(d: Draft, parent: number): CodeInput {
  return {
    parent,
    name: d.name.trim(),
    definition: d.definition.trim(),
    whenToUse: d.whenToUse.trim(),
    whenNotToUse: d.whenNotToUse.trim(),
    examples: d.examples.map((e) => e.trim()).filter((e) => e !== ''),
    color: d.color,
    key: d.key.trim().toLowerCase(),
    codable: d.codable,
    scale: scaleValue(d.scale),
  };
}

/** A new code's fields: codable, the backend picks its colour. */
export function blankInput(parent: number, name: string): CodeInput {
  return { parent, name, definition: '', whenToUse: '', whenNotToUse: '', examples: [], color: '', key: '', codable: true, scale: null };
}

/** How long a notice stays; one with Undo stays longer, to be read and reached. */
const NOTICE_MS = 5000;
const UNDO_NOTICE_MS = 10000;

/** Something waiting for the user to save or discard the draft first. */
export interface Pending {
  /** what will happen, for the question ("select “Hope”") */
  what: string;
  run: () => void | Promise<unknown>;
}

/**
 * The Codebook tab: the project's frameworks, the one being edited with its
 * codes and history, the tree's filter and collapsed codes, the selected
 * code and its draft. Every change goes to the backend and is followed by a
 * re-read of codes, history and frameworks, so the screen never shows a
 * state the backend does not have. The store outlives the tab, so a draft
 * survives a look at the reader.
 */
export class CodebookStore {
  frameworks = $state.raw<Framework[]>([]);
  builtins = $state.raw<BuiltinFramework[]>([]);
  /** the framework being edited; null before the first load */
  frameworkId = $state<number | null>(null);
  codes = $state.raw<Code[]>([]);
  history = $state.raw<CodebookHistory | null>(null);
  filter = $state('');
  collapsed = $state.raw<ReadonlySet<number>>(new Set());
  selectedId = $state<number | null>(null);
  /** the form's fields, and what they were when loaded (dirty = they differ) */
  draft = $state<Draft | null>(null);
  private base = $state.raw<Draft | null>(null);
  /** bumped to ask the details form to focus the name field (after adding a code) */
  focusName = $state(0);
  pending = $state.raw<Pending | null>(null);
  loading = $state(false);
  busy = $state(false);
  /** the last re-read failed (its message, in full, is a toast) */
  failed = $state(false);

  framework: Framework | null = $derived(this.frameworks.find((f) => f.id === this.frameworkId) ?? null);
  rows: TreeRow[] = $derived(visibleRows(this.codes, this.collapsed, this.filter));
  selected: Code | null = $derived(this.codes.find((c) => c.id === this.selectedId) ?? null);
  dirty = $derived(!!this.draft && !!this.base && !sameDraft(this.draft, this.base));
  undoText = $derived(undoLabel(this.history));
  redoText = $derived(redoLabel(this.history));
  /** another code with the draft's key, shown before saving */
  clash: Code | null = $derived(this.draft ? keyClash(this.codes, this.selectedId, this.draft.key) : null);
  /** why the draft cannot be saved; "" when it can */
  invalid = $derived.by(() => {
    const d = this.draft;
    if (!d) return '';
    if (!d.name.trim()) return 'A code needs a name.';
    if (!validKey(d.key)) return 'A key is one letter (a–z) or digit (0–9).';
    if (this.clash) return `Key ${d.key.toLowerCase()} is already used by “${this.clash.name}”.`;
    if (Number.isNaN(scaleValue(d.scale))) return 'The scale value must be a number.';
    return '';
  });

  private seq = 0;
  /** the toast offering Undo of the latest change; null when none is up */
  private undoNotice: number | null = null;

  /**
   * Failures ("keyes.yaml:12:5: …", in full) and notices go to toasts, like
   * every store's; changes is told of every change made here, for the reader
   * and the title bar to follow.
   */
  constructor(
    private toasts: ToastStore = defaultToasts,
    private changes?: Changes,
  ) {}

  /** Loads the frameworks and the one being edited (kept if it still exists, else the active one). */
  async load(): Promise<void> {
    this.loading = true;
    try {
      await this.reload();
    } finally {
      this.loading = false;
    }
  }

  /** Re-reads frameworks, codes and history; after every change. */
  async reload(): Promise<void> {
    const seq = ++this.seq;
    try {
      const frameworks = await api.frameworks();
      if (seq !== this.seq) return;
      this.frameworks = frameworks;
      const keep = frameworks.some((f) => f.id === this.frameworkId);
      const id = keep ? this.frameworkId : (frameworks.find((f) => f.active)?.id ?? frameworks[0]?.id ?? null);
      if (id !== this.frameworkId) this.adoptFramework(id);
      if (id === null) {
        this.codes = [];
        this.history = null;
        return;
      }
      const [codes, history] = await Promise.all([api.frameworkCodes(id), api.codebookHistory(id)]);
      if (seq !== this.seq) return;
      this.codes = codes;
      this.history = history;
      this.failed = false;
      this.syncSelection();
    } catch (e) {
      if (seq === this.seq) this.fail(e);
    }
  }

  private adoptFramework(id: number | null): void {
    this.frameworkId = id;
    this.selectedId = null;
    this.draft = null;
    this.base = null;
    this.collapsed = new Set();
    this.codes = [];
    this.history = null;
  }

  /** After a re-read: the selection goes when its code did; a clean draft follows the code, a dirty one stays. */
  private syncSelection(): void {
    const code = this.selected;
    if (!code) {
      if (this.selectedId !== null) this.select(null);
      return;
    }
    if (!this.dirty) {
      this.draft = draftOf(code);
      this.base = draftOf(code);
    }
  }

  private fail(e: unknown): void {
    this.failed = true;
    this.toasts.error(e);
  }

  /** Says what happened; with undo, the notice offers Undo of it, and stays longer to be read and reached. */
  notify(message: string, undo = false): void {
    this.dismissUndo();
    const id = this.toasts.info(message, undo ? UNDO_NOTICE_MS : NOTICE_MS, undo ? { label: 'Undo', run: () => void this.undoFromNotice() } : undefined);
    if (undo) this.undoNotice = id;
  }

  private dismissUndo(): void {
    if (this.undoNotice !== null) this.toasts.dismiss(this.undoNotice);
    this.undoNotice = null;
  }

  /**
   * Runs a change, then re-reads everything; false (with the error shown)
   * when it failed. after runs once the re-read is in, while still busy, so
   * nothing the user does lands between the change and what follows it.
   */
  private async change(fn: () => Promise<unknown>, after?: () => void): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    // A notice's Undo undoes the latest change: after another one it would undo that instead.
    this.dismissUndo();
    let ok = false;
    try {
      await fn();
      ok = true;
    } catch (e) {
      this.fail(e);
    }
    try {
      await this.reload();
      if (ok) after?.();
    } finally {
      this.busy = false;
    }
    if (ok) this.changes?.emit({ kind: 'codebook' });
    return ok;
  }

  // ---- unsaved changes ----

  /** Runs next now, or — when the draft has unsaved changes — after the user says save or discard. */
  guard(what: string, next: () => void | Promise<unknown>): void {
    if (this.dirty) this.pending = { what, run: next };
    else void next();
  }

  async resolvePending(choice: 'save' | 'discard' | 'cancel'): Promise<void> {
    const p = this.pending;
    this.pending = null;
    if (!p || choice === 'cancel') return;
    if (choice === 'save' && !(await this.save())) return;
    if (choice === 'discard') this.revert();
    await p.run();
  }

  // ---- frameworks ----

  /** Views another framework (the reader's active one does not change). */
  async selectFramework(id: number): Promise<void> {
    if (id === this.frameworkId) return;
    this.adoptFramework(id);
    await this.reload();
  }

  /** Makes the framework being viewed the one the reader codes with. */
  makeActive(): Promise<boolean> {
    const id = this.frameworkId;
    if (id === null) return Promise.resolve(false);
    return this.change(() => api.setActiveFramework(id));
  }

  async loadBuiltins(): Promise<void> {
    try {
      this.builtins = await api.builtinFrameworks();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Adds a framework (from a built-in, or empty for "") and views it; it becomes the active one. */
  createFramework(builtin: string, name: string): Promise<boolean> {
    return this.change(async () => {
      const f = await api.createFramework(builtin, name.trim());
      this.adoptFramework(f.id);
      this.notify(`Created “${f.name}”; the reader now codes with it.`);
    });
  }

  renameFramework(name: string, description: string): Promise<boolean> {
    const id = this.frameworkId;
    if (id === null) return Promise.resolve(false);
    return this.change(() => api.renameFramework(id, name.trim(), description.trim()));
  }

  importCodebook(): Promise<boolean> {
    return this.change(async () => {
      const f = await api.importCodebook();
      if (!f) return; // cancelled
      this.adoptFramework(f.id);
      this.notify(`Imported “${f.name}”; the reader now codes with it.`);
    });
  }

  async exportCodebook(format: CodebookFormat): Promise<void> {
    const id = this.frameworkId;
    if (id === null || this.busy) return;
    this.busy = true;
    try {
      const path = await api.exportCodebook(id, format);
      if (path) this.notify(`Saved to ${path}`);
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  // ---- the tree ----

  setFilter(q: string): void {
    this.filter = q;
  }

  toggle(id: number, open?: boolean): void {
    const next = new Set(this.collapsed);
    const shut = open === undefined ? !next.has(id) : !open;
    if (shut) next.add(id);
    else next.delete(id);
    this.collapsed = next;
  }

  /** Selects a code (null: none) and loads it into the form; an unsaved draft is dropped, so ask first (guard). */
  select(id: number | null): void {
    this.selectedId = id;
    const code = this.selected;
    this.draft = code ? draftOf(code) : null;
    this.base = code ? draftOf(code) : null;
    // A selected code is never hidden inside a collapsed parent.
    if (code) {
      const byId = new Map(this.codes.map((c) => [c.id, c]));
      let next = this.collapsed;
      for (let p = byId.get(code.parent); p; p = byId.get(p.parent)) {
        if (next.has(p.id)) {
          if (next === this.collapsed) next = new Set(next);
          (next as Set<number>).delete(p.id);
        }
      }
      if (next !== this.collapsed) this.collapsed = next;
    }
  }

  /** Selects a code, asking first about unsaved changes to another. */
  requestSelect(id: number): void {
    if (id === this.selectedId) return;
    const name = this.codes.find((c) => c.id === id)?.name ?? '';
    this.guard(`select “${name}”`, () => this.select(id));
  }

  move(id: number, to: Move): Promise<boolean> {
    return this.change(() => api.moveCode(id, to.parent, to.index));
  }

  /** Alt+arrows: moves a code among its siblings, or in and out a level. */
  async step(id: number, step: MoveStep): Promise<boolean> {
    const to = stepMove(this.codes, id, step);
    if (!to) return false;
    // Indenting under a collapsed code would hide the code being moved.
    if (step === 'indent') this.toggle(to.parent, true);
    return this.move(id, to);
  }

  async drop(dragged: number, target: number, where: DropPlace): Promise<boolean> {
    const to = dropMove(this.codes, dragged, target, where);
    if (!to) return false;
    if (where === 'inside') this.toggle(target, true);
    return this.move(dragged, to);
  }

  // ---- the selected code ----

  revert(): void {
    if (this.base) this.draft = { ...this.base, examples: [...this.base.examples] };
  }

  /** Saves the draft of the selected code; false when invalid or refused. */
  save(): Promise<boolean> {
    const code = this.selected;
    const d = this.draft;
    if (!code || !d || this.invalid) return Promise.resolve(false);
    const input = inputOf(d, code.parent);
    return this.change(async () => {
      await api.updateCode(code.id, input);
      // The saved fields are the new base, so the re-read adopts the code as saved.
      this.base = { ...d, examples: [...d.examples] };
      this.draft = { ...d, examples: [...d.examples] };
    });
  }

  /**
   * Adds a code — a child of the selected one (or top level when none), or
   * with sibling a sibling of it — and selects it with its name field focused.
   */
  add(sibling: boolean): void {
    const fid = this.frameworkId;
    if (fid === null) return;
    const sel = this.selected;
    const parent = sel ? (sibling ? sel.parent : sel.id) : 0;
    this.guard('add a code', async () => {
      let made: Code | null = null;
      await this.change(
        async () => {
          made = await api.addCode(fid, blankInput(parent, 'New code'));
        },
        () => {
          if (!made) return;
          if (parent) this.toggle(parent, true);
          this.select((made as Code).id);
          this.focusName++;
        },
      );
    });
  }

  /** Merges from into into; the notice says what the backend did. */
  merge(from: number, into: number): Promise<boolean> {
    return this.change(async () => {
      const said = await api.mergeCodes(from, into);
      if (this.selectedId === from) this.select(into);
      this.notify(said || 'Merged.', true);
    });
  }

  /** Splits the listed segments of id off into a new code, which is selected. */
  split(id: number, input: CodeInput, segments: number[]): Promise<boolean> {
    return this.change(async () => {
      const made = await api.splitCode(id, input, segments);
      this.selectedId = made.id;
      this.draft = null;
      this.base = null;
      this.notify(`Split ${plural(segments.length, 'segment')} off into “${made.name}”.`, true);
    });
  }

  deleteCode(id: number): Promise<boolean> {
    return this.change(async () => {
      const said = await api.deleteCode(id);
      if (this.selectedId === id) this.select(null);
      this.notify(said || 'Deleted.', true);
    });
  }

  // ---- history ----

  undo(): Promise<boolean> {
    const id = this.frameworkId;
    if (id === null || !this.history?.canUndo) return Promise.resolve(false);
    return this.change(async () => {
      const said = await api.undoCodebook(id);
      // The backend says it in a sentence ("Undid: deleted “Hope” …").
      this.notify(said || 'Undone.');
    });
  }

  redo(): Promise<boolean> {
    const id = this.frameworkId;
    if (id === null || !this.history?.canRedo) return Promise.resolve(false);
    return this.change(async () => {
      const said = await api.redoCodebook(id);
      this.notify(said || 'Redone.');
    });
  }

  /** Undo from a notice's Undo button. */
  async undoFromNotice(): Promise<void> {
    this.dismissUndo();
    await this.undo();
  }

  tag(name: string, note: string): Promise<boolean> {
    const id = this.frameworkId;
    if (id === null || !name.trim()) return Promise.resolve(false);
    return this.change(() => api.tagCodebook(id, name.trim(), note.trim()));
  }
}

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** When a change was made: "just now", "5 min ago", "3 h ago", else the date and time. */
export function relativeTime(at: string, now: number = Date.now()): string {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return at;
  const s = Math.max(0, (now - t) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return dateTime.format(t);
}

/** The full date and time, for a tooltip. */
export function fullTime(at: string): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? at : dateTime.format(t);
}

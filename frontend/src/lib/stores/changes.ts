/**
 * What changed in the project, said by the store that changed it so the
 * others can follow: the one channel between stores, in place of screens
 * refreshing each other by hand. The workspace owns it and decides who
 * listens to what.
 */
export type Change =
  /** coding changed (applied, removed, adjudicated) in these documents; in any document when none are named */
  | { kind: 'segments'; documents?: number[] }
  /** codes, keys, colours, frameworks or the segments a merge, split or delete touched */
  | { kind: 'codebook' }
  /** cases, their attributes or which speaker is which */
  | { kind: 'cases' }
  /** documents imported, or their text changed (these; any when none are named) */
  | { kind: 'documents'; documents?: number[] }
  /** the project's coders: a consensus layer was made */
  | { kind: 'coders' }
  /** a passage was starred, unstarred or trimmed as an exemplar for the report; source: the store that did it */
  | { kind: 'exemplars'; source?: 'quotes' | 'reader' | 'themes' | 'report' }
  /** the lead drew (or redrew) the double-coding plan */
  | { kind: 'plan' }
  /** a memo was written, edited, deleted or brought back */
  | { kind: 'memos' };

export type ChangeKind = Change['kind'];

/** The change of one kind, with its fields. */
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

type Listener = (c: Change) => void;

/** A small synchronous event channel for Change. */
export class Changes {
  private listeners = new Map<ChangeKind, Set<Listener>>();

  /** Calls fn on every change of a kind until the returned function is called. */
  on<K extends ChangeKind>(kind: K, fn: (c: ChangeOf<K>) => void): () => void {
    let set = this.listeners.get(kind);
    if (!set) this.listeners.set(kind, (set = new Set()));
    const l = fn as Listener;
    set.add(l);
    return () => set.delete(l);
  }

  /** Tells every listener of the change's kind, in the order they began listening. */
  emit(c: Change): void {
    for (const l of [...(this.listeners.get(c.kind) ?? [])]) l(c);
  }

  /** Forgets every listener: the project closed. */
  clear(): void {
    this.listeners.clear();
  }
}

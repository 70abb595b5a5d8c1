// The codebook as a tree: themes with sub-themes with codes, at any depth,
// built from the flat list the backend sends (parents before children, in
// tree order): filtered for the reader's side panel, and walked, moved and
// shown row by row for the codebook editor. Every tree helper lives here.

import type { Code, DocumentView } from './types';
import type { TextSpan } from './selection';

export interface CodeNode {
  code: Code;
  /** 0 at the top level */
  depth: number;
  children: CodeNode[];
}

/**
 * The codes as a forest, keeping their order among siblings. A code whose
 * parent is missing (or would make a cycle) sits at the top level.
 */
export function buildTree(codes: readonly Code[]): CodeNode[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const kids = new Map<number, Code[]>();
  const roots: Code[] = [];
  for (const c of codes) {
    if (c.parent && c.parent !== c.id && byId.has(c.parent)) {
      let list = kids.get(c.parent);
      if (!list) kids.set(c.parent, (list = []));
      list.push(c);
    } else {
      roots.push(c);
    }
  }
  const placed = new Set<number>();
  const node = (c: Code, depth: number): CodeNode => {
    placed.add(c.id);
    const children = (kids.get(c.id) ?? []).filter((k) => !placed.has(k.id)).map((k) => node(k, depth + 1));
    return { code: c, depth, children };
  };
  const out = roots.map((c) => node(c, 0));
  // Codes only reachable through a cycle of parents: show them rather than lose them.
  for (const c of codes) if (!placed.has(c.id)) out.push(node(c, 0));
  return out;
}

/** Lower case without diacritics, so "cafe" finds "Café". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether a code's name or definition contains the query (already folded). */
export function codeMatches(c: Code, folded: string): boolean {
  return fold(c.name).includes(folded) || fold(c.definition).includes(folded);
}

/**
 * The tree cut down to the codes whose name or definition contains query,
 * with their ancestors (to show where they sit) and their descendants (a
 * matching theme keeps its codes). An empty query keeps everything.
 */
export function filterTree(nodes: readonly CodeNode[], query: string): CodeNode[] {
  const q = fold(query.trim());
  if (!q) return [...nodes];
  const walk = (list: readonly CodeNode[]): CodeNode[] => {
    const out: CodeNode[] = [];
    for (const n of list) {
      if (codeMatches(n.code, q)) {
        out.push(n);
        continue;
      }
      const children = walk(n.children);
      if (children.length > 0) out.push({ ...n, children });
    }
    return out;
  };
  return walk(nodes);
}

/** Every node in tree order, depth first. */
export function flatten(nodes: readonly CodeNode[]): CodeNode[] {
  const out: CodeNode[] = [];
  const walk = (list: readonly CodeNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

// ---- the codebook editor's tree: its moves and its rows ----

/** Where a code goes: under parent (0: top level) at index among its new siblings, itself not counted. */
export interface Move {
  parent: number;
  index: number;
}

export type MoveStep = 'up' | 'down' | 'indent' | 'outdent';

/** Where a dragged code lands relative to the row it is dropped on. */
export type DropPlace = 'before' | 'after' | 'inside';

/** A row of the tree as shown: the code, its depth and its place among the shown siblings. */
export interface TreeRow {
  code: Code;
  /** 1 for top level, as aria-level counts */
  level: number;
  /** 1-based place among the siblings shown, and how many are shown (aria-posinset, aria-setsize) */
  pos: number;
  size: number;
  hasChildren: boolean;
  expanded: boolean;
  /** false for an ancestor shown only because a descendant matches the filter */
  match: boolean;
}

/** A code's parent, with a parent that is not in the list read as top level. */
function parentOf(c: Code, known: ReadonlySet<number>): number {
  return c.parent && known.has(c.parent) ? c.parent : 0;
}

/** Each parent's children in list order (the backend's tree order); top level under 0. */
export function childrenMap(codes: readonly Code[]): Map<number, Code[]> {
  const known = new Set(codes.map((c) => c.id));
  const out = new Map<number, Code[]>();
  for (const c of codes) {
    const p = parentOf(c, known);
    let list = out.get(p);
    if (!list) out.set(p, (list = []));
    list.push(c);
  }
  return out;
}

/** The ids of every descendant of id (id itself not included). */
export function descendantIds(codes: readonly Code[], id: number): Set<number> {
  const kids = childrenMap(codes);
  const out = new Set<number>();
  const walk = (p: number) => {
    for (const c of kids.get(p) ?? []) {
      if (out.has(c.id)) continue;
      out.add(c.id);
      walk(c.id);
    }
  };
  walk(id);
  return out;
}

function place(codes: readonly Code[], id: number): { parent: number; index: number; siblings: Code[] } | null {
  const known = new Set(codes.map((c) => c.id));
  const code = codes.find((c) => c.id === id);
  if (!code) return null;
  const parent = parentOf(code, known);
  const siblings = codes.filter((c) => parentOf(c, known) === parent);
  return { parent, index: siblings.indexOf(code), siblings };
}

/**
 * Where a keyboard move takes a code: up or down among its siblings, indent
 * (the last child of the sibling above) or outdent (the sibling after its
 * parent). null when it cannot go that way.
 */
export function stepMove(codes: readonly Code[], id: number, step: MoveStep): Move | null {
  const at = place(codes, id);
  if (!at) return null;
  const { parent, index, siblings } = at;
  switch (step) {
    case 'up':
      return index > 0 ? { parent, index: index - 1 } : null;
    case 'down':
      return index < siblings.length - 1 ? { parent, index: index + 1 } : null;
    case 'indent': {
      if (index === 0) return null;
      const above = siblings[index - 1];
      return { parent: above.id, index: (childrenMap(codes).get(above.id) ?? []).length };
    }
    case 'outdent': {
      if (parent === 0) return null;
      const up = place(codes, parent);
      return up ? { parent: up.parent, index: up.index + 1 } : null;
    }
  }
}

/**
 * Where dropping code dragged on target's row puts it; null when the drop is
 * refused (onto itself or a descendant) or would leave it where it is.
 */
export function dropMove(codes: readonly Code[], dragged: number, target: number, where: DropPlace): Move | null {
  if (dragged === target || descendantIds(codes, dragged).has(target)) return null;
  const from = place(codes, dragged);
  const to = place(codes, target);
  if (!from || !to) return null;
  let move: Move;
  if (where === 'inside') {
    const kids = (childrenMap(codes).get(target) ?? []).filter((c) => c.id !== dragged);
    move = { parent: target, index: kids.length };
  } else {
    const others = to.siblings.filter((c) => c.id !== dragged);
    const i = others.findIndex((c) => c.id === target);
    move = { parent: to.parent, index: where === 'before' ? i : i + 1 };
  }
  return move.parent === from.parent && move.index === from.index ? null : move;
}

/** Whether code dragged may be dropped on target at all (not onto itself or its own descendants). */
export function canDrop(codes: readonly Code[], dragged: number, target: number): boolean {
  return dragged !== target && !descendantIds(codes, dragged).has(target);
}

/**
 * The rows shown: depth first in tree order, collapsed codes' children left
 * out. A filter shows the codes whose name or definition contains it and
 * their ancestors (so every match is seen in its place), all expanded.
 */
export function visibleRows(codes: readonly Code[], collapsed: ReadonlySet<number>, filter: string): TreeRow[] {
  const kids = childrenMap(codes);
  // The same matching as the reader's panel: case and accents ignored.
  const q = fold(filter.trim());
  let keep: Set<number> | null = null;
  let hits: Set<number> | null = null;
  if (q) {
    const byId = new Map(codes.map((c) => [c.id, c]));
    const known = new Set(byId.keys());
    keep = new Set();
    hits = new Set();
    for (const c of codes) {
      if (!codeMatches(c, q)) continue;
      hits.add(c.id);
      for (let p: Code | undefined = c; p && !keep.has(p.id); p = byId.get(parentOf(p, known))) keep.add(p.id);
    }
  }
  const rows: TreeRow[] = [];
  const walk = (parent: number, level: number, seen: Set<number>) => {
    const shown = (kids.get(parent) ?? []).filter((c) => !keep || keep.has(c.id));
    shown.forEach((c, i) => {
      if (seen.has(c.id)) return; // a cycle in bad data must not hang the UI
      const children = (kids.get(c.id) ?? []).filter((k) => !keep || keep.has(k.id));
      const expanded = children.length > 0 && (keep !== null || !collapsed.has(c.id));
      rows.push({ code: c, level, pos: i + 1, size: shown.length, hasChildren: children.length > 0, expanded, match: !hits || hits.has(c.id) });
      if (expanded) walk(c.id, level + 1, new Set(seen).add(c.id));
    });
  };
  walk(0, 1, new Set());
  return rows;
}

/** A factor of the codebook with its codable codes, as a checklist or a picker shows them; factor null: codes without one. */
export interface CodeGroup {
  factor: Code | null;
  codes: Code[];
}

/**
 * The codable codes grouped under their factor (parent), in the codebook's
 * order. A codable code without a parent in the list stands alone (factor
 * null) or, with loneTogether, shares one such group with the others like
 * it, where the first of them stands.
 */
export function codeGroups(codes: readonly Code[], loneTogether = false): CodeGroup[] {
  const known = new Map(codes.map((c) => [c.id, c]));
  const out: CodeGroup[] = [];
  const byFactor = new Map<number, CodeGroup>();
  for (const c of codes) {
    if (!c.codable) continue;
    const parent = c.parent ? known.get(c.parent) : undefined;
    const key = parent?.id ?? 0;
    let g = parent || loneTogether ? byFactor.get(key) : undefined;
    if (!g) {
      g = { factor: parent ?? null, codes: [] };
      byFactor.set(key, g);
      out.push(g);
    }
    g.codes.push(c);
  }
  return out;
}

/** A character of a word, for the in-vivo name: letters, digits, marks and apostrophes inside words. */
const WORD = /[\p{L}\p{N}\p{M}'’-]/u;

/** The longest name an in-vivo code is prefilled with, in characters. */
export const IN_VIVO_MAX = 40;

/**
 * The name an in-vivo code starts with: the selected words (whole words,
 * when a drag began or ended inside one) without speaker labels, on one line, without the quotes and punctuation around them, cut
 * at a word boundary to about IN_VIVO_MAX characters.
 */
export function inVivoName(doc: Pick<DocumentView, 'text' | 'turns'>, span: TextSpan): string {
  // A drag that starts or ends inside a word names the whole word.
  const inWord = (i: number) => i >= 0 && i < doc.text.length && WORD.test(doc.text[i]);
  let start = span.start;
  let end = span.end;
  if (inWord(start)) while (inWord(start - 1)) start--;
  if (inWord(end - 1)) while (inWord(end)) end++;
  // Leave out the speaker labels a selection across turns takes in.
  let text = '';
  let at = start;
  for (const t of doc.turns) {
    if (t.contentStart <= at || t.start >= end) continue;
    if (t.start > at) text += doc.text.slice(at, t.start);
    text += ' ';
    at = Math.max(at, t.contentStart);
  }
  if (at < end) text += doc.text.slice(at, end);
  const words = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'“”‘’«»„(\[{…,;:.!?–—-]+/u, '')
    .replace(/[\s"'“”‘’«»„)\]}….,;:–—-]+$/u, '');
  const chars = [...words];
  if (chars.length <= IN_VIVO_MAX) return words;
  const head = chars.slice(0, IN_VIVO_MAX + 1).join('');
  const cut = head.lastIndexOf(' ');
  return (cut > IN_VIVO_MAX / 2 ? head.slice(0, cut) : chars.slice(0, IN_VIVO_MAX).join('')).replace(/[\s,;:–—-]+$/u, '');
}

// The codebook as a tree: themes with sub-themes with codes, at any depth,
// built from the flat list the backend sends (parents before children, in
// tree order), filtered for the reader's side panel.

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

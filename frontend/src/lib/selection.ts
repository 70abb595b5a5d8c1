// From a DOM selection in the reader to document offsets.
//
// The transcript renders each stretch of text as an element carrying its
// UTF-16 document offset in data-offset, with exactly one text node inside.
// A Range's boundary points are mapped through those runs: a point inside a
// run's text is that run's offset plus the point's offset; any other point
// (a speaker label, a margin, a turn's padding, outside the transcript)
// moves to the nearest run on the inside of the selection, so text outside
// the transcript is ignored. Leading and trailing whitespace is trimmed.

export interface TextSpan {
  /** UTF-16 document offsets, end exclusive */
  start: number;
  end: number;
}

const RUN = '[data-offset]';

function runOf(node: Node, root: Element): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const run = el?.closest<HTMLElement>(RUN) ?? null;
  return run && root.contains(run) ? run : null;
}

function runStart(run: HTMLElement): number {
  return Number(run.dataset.offset);
}

function runEnd(run: HTMLElement): number {
  return runStart(run) + (run.textContent ?? '').length;
}

function walker(root: Element): TreeWalker {
  return document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) => ((n as Element).matches(RUN) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
}

/** The node following n's whole subtree in document order, or null. */
function afterSubtree(n: Node): Node | null {
  for (let x: Node | null = n; x; x = x.parentNode) {
    if (x.nextSibling) return x.nextSibling;
  }
  return null;
}

/** The deepest last descendant of n (n itself when it has no children). */
function lastDeep(n: Node): Node {
  while (n.lastChild) n = n.lastChild;
  return n;
}

/** The first run at or after the boundary point (node, offset), within root. */
function runFrom(root: Element, node: Node, offset: number): HTMLElement | null {
  let at: Node | null;
  if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.DOCUMENT_NODE) {
    at = offset < node.childNodes.length ? node.childNodes[offset] : afterSubtree(node);
  } else {
    at = afterSubtree(node);
  }
  if (!at) return null;
  if (!root.contains(at)) {
    // A point before the transcript starts at its first run; after it, nowhere.
    return at.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING ? (walker(root).nextNode() as HTMLElement | null) : null;
  }
  const own = runOf(at, root);
  if (own) return own;
  const w = walker(root);
  w.currentNode = at;
  return w.nextNode() as HTMLElement | null;
}

/** The last run at or before the boundary point (node, offset), within root. */
function runUntil(root: Element, node: Node, offset: number): HTMLElement | null {
  let at: Node | null;
  if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.DOCUMENT_NODE) {
    at = offset > 0 ? lastDeep(node.childNodes[Math.min(offset, node.childNodes.length) - 1]) : node;
    if (offset === 0) {
      // Before every child of node: the last run before node itself.
      const w = walker(root);
      if (!root.contains(node)) return lastRunIfAfter(root, node);
      w.currentNode = node;
      return w.previousNode() as HTMLElement | null;
    }
  } else {
    at = node;
  }
  if (!root.contains(at)) return lastRunIfAfter(root, at);
  const own = runOf(at, root);
  if (own) return own;
  const w = walker(root);
  w.currentNode = at;
  return w.previousNode() as HTMLElement | null;
}

/** When `at` lies after the transcript, its last run; when before, none. */
function lastRunIfAfter(root: Element, at: Node): HTMLElement | null {
  if (!(at.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_PRECEDING)) return null;
  if (root.contains(at)) return null;
  const w = walker(root);
  w.currentNode = lastDeep(root);
  if ((w.currentNode as Element).matches?.(RUN)) return w.currentNode as HTMLElement;
  const inside = runOf(w.currentNode, root);
  if (inside) return inside;
  return w.previousNode() as HTMLElement | null;
}

function boundaryStart(root: Element, node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = runOf(node, root);
    if (run) return runStart(run) + Math.min(offset, (node as Text).data.length);
  }
  const run = runFrom(root, node, offset);
  return run ? runStart(run) : null;
}

function boundaryEnd(root: Element, node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = runOf(node, root);
    if (run) return runStart(run) + Math.min(offset, (node as Text).data.length);
  }
  const run = runUntil(root, node, offset);
  return run ? runEnd(run) : null;
}

/**
 * The document span a Range covers inside root, trimmed of surrounding
 * whitespace (text is the document's full text); null when it covers no
 * transcript text.
 */
export function rangeToSpan(range: Range, root: Element, text: string): TextSpan | null {
  if (range.collapsed) return null;
  let start = boundaryStart(root, range.startContainer, range.startOffset);
  let end = boundaryEnd(root, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  // Never cut a surrogate pair in half.
  if (start > 0 && start < text.length && /[\uDC00-\uDFFF]/.test(text[start]) && /[\uD800-\uDBFF]/.test(text[start - 1])) start--;
  if (end > 0 && end < text.length && /[\uDC00-\uDFFF]/.test(text[end]) && /[\uD800-\uDBFF]/.test(text[end - 1])) end++;
  return end > start ? { start, end } : null;
}

/** The span of the window's current selection inside root, or null. */
export function selectionToSpan(selection: Selection | null, root: Element, text: string): TextSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  // Ignore selections entirely outside the transcript.
  if (!range.intersectsNode(root)) return null;
  return rangeToSpan(range, root, text);
}

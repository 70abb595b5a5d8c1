// From document offsets back to the DOM: the inverse of selection.ts, for
// marking a span that is not (or no longer) the browser's selection.

/** A DOM range over document offsets [start, end), through the runs' data-offset. */
export function spanRange(root: HTMLElement, start: number, end: number): Range | null {
  let first: { node: Node; at: number } | null = null;
  let last: { node: Node; at: number } | null = null;
  for (const run of root.querySelectorAll<HTMLElement>('[data-offset]')) {
    const from = Number(run.dataset.offset);
    const node = run.firstChild;
    if (!node) continue;
    const len = (node.textContent ?? '').length;
    if (!first && from + len > start) first = { node, at: Math.max(0, start - from) };
    if (from < end) last = { node, at: Math.min(len, end - from) };
    else break;
  }
  if (!first || !last) return null;
  const range = document.createRange();
  range.setStart(first.node, first.at);
  range.setEnd(last.node, last.at);
  return range.collapsed ? null : range;
}

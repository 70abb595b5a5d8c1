import '@testing-library/jest-dom/vitest';

// jsdom lays nothing out, and its Range has no getClientRects: the reader
// asks a picked segment's range where its drag handles go. An empty list is
// what a browser answers for a range that is not shown, and the reader then
// shows no handles — which is all a test without layout can check.
if (typeof Range !== 'undefined' && typeof Range.prototype.getClientRects !== 'function') {
  Range.prototype.getClientRects = function (): DOMRectList {
    const rects: DOMRect[] = [];
    return Object.assign(rects, { item: (i: number) => rects[i] ?? null }) as unknown as DOMRectList;
  };
}

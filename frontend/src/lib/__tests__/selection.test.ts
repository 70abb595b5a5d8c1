import { describe, expect, it } from 'vitest';
import { rangeToSpan, selectionToSpan } from '../selection';

// Two turns as the reader renders them: a label outside the runs, runs with data-offset.
const text = 'I: How are you? 😀\n\nP: Calmer now, thanks.';
function dom() {
  document.body.innerHTML = `
    <p id="before">outside</p>
    <div id="root">
      <div class="turn"><div class="speaker">I</div><div class="content"><span data-offset="3">How are </span><span data-offset="11">you? 😀</span></div><div class="margin"></div></div>
      <div class="turn"><div class="speaker">P</div><div class="content"><span data-offset="23">Calmer now, thanks.</span></div><div class="margin"></div></div>
    </div>
    <p id="after">outside</p>`;
  const root = document.getElementById('root')!;
  const runs = [...root.querySelectorAll<HTMLElement>('[data-offset]')];
  return { root, runs, t: (i: number) => runs[i].firstChild as Text };
}

function range(sc: Node, so: number, ec: Node, eo: number): Range {
  const r = document.createRange();
  r.setStart(sc, so);
  r.setEnd(ec, eo);
  return r;
}

describe('rangeToSpan', () => {
  it('maps text positions through data-offset', () => {
    const { root, t } = dom();
    expect(text.slice(23, 29)).toBe('Calmer');
    const s = rangeToSpan(range(t(2), 0, t(2), 6), root, text)!;
    expect(text.slice(s.start, s.end)).toBe('Calmer');
  });

  it('spans turns and trims whitespace', () => {
    const { root, t } = dom();
    const s = rangeToSpan(range(t(0), 3, t(2), 7), root, text)!;
    expect(text.slice(s.start, s.end)).toBe('are you? 😀\n\nP: Calmer');
  });

  it('ignores parts of the selection outside the transcript text', () => {
    const { root, t } = dom();
    const before = document.getElementById('before')!.firstChild!;
    const after = document.getElementById('after')!.firstChild!;
    const all = rangeToSpan(range(before, 2, after, 3), root, text)!;
    expect(text.slice(all.start, all.end)).toBe('How are you? 😀\n\nP: Calmer now, thanks.');
    // Starting on a speaker label moves to the turn's first run.
    const label = root.querySelectorAll('.speaker')[1].firstChild!;
    const s = rangeToSpan(range(label, 0, t(2), 6), root, text)!;
    expect(text.slice(s.start, s.end)).toBe('Calmer');
    // Ending on the next turn's label stops at the end of the previous run.
    const e = rangeToSpan(range(t(1), 0, label, 1), root, text)!;
    expect(text.slice(e.start, e.end)).toBe('you? 😀');
  });

  it('handles element boundary points', () => {
    const { root, runs } = dom();
    const content = runs[0].parentElement!;
    const s = rangeToSpan(range(content, 1, content, 2), root, text)!;
    expect(text.slice(s.start, s.end)).toBe('you? 😀');
  });

  it('returns null for a selection with no transcript text', () => {
    const { root } = dom();
    const before = document.getElementById('before')!.firstChild!;
    expect(rangeToSpan(range(before, 0, before, 3), root, text)).toBeNull();
    const label = root.querySelector('.speaker')!.firstChild!;
    expect(rangeToSpan(range(label, 0, label, 1), root, text)).toBeNull();
  });

  it('never cuts a surrogate pair', () => {
    const { root, t } = dom();
    const node = t(1); // "you? 😀"
    const s = rangeToSpan(range(node, 5, node, 6), root, text)!; // half of the emoji
    expect(text.slice(s.start, s.end)).toBe('😀');
  });

  it('reads the window selection', () => {
    const { root, t } = dom();
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range(t(0), 0, t(0), 3));
    expect(selectionToSpan(sel, root, text)).toEqual({ start: 3, end: 6 });
    sel.removeAllRanges();
    expect(selectionToSpan(sel, root, text)).toBeNull();
  });
});

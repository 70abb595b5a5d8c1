import { describe, expect, it } from 'vitest';
import { spanRange } from '../ranges';

function root(): HTMLElement {
  // two turns; the label "P1:" is not a run, as in the transcript
  const el = document.createElement('div');
  el.innerHTML =
    '<div><span>Q:</span><span data-offset="3">How are </span><span data-offset="11">you?</span></div>' +
    '<div><span>P1:</span><span data-offset="20">Calmer now.</span></div>';
  document.body.appendChild(el);
  return el;
}

describe('spanRange', () => {
  it('covers document offsets across runs and turns, leaving out what lies between', () => {
    const el = root();
    expect(spanRange(el, 7, 13)?.toString()).toBe('are yo');
    // from inside turn one to inside turn two: the label's gap is skipped
    expect(spanRange(el, 11, 26)?.toString()).toBe('you?P1:Calmer');
    el.remove();
  });

  it('is null for an empty span or one past the text', () => {
    const el = root();
    expect(spanRange(el, 5, 5)).toBeNull();
    expect(spanRange(el, 40, 50)).toBeNull();
    el.remove();
  });
});

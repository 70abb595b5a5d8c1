import { describe, expect, it } from 'vitest';
import { codePointLength, OffsetIndex } from '../offsets';

/** Reference conversion, one code point at a time. */
function slowToUtf16(text: string, cp: number): number {
  return [...text].slice(0, cp).join('').length;
}

describe('OffsetIndex', () => {
  it('is the identity on ASCII and BMP text (accents, CJK)', () => {
    const text = 'Café — naïve 東京で働いています。';
    const ix = new OffsetIndex(text);
    expect(ix.isIdentity).toBe(true);
    expect(ix.lengthCP).toBe(text.length);
    for (let i = 0; i <= text.length; i++) {
      expect(ix.toUtf16(i)).toBe(i);
      expect(ix.toCodePoint(i)).toBe(i);
    }
  });

  it('counts an emoji as one code point and two UTF-16 units', () => {
    const text = 'I felt 😀 lighter';
    const ix = new OffsetIndex(text);
    expect(ix.lengthCP).toBe(text.length - 1);
    const emoji = text.indexOf('😀'); // 7
    expect(ix.toUtf16(emoji)).toBe(emoji);
    expect(ix.toUtf16(emoji + 1)).toBe(emoji + 2); // after the emoji
    expect(ix.toCodePoint(emoji + 2)).toBe(emoji + 1);
    expect(text.slice(ix.toUtf16(emoji + 2), ix.toUtf16(emoji + 9))).toBe('lighter');
  });

  it('handles a ZWJ sequence with a skin tone (👩🏽‍⚕️ is 5 code points, 7 units)', () => {
    const nurse = '👩🏽‍⚕️';
    expect(nurse.length).toBe(7);
    expect(codePointLength(nurse)).toBe(5);
    const text = `Our ${nurse} nurse said: "well done" 😀!`;
    const ix = new OffsetIndex(text);
    expect(ix.lengthCP).toBe([...text].length);
    const cpStart = [...text].indexOf('n', 5); // "nurse"
    const u16 = ix.toUtf16(cpStart);
    expect(text.slice(u16, u16 + 5)).toBe('nurse');
    expect(ix.toCodePoint(u16)).toBe(cpStart);
  });

  it('round-trips every boundary against a reference implementation', () => {
    const text = 'é composed, e\u0301 decomposed, 東京 CJK, 𠀋 ext-B, 😀😀 twice, 👩🏽‍⚕️ nurse, end';
    const ix = new OffsetIndex(text);
    const cps = [...text];
    expect(ix.lengthCP).toBe(cps.length);
    for (let cp = 0; cp <= cps.length; cp++) {
      const u = ix.toUtf16(cp);
      expect(u).toBe(slowToUtf16(text, cp));
      expect(ix.toCodePoint(u)).toBe(cp);
    }
  });

  it('moves an index inside a surrogate pair to the character start (floor) or end (ceil)', () => {
    const text = 'a😀b';
    const ix = new OffsetIndex(text);
    expect(ix.toCodePoint(2)).toBe(1); // between the halves of 😀
    expect(ix.toCodePoint(2, 'ceil')).toBe(2);
    expect(ix.snap(2)).toBe(1);
    expect(ix.snap(2, 'ceil')).toBe(3);
  });

  it('clamps out-of-range offsets', () => {
    const ix = new OffsetIndex('x😀');
    expect(ix.toUtf16(-3)).toBe(0);
    expect(ix.toUtf16(99)).toBe(3);
    expect(ix.toCodePoint(-1)).toBe(0);
    expect(ix.toCodePoint(99)).toBe(2);
  });

  it('handles empty text and lone surrogates', () => {
    const empty = new OffsetIndex('');
    expect(empty.toUtf16(0)).toBe(0);
    expect(empty.toCodePoint(0)).toBe(0);
    const lone = new OffsetIndex('a\uD83Db'); // a high surrogate with no pair counts as one
    expect(lone.lengthCP).toBe(3);
    expect(lone.toUtf16(2)).toBe(2);
  });

  it('converts quickly on a long text with many astral characters', () => {
    const line = 'Talking about the garden 🌱 again, and 東京. ';
    const text = line.repeat(5000); // ~225k units, 5,000 emoji
    const t0 = performance.now();
    const ix = new OffsetIndex(text);
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += ix.toUtf16((i * 37) % ix.lengthCP);
    const ms = performance.now() - t0;
    expect(sum).toBeGreaterThan(0);
    expect(ix.toCodePoint(ix.toUtf16(123457))).toBe(123457);
    expect(ms).toBeLessThan(500);
  });
});

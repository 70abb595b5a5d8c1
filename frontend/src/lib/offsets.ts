// Offsets between the backend and the UI.
//
// The backend counts offsets in Unicode code points (REFI-QDA §10.2); a
// JavaScript string is indexed in UTF-16 code units. They differ only where
// the text has characters outside the Basic Multilingual Plane (emoji, rare
// CJK ideographs, …), each of which is one code point but two UTF-16 units.
//
// An OffsetIndex is built once per document text: it records where those
// astral characters are, in both counts, so each conversion is a binary
// search (O(log k) for k astral characters) and plain BMP text converts with
// no lookup at all.

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Number of elements of the sorted array `a` that are strictly less than `x`. */
function countBelow(a: Uint32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class OffsetIndex {
  /** Length of the text in UTF-16 code units. */
  readonly length16: number;
  /** Length of the text in code points. */
  readonly lengthCP: number;
  /** UTF-16 index of the high surrogate of each astral character, ascending. */
  private readonly astral16: Uint32Array;
  /** Code point index of each astral character, ascending. */
  private readonly astralCP: Uint32Array;

  constructor(text: string) {
    const at16: number[] = [];
    const atCP: number[] = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1))) {
        at16.push(i);
        atCP.push(i - at16.length + 1);
        i++;
      }
    }
    this.astral16 = Uint32Array.from(at16);
    this.astralCP = Uint32Array.from(atCP);
    this.length16 = n;
    this.lengthCP = n - at16.length;
  }

  /** True when code points and UTF-16 indices coincide for this text. */
  get isIdentity(): boolean {
    return this.astral16.length === 0;
  }

  /** Converts a code point offset to a UTF-16 index (clamped to the text). */
  toUtf16(cp: number): number {
    if (cp <= 0) return 0;
    if (cp >= this.lengthCP) return this.length16;
    if (this.astral16.length === 0) return cp;
    return cp + countBelow(this.astralCP, cp);
  }

  /**
   * Converts a UTF-16 index to a code point offset (clamped to the text). An
   * index that falls between the two halves of a surrogate pair is moved to
   * the start of the character ("floor", the default) or past it ("ceil").
   */
  toCodePoint(u16: number, round: 'floor' | 'ceil' = 'floor'): number {
    if (u16 <= 0) return 0;
    if (u16 >= this.length16) return this.lengthCP;
    if (this.astral16.length === 0) return u16;
    const before = countBelow(this.astral16, u16); // astral characters starting before u16
    const inside = before > 0 && this.astral16[before - 1] === u16 - 1;
    if (inside) {
      // u16 is the low surrogate of the character that starts at u16 - 1.
      const start = u16 - 1 - (before - 1);
      return round === 'ceil' ? start + 1 : start;
    }
    return u16 - before;
  }

  /** Moves a UTF-16 index off the middle of a surrogate pair. */
  snap(u16: number, round: 'floor' | 'ceil' = 'floor'): number {
    return this.toUtf16(this.toCodePoint(u16, round));
  }
}

/** Number of code points in a string. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (isHighSurrogate(s.charCodeAt(i)) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) i++;
    n++;
  }
  return n;
}

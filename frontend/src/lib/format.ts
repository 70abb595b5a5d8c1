// Number formatting for tables and counts.

const ints = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** An integer with thousands separators: 12,345. */
export function formatInt(n: number): string {
  return ints.format(n);
}

/** A count with its noun in the number it asks for: "1 file", "1,200 files", "2 sub-codes". The one plural helper of the UI. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

// The figures mirror Go's coding.FormatCoefficient and coding.FormatPercent,
// which print the same numbers in the CLI and the exports; both are tested
// against one table of cases, coding/testdata/figures.json.

/** Krippendorff's marks and perfect agreement: a value below one is never printed as reaching it. */
const THRESHOLDS = [0.667, 0.8, 1];

/**
 * v with d decimals exactly as Go's strconv.FormatFloat(v, 'f', d, 64) prints
 * it: toFixed rounds an exact tie (0.8125 to three decimals) up, Go to even.
 */
function fixed(v: number, d: number): string {
  const s = v.toFixed(d);
  const exact = Math.abs(v).toFixed(100); // exact for any coefficient: its binary expansion is shorter
  const dot = exact.indexOf('.');
  const rest = exact.slice(dot + 1 + d);
  if (!/^50*$/.test(rest)) return s;
  const down = (v < 0 ? '-' : '') + exact.slice(0, dot + 1 + d);
  return Number(down.charAt(down.length - 1)) % 2 === 0 ? down : s;
}

/**
 * A coefficient for people: three decimals, or as many more as it takes for
 * a value below 0.667, 0.800 or 1 not to print as reaching it (0.79989 is
 * "0.7999", not "0.800"), so the figure never contradicts its reading, a
 * chart's line or a count of codes reaching a mark.
 */
export function formatCoefficient(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  for (let d = 3; d <= 17; d++) {
    const s = fixed(v, d);
    if (!THRESHOLDS.some((t) => v < t && Number(s) >= t)) return s;
  }
  return String(v);
}

/**
 * A proportion in [0, 1] as a percentage with one decimal, 97.3%, never
 * rounded to 100 % or 0 % unless it is exactly that: "> 99.9%", "< 0.1%".
 */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return `${p}%`;
  const s = fixed(p * 100, 1);
  if (p === 1 || p === 0) return `${s}%`;
  if (s === '100.0') return '> 99.9%';
  if (s === '0.0' || s === '-0.0') return '< 0.1%';
  return `${s}%`;
}

/** A coefficient as formatCoefficient prints it, with a true minus sign; "undefined" for null. */
export function formatKappa(k: number | null): string {
  if (k === null || !Number.isFinite(k)) return 'undefined';
  const s = formatCoefficient(k);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/**
 * A 95 % interval as "0.553–0.774", each bound as formatKappa prints it; when a
 * bound is negative the dash gets thin spaces so it is not read as a minus
 * ("−0.120 – 0.310").
 */
export function formatInterval(iv: readonly [number, number]): string {
  const [lo, hi] = iv;
  const dash = lo < 0 || hi < 0 ? '\u2009–\u2009' : '–';
  return `${formatKappa(lo)}${dash}${formatKappa(hi)}`;
}

/** Up to two letters identifying a coder among others: "A", or "Al" when two names share an initial. */
export function coderInitials(names: string[]): string[] {
  const first = names.map((n) => n.trim().charAt(0).toUpperCase() || '?');
  return names.map((n, i) => {
    const clash = first.filter((f) => f === first[i]).length > 1;
    if (!clash) return first[i];
    const t = n.trim();
    return t.charAt(0).toUpperCase() + (t.charAt(1) || '').toLowerCase();
  });
}

/** Names as a sentence lists them, as the exports do (report.JoinNames): "Aisha", "Aisha and Ben", "Aisha, Ben and Chen". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

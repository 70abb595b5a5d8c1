// Number formatting for tables and counts.

const ints = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** An integer with thousands separators: 12,345. */
export function formatInt(n: number): string {
  return ints.format(n);
}

/** A proportion in [0, 1] as a percentage with one decimal: 97.3%. */
export function formatPercent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

/** Kappa with three decimals and a true minus sign; "undefined" for null. */
export function formatKappa(k: number | null): string {
  if (k === null || !Number.isFinite(k)) return 'undefined';
  const s = k.toFixed(3);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/**
 * A 95 % interval as "0.553–0.774", three decimals like formatKappa; when a
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

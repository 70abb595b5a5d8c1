// The agreement coefficients the table can show. Every one is in each
// AgreementRow; choosing one only changes what is displayed.

import { MULTI_CODER_STATISTICS, TWO_CODER_STATISTICS } from './statistics.gen';
import type { AgreementRow, Interval, MultiAgreementRow } from './types';

/** A two-coder coefficient's key: one of coding.Statistics (Go), which statistics.gen.ts copies. */
export type Statistic = (typeof TWO_CODER_STATISTICS)[number]['key'];

export interface StatisticInfo {
  key: Statistic;
  /** the select's label: "Cohen's κ" */
  label: string;
  /** the column header: "κ", "AC1" */
  symbol: string;
  /** one line under the select */
  help: string;
  /** the footnote's formula sentence */
  formula: string;
  /** the source a methods section cites */
  citation: string;
  /** whether pooled rows (factors, "All codes") carry it */
  pooled: boolean;
}

/** The two-coder coefficients, from the backend's one list (coding.Statistics). */
export const STATISTICS: readonly StatisticInfo[] = TWO_CODER_STATISTICS;

/** The description of a statistic; Cohen's κ for an unknown key. */
export function statisticInfo(key: Statistic): StatisticInfo {
  return STATISTICS.find((s) => s.key === key) ?? STATISTICS[0];
}

/** A row's value of the statistic; null when undefined (or, for α, on a pooled row). */
export function statisticValue(row: AgreementRow, key: Statistic): number | null {
  return row[key];
}

/** A row's bootstrap 95 % interval of the statistic; null when not computed or undefined. */
export function statisticInterval(row: AgreementRow, key: Statistic): Interval | null {
  return row.ci?.[key] ?? null;
}

// ---- two or more coders (Fleiss' κ and friends) ----

/** A coefficient of three or more coders' table: one of coding.MultiStatistics (Go). */
export type MultiStatistic = (typeof MULTI_CODER_STATISTICS)[number]['key'];

export interface MultiStatisticInfo {
  key: MultiStatistic;
  label: string;
  symbol: string;
  help: string;
}

/** The multi-coder coefficients, from the backend's one list (coding.MultiStatistics). */
export const MULTI_STATISTICS: readonly MultiStatisticInfo[] = MULTI_CODER_STATISTICS;

export function multiStatisticInfo(key: MultiStatistic): MultiStatisticInfo {
  return MULTI_STATISTICS.find((s) => s.key === key) ?? MULTI_STATISTICS[0];
}

// ---- the chart's rows ----

/** One line of the forest plot: a value with its interval, or the reason there is none. */
export interface ChartRow {
  key: string;
  kind: 'factor' | 'code' | 'overall' | 'document';
  label: string;
  /** the code's id on code rows (for its colour); 0 elsewhere */
  code: number;
  value: number | null;
  ci: Interval | null;
  /** why there is no value; "" when there is one */
  reason: string;
}

/** One row of a result in the order the tables and the chart show it, with a key unique within the result. */
export interface GroupedRow<R> {
  kind: 'factor' | 'code' | 'overall';
  row: R;
  /** "f<factor>", "c<code>" or "overall" */
  key: string;
}

/**
 * Factor rows each followed by their codes, then codes without a factor, then
 * the overall row: the one order the two tables and the chart share.
 */
export function grouped<R extends { code: number; factor: number }>({
  perCode,
  perFactor,
  overall,
}: {
  perCode: R[];
  perFactor: R[];
  overall: R;
}): GroupedRow<R>[] {
  const out: GroupedRow<R>[] = [];
  const placed = new Set<R>();
  for (const f of perFactor) {
    out.push({ kind: 'factor', row: f, key: `f${f.factor}` });
    for (const c of perCode) {
      if (c.factor === f.factor) {
        out.push({ kind: 'code', row: c, key: `c${c.code}` });
        placed.add(c);
      }
    }
  }
  for (const c of perCode) if (!placed.has(c)) out.push({ kind: 'code', row: c, key: `c${c.code}` });
  out.push({ kind: 'overall', row: overall, key: 'overall' });
  return out;
}

/** Why a two-coder row has no value of the statistic. */
function twoCoderReason(kind: ChartRow['kind'], row: AgreementRow, key: Statistic, pooledRow: boolean): string {
  if (!statisticInfo(key).pooled && pooledRow) return 'Krippendorff’s α is reported per code, not for pooled rows';
  if (key === 'kappa' && row.note) return row.note;
  if (row.note && row.status !== 'defined' && kind !== 'overall') return row.note;
  return row.both + row.onlyA + row.onlyB + row.neither === 0 ? 'undefined: no units' : 'undefined: no variation';
}

/** The chart's rows for a two-coder result, by code (or, given a breakdown, by document). */
export function twoCoderChartRows(
  result: { perCode: AgreementRow[]; perFactor: AgreementRow[]; overall: AgreementRow },
  key: Statistic,
  byDocument: { code: number; rows: AgreementRow[] } | null = null,
): ChartRow[] {
  const make = (kind: ChartRow['kind'], row: AgreementRow, pooledRow: boolean, k: string): ChartRow => {
    const v = pooledRow && !statisticInfo(key).pooled ? null : statisticValue(row, key);
    return {
      key: k,
      kind,
      label: row.label,
      code: kind === 'code' ? row.code : 0,
      value: v,
      ci: v === null ? null : statisticInterval(row, key),
      reason: v === null ? twoCoderReason(kind, row, key, pooledRow) : '',
    };
  };
  if (byDocument) return byDocument.rows.map((r) => make('document', r, byDocument.code === 0, `d${r.document}`));
  return grouped(result).map(({ kind, row, key }) => make(kind, row, kind !== 'code', key));
}

/** The chart's rows for agreement among several coders. */
export function multiChartRows(
  result: { perCode: MultiAgreementRow[]; perFactor: MultiAgreementRow[]; overall: MultiAgreementRow },
  key: MultiStatistic,
): ChartRow[] {
  return grouped(result).map(({ kind, row, key: k }) => {
    const s = row[key];
    return {
      key: k,
      kind,
      label: row.label,
      code: kind === 'code' ? row.code : 0,
      value: s.value,
      ci: s.value === null ? null : s.ci,
      reason: s.value === null ? s.undefined || row.note || 'undefined' : '',
    };
  });
}

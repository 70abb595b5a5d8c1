// The agreement coefficients the table can show. Every one is in each
// AgreementRow; choosing one only changes what is displayed.

import type { AgreementRow, Interval } from './types';

export type Statistic = 'kappa' | 'scottPi' | 'krippendorffAlpha' | 'gwetAC1' | 'brennanPrediger';

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
  /** whether pooled rows (factors, "All codes") carry it */
  pooled: boolean;
}

export const STATISTICS: readonly StatisticInfo[] = [
  {
    key: 'kappa',
    label: 'Cohen’s κ',
    symbol: 'κ',
    help: 'Chance agreement from each coder’s own rate of use; the usual choice',
    formula: 'κ = (p_o − p_e) / (1 − p_e), where p_e multiplies the two coders’ own rates of “yes” and of “no”.',
    pooled: true,
  },
  {
    key: 'scottPi',
    label: 'Scott’s π',
    symbol: 'π',
    help: 'Chance agreement from both coders’ rates of use together',
    formula: 'π = (p_o − p_e) / (1 − p_e) with p_e = m² + (1 − m)², where m is the share of all judgements that were “yes”.',
    pooled: true,
  },
  {
    key: 'krippendorffAlpha',
    label: 'Krippendorff’s α (nominal)',
    symbol: 'α',
    help: 'π corrected for small samples; reported per code, not for pooled rows',
    formula: 'α = 1 − (Only A + Only B)(2N − 1) / (n_yes · n_no), over N units and the two coders’ n_yes “yes” and n_no “no” judgements.',
    pooled: false,
  },
  {
    key: 'gwetAC1',
    label: 'Gwet’s AC1',
    symbol: 'AC1',
    help: 'Chance agreement from how often codes are used; stays stable when a code is rare',
    formula: 'AC1 = (p_o − p_e) / (1 − p_e) with p_e = 2m(1 − m), where m is the share of all judgements that were “yes”.',
    pooled: true,
  },
  {
    key: 'brennanPrediger',
    label: 'Brennan–Prediger κ (PABAK)',
    symbol: 'κ_BP',
    help: 'Chance fixed at one half; for yes/no codes this is PABAK',
    formula: 'κ_BP = (p_o − ½) / (1 − ½) = 2p_o − 1.',
    pooled: true,
  },
];

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

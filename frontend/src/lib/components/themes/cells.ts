// How the Themes tab prints its figures, in one place so the tables, the
// charts' labels and the tests agree. Percentages go through format.ts, like
// every share in the app.

import { formatCoefficient, formatInt, formatPercent, plural } from '../../format';
import type { CaseMatrix, PrevalenceRow, ThemeScope } from '../../themesApi';

/** "7 of 9": cases evidencing a code of the cases in scope. */
export function ofCases(cases: number, scope: number): string {
  return `${formatInt(cases)} of ${formatInt(scope)}`;
}

/** A by-attribute cell: "3 of 5 (60.0%)"; a value without cases has no share: "0 of 0". */
export function attributeCell(cases: number, withValue: number, share: number): string {
  if (withValue === 0) return ofCases(cases, 0);
  return `${ofCases(cases, withValue)} (${formatPercent(share)})`;
}

/** A by-attribute column heading: "patient (5 cases)". */
export function valueHeading(value: string, cases: number): string {
  return `${value} (${plural(cases, 'case')})`;
}

/** A co-occurrence cell: the count, or the Jaccard index as the CLI prints coefficients. */
export function coCell(count: number, jaccard: number, showJaccard: boolean): string {
  if (!showJaccard) return formatInt(count);
  return count === 0 && jaccard === 0 ? '0' : formatCoefficient(jaccard);
}

/** What a view was computed over, in one line: "All coders (Aisha, Ben) · Keyes · 9 documents · 9 cases". */
export function scopeLine(s: ThemeScope): string {
  const who = s.layer.kind === 'all' && s.layer.coders.length > 0 ? `${s.layer.name} (${s.layer.coders.join(', ')})` : s.layer.name;
  return [who, s.framework.name, plural(s.documents, 'document'), plural(s.cases, 'case')].join(' · ');
}

/** True when no code of the view has a passage: the layer (or the filter) has no coding. */
export function uncoded(rows: Pick<PrevalenceRow, 'segments'>[]): boolean {
  return rows.every((r) => r.segments === 0);
}

/** The most case columns the matrix draws; the export has them all. */
export const MAX_CASE_COLUMNS = 60;

/**
 * The case columns in the order asked for — natural order, or by one
 * attribute's value (cases without one last), ties in natural order — and
 * capped at MAX_CASE_COLUMNS. index: each column's position in the matrix's
 * cells.
 */
export function caseColumns(m: CaseMatrix, sortBy: string, max = MAX_CASE_COLUMNS): { name: string; value: string; index: number }[] {
  const cols = m.cases.map((c, index) => ({ name: c.name, value: sortBy ? (c.attributes[sortBy] ?? '') : '', index }));
  if (sortBy) {
    const coll = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    cols.sort((a, b) => {
      if (!a.value !== !b.value) return a.value ? -1 : 1;
      return coll.compare(a.value, b.value) || a.index - b.index;
    });
  }
  return cols.slice(0, max);
}

// Units of analysis for the agreement view: the wording that names them.
// The list itself (name, label, help) comes from the backend (api.units()).

/** Units counted as coded only when enough of them is covered; the others ignore minShare. */
const SHARED = new Set(['turn', 'sentence', 'paragraph']);

/** Whether the coverage threshold (minShare) applies to a unit. */
export function usesShare(unit: string): boolean {
  return SHARED.has(unit);
}

/** The thresholds offered, as the share of a unit a coder must cover. */
export const SHARES: readonly { value: number; label: string }[] = [
  { value: 0, label: 'any part' },
  { value: 0.25, label: 'at least a quarter' },
  { value: 0.5, label: 'at least half' },
  { value: 0.9, label: 'at least 90 %' },
  { value: 1, label: 'all of it' },
];

/** "any part of it", "at least half of it", "all of it"; other shares as "at least 37 % of it". */
export function shareText(minShare: number): string {
  if (minShare <= 0) return 'any part of it';
  if (minShare >= 1) return 'all of it';
  const known = SHARES.find((s) => s.value === minShare);
  if (known) return `${known.label} of it`;
  return `at least ${Math.round(minShare * 1000) / 10} % of it`;
}

/** The unit's noun in the singular: "character", "turn", …; "" counts as character. */
export function unitNoun(unit: string): string {
  return unit || 'character';
}

/** The unit's noun in the plural: "characters", "turns", …. */
export function unitPlural(unit: string): string {
  return `${unitNoun(unit)}s`;
}

/**
 * Segment match (as MAXQDA): each coded segment is a unit, agreeing when the
 * other coder applied the same code to at least a share of it (its threshold).
 */
export const SEGMENT = 'segment';

/** The thresholds offered for segment match; 0 would mean the backend's default, 90 %. */
export const SEGMENT_SHARES: readonly { value: number; label: string }[] = [
  { value: 0.5, label: 'at least half' },
  { value: 0.75, label: 'at least 75 %' },
  { value: 0.8, label: 'at least 80 %' },
  { value: 0.9, label: 'at least 90 %' },
  { value: 1, label: 'all of it' },
];

/** The segment-match threshold the view starts with (MAXQDA's usual 90 %). */
export const SEGMENT_DEFAULT = 0.9;

/**
 * Krippendorff's unitizing alphas: not one of the backend's units (it has no
 * threshold, bootstrap or per-code table of counts) but offered with them.
 */
export const UNITIZED = 'unitized';

export const UNITIZED_UNIT = {
  name: UNITIZED,
  label: 'Unitized continuum (Krippendorff’s uα)',
  help: 'The text is one continuum per document; compares where the coders’ segments begin and end and which code they carry, as ATLAS.ti reports it.',
} as const;

/** Whether speaker turns may be resampled for a unit's intervals (the backend refuses it for document presence and segment match). */
export function turnsResamplable(unit: string): boolean {
  return unit === 'character' || unit === '' || SHARED.has(unit);
}

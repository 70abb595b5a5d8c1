// The Themes tab's charts as Observable Plot specifications: pure functions
// of the figures, so they can be tested without drawing and reused by the
// Report tab. The table beside each chart is the primary view; a chart only
// shows the shape of the same figures.

import * as Plot from '@observablehq/plot';

/** One bar: a code or a factor (rolled up) with the figure drawn. */
export interface BarRow {
  /** unique per row (the code id) */
  key: string;
  name: string;
  depth: number;
  isFactor: boolean;
  /** the codebook colour, a CSS colour; "" for the default */
  color: string;
  value: number;
}

const CHAR_W = 6.2; // Plot's default 10px system-ui, roughly
const FALLBACK = '#6b7a90';

/** The left margin that fits the longest tick label, within reason. */
function labelMargin(labels: string[], min = 80, max = 280): number {
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  return Math.round(Math.min(max, Math.max(min, longest * CHAR_W + 14)));
}

/** A code's label indented by its depth, so factors and their codes read as a tree. */
export function treeLabel(r: Pick<BarRow, 'name' | 'depth'>): string {
  return '\u2003'.repeat(Math.max(0, r.depth)) + r.name;
}

/**
 * Horizontal bars in codebook order, coloured by each code's colour; a
 * factor's bar (its codes rolled up) is drawn pale with an outline so it
 * reads as the group's total, not one more code.
 */
export function prevalenceBars(rows: BarRow[], opts: { measure: string; width?: number }): Plot.PlotOptions {
  const labels = new Map(rows.map((r) => [r.key, treeLabel(r)]));
  const max = rows.reduce((m, r) => Math.max(m, r.value), 0);
  return {
    width: opts.width ?? 640,
    height: 40 + rows.length * 20,
    marginLeft: labelMargin([...labels.values()]),
    marginRight: 36,
    x: { label: opts.measure, grid: true, domain: [0, Math.max(1, max)], axis: 'top' },
    y: { label: null, domain: rows.map((r) => r.key), tickFormat: (k: string) => labels.get(k) ?? k },
    color: { type: 'identity' },
    marks: [
      Plot.barX(rows, {
        x: 'value',
        y: 'key',
        fill: (r: BarRow) => r.color || FALLBACK,
        fillOpacity: (r: BarRow) => (r.isFactor ? 0.35 : 0.9),
        stroke: (r: BarRow) => (r.isFactor ? r.color || FALLBACK : 'none'),
        inset: 2,
      }),
      Plot.text(rows, { x: 'value', y: 'key', text: (r: BarRow) => String(r.value), textAnchor: 'start', dx: 4, fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  };
}

/** One cell of a heat map. */
export interface HeatCell {
  /** column key and row key, as in the domains */
  x: string;
  y: string;
  value: number;
  /** what the cell prints ("3", "0.25") */
  text: string;
}

export interface HeatOptions {
  /** columns and rows in order, with their labels */
  columns: { key: string; label: string }[];
  rows: { key: string; label: string }[];
  xLabel?: string;
  /** a colour scheme of Plot's; sequential */
  scheme?: Plot.ColorScheme;
}

/**
 * A heat map: rows × columns coloured by value, with the value printed in
 * every non-empty cell (the colour alone never carries a figure), column
 * labels slanted along the top. Empty cells stay blank.
 */
export function heatmap(cells: HeatCell[], opts: HeatOptions): Plot.PlotOptions {
  const colLabels = new Map(opts.columns.map((c) => [c.key, c.label]));
  const rowLabels = new Map(opts.rows.map((r) => [r.key, r.label]));
  const cell = 26;
  const marginLeft = labelMargin([...rowLabels.values()]);
  const marginTop = Math.round(Math.min(160, Math.max(40, labelMargin([...colLabels.values()], 30, 220) * 0.72)));
  const filled = cells.filter((c) => c.value > 0);
  const max = filled.reduce((m, c) => Math.max(m, c.value), 0);
  return {
    width: marginLeft + 20 + opts.columns.length * cell,
    height: marginTop + 10 + opts.rows.length * 22,
    marginLeft,
    marginTop,
    marginRight: 20,
    marginBottom: 10,
    x: {
      axis: 'top',
      label: opts.xLabel ?? null,
      domain: opts.columns.map((c) => c.key),
      tickFormat: (k: string) => colLabels.get(k) ?? k,
      tickRotate: -45,
    },
    y: { label: null, domain: opts.rows.map((r) => r.key), tickFormat: (k: string) => rowLabels.get(k) ?? k },
    color: { type: 'linear', scheme: opts.scheme ?? 'blues', domain: [0, Math.max(1, max)] },
    marks: [
      Plot.cell(opts.rows.length && opts.columns.length ? cells : [], { x: 'x', y: 'y', fill: 'none', stroke: '#e3e6eb' }),
      Plot.cell(filled, { x: 'x', y: 'y', fill: 'value', inset: 0.5 }),
      Plot.text(filled, {
        x: 'x',
        y: 'y',
        text: 'text',
        fill: (c: HeatCell) => (c.value > max * 0.55 ? 'white' : 'black'),
      }),
    ],
  };
}

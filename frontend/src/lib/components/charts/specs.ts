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

/** A row of a tree axis: a code or a factor, its key in the y domain. */
export interface TreeRow {
  key: string;
  name: string;
  depth: number;
  isFactor: boolean;
}

/**
 * The y axis of a chart whose rows are a code tree: labels left-aligned in
 * the margin and indented by depth (Plot right-aligns tick labels, which
 * would hide the indent), factors in bold.
 */
function treeAxis(rows: TreeRow[], marginLeft: number): Plot.Markish[] {
  const labels = new Map(rows.map((r) => [r.key, treeLabel(r)]));
  const common = { tickFormat: (k: string) => labels.get(k) ?? k, textAnchor: 'start' as const, dx: -(marginLeft - 14), tickSize: 0, label: null };
  return [
    Plot.axisY(rows.filter((r) => r.isFactor).map((r) => r.key), { ...common, fontWeight: 'bold' }),
    Plot.axisY(rows.filter((r) => !r.isFactor).map((r) => r.key), common),
  ];
}

/**
 * Horizontal bars in codebook order, coloured by each code's colour; a
 * factor's bar (its codes rolled up) is drawn pale with an outline so it
 * reads as the group's total, not one more code.
 */
export function prevalenceBars(rows: BarRow[], opts: { measure: string; width?: number }): Plot.PlotOptions {
  const max = rows.reduce((m, r) => Math.max(m, r.value), 0);
  const marginLeft = labelMargin(rows.map(treeLabel));
  return {
    width: opts.width ?? 640,
    height: 40 + rows.length * 20,
    marginLeft,
    marginRight: 36,
    x: { label: opts.measure, grid: true, domain: [0, Math.max(1, max)], axis: 'top' },
    y: { label: null, domain: rows.map((r) => r.key) },
    color: { type: 'identity' },
    marks: [
      ...treeAxis(rows, marginLeft),
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
  /** rows in order: codes and factors, drawn as a tree */
  rows: TreeRow[];
  xLabel?: string;
  /** the width of a column in pixels (26: room for a count of three digits) */
  cellWidth?: number;
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
  const cell = opts.cellWidth ?? 26;
  const marginLeft = labelMargin(opts.rows.map(treeLabel));
  // Column labels slant up and to the right at 45°: they need as much room above as the
  // longest is long × cos 45°, and the last one as much again beyond the last column.
  const slant = labelMargin([...colLabels.values()], 30, 220) * 0.72;
  const marginTop = Math.round(Math.min(160, Math.max(40, slant)));
  const marginRight = Math.round(Math.min(160, Math.max(20, slant - cell)));
  const filled = cells.filter((c) => c.value > 0);
  const max = filled.reduce((m, c) => Math.max(m, c.value), 0);
  return {
    width: marginLeft + marginRight + opts.columns.length * cell,
    height: marginTop + 10 + opts.rows.length * 22,
    marginLeft,
    marginTop,
    marginRight,
    marginBottom: 10,
    x: {
      axis: 'top',
      label: opts.xLabel ?? null,
      domain: opts.columns.map((c) => c.key),
      tickFormat: (k: string) => colLabels.get(k) ?? k,
      tickRotate: -45,
    },
    y: { label: null, domain: opts.rows.map((r) => r.key) },
    color: { type: 'linear', scheme: opts.scheme ?? 'blues', domain: [0, Math.max(1, max)] },
    marks: [
      ...treeAxis(opts.rows, marginLeft),
      Plot.cell(opts.rows.length && opts.columns.length ? cells : [], { x: 'x', y: 'y', fill: 'none', stroke: '#e3e6eb' }),
      Plot.cell(filled, { x: 'x', y: 'y', fill: 'value', inset: 0.5 }),
      Plot.text(filled, {
        x: 'x',
        y: 'y',
        text: 'text',
        fill: (c: HeatCell) => (c.value > max * 0.7 ? 'white' : 'black'),
      }),
    ],
  };
}

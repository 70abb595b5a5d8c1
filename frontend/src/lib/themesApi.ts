// The typed API of the Themes tab over the generated ThemesService bindings:
// the layers and options, the four views, the passages behind a cell and the
// exports. Offsets stay in code points; the drill-down converts a passage's
// overlap for display with offsets.ts, and the reader converts when it opens
// a passage (ReaderStore.openAt).

import * as Themes from './wailsjs/go/app/ThemesService';
import { quotesApi } from './quotesApi';
import type { app } from './wailsjs/go/models';
import type { ChartFile } from './components/charts/exportChart';
import { call, list, type Wire } from './wire';

/** A layer to summarise; coder 0 is all coders together. */
export type ThemeLayer = Wire<app.LayerDTO>;
export type ThemesOptions = Wire<app.ThemesOptionsDTO>;
export type ThemeAttribute = Wire<app.ThemeAttributeDTO>;
/** Documents, cases and attribute values to keep; empty keeps everything. */
export type ThemeFilter = Wire<app.ThemeFilterDTO>;
export type ThemeScope = Wire<app.ThemeScopeDTO>;
export type PrevalenceRow = Wire<app.PrevalenceRowDTO>;
export type ThemeSummary = Wire<app.SummaryDTO>;
export type AttributeMatrix = Wire<app.AttributeMatrixDTO>;
export type AttributeRow = Wire<app.AttributeRowDTO>;
export type CaseMatrix = Wire<app.CaseMatrixDTO>;
export type CoMatrix = Wire<app.CoMatrixDTO>;
export type ThemeCode = Wire<app.ThemeCodeDTO>;
import type { Exemplar } from './types';
export type { Exemplar };
/** A passage behind a cell; start, end and overlap are code points in the document. */
export type Passage = Wire<app.PassageDTO>;

/** What every view is computed over. */
export interface ViewInput {
  /** 0: the active framework */
  framework: number;
  layer: number;
  filter: ThemeFilter;
}

/** One cell to drill into: a code, and the value, case or other code of its column. */
export interface CellInput extends ViewInput {
  code: number;
  attribute?: string;
  value?: string;
  case?: string;
  with?: number;
}

export type ThemeView = 'prevalence' | 'attribute' | 'cases' | 'cooccurrence';

export interface TableInput extends ViewInput {
  view: ThemeView;
  with?: number;
  attribute?: string;
  jaccard?: boolean;
  format: 'csv' | 'xlsx';
}

function filter(f: ThemeFilter): ThemeFilter {
  return { documents: [...f.documents], cases: [...f.cases], attributes: { ...f.attributes } };
}

function input(v: ViewInput): app.SummaryInput {
  return { framework: v.framework, layer: v.layer, filter: filter(v.filter) } as app.SummaryInput;
}

function rows<T extends { cells?: unknown }>(rs: T[] | null | undefined): T[] {
  return list(rs).map((r) => ({ ...r, cells: list(r.cells as unknown[] | null) }));
}

export const themesApi = {
  async themeLayers(): Promise<ThemeLayer[]> {
    return call(async () => list(await Themes.Layers()));
  },
  async themeOptions(): Promise<ThemesOptions> {
    return call(async () => {
      const o = await Themes.Options();
      return {
        layers: list(o.layers),
        frameworks: list(o.frameworks),
        documents: list(o.documents),
        cases: list(o.cases),
        attributes: list(o.attributes).map((a) => ({ ...a, values: list(a.values) })),
      };
    });
  },
  async summary(v: ViewInput): Promise<ThemeSummary> {
    return call(async () => {
      const s = await Themes.Summary(input(v));
      return { scope: s.scope, rows: list(s.rows) };
    });
  },
  async byAttribute(v: ViewInput, attribute: string): Promise<AttributeMatrix> {
    return call(async () => {
      const m = await Themes.ByAttribute(input(v), attribute);
      return { scope: m.scope, attribute: m.attribute, columns: list(m.columns), rows: rows(m.rows) };
    });
  },
  async caseMatrix(v: ViewInput): Promise<CaseMatrix> {
    return call(async () => {
      const m = await Themes.Cases(input(v));
      return { scope: m.scope, cases: list(m.cases).map((c) => ({ ...c, attributes: c.attributes ?? {} })), rows: rows(m.rows) };
    });
  },
  async cooccurrence(v: ViewInput, withFramework: number): Promise<CoMatrix> {
    return call(async () => {
      const m = await Themes.Cooccurrence({ ...input(v), with: withFramework } as app.CoInput);
      return { scope: m.scope, rows: list(m.rows), columns: list(m.columns), cells: list(m.cells).map((r) => list(r)) };
    });
  },
  async passages(c: CellInput): Promise<Passage[]> {
    return call(async () =>
      list(
        await Themes.Passages({
          ...input(c),
          code: c.code,
          attribute: c.attribute ?? '',
          value: c.value ?? '',
          case: c.case ?? '',
          with: c.with ?? 0,
        } as app.CellInput),
      ).map((p) => ({ ...p, coders: list(p.coders), codes: list(p.codes), segmentIds: list(p.segmentIds), overlap: p.overlap ?? [0, 0] })),
    );
  },
  /** The path written, or "" when the user cancelled. */
  exportTable(t: TableInput): Promise<string> {
    return call(() =>
      Themes.ExportTable({
        ...input(t),
        view: t.view,
        with: t.with ?? 0,
        attribute: t.attribute ?? '',
        jaccard: t.jaccard ?? false,
        format: t.format,
      } as app.TableInput),
    );
  },
  // The drill-down's star is the Quotes tab's: starring a passage stars its
  // whole span, or a co-occurrence's row segment (quotesApi, the exemplars'
  // one API module).
  exemplars: (): Promise<Exemplar[]> => quotesApi.exemplars(0),
  star: (segment: number): Promise<Exemplar> => quotesApi.star(segment),
  starPassage: (segments: number[]): Promise<Exemplar> => quotesApi.starPassage(segments),
  unstar: (exemplar: number): Promise<void> => quotesApi.unstar(exemplar),
  /** The path written, or "" when the user cancelled. */
  saveChart(f: ChartFile): Promise<string> {
    return call(() => Themes.SaveChart(f.name, f.format, f.base64));
  },
};

export type ThemesApi = typeof themesApi;

// The typed API of the Report tab over the ReportService bindings: what a
// report can be made of (frameworks, codes, layers, attributes), its HTML
// preview and its export to Markdown, HTML or Word.

import * as ReportSvc from './wailsjs/go/app/ReportService';
import type { app } from './wailsjs/go/models';
import { casesApi, type CasesView } from './casesApi';
import { call, list, type Wire } from './wire';

/** The formats a report exports to. */
export type ReportFormat = 'md' | 'html' | 'docx';

/** The order of a report's sections: the codebook's, or the most evidenced code first. */
export type ReportOrder = 'codebook' | 'prevalence';

/** What follows a quote: "— Patient 005, patient, nested case 2" is case, then two attributes' values. */
export interface Attribution {
  case: boolean;
  speaker: boolean;
  document: boolean;
  /** attribute names, in the order their values are written */
  attributes: string[];
}

/** Documents, cases and attribute values a report is restricted to; empty = everything. */
export interface ReportFilter {
  documents: number[];
  cases: string[];
  attributes: Record<string, string[]>;
}

/** Everything a report is made from, as the backend's ReportInput. */
export interface ReportInput {
  framework: number;
  /** the codes reported, a factor with its subtree; [] = every code of the framework */
  codes: number[];
  /** a coder's or consensus layer's id; 0 = all coders together */
  layer: number;
  filter: ReportFilter;
  order: ReportOrder;
  /** only starred quotes; otherwise starred quotes, else every passage of a code */
  starredOnly: boolean;
  attribution: Attribution;
  /** the attribute whose values break down the prevalence sentence; "" for none */
  breakdown: string;
  /** add the agreement row and the methods paragraph (all coders together only) */
  agreement: boolean;
  /** each code's memos under its definition */
  memos: boolean;
  /** the report's title; "" = "Themes: <framework>" */
  title: string;
}

/** A code or factor of a framework, in tree order (parent 0 at the top). */
export interface ReportCode extends Wire<app.ReportCodeDTO> {
  /** the framework it belongs to */
  framework: number;
}

/** A framework a report can be written from, with its codes. */
export interface ReportFramework extends Omit<Wire<app.ReportFrameworkDTO>, 'codes'> {
  codes: ReportCode[];
}

/** Which coding a report reads: kind "all" (coder 0), "coder" or "consensus"; default marks where the tab starts. */
export interface ReportLayer extends Omit<Wire<app.ReportLayerDTO>, 'kind'> {
  kind: 'all' | 'coder' | 'consensus';
}

/** A case attribute a quote can be attributed with or the prevalence broken down by. */
export type ReportAttribute = Wire<app.ReportAttributeDTO>;

/** A real case, speaker and document, to show the attribution template on. */
export interface AttributionExample {
  case: string;
  speaker: string;
  document: string;
  /** attribute → value */
  values: Record<string, string>;
}

/** What the Report tab offers, and where it starts. */
export interface ReportOptions extends Omit<Wire<app.ReportOptionsDTO>, 'frameworks' | 'layers' | 'attributes' | 'attribution'> {
  frameworks: ReportFramework[];
  layers: ReportLayer[];
  attributes: ReportAttribute[];
  /** the template a report starts with */
  attribution: Attribution;
}

export function emptyFilter(): ReportFilter {
  return { documents: [], cases: [], attributes: {} };
}

/**
 * The example an attribution line is shown with: a speaker who is not left
 * out, with the case their turns resolve to (their own, else their
 * document's) — of those, the case with the most attribute values, so that
 * the line shows what each box adds; the first such in document order.
 */
export function exampleOf(v: CasesView): AttributionExample | null {
  const values = (id: number) => v.cases.find((c) => c.id === id)?.values ?? {};
  let best: AttributionExample | null = null;
  let most = -1;
  for (const d of v.documents) {
    for (const s of d.speakers) {
      if (s.excluded) continue;
      const id = s.case || d.case;
      if (!id) continue;
      const vals = values(id);
      const n = Object.values(vals).filter(Boolean).length;
      if (n > most) {
        most = n;
        best = { case: s.case ? s.caseName : d.caseName, speaker: s.name, document: d.name, values: { ...vals } };
      }
    }
  }
  return best;
}

function attribution(a: Partial<Attribution> | null | undefined): Attribution {
  return { case: !!a?.case, speaker: !!a?.speaker, document: !!a?.document, attributes: list(a?.attributes) };
}

// The binding's parameter is the generated class, whose only extra is the
// convertValues helper the runtime never calls: the call sends JSON.
function toWire(input: ReportInput): app.ReportInput {
  return input as unknown as app.ReportInput;
}

export const reportApi = {
  async options(): Promise<ReportOptions> {
    return call(async () => {
      const o = await ReportSvc.Options();
      return {
        frameworks: list(o.frameworks).map((f) => ({
          id: f.id,
          name: f.name,
          active: !!f.active,
          codes: list(f.codes).map((c) => ({
            id: c.id,
            parent: c.parent ?? 0,
            ref: c.ref ?? '',
            name: c.name,
            depth: c.depth ?? 0,
            isFactor: !!c.isFactor,
            framework: f.id,
          })),
        })),
        framework: o.framework ?? 0,
        layers: list(o.layers).map((l) => ({
          coder: l.coder,
          name: l.name,
          kind: (['all', 'coder', 'consensus'].includes(l.kind) ? l.kind : 'coder') as ReportLayer['kind'],
          coders: list(l.coders),
          default: !!l.default,
        })),
        attributes: list(o.attributes).map((a) => ({ name: a.name, type: a.type, values: list(a.values) })),
        attribution: attribution(o.attribution),
        breakdown: o.breakdown ?? '',
        canCompare: !!o.canCompare,
      };
    });
  },
  /** A case to show the attribution template on; null when no speaker or document has one. */
  async example(): Promise<AttributionExample | null> {
    return exampleOf(await casesApi.view());
  },
  /** The report as a standalone HTML page (goldmark's, with no raw HTML from the data). */
  preview(input: ReportInput): Promise<string> {
    return call(() => ReportSvc.Preview(toWire(input)));
  },
  /** Asks where to save and writes the report; the path written, or "" when the user cancelled. */
  exportReport(input: ReportInput, format: ReportFormat): Promise<string> {
    return call(() => ReportSvc.Export(toWire(input), format));
  },
};

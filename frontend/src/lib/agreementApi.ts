// The typed API of the agreement view over the AgreementService bindings:
// two coders' table, agreement among two or more coders, the unitizing
// alphas, the methods paragraph and the table's export. Go's nil
// coefficients and intervals become null.

import * as Agreements from './wailsjs/go/app/AgreementService';
import type { app } from './wailsjs/go/models';
import { coder } from './projectsApi';
import { call, type Wire } from './wire';
import type {
  Agreement,
  AgreementExportFormat,
  AgreementRequest,
  AgreementRow,
  Interval,
  Intervals,
  MultiAgreement,
  MultiAgreementRequest,
  MultiAgreementRow,
  Stat,
  Unit,
  Unitized,
} from './types';

/** A coefficient as a number, or null when the backend sent nil (undefined) or nothing. */
function num(v: number | null | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

/** An interval as [low, high], or null when the backend sent nil or something that is not two numbers. */
function interval(v: number[] | null | undefined): Interval | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const [lo, hi] = v;
  return typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}

function intervals(c: Wire<app.IntervalsDTO> | null | undefined): Intervals {
  return {
    kappa: interval(c?.kappa),
    scottPi: interval(c?.scottPi),
    krippendorffAlpha: interval(c?.krippendorffAlpha),
    gwetAC1: interval(c?.gwetAC1),
    brennanPrediger: interval(c?.brennanPrediger),
  };
}

function row(r: Wire<app.AgreementRow>): AgreementRow {
  return {
    label: r.label,
    code: r.code,
    factor: r.factor,
    document: r.document ?? 0,
    both: r.both,
    onlyA: r.onlyA,
    onlyB: r.onlyB,
    neither: r.neither,
    units: r.units,
    agreement: r.agreement,
    kappa: num(r.kappa),
    scottPi: num(r.scottPi),
    krippendorffAlpha: num(r.krippendorffAlpha),
    gwetAC1: num(r.gwetAC1),
    brennanPrediger: num(r.brennanPrediger),
    ci: intervals(r.ci),
    status: r.status,
    note: r.note ?? '',
  };
}

/** A coefficient: null with its reason when the backend sent nil (or nothing). */
function stat(s: Wire<app.StatisticDTO> | null | undefined): Stat {
  const value = num(s?.value);
  return { value, undefined: s?.undefined ?? (value === null ? 'undefined' : ''), ci: interval(s?.ci) };
}

function multiRow(r: Wire<app.MultiAgreementRow>): MultiAgreementRow {
  const kind = r.kind === 'factor' || r.kind === 'overall' ? r.kind : 'code';
  return {
    label: r.label,
    code: r.code ?? 0,
    factor: r.factor ?? 0,
    kind,
    units: r.units ?? 0,
    histogram: r.histogram ?? [],
    coded: r.coded ?? [],
    percentAgreement: stat(r.percentAgreement),
    fleissKappa: stat(r.fleissKappa),
    krippendorffAlpha: stat(r.krippendorffAlpha),
    gwetAC1: stat(r.gwetAC1),
    brennanPrediger: stat(r.brennanPrediger),
    status: r.status ?? '',
    note: r.note ?? '',
  };
}

/** What a two coders' and a many coders' result share: the documents and unit compared, how any intervals were drawn, the codebook. */
function basis(a: {
  documents?: number[] | null;
  unit?: string;
  minShare?: number;
  resamples?: number;
  seed?: number;
  resampling?: string;
  codebook?: string;
}) {
  return {
    documents: a.documents ?? [],
    unit: a.unit || 'character',
    minShare: a.minShare ?? 0,
    resamples: a.resamples ?? 0,
    seed: a.seed ?? 0,
    resampling: a.resampling ?? '',
    codebook: a.codebook ?? '',
  };
}

export const agreementApi = {
  /** The two coders' table for req (see AgreementRequest; its statistic is not used here). */
  async agreement(req: AgreementRequest): Promise<Agreement> {
    return call(async () => {
      const a = await Agreements.Compute({ ...req, statistic: '' });
      return {
        coderA: coder(a.coderA),
        coderB: coder(a.coderB),
        ...basis(a),
        formula: a.formula,
        perCode: (a.perCode ?? []).map(row),
        perFactor: (a.perFactor ?? []).map(row),
        overall: row(a.overall),
        byDocument: (a.byDocument ?? []).map((b) => ({ code: b.code, rows: (b.rows ?? []).map(row) })),
      };
    });
  },

  /** The methods-section paragraph for exactly the table agreement(req) computes, naming req.statistic. */
  agreementMethods(req: AgreementRequest): Promise<string> {
    return call(async () => (await Agreements.Methods(req)) ?? '');
  },
  /** Asks where to save the agreement table for req and writes it; the path written, or "" when the user cancelled. */
  exportAgreement(req: AgreementRequest, format: AgreementExportFormat): Promise<string> {
    return call(async () => (await Agreements.Export(req, format)) ?? '');
  },

  /**
   * Agreement among two or more coders (Fleiss' κ, α, AC1, κ_BP, percent) per
   * code, factor and overall; req's fields mean what they mean for agreement().
   */
  async multiAgreement(req: MultiAgreementRequest): Promise<MultiAgreement> {
    return call(async () => {
      const a = await Agreements.ComputeMulti(req);
      return {
        coders: (a.coders ?? []).map(coder),
        ...basis(a),
        formula: a.formula ?? '',
        perCode: (a.perCode ?? []).map(multiRow),
        perFactor: (a.perFactor ?? []).map(multiRow),
        overall: multiRow(a.overall),
      };
    });
  },
  /** Krippendorff's unitizing alphas (uα, |uα, cuα, per-code (k)uα and binary uα) among the coders over the documents. */
  async unitized(coders: number[], documents: number[]): Promise<Unitized> {
    return call(async () => {
      const u = await Agreements.Unitized(coders, documents);
      return {
        coders: (u.coders ?? []).map(coder),
        documents: u.documents ?? 0,
        length: u.length ?? 0,
        uAlpha: stat(u.uAlpha),
        binaryUAlpha: stat(u.binaryUAlpha),
        cuAlpha: stat(u.cuAlpha),
        perCode: (u.perCode ?? []).map((c) => ({ code: c.code, kuAlpha: stat(c.kuAlpha), binaryUAlpha: stat(c.binaryUAlpha) })),
        codebook: u.codebook ?? '',
      };
    });
  },

  /** The units of analysis the agreement view offers, in display order. */
  async units(): Promise<Unit[]> {
    return call(async () =>
      (await Agreements.Units() ?? []).map((u) => ({ name: u.name, label: u.label, help: u.help ?? '' })),
    );
  },
};

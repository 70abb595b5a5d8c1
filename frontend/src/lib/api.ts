// The typed API over the generated Wails bindings — the only module that
// imports wailsjs. It does three things and nothing else:
//   - converts offsets: the backend counts code points, the UI UTF-16 indices;
//   - normalises Go's nil slices and pointers to [] and null;
//   - turns a rejected promise into a ThemisError {code, message}.

import * as Projects from './wailsjs/go/app/ProjectService';
import * as Documents from './wailsjs/go/app/DocumentService';
import * as Coding from './wailsjs/go/app/CodingService';
import * as Agreements from './wailsjs/go/app/AgreementService';
import * as QuotesSvc from './wailsjs/go/app/QuotesService';
import * as Adjudication from './wailsjs/go/app/AdjudicationService';
import * as Codebook from './wailsjs/go/app/CodebookService';
import { OffsetIndex } from './offsets';
import type {
  Agreement,
  BuiltinFramework,
  CodeInput,
  CodeSegment,
  CodebookFormat,
  CodebookHistory,
  DeleteImpact,
  Framework,
  InVivo,
  AgreementExportFormat,
  AgreementRow,
  Code,
  Coder,
  DecisionChoice,
  Disagreement,
  DisagreementKind,
  Review,
  ReviewInput,
  TextRange,
  DocumentSummary,
  DocumentView,
  ExportFormat,
  History,
  Interval,
  Intervals,
  MultiAgreement,
  MultiAgreementRow,
  Resample,
  Stat,
  Unitized,
  ProjectInfo,
  Quotes,
  RecentProject,
  Segment,
  StartState,
  UndoResult,
  Unit,
} from './types';

/** The error codes of app/errors.go, plus "error" for anything else. */
export type ErrorCode =
  | 'locked'
  | 'newer'
  | 'not_found'
  | 'no_project'
  | 'no_coder'
  | 'import'
  | 'csv'
  | 'invalid'
  | 'error';

export class ThemisError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ThemisError';
    this.code = code;
  }
}

function fromJSON(text: string): ThemisError | null {
  const t = text.trim();
  if (!t.startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(t);
    if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string') {
      const o = v as { code?: unknown; message: string };
      return new ThemisError(typeof o.code === 'string' && o.code ? o.code : 'error', o.message);
    }
  } catch {
    // not JSON: the message is the text itself
  }
  return null;
}

/**
 * Reads whatever a rejected binding promise carried — the JSON string of
 * app.FormatError, an Error whose message is that JSON, or anything else —
 * as a ThemisError.
 */
export function toThemisError(e: unknown): ThemisError {
  if (e instanceof ThemisError) return e;
  if (typeof e === 'string') return fromJSON(e) ?? new ThemisError('error', e || 'Something went wrong.');
  if (e instanceof Error) return fromJSON(e.message) ?? new ThemisError('error', e.message || String(e));
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') {
    const o = e as { code?: unknown; message: string };
    return new ThemisError(typeof o.code === 'string' ? o.code : 'error', o.message);
  }
  return new ThemisError('error', String(e));
}

/** Runs a binding call, turning its rejection into a ThemisError (for the other API modules too). */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toThemisError(e);
  }
}

// ---- normalisers (backend shapes -> UI types) ----

interface RawCoder {
  id: number;
  name: string;
  consensus?: boolean;
}

interface RawProjectInfo {
  path: string;
  name: string;
  framework: string;
  coders?: RawCoder[] | null;
  lead: RawCoder;
  current?: RawCoder | null;
  blindMode: boolean;
  canCompare: boolean;
  documents: number;
}

function coder(c: RawCoder): Coder {
  return { id: c.id, name: c.name, consensus: !!c.consensus };
}

function projectInfo(p: RawProjectInfo | null | undefined): ProjectInfo | null {
  if (!p) return null;
  return {
    path: p.path,
    name: p.name,
    framework: p.framework,
    coders: (p.coders ?? []).map(coder),
    lead: coder(p.lead),
    current: p.current ? coder(p.current) : null,
    blindMode: !!p.blindMode,
    canCompare: !!p.canCompare,
    documents: p.documents,
  };
}

interface RawDocument {
  id: number;
  name: string;
  turns: number;
  words: number;
  chars: number;
  case: string;
}

function documentSummary(d: RawDocument): DocumentSummary {
  return { id: d.id, name: d.name, turns: d.turns, words: d.words, chars: d.chars, case: d.case ?? '' };
}

interface RawSegment {
  id: number;
  document: number;
  code: number;
  coder: number;
  start: number;
  end: number;
}

function segment(s: RawSegment, index: OffsetIndex): Segment {
  return {
    id: s.id,
    document: s.document,
    code: s.code,
    coder: s.coder,
    start: index.toUtf16(s.start),
    end: index.toUtf16(s.end),
  };
}

interface RawRow {
  label: string;
  code: number;
  factor: number;
  document?: number;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
  units: number;
  agreement: number;
  kappa?: number | null;
  scottPi?: number | null;
  krippendorffAlpha?: number | null;
  gwetAC1?: number | null;
  brennanPrediger?: number | null;
  ci?: RawIntervals | null;
  status: string;
  note: string;
}

type RawInterval = number[] | null | undefined;

interface RawIntervals {
  kappa?: RawInterval;
  scottPi?: RawInterval;
  krippendorffAlpha?: RawInterval;
  gwetAC1?: RawInterval;
  brennanPrediger?: RawInterval;
}

interface RawHistory {
  canUndo: boolean;
  canRedo: boolean;
  undo: string;
  redo: string;
}

interface RawUndoResult {
  document: number;
  documents?: number[] | null;
  done: string;
  history?: RawHistory | null;
}

function historyState(h: RawHistory | null | undefined): History {
  return { canUndo: !!h?.canUndo, canRedo: !!h?.canRedo, undo: h?.undo ?? '', redo: h?.redo ?? '' };
}

function undoResult(r: RawUndoResult | null | undefined): UndoResult {
  const out: UndoResult = { document: r?.document ?? 0, done: r?.done ?? '', history: historyState(r?.history) };
  if (r?.documents?.length) out.documents = r.documents;
  return out;
}

/** A coefficient as a number, or null when the backend sent nil (undefined) or nothing. */
function num(v: number | null | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

/** An interval as [low, high], or null when the backend sent nil or something that is not two numbers. */
function interval(v: RawInterval): Interval | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const [lo, hi] = v;
  return typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}

function intervals(c: RawIntervals | null | undefined): Intervals {
  return {
    kappa: interval(c?.kappa),
    scottPi: interval(c?.scottPi),
    krippendorffAlpha: interval(c?.krippendorffAlpha),
    gwetAC1: interval(c?.gwetAC1),
    brennanPrediger: interval(c?.brennanPrediger),
  };
}

function row(r: RawRow): AgreementRow {
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

// ---- agreement among two or more coders; the unitizing alphas ----

interface RawStat {
  value?: number | null;
  undefined?: string | null;
  ci?: RawInterval;
}

/** A coefficient: null with its reason when the backend sent nil (or nothing). */
function stat(s: RawStat | null | undefined): Stat {
  const value = num(s?.value);
  return { value, undefined: s?.undefined ?? (value === null ? 'undefined' : ''), ci: interval(s?.ci) };
}

interface RawMultiRow {
  label: string;
  code: number;
  factor: number;
  kind: string;
  units: number;
  histogram?: number[] | null;
  coded?: number[] | null;
  percentAgreement?: RawStat | null;
  fleissKappa?: RawStat | null;
  krippendorffAlpha?: RawStat | null;
  gwetAC1?: RawStat | null;
  brennanPrediger?: RawStat | null;
  status: string;
  note?: string;
}

function multiRow(r: RawMultiRow): MultiAgreementRow {
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

function projectCall(fn: () => Promise<RawProjectInfo | null | undefined>): Promise<ProjectInfo | null> {
  return call(async () => projectInfo(await fn()));
}

// ---- adjudication: offsets relative to each disagreement's context text ----

interface RawSpan {
  start: number;
  end: number;
}

interface RawDisagreement {
  key: string;
  document: number;
  documentName: string;
  kind: string;
  codeA: number;
  codeB: number;
  a?: RawSpan[] | null;
  b?: RawSpan[] | null;
  extent: RawSpan;
  size: number;
  overlap: number;
  speaker?: string;
  context: { start: number; text: string; before: boolean; after: boolean };
  decision?: {
    action: string;
    rationale?: string;
    decidedBy?: string;
    decidedAt?: string;
    segments?: { code: number; start: number; end: number }[] | null;
  } | null;
}

interface RawReview {
  coderA: RawCoder;
  coderB: RawCoder;
  consensus?: RawCoder | null;
  threshold: number;
  total: number;
  settled: number;
  agreed: number;
  items?: RawDisagreement[] | null;
}

/**
 * A disagreement with its document code points turned into UTF-16 indices
 * of its context text (which begins at code point context.start).
 */
function disagreement(d: RawDisagreement): Disagreement {
  const text = d.context?.text ?? '';
  const from = d.context?.start ?? 0;
  const index = new OffsetIndex(text);
  const range = (s: RawSpan): TextRange => ({ start: index.toUtf16(s.start - from), end: index.toUtf16(s.end - from) });
  const dec = d.decision;
  return {
    key: d.key,
    document: d.document,
    documentName: d.documentName ?? '',
    kind: d.kind as DisagreementKind,
    codeA: d.codeA ?? 0,
    codeB: d.codeB ?? 0,
    a: (d.a ?? []).map(range),
    b: (d.b ?? []).map(range),
    extent: range(d.extent),
    size: d.size ?? 0,
    overlap: d.overlap ?? 0,
    speaker: d.speaker ?? '',
    context: { start: from, text, before: !!d.context?.before, after: !!d.context?.after, index },
    decision: dec
      ? {
          action: dec.action as NonNullable<Disagreement['decision']>['action'],
          rationale: dec.rationale ?? '',
          decidedBy: dec.decidedBy ?? '',
          decidedAt: dec.decidedAt ?? '',
          segments: (dec.segments ?? []).map((s) => ({ code: s.code, ...range(s) })),
        }
      : null,
  };
}

function review(r: RawReview): Review {
  return {
    coderA: coder(r.coderA),
    coderB: coder(r.coderB),
    consensus: r.consensus ? coder(r.consensus) : null,
    threshold: r.threshold ?? 0,
    total: r.total ?? 0,
    settled: r.settled ?? 0,
    agreed: r.agreed ?? 0,
    items: (r.items ?? []).map(disagreement),
  };
}

function reviewInput(i: ReviewInput): ReviewInput {
  return { coderA: i.coderA, coderB: i.coderB, documents: [...i.documents], codes: [...i.codes], threshold: i.threshold };
}

interface RawCodeCount {
  coder: number;
  name: string;
  count: number;
}

interface RawCode {
  id: number;
  parent: number;
  framework?: number;
  ref?: string;
  name: string;
  definition?: string;
  whenToUse?: string;
  whenNotToUse?: string;
  examples?: string[] | null;
  color?: string;
  key?: string;
  codable?: boolean;
  scale?: number | null;
  counts?: RawCodeCount[] | null;
}

function toCode(c: RawCode): Code {
  return {
    id: c.id,
    parent: c.parent,
    framework: c.framework ?? 0,
    ref: c.ref ?? '',
    name: c.name,
    definition: c.definition ?? '',
    whenToUse: c.whenToUse ?? '',
    whenNotToUse: c.whenNotToUse ?? '',
    examples: [...(c.examples ?? [])],
    color: c.color || '#64748b',
    key: c.key ?? '',
    codable: !!c.codable,
    scale: typeof c.scale === 'number' ? c.scale : null,
    counts: (c.counts ?? []).map((n) => ({ coder: n.coder, name: n.name, count: n.count })),
  };
}

interface RawFramework {
  id: number;
  name: string;
  description?: string;
  active?: boolean;
  codes?: number;
  revision?: number;
  version?: string;
  tag?: string;
}

function framework(f: RawFramework): Framework {
  return {
    id: f.id,
    name: f.name,
    description: f.description ?? '',
    active: !!f.active,
    codes: f.codes ?? 0,
    revision: f.revision ?? 0,
    version: f.version ?? '',
    tag: f.tag ?? '',
  };
}

type WireCodeInput = Parameters<typeof Codebook.AddCode>[1];

function codeInput(i: CodeInput): WireCodeInput {
  return {
    parent: i.parent,
    name: i.name,
    definition: i.definition,
    whenToUse: i.whenToUse,
    whenNotToUse: i.whenNotToUse,
    examples: i.examples.map((e) => e.trim()).filter((e) => e !== ''),
    color: i.color,
    key: i.key,
    codable: i.codable,
    // Go reads an absent scale as "none"
    scale: i.scale ?? undefined,
  };
}

interface RawCodebookHistory {
  framework: number;
  revision?: number;
  version?: string;
  changes?: { revision: number; at: string; who?: string; action: string; summary: string; undone?: boolean; tags?: string[] | null }[] | null;
  tags?: { name: string; note?: string; revision: number; at: string; who?: string }[] | null;
  canUndo?: boolean;
  undo?: string;
  canRedo?: boolean;
  redo?: string;
}

function codebookHistory(h: RawCodebookHistory): CodebookHistory {
  return {
    framework: h.framework,
    revision: h.revision ?? 0,
    version: h.version ?? '',
    changes: (h.changes ?? []).map((c) => ({
      revision: c.revision,
      at: c.at,
      who: c.who ?? '',
      action: c.action,
      summary: c.summary,
      undone: !!c.undone,
      tags: [...(c.tags ?? [])],
    })),
    tags: (h.tags ?? []).map((t) => ({ name: t.name, note: t.note ?? '', revision: t.revision, at: t.at, who: t.who ?? '' })),
    canUndo: !!h.canUndo,
    undo: h.undo ?? '',
    canRedo: !!h.canRedo,
    redo: h.redo ?? '',
  };
}

// ---- the API ----

export const api = {
  // ProjectService
  async start(): Promise<StartState> {
    return call(async () => {
      const s = await Projects.Start();
      const recent: RecentProject[] = (s.recent ?? []).map((r) => ({
        path: r.path,
        name: r.name,
        openedAt: r.openedAt,
        exists: !!r.exists,
      }));
      return { project: projectInfo(s.project), recent, defaultFolder: s.defaultFolder ?? '', error: s.error ?? '' };
    });
  },
  /** framework: a built-in's id (see builtinFrameworks), "" for an empty codebook */
  create(name: string, folder: string, lead: string, framework: string): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.Create(name, folder, lead, framework));
  },
  chooseFolder(): Promise<string> {
    return call(() => Projects.ChooseFolder());
  },
  open(path: string): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.Open(path));
  },
  /** null when the user cancelled */
  chooseAndOpen(): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.ChooseAndOpen());
  },
  openDemo(): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.OpenDemo());
  },
  close(): Promise<void> {
    return call(() => Projects.Close());
  },
  info(): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.Info());
  },
  selectCoder(id: number): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.SelectCoder(id));
  },
  addCoder(name: string): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.AddCoder(name));
  },
  setBlindMode(on: boolean): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.SetBlindMode(on));
  },

  // DocumentService
  async documents(): Promise<DocumentSummary[]> {
    return call(async () => ((await Documents.List()) ?? []).map(documentSummary));
  },
  /** Opens a document for the reader, with its offsets in UTF-16. */
  async document(id: number): Promise<DocumentView> {
    return call(async () => {
      const v = await Documents.Get(id);
      const text = v.text ?? '';
      const index = new OffsetIndex(text);
      const turns = (v.turnSpans ?? []).map((t) => ({
        speaker: t.speaker,
        timestamp: t.timestamp ?? '',
        start: index.toUtf16(t.start),
        contentStart: index.toUtf16(t.contentStart),
        end: index.toUtf16(t.end),
        case: t.case ?? '',
        excluded: !!t.excluded,
      }));
      return { ...documentSummary(v), text, turns, index };
    });
  },
  // CodingService
  /** The active framework's factors and codes, parents first, with segment counts. */
  async codes(): Promise<Code[]> {
    return call(async () => ((await Coding.Codes()) ?? []).map(toCode));
  },
  /**
   * Creates a code called name under parent (0: top level) in the active
   * framework and codes doc.text[start, end) (UTF-16 indices) with it as the
   * current coder, in one step that the codebook's undo reverses.
   */
  async codeInVivo(doc: DocumentView, start: number, end: number, name: string, parent: number): Promise<InVivo> {
    return call(async () => {
      const r = await Coding.CodeInVivo({
        document: doc.id,
        start: doc.index.toCodePoint(start, 'floor'),
        end: doc.index.toCodePoint(end, 'ceil'),
        name,
        parent,
      });
      return { code: toCode(r.code), segment: segment(r.segment, doc.index) };
    });
  },
  /** The segments of a document that the current coder may see, sorted by start. */
  async segments(doc: DocumentView): Promise<Segment[]> {
    return call(async () =>
      ((await Coding.Segments(doc.id)) ?? [])
        .map((s) => segment(s, doc.index))
        .sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id),
    );
  },
  /** Codes doc.text[start, end) (UTF-16 indices) as the current coder. */
  async apply(doc: DocumentView, code: number, start: number, end: number): Promise<Segment> {
    return call(async () => {
      const s = await Coding.Apply(doc.id, code, doc.index.toCodePoint(start, 'floor'), doc.index.toCodePoint(end, 'ceil'));
      return segment(s, doc.index);
    });
  },
  remove(segment: number): Promise<void> {
    return call(() => Coding.Remove(segment));
  },
  /** Reverses the current coder's latest apply or remove in this session; done is "" when there was none. */
  async undo(): Promise<UndoResult> {
    return call(async () => undoResult(await Coding.Undo()));
  },
  /** Repeats the latest undone step; done is "" when there was none. */
  async redo(): Promise<UndoResult> {
    return call(async () => undoResult(await Coding.Redo()));
  },
  /** What undo and redo would do now (per session and coder). */
  async history(): Promise<History> {
    return call(async () => historyState(await Coding.History()));
  },

  // CodebookService
  /** The frameworks shipped with Themis; needs no project. */
  async builtinFrameworks(): Promise<BuiltinFramework[]> {
    return call(async () =>
      ((await Codebook.Builtins()) ?? []).map((b) => ({ id: b.id, name: b.name, description: b.description ?? '', codes: b.codes ?? 0 })),
    );
  },
  async frameworks(): Promise<Framework[]> {
    return call(async () => ((await Codebook.Frameworks()) ?? []).map(framework));
  },
  setActiveFramework(id: number): Promise<void> {
    return call(() => Codebook.SetActive(id));
  },
  /** builtin: a built-in's id, or "" for an empty codebook; name overrides the built-in's name when not "". The new one becomes active. */
  async createFramework(builtin: string, name: string): Promise<Framework> {
    return call(async () => framework(await Codebook.CreateFramework(builtin, name)));
  },
  renameFramework(id: number, name: string, description: string): Promise<void> {
    return call(() => Codebook.RenameFramework(id, name, description));
  },
  /** A framework's codes in tree order, with counts; framework 0 = the active one. */
  async frameworkCodes(frameworkId: number): Promise<Code[]> {
    return call(async () => ((await Codebook.Codes(frameworkId)) ?? []).map(toCode));
  },
  async addCode(frameworkId: number, input: CodeInput): Promise<Code> {
    return call(async () => toCode(await Codebook.AddCode(frameworkId, codeInput(input))));
  },
  /** Changes everything but the parent (use moveCode for that). */
  async updateCode(id: number, input: CodeInput): Promise<Code> {
    return call(async () => toCode(await Codebook.UpdateCode(id, codeInput(input))));
  },
  /** Puts a code under parent (0: top level) at index among its new siblings. */
  moveCode(id: number, parent: number, index: number): Promise<void> {
    return call(() => Codebook.MoveCode(id, parent, index));
  },
  /** Recodes from's segments as into, moves its children, deletes it; returns a sentence saying what happened. */
  mergeCodes(from: number, into: number): Promise<string> {
    return call(() => Codebook.MergeCodes(from, into));
  },
  /** Creates a new code from input and moves the listed segments of id to it. */
  async splitCode(id: number, input: CodeInput, segments: number[]): Promise<Code> {
    return call(async () => toCode(await Codebook.SplitCode(id, codeInput(input), [...segments])));
  },
  async codeSegments(id: number): Promise<CodeSegment[]> {
    return call(async () =>
      ((await Codebook.CodeSegments(id)) ?? []).map((s) => ({
        id: s.id,
        document: s.document,
        documentName: s.documentName,
        coder: s.coder,
        coderName: s.coderName,
        start: s.start,
        end: s.end,
        text: s.text,
      })),
    );
  },
  async deleteImpact(id: number): Promise<DeleteImpact> {
    return call(async () => {
      const d = await Codebook.DeleteImpact(id);
      return {
        codes: [...(d.codes ?? [])],
        segments: d.segments,
        byCoder: (d.byCoder ?? []).map((n) => ({ coder: n.coder, name: n.name, count: n.count })),
        message: d.message,
      };
    });
  },
  /** Deletes a code, its descendants and their segments; undoable. Returns what was done. */
  deleteCode(id: number): Promise<string> {
    return call(() => Codebook.DeleteCode(id));
  },
  async codebookHistory(frameworkId: number): Promise<CodebookHistory> {
    return call(async () => codebookHistory(await Codebook.History(frameworkId)));
  },
  /** Reverses the framework's latest change; returns what was undone. */
  undoCodebook(frameworkId: number): Promise<string> {
    return call(() => Codebook.Undo(frameworkId));
  },
  redoCodebook(frameworkId: number): Promise<string> {
    return call(() => Codebook.Redo(frameworkId));
  },
  tagCodebook(frameworkId: number, name: string, note: string): Promise<void> {
    return call(() => Codebook.Tag(frameworkId, name, note));
  },
  /** Asks for a .yaml/.yml/.json/.qdc file and adds it as a new, active framework; null when cancelled. */
  async importCodebook(): Promise<Framework | null> {
    return call(async () => {
      const f = await Codebook.Import();
      return f ? framework(f) : null;
    });
  },
  /** Asks where to save and writes the framework; returns the path, "" when cancelled. */
  exportCodebook(frameworkId: number, format: CodebookFormat): Promise<string> {
    return call(() => Codebook.Export(frameworkId, format));
  },

  // AgreementService
  /**
   * codes: the ids of the codes to compare, [] = every codable code; unit:
   * one of units()' names ("" = character); minShare: the share (0..1) of a
   * unit a coder's segments must cover for it to count as coded, 0 = any
   * overlap (ignored for characters); bootstrap: how many resamples of the
   * documents to draw for 95 % intervals (seed fixed by the backend), 0 = none.
   */
  async agreement(
    coderA: number,
    coderB: number,
    documents: number[],
    codes: number[],
    unit: string,
    minShare: number,
    bootstrap: number,
    resample: Resample = 'document',
  ): Promise<Agreement> {
    return call(async () => {
      const a = await Agreements.Compute({ coderA, coderB, documents, codes, unit, minShare, bootstrap, resample, statistic: '' });
      return {
        coderA: coder(a.coderA),
        coderB: coder(a.coderB),
        documents: a.documents ?? [],
        unit: a.unit || 'character',
        minShare: a.minShare ?? 0,
        resamples: a.resamples ?? 0,
        seed: a.seed ?? 0,
        resampling: a.resampling ?? '',
        formula: a.formula,
        codebook: a.codebook ?? '',
        perCode: (a.perCode ?? []).map(row),
        perFactor: (a.perFactor ?? []).map(row),
        overall: row(a.overall),
        byDocument: (a.byDocument ?? []).map((b) => ({ code: b.code, rows: (b.rows ?? []).map(row) })),
      };
    });
  },

  /**
   * The methods-section paragraph for exactly the inputs of agreement() (the
   * same arguments), naming statistic, the coefficient the table shows.
   */
  agreementMethods(
    coderA: number,
    coderB: number,
    documents: number[],
    codes: number[],
    unit: string,
    minShare: number,
    bootstrap: number,
    resample: Resample,
    statistic: string,
  ): Promise<string> {
    return call(
      async () => (await Agreements.Methods({ coderA, coderB, documents, codes, unit, minShare, bootstrap, resample, statistic })) ?? '',
    );
  },
  /** Asks where to save the agreement table and writes it; the path written, or "" when the user cancelled. */
  exportAgreement(
    coderA: number,
    coderB: number,
    documents: number[],
    codes: number[],
    unit: string,
    minShare: number,
    bootstrap: number,
    resample: Resample,
    statistic: string,
    format: AgreementExportFormat,
  ): Promise<string> {
    return call(async () =>
      (await Agreements.Export({ coderA, coderB, documents, codes, unit, minShare, bootstrap, resample, statistic }, format)) ?? '',
    );
  },

  /**
   * Agreement among two or more coders (Fleiss' κ, α, AC1, κ_BP, percent) per
   * code, factor and overall; same codes, unit, minShare and bootstrap (of documents) as agreement().
   */
  async multiAgreement(
    coders: number[],
    documents: number[],
    codes: number[],
    unit: string,
    minShare: number,
    bootstrap: number,
  ): Promise<MultiAgreement> {
    return call(async () => {
      const a = await Agreements.ComputeMulti({ coders, documents, codes, unit, minShare, bootstrap });
      return {
        coders: (a.coders ?? []).map(coder),
        documents: a.documents ?? [],
        unit: a.unit || 'character',
        minShare: a.minShare ?? 0,
        resamples: a.resamples ?? 0,
        seed: a.seed ?? 0,
        resampling: a.resampling ?? '',
        formula: a.formula ?? '',
        codebook: a.codebook ?? '',
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

  // AdjudicationService
  /** Two coders' disagreements with the decisions taken so far (the consensus is null until started). */
  async review(input: ReviewInput): Promise<Review> {
    return call(async () => review(await Adjudication.Review(reviewInput(input))));
  },
  /** Creates the consensus layer and copies the agreed passages into it; again, it resumes. */
  async startReview(input: ReviewInput): Promise<Review> {
    return call(async () => review(await Adjudication.Start(reviewInput(input))));
  },
  /**
   * Settles item as the current coder; an adjusted span (UTF-16 in the
   * item's context text) goes to the backend as document code points.
   */
  async decide(input: ReviewInput, item: Disagreement, choice: DecisionChoice): Promise<Review> {
    return call(async () => {
      let start = 0;
      let end = 0;
      if (choice.action === 'adjust' && choice.span) {
        const ix = item.context.index;
        start = item.context.start + ix.toCodePoint(choice.span.start, 'floor');
        end = item.context.start + ix.toCodePoint(choice.span.end, 'ceil');
      }
      const r = await Adjudication.Decide({
        ...reviewInput(input),
        key: item.key,
        action: choice.action,
        rationale: choice.rationale,
        start,
        end,
        code: choice.action === 'adjust' ? (choice.code ?? 0) : 0,
      });
      return review(r);
    });
  },
  /** Takes back the decision on one disagreement. */
  async reopen(input: ReviewInput, key: string): Promise<Review> {
    return call(async () => review(await Adjudication.Reopen(reviewInput(input), key)));
  },

  // QuotesService
  /** coder 0: every layer the current coder may see */
  async quotes(code: number, coder: number): Promise<Quotes> {
    return call(async () => {
      const q = await QuotesSvc.List(code, coder);
      return {
        code: toCode(q.code),
        quotes: (q.quotes ?? []).map((x) => ({
          segmentId: x.segmentId,
          documentId: x.documentId,
          document: x.document,
          speaker: x.speaker ?? '',
          case: x.case ?? '',
          coder: x.coder,
          coderId: x.coderId,
          text: x.text,
        })),
      };
    });
  },
  renderQuotes(code: number, coder: number, format: ExportFormat): Promise<string> {
    return call(() => QuotesSvc.Render(code, coder, format));
  },
  /** The path written, or "" when the user cancelled. */
  exportQuotes(code: number, coder: number, format: ExportFormat): Promise<string> {
    return call(() => QuotesSvc.Export(code, coder, format));
  },
};

export type Api = typeof api;

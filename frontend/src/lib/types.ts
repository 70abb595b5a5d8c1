// The UI's view of the backend's DTOs (app/dto*.go). Where the UI's type is
// the wire's, it is the generated model (wailsjs/go/models.ts) itself; what
// is written out here really differs from the wire: offsets as UTF-16
// indices into a JavaScript string (the API modules convert from and to the
// backend's code points, so nothing else in the UI ever sees a code point),
// Go's nil pointers as null, and string unions where Go sends a string.

import type { OffsetIndex } from './offsets';
import type { app } from './wailsjs/go/models';
import type { Wire } from './wire';

/** A coder; consensus marks a layer made by adjudication, compared and quoted like a coder but coded by nobody. */
export type Coder = Wire<app.CoderDTO>;

export interface ProjectInfo extends Omit<Wire<app.ProjectInfo>, 'current'> {
  /** null until the user says who they are */
  current: Coder | null;
}

export type RecentProject = Wire<app.RecentProject>;

export interface StartState extends Omit<Wire<app.StartState>, 'project'> {
  project: ProjectInfo | null;
}

export type DocumentSummary = Wire<app.DocumentDTO>;

/** A speaker turn; offsets are UTF-16 indices into the document text. */
export interface Turn {
  speaker: string;
  timestamp: string;
  start: number;
  contentStart: number;
  end: number;
  /** the case the turn is attributed to: its speaker's, else the document's; "" for none */
  case?: string;
  /** the speaker is marked not to be coded or analysed here (an interviewer) */
  excluded?: boolean;
}

export interface DocumentView extends Omit<DocumentSummary, 'turns'> {
  text: string;
  turns: Turn[];
  /** converts between this text's UTF-16 indices and code points */
  index: OffsetIndex;
}

/** A code or factor; counts are the segments per coder the current user may see (only their own in blind mode). */
export interface Code extends Omit<Wire<app.CodeDTO>, 'scale'> {
  /** an ordinal scale value, null for none */
  scale: number | null;
}

/** How many segments one coder has with a code. */
export type CodeCount = Wire<app.CodeCountDTO>;

/** One of the project's frameworks (codebooks); version reads e.g. "v1 agreed" or "revision 14 (v1 + 3 changes)". */
export type Framework = Wire<app.FrameworkDTO>;

/** A framework shipped with Themis that a project can start from. */
export type BuiltinFramework = Wire<app.BuiltinDTO>;

/**
 * What the editor sends to add, edit or split off a code: parent 0 for top
 * level (ignored by updateCode, use moveCode); color "" lets the backend pick one.
 */
export interface CodeInput extends Omit<Wire<app.CodeInput>, 'scale'> {
  scale: number | null;
}

/** What deleting a code would take with it (the code and every descendant), for the confirmation. */
export type DeleteImpact = Wire<app.DeleteImpactDTO>;

/** A segment listed under its code, for splitting a code. Offsets are code points (display only). */
export type CodeSegment = Wire<app.CodeSegmentDTO>;

export type CodebookAction = 'add' | 'edit' | 'move' | 'merge' | 'split' | 'delete' | 'undo' | 'redo' | 'import' | 'rename';

/** One entry of a framework's history (at: RFC 3339; tags: those set at this revision). */
export type CodebookChange = Wire<app.CodebookChangeDTO>;

export type CodebookTag = Wire<app.CodebookTagDTO>;

/** A framework's history, newest first, and what undo and redo would do. */
export type CodebookHistory = Wire<app.CodebookHistoryDTO>;

export type CodebookFormat = 'yaml' | 'json' | 'qdc' | 'md' | 'html' | 'csv';

/** The code made from a selection, and the segment coding it. */
export interface InVivo {
  code: Code;
  segment: Segment;
}

/** A coded span; offsets are UTF-16 indices into the document text. */
export interface Segment {
  id: number;
  document: number;
  code: number;
  coder: number;
  start: number;
  end: number;
}

/** What Undo and Redo would do now; undo and redo describe the step, e.g. "coding “poster” as Positive affect". */
export type History = Wire<app.HistoryDTO>;

/**
 * What an undo or redo changed: document is the one it touched (0 when
 * nothing was done); done reads e.g. "Undid coding “poster” as Positive
 * affect", "" when there was nothing to do.
 */
export interface UndoResult extends Omit<Wire<app.UndoResult>, 'documents'> {
  /** every document it touched (coding every search hit is one step over several); absent for one */
  documents?: number[];
}

/** A 95 % interval, [low, high]. */
export type Interval = [number, number];

/** A row's bootstrap intervals, one per coefficient; null when not computed or undefined. */
export interface Intervals {
  kappa: Interval | null;
  scottPi: Interval | null;
  krippendorffAlpha: Interval | null;
  gwetAC1: Interval | null;
  brennanPrediger: Interval | null;
}

/** The coefficients of a two-coder row, each null when undefined (Go's nil). */
type Coefficient = 'kappa' | 'scottPi' | 'krippendorffAlpha' | 'gwetAC1' | 'brennanPrediger';

/**
 * A line of the two-coder table: code is 0 on pooled rows; factor is the
 * code's factor on code rows, the factor on factor rows, 0 overall; document
 * is the document's id on rows of a breakdown by document (label is its
 * name), 0 elsewhere; status is kappa's situation ("defined",
 * "no-variation", "only-one-coder", …) and note says more, "" for nothing.
 */
export interface AgreementRow extends Omit<Wire<app.AgreementRow>, Coefficient | 'ci'> {
  /** null when kappa is undefined (see note) */
  kappa: number | null;
  /** Scott's π; null when undefined */
  scottPi: number | null;
  /** Krippendorff's α (nominal); null when undefined, and always null on pooled rows (factors, "All codes") */
  krippendorffAlpha: number | null;
  /** Gwet's AC1; null when undefined */
  gwetAC1: number | null;
  /** Brennan & Prediger's κ (PABAK for yes/no codes); null when undefined */
  brennanPrediger: number | null;
  /** bootstrap 95 % intervals of the coefficients; each null when not asked for or undefined */
  ci: Intervals;
}

/**
 * Two coders' agreement with the inputs that made it: unit is "character",
 * "turn", "sentence", "paragraph" or "document"; minShare the share of a unit
 * a coder's segments must cover (0 = any overlap); resamples, seed and
 * resampling ("document", "" without one) describe the bootstrap; codebook
 * names the framework and version: "Keyes: flourishing, v1 agreed, revision 11".
 */
export interface Agreement extends Omit<Wire<app.AgreementDTO>, 'perCode' | 'perFactor' | 'overall' | 'byDocument'> {
  perCode: AgreementRow[];
  perFactor: AgreementRow[];
  overall: AgreementRow;
  /**
   * agreement per document: the entry with code 0 pools every code, each
   * other is one code's code × document breakdown; [] when there is none
   */
  byDocument: DocumentBreakdown[];
}

/**
 * One breakdown of agreement by document, a row per document in the result's
 * order. code 0 pools every code (Krippendorff's α is then null, as on other
 * pooled rows); rows carry no intervals (ci all null).
 */
export interface DocumentBreakdown extends Omit<Wire<app.DocumentBreakdown>, 'rows'> {
  rows: AgreementRow[];
}

/** A unit of analysis the agreement view offers: name "turn", label "Speaker turn", help one sentence on what counts. */
export type Unit = Wire<app.UnitDTO>;

// ---- agreement among two or more coders, and the unitizing alphas ----

/** What a bootstrap resamples: whole documents, or speaker turns (for studies with few documents). */
export type Resample = 'document' | 'turn';

/**
 * What a two coders' table is computed from, as the backend's AgreementInput:
 * codes [] = every codable code; unit one of units()' names ("" = character);
 * minShare the share (0..1) of a unit a coder's segments must cover for it to
 * count as coded, 0 = any overlap; bootstrap how many resamples to draw for
 * 95 % intervals, 0 = none; statistic the coefficient the table shows (used by
 * the methods paragraph and the export, ignored by the computation).
 */
export interface AgreementRequest {
  coderA: number;
  coderB: number;
  documents: number[];
  codes: number[];
  unit: string;
  minShare: number;
  bootstrap: number;
  resample: Resample;
  statistic: string;
}

/** What agreement among two or more coders is computed from, as the backend's MultiAgreementInput (fields as AgreementRequest). */
export interface MultiAgreementRequest {
  coders: number[];
  documents: number[];
  codes: number[];
  unit: string;
  minShare: number;
  bootstrap: number;
}

/** One coefficient: a value, or null with the reason it is undefined; its 95 % interval when computed. */
export interface Stat {
  value: number | null;
  /** why value is null, in plain words; "" when defined */
  undefined: string;
  ci: Interval | null;
}

/** The coefficients of a row among two or more coders. */
type MultiStatistic = 'percentAgreement' | 'fleissKappa' | 'krippendorffAlpha' | 'gwetAC1' | 'brennanPrediger';

/**
 * A line of agreement among two or more coders (Fleiss' κ and friends):
 * code 0 on pooled rows; histogram[k] counts units coded by exactly k of the
 * coders, coded[j] the units coder j coded.
 */
export interface MultiAgreementRow extends Omit<Wire<app.MultiAgreementRow>, MultiStatistic | 'kind'> {
  kind: 'code' | 'factor' | 'overall';
  percentAgreement: Stat;
  fleissKappa: Stat;
  krippendorffAlpha: Stat;
  gwetAC1: Stat;
  brennanPrediger: Stat;
}

/** Agreement among two or more coders; the inputs as Agreement's. */
export interface MultiAgreement extends Omit<Wire<app.MultiAgreementDTO>, 'perCode' | 'perFactor' | 'overall'> {
  perCode: MultiAgreementRow[];
  perFactor: MultiAgreementRow[];
  overall: MultiAgreementRow;
}

/**
 * Krippendorff's unitizing alphas among two or more coders over the chosen
 * documents (documents compared; length in code points over all of them).
 */
export interface Unitized extends Omit<Wire<app.UnitizedDTO>, 'uAlpha' | 'binaryUAlpha' | 'cuAlpha' | 'perCode'> {
  uAlpha: Stat;
  binaryUAlpha: Stat;
  cuAlpha: Stat;
  /** per code: (k)uα, eq. 13 of Krippendorff et al. (2016), and the binary uα of the code against everything else */
  perCode: { code: string; kuAlpha: Stat; binaryUAlpha: Stat }[];
}

/**
 * A quote with its attribution: a passage of one code, once however many
 * coders coded it (coders, segmentIds). start and end are code points of the
 * document, and so are the cuts of its star; a trim selected in the quote's
 * text is converted with offsets.ts.
 */
export type Quote = Wire<app.QuoteDTO>;

/** A passage starred for the report, with its full and trimmed text (offsets and cuts in code points). */
export type Exemplar = Wire<app.ExemplarDTO>;

/** An omitted range of a trimmed quote, [start, end) in code points of the document. */
export type Cut = [number, number];

export interface Quotes extends Omit<Wire<app.QuotesDTO>, 'code' | 'quotes'> {
  code: Code;
  quotes: Quote[];
}

export type ExportFormat = 'md' | 'html';

/** The formats the agreement table exports to (Markdown and HTML carry the methods paragraph). */
export type AgreementExportFormat = 'csv' | 'md' | 'html';

/** The workspace's views. */
export type Tab = 'documents' | 'cases' | 'search' | 'codebook' | 'agreement' | 'review' | 'quotes' | 'themes' | 'report' | 'memos' | 'privacy';

// ---- memos ----

/** What a memo is written on. */
export type MemoKind = 'project' | 'document' | 'code' | 'segment';

/**
 * A memo: Markdown by one author on the project, a document, a code or a
 * segment. html is the Markdown rendered by the backend (goldmark, raw HTML
 * left out), safe to show as it is. code is the code of a code memo or of a
 * segment memo's segment; document that of a document or segment memo.
 */
export interface Memo {
  id: number;
  kind: MemoKind;
  target: number;
  on: string;
  document: number;
  documentName: string;
  code: number;
  codeName: string;
  start: number;
  end: number;
  excerpt: string;
  author: number;
  authorName: string;
  /** the current coder wrote it, and so may edit and delete it */
  mine: boolean;
  text: string;
  html: string;
  created: string;
  updated: string;
}

// ---- adjudication (the Review tab) ----

/**
 * What kind of disagreement: one coder coded a passage the other did not
 * (only-a, only-b), both coded it with the same code but boundaries apart by
 * more than the threshold (boundary), or with different codes (different-code).
 */
export type DisagreementKind = 'only-a' | 'only-b' | 'boundary' | 'different-code';

/** What a reviewer decides about a disagreement. */
export type DecisionAction = 'accept-a' | 'accept-b' | 'both' | 'neither' | 'adjust';

/** A span of a disagreement's context text: UTF-16 indices into context.text, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** The text around a disagreement. */
export interface ReviewContext {
  /** where text begins in the document, in code points (the backend's count; used only to convert back) */
  start: number;
  text: string;
  /** whether the document goes on before / after the text */
  before: boolean;
  after: boolean;
  /** converts between this text's UTF-16 indices and code points */
  index: OffsetIndex;
}

/** A segment a decision put in the consensus; offsets as TextRange. */
export interface ConsensusSegment extends TextRange {
  code: number;
}

export interface Decision {
  action: DecisionAction | 'agreed';
  rationale: string;
  /** the name of who decided */
  decidedBy: string;
  /** RFC 3339 */
  decidedAt: string;
  segments: ConsensusSegment[];
}

/** One disagreement; every offset is a UTF-16 index into context.text. */
export interface Disagreement {
  /** stable across sessions, so a decision finds its disagreement again */
  key: string;
  document: number;
  documentName: string;
  kind: DisagreementKind;
  /** 0 when that coder has nothing here */
  codeA: number;
  codeB: number;
  a: TextRange[];
  b: TextRange[];
  extent: TextRange;
  /** characters (code points) the disagreement spans */
  size: number;
  /** share (0..1) of the extent both coders covered */
  overlap: number;
  /** who spoke at the start of the extent; "" when no turn holds it */
  speaker: string;
  context: ReviewContext;
  /** null while unsettled */
  decision: Decision | null;
}

/** The state of adjudication between two coders. */
export interface Review {
  /** always the coder with the lower id, whatever order was asked */
  coderA: Coder;
  coderB: Coder;
  /** the consensus layer; null until adjudication starts */
  consensus: Coder | null;
  /** segment-match threshold (0..1) */
  threshold: number;
  total: number;
  settled: number;
  /** passages the coders agreed on (copied into the consensus when adjudication starts) */
  agreed: number;
  /** sorted by size, largest first */
  items: Disagreement[];
}

/** Which review: two coders, documents and codes ([] = all), segment-match threshold (0 = 90 %). */
export type ReviewInput = Wire<app.ReviewInput>;

/** A decision as the UI makes it; span and code are read for "adjust" only. */
export interface DecisionChoice {
  action: DecisionAction;
  rationale: string;
  /** the adjusted span, UTF-16 in the item's context text */
  span?: TextRange;
  /** the code of the adjusted span; 0 = the coders' common code */
  code?: number;
}

// The UI's view of the backend's DTOs (app/dto.go). Every offset here is a
// UTF-16 index into a JavaScript string: api.ts converts from and to the
// backend's code points, so nothing else in the UI ever sees a code point.

import type { OffsetIndex } from './offsets';

export interface Coder {
  id: number;
  name: string;
  /**
   * a consensus layer made by adjudication: compared, quoted and shown in
   * the reader like a coder, but nobody codes as it
   */
  consensus: boolean;
}

export interface ProjectInfo {
  path: string;
  name: string;
  framework: string;
  coders: Coder[];
  lead: Coder;
  /** null until the user says who they are */
  current: Coder | null;
  blindMode: boolean;
  /** may open the agreement view */
  canCompare: boolean;
  documents: number;
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface StartState {
  project: ProjectInfo | null;
  recent: RecentProject[];
  defaultFolder: string;
  /** a launch argument that could not be opened; "" when none */
  error: string;
}

export interface DocumentSummary {
  id: number;
  name: string;
  turns: number;
  words: number;
  chars: number;
  case: string;
}

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

export interface Code {
  id: number;
  parent: number;
  /** the framework (codebook) the code belongs to */
  framework: number;
  ref: string;
  name: string;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  examples: string[];
  color: string;
  key: string;
  codable: boolean;
  /** an ordinal scale value, null for none */
  scale: number | null;
  /** segments per coder the current user may see (only their own in blind mode); coders with none left out */
  counts: CodeCount[];
}

/** How many segments one coder has with a code. */
export interface CodeCount {
  coder: number;
  name: string;
  count: number;
}

/** One of the project's frameworks (codebooks). */
export interface Framework {
  id: number;
  name: string;
  description: string;
  /** the framework the reader codes with */
  active: boolean;
  /** codable codes */
  codes: number;
  revision: number;
  /** e.g. "v1 agreed" or "revision 14 (v1 + 3 changes)" */
  version: string;
  /** the tag at exactly this revision, "" if none */
  tag: string;
}

/** A framework shipped with Themis that a project can start from. */
export interface BuiltinFramework {
  id: string;
  name: string;
  description: string;
  codes: number;
}

/** What the editor sends to add, edit or split off a code. */
export interface CodeInput {
  /** 0 for top level; ignored by updateCode (use moveCode) */
  parent: number;
  name: string;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  examples: string[];
  /** "" lets the backend pick one */
  color: string;
  key: string;
  codable: boolean;
  scale: number | null;
}

/** What deleting a code would take with it, for the confirmation. */
export interface DeleteImpact {
  /** the code and every descendant */
  codes: string[];
  segments: number;
  byCoder: CodeCount[];
  /** the same in a sentence */
  message: string;
}

/** A segment listed under its code, for splitting a code. Offsets are code points (display only). */
export interface CodeSegment {
  id: number;
  document: number;
  documentName: string;
  coder: number;
  coderName: string;
  start: number;
  end: number;
  text: string;
}

export type CodebookAction = 'add' | 'edit' | 'move' | 'merge' | 'split' | 'delete' | 'undo' | 'redo' | 'import' | 'rename';

/** One entry of a framework's history. */
export interface CodebookChange {
  revision: number;
  /** RFC 3339 */
  at: string;
  who: string;
  action: string;
  summary: string;
  undone: boolean;
  /** tags set at this revision */
  tags: string[];
}

export interface CodebookTag {
  name: string;
  note: string;
  revision: number;
  at: string;
  who: string;
}

/** A framework's history, newest first, and what undo and redo would do. */
export interface CodebookHistory {
  framework: number;
  revision: number;
  version: string;
  changes: CodebookChange[];
  tags: CodebookTag[];
  canUndo: boolean;
  undo: string;
  canRedo: boolean;
  redo: string;
}

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
export interface History {
  canUndo: boolean;
  canRedo: boolean;
  undo: string;
  redo: string;
}

/** What an undo or redo changed. */
export interface UndoResult {
  /** the document it touched; 0 when nothing was done */
  document: number;
  /** every document it touched (coding every search hit is one step over several) */
  documents?: number[];
  /** e.g. "Undid coding “poster” as Positive affect"; "" when there was nothing to do */
  done: string;
  history: History;
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

export interface AgreementRow {
  label: string;
  /** 0 for pooled rows */
  code: number;
  /** the code's factor for code rows, the factor for factor rows, 0 overall */
  factor: number;
  /** the document's id on rows of a breakdown by document (label is its name); 0 elsewhere */
  document: number;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
  units: number;
  agreement: number;
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
  /** kappa's situation: "defined", "no-variation", "only-one-coder", … */
  status: string;
  /** about kappa; "" when there is nothing to say */
  note: string;
}

export interface Agreement {
  coderA: Coder;
  coderB: Coder;
  documents: number[];
  /** the unit the counts are in: "character", "turn", "sentence", "paragraph" or "document" */
  unit: string;
  /** share of a unit a coder's segments must cover for it to count as coded; 0 = any overlap */
  minShare: number;
  /** bootstrap resamples behind the rows' intervals; 0 = no intervals */
  resamples: number;
  /** the bootstrap's random seed */
  seed: number;
  /** what was resampled: "document"; "" without a bootstrap */
  resampling: string;
  formula: string;
  /** the framework and version the codes were applied under: "Keyes: flourishing, v1 agreed, revision 11" */
  codebook: string;
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
export interface DocumentBreakdown {
  code: number;
  rows: AgreementRow[];
}

/** A unit of analysis the agreement view offers. */
export interface Unit {
  /** "character", "turn", "sentence", "paragraph" or "document" */
  name: string;
  /** "Speaker turn" */
  label: string;
  /** one sentence on what counts as a unit */
  help: string;
}

// ---- agreement among two or more coders, and the unitizing alphas ----

/** What a bootstrap resamples: whole documents, or speaker turns (for studies with few documents). */
export type Resample = 'document' | 'turn';

/** One coefficient: a value, or null with the reason it is undefined; its 95 % interval when computed. */
export interface Stat {
  value: number | null;
  /** why value is null, in plain words; "" when defined */
  undefined: string;
  ci: Interval | null;
}

/** A line of agreement among two or more coders (Fleiss' κ and friends). */
export interface MultiAgreementRow {
  label: string;
  /** 0 on pooled rows */
  code: number;
  factor: number;
  kind: 'code' | 'factor' | 'overall';
  units: number;
  /** histogram[k]: units coded by exactly k of the coders, k = 0..coders */
  histogram: number[];
  /** coded[j]: units coder j coded */
  coded: number[];
  percentAgreement: Stat;
  fleissKappa: Stat;
  krippendorffAlpha: Stat;
  gwetAC1: Stat;
  brennanPrediger: Stat;
  status: string;
  note: string;
}

export interface MultiAgreement {
  coders: Coder[];
  documents: number[];
  unit: string;
  minShare: number;
  resamples: number;
  seed: number;
  resampling: string;
  formula: string;
  /** as Agreement's */
  codebook: string;
  perCode: MultiAgreementRow[];
  perFactor: MultiAgreementRow[];
  overall: MultiAgreementRow;
}

/** Krippendorff's unitizing alphas among two or more coders over the chosen documents. */
export interface Unitized {
  coders: Coder[];
  /** documents compared */
  documents: number;
  /** code points compared, over all documents */
  length: number;
  uAlpha: Stat;
  binaryUAlpha: Stat;
  cuAlpha: Stat;
  /** per code: (k)uα, eq. 13 of Krippendorff et al. (2016), and the binary uα of the code against everything else */
  perCode: { code: string; kuAlpha: Stat; binaryUAlpha: Stat }[];
  /** as Agreement's */
  codebook: string;
}

export interface Quote {
  segmentId: number;
  documentId: number;
  document: string;
  speaker: string;
  case: string;
  coder: string;
  coderId: number;
  text: string;
}

export interface Quotes {
  code: Code;
  quotes: Quote[];
}

export type ExportFormat = 'md' | 'html';

/** The formats the agreement table exports to (Markdown and HTML carry the methods paragraph). */
export type AgreementExportFormat = 'csv' | 'md' | 'html';

/** The workspace's views. */
export type Tab = 'documents' | 'cases' | 'search' | 'codebook' | 'agreement' | 'review' | 'quotes' | 'privacy';

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
export interface ReviewInput {
  coderA: number;
  coderB: number;
  documents: number[];
  codes: number[];
  threshold: number;
}

/** A decision as the UI makes it; span and code are read for "adjust" only. */
export interface DecisionChoice {
  action: DecisionAction;
  rationale: string;
  /** the adjusted span, UTF-16 in the item's context text */
  span?: TextRange;
  /** the code of the adjusted span; 0 = the coders' common code */
  code?: number;
}

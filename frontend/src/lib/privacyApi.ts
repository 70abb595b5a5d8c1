// The typed API of the anonymisation check over the PrivacyService bindings.
// Offsets here are code points, as the backend counts them; the screen shows
// findings as text (a line of context with the hit), and hands offsets on
// only to open the reader, which takes code points too.

import * as Privacy from './wailsjs/go/app/PrivacyService';
import { call } from './api';

export type IdentifierKind =
  | 'name'
  | 'email'
  | 'phone'
  | 'postcode'
  | 'address'
  | 'nhs_number'
  | 'ni_number'
  | 'date'
  | 'url';

/** The kinds in the order the filter lists them, with the words the UI uses. */
export const KIND_LABELS: Record<IdentifierKind, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  postcode: 'Postcode',
  address: 'Address',
  nhs_number: 'NHS number',
  ni_number: 'NI number',
  date: 'Date',
  url: 'Web address',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as IdentifierKind] ?? kind;
}

/**
 * Where a finding is: in a document's text ('text', or 'speaker label' when
 * it is in a turn's label), or in a name — a document's, a case's, or a
 * case's attribute value. A finding in a name counts its offsets in the
 * name, and its before/after are the rest of the name.
 */
export type FindingPlace = 'text' | 'speaker label' | 'document name' | 'case name' | 'attribute value';

export interface PrivacyFinding {
  /** absent: 'text' */
  place?: FindingPlace;
  /** 0 for a case name or attribute value */
  document: number;
  documentName: string;
  case?: number;
  caseName?: string;
  attribute?: string;
  /** code points */
  start: number;
  end: number;
  kind: string;
  text: string;
  confidence: number;
  /** the line before and after the hit */
  before: string;
  after: string;
  contextStart: number;
  /** the line goes on before or after the context shown */
  clippedBefore: boolean;
  clippedAfter: boolean;
}

export interface PrivacyGroup {
  key: string;
  kind: string;
  text: string;
  confidence: number;
  suggested: string;
  documents: number;
  findings: PrivacyFinding[];
}

export interface PrivacyScan {
  groups: PrivacyGroup[];
  findings: number;
  dismissed: number;
  documents: number;
  /** pseudonyms made this session, for the key file */
  keyEntries: number;
}

export interface Occurrence {
  document: number;
  start: number;
  end: number;
  text: string;
  place?: FindingPlace;
  case?: number;
  attribute?: string;
}

/** The finding is in a name rather than in a transcript's text. */
export function inName(f: Pick<PrivacyFinding, 'place'>): boolean {
  return f.place === 'document name' || f.place === 'case name' || f.place === 'attribute value';
}

/** Where a finding in a name is, in words: "Name of document P001", "Contact of case Jenny Holt". */
export function placeLabel(f: PrivacyFinding): string {
  switch (f.place) {
    case 'document name':
      return 'Document name';
    case 'case name':
      return 'Case name';
    case 'attribute value':
      return `${f.attribute ?? 'Attribute'} of case ${f.caseName ?? ''}`.trim();
  }
  return f.documentName;
}

/** A key unique among a scan's findings. */
export function findingKey(f: PrivacyFinding): string {
  return [f.place ?? 'text', f.document, f.case ?? 0, f.attribute ?? '', f.start, f.kind].join(':');
}

/** What a replacement sends for a finding: where it is, and the original there. */
export function occurrenceOf(f: PrivacyFinding): Occurrence {
  const o: Occurrence = { document: f.document, start: f.start, end: f.end, text: f.text };
  if (inName(f)) {
    o.place = f.place;
    if (f.case) o.case = f.case;
    if (f.attribute) o.attribute = f.attribute;
  }
  return o;
}

export interface Replacement {
  kind: string;
  pseudonym: string;
  occurrences: Occurrence[];
}

export interface ReplaceSummary {
  replacements: number;
  documents: number;
  segments: number;
  turns: number;
  /** document names, case names and attribute values changed */
  names?: number;
  keyEntries: number;
  /** where the originals could not yet be wiped from */
  warnings?: string[] | null;
}

interface RawScan {
  groups?: (Omit<PrivacyGroup, 'findings'> & { findings?: PrivacyFinding[] | null })[] | null;
  findings: number;
  dismissed: number;
  documents: number;
  keyEntries: number;
}

export const privacyApi = {
  async scan(): Promise<PrivacyScan> {
    const raw = (await call(() => Privacy.Scan())) as unknown as RawScan;
    return {
      findings: raw.findings,
      dismissed: raw.dismissed,
      documents: raw.documents,
      keyEntries: raw.keyEntries,
      groups: (raw.groups ?? []).map((g) => ({ ...g, findings: g.findings ?? [] })),
    };
  },

  dismiss(f: PrivacyFinding): Promise<void> {
    return call(() => Privacy.Dismiss({ document: f.document, start: f.start, end: f.end, kind: f.kind, text: f.text }));
  },

  async replace(reps: Replacement[]): Promise<ReplaceSummary> {
    return (await call(() => Privacy.Replace(reps as never))) as unknown as ReplaceSummary;
  },

  /** Asks where to save the key; "" when the user cancelled. */
  saveKey(): Promise<string> {
    return call(() => Privacy.SaveKey());
  },
};

// The typed API of the anonymisation check over the PrivacyService bindings.
// Offsets here are code points, as the backend counts them; the screen shows
// findings as text (a line of context with the hit), and hands offsets on
// only to open the reader, which takes code points too.

import * as Privacy from './wailsjs/go/app/PrivacyService';
import type { app } from './wailsjs/go/models';
import { call, type Wire } from './wire';

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

/**
 * The kinds a group may be replaced as: what it was found as, and the three
 * a scan cannot tell apart (a town read as a name is a place; a charity, an
 * organisation). Values are kinds the backend's Suggest and Replace take.
 */
export function replaceKinds(found: string): { value: string; label: string }[] {
  const common = [
    { value: 'name', label: 'Name' },
    { value: 'address', label: 'Place' },
    { value: 'organisation', label: 'Organisation' },
  ];
  return common.some((k) => k.value === found) ? common : [{ value: found, label: kindLabel(found) }, ...common];
}

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as IdentifierKind] ?? kind;
}

/**
 * Where a finding is: in a document's text ('text', or 'speaker label' when
 * it is in a turn's label), in a name — a document's, a case's, or a
 * case's attribute value — or in a memo. A finding in a name counts its
 * offsets in the name, and its before/after are the rest of the name; one in
 * a memo counts them in the memo's text, with the memo's line around it.
 */
export type FindingPlace = 'text' | 'speaker label' | 'document name' | 'case name' | 'attribute value' | 'memo';

/** The fields that place a finding in a name or a memo; the UI leaves them out for a document's text. */
type NamePlace = 'place' | 'case' | 'caseName' | 'attribute' | 'memo' | 'memoOn' | 'memoAuthor';

/**
 * A finding: document is 0 for a case name or attribute value; start and
 * end are code points; before and after are the line around the hit, which
 * goes on beyond them when clippedBefore or clippedAfter.
 */
export interface PrivacyFinding extends Omit<Wire<app.PrivacyFindingDTO>, NamePlace> {
  /** absent: 'text' */
  place?: FindingPlace;
  case?: number;
  caseName?: string;
  attribute?: string;
  /** the memo a finding in a memo is in, what the memo is on ("the project", "document “P001”") and its author */
  memo?: number;
  memoOn?: string;
  memoAuthor?: string;
}

export interface PrivacyGroup extends Omit<Wire<app.PrivacyGroupDTO>, 'findings' | 'memos'> {
  findings: PrivacyFinding[];
  /** how many findings are in memos */
  memos?: number;
}

/** A scan of the whole project; keyEntries counts the pseudonyms made this session, for the key file. */
export interface PrivacyScan extends Omit<Wire<app.PrivacyScanDTO>, 'groups'> {
  groups: PrivacyGroup[];
}

export interface Occurrence extends Omit<Wire<app.PrivacyOccurrenceDTO>, Exclude<NamePlace, 'caseName'>> {
  place?: FindingPlace;
  case?: number;
  attribute?: string;
  memo?: number;
}

/** The finding is in a name rather than in a transcript's text. */
export function inName(f: Pick<PrivacyFinding, 'place'>): boolean {
  return f.place === 'document name' || f.place === 'case name' || f.place === 'attribute value';
}

/** The finding is in a memo's text. */
export function inMemo(f: Pick<PrivacyFinding, 'place'>): boolean {
  return f.place === 'memo';
}

/** The finding is in a document's text (a speaker label too). */
export function inText(f: Pick<PrivacyFinding, 'place'>): boolean {
  return !inName(f) && !inMemo(f);
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
    case 'memo':
      return `Memo by ${f.memoAuthor ?? 'someone'} on ${f.memoOn ?? 'the project'}`;
  }
  return f.documentName;
}

/** A key unique among a scan's findings. */
export function findingKey(f: PrivacyFinding): string {
  return [f.place ?? 'text', f.document, f.case ?? 0, f.attribute ?? '', f.memo ?? 0, f.start, f.kind].join(':');
}

/** What a replacement sends for a finding: where it is, and the original there. */
export function occurrenceOf(f: PrivacyFinding): Occurrence {
  const o: Occurrence = { document: f.document, start: f.start, end: f.end, text: f.text };
  if (inName(f)) {
    o.place = f.place;
    if (f.case) o.case = f.case;
    if (f.attribute) o.attribute = f.attribute;
  } else if (inMemo(f)) {
    o.place = f.place;
    o.memo = f.memo;
  }
  return o;
}

export interface Replacement extends Omit<Wire<app.PrivacyReplacementDTO>, 'occurrences'> {
  occurrences: Occurrence[];
}

/** What a replacement changed: names counts document names, case names and attribute values; warnings where the originals could not yet be wiped from. */
export interface ReplaceSummary extends Omit<Wire<app.PrivacyReplaceSummaryDTO>, 'names' | 'warnings'> {
  names?: number;
  warnings?: string[] | null;
}

export const privacyApi = {
  async scan(): Promise<PrivacyScan> {
    const raw = await call(() => Privacy.Scan());
    return {
      findings: raw.findings,
      dismissed: raw.dismissed,
      documents: raw.documents,
      keyEntries: raw.keyEntries,
      groups: (raw.groups ?? []).map((g) => ({ ...g, findings: (g.findings ?? []) as PrivacyFinding[] })),
    };
  },

  dismiss(f: PrivacyFinding): Promise<void> {
    // a finding in a memo is dismissed by the memo, not the document it is on
    const where = inMemo(f) ? { document: 0, memo: f.memo ?? 0 } : { document: f.document, memo: 0 };
    return call(() => Privacy.Dismiss({ ...where, start: f.start, end: f.end, kind: f.kind, text: f.text }));
  },

  async replace(reps: Replacement[]): Promise<ReplaceSummary> {
    return call(() => Privacy.Replace(reps as never));
  },

  /** The pseudonym original gets when replaced as kind (name, address, organisation, …), numbered after those in use. */
  suggest(kind: string, original: string): Promise<string> {
    return call(() => Privacy.Suggest(kind, original));
  },

  /** Asks where to save the key; "" when the user cancelled. */
  saveKey(): Promise<string> {
    return call(() => Privacy.SaveKey());
  },
};

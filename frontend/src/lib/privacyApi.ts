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

export interface PrivacyFinding {
  document: number;
  documentName: string;
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
  keyEntries: number;
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
    return call(() => Privacy.Dismiss(f.document, f.start, f.end, f.kind, f.text));
  },

  async replace(reps: Replacement[]): Promise<ReplaceSummary> {
    return (await call(() => Privacy.Replace(reps as never))) as unknown as ReplaceSummary;
  },

  /** Asks where to save the key; "" when the user cancelled. */
  saveKey(): Promise<string> {
    return call(() => Privacy.SaveKey());
  },
};

// The typed API of the Cases tab over the CasesService bindings: the cases
// table with typed attributes, case sheets, and which document or speaker
// belongs to which case. Go's nil slices and maps become [] and {}.

import * as Cases from './wailsjs/go/app/CasesService';
import { call } from './wire';

export type AttributeType = 'text' | 'number' | 'date' | 'category';

export interface CaseAttribute {
  name: string;
  type: AttributeType;
  /** a category's values in use */
  values: string[];
}

export interface CaseRow {
  id: number;
  name: string;
  /** attribute → value; unset values are absent */
  values: Record<string, string>;
}

export interface Speaker {
  name: string;
  turns: number;
  /** 0: the document's case */
  case: number;
  caseName: string;
  excluded: boolean;
}

export interface DocumentCases {
  document: number;
  name: string;
  /** 0: none */
  case: number;
  caseName: string;
  speakers: Speaker[];
}

export interface CasesView {
  types: AttributeType[];
  attributes: CaseAttribute[];
  cases: CaseRow[];
  documents: DocumentCases[];
}

export interface SheetAttribute {
  name: string;
  type: AttributeType;
  inferred: boolean;
  values: string[];
}

export interface CaseMatch {
  case: string;
  document: string;
  how: string;
}

export interface CaseSheetResult {
  file: string;
  nameColumn: string;
  documentColumn: string;
  attributes: SheetAttribute[];
  cases: number;
  added: number;
  updated: number;
  newAttributes: number;
  linked: number;
  matches: CaseMatch[];
  unknownDocuments: string[];
  unmatched: string[];
  summary: string[];
}

type Raw = any;

const TYPES: AttributeType[] = ['text', 'number', 'date', 'category'];

function attrType(t: unknown): AttributeType {
  return TYPES.includes(t as AttributeType) ? (t as AttributeType) : 'text';
}

export function casesView(v: Raw): CasesView {
  return {
    types: ((v?.types ?? TYPES) as unknown[]).map(attrType),
    attributes: ((v?.attributes ?? []) as Raw[]).map((a) => ({ name: a.name, type: attrType(a.type), values: a.values ?? [] })),
    cases: ((v?.cases ?? []) as Raw[]).map((c) => ({ id: c.id, name: c.name, values: { ...(c.values ?? {}) } })),
    documents: ((v?.documents ?? []) as Raw[]).map((d) => ({
      document: d.document,
      name: d.name,
      case: d.case ?? 0,
      caseName: d.caseName ?? '',
      speakers: ((d.speakers ?? []) as Raw[]).map((s) => ({
        name: s.name,
        turns: s.turns ?? 0,
        case: s.case ?? 0,
        caseName: s.caseName ?? '',
        excluded: !!s.excluded,
      })),
    })),
  };
}

function sheetResult(r: Raw): CaseSheetResult {
  return {
    file: r.file ?? '',
    nameColumn: r.nameColumn ?? '',
    documentColumn: r.documentColumn ?? '',
    attributes: ((r.attributes ?? []) as Raw[]).map((a) => ({
      name: a.name,
      type: attrType(a.type),
      inferred: !!a.inferred,
      values: a.values ?? [],
    })),
    cases: r.cases ?? 0,
    added: r.added ?? 0,
    updated: r.updated ?? 0,
    newAttributes: r.newAttributes ?? 0,
    linked: r.linked ?? 0,
    matches: r.matches ?? [],
    unknownDocuments: r.unknownDocuments ?? [],
    unmatched: r.unmatched ?? [],
    summary: r.summary ?? [],
  };
}

const view = (p: Promise<unknown>) => call(async () => casesView(await p));

export const casesApi = {
  view: () => view(Cases.View()),
  addCase: (name: string) => view(Cases.AddCase(name)),
  renameCase: (id: number, name: string) => view(Cases.RenameCase(id, name)),
  deleteCase: (id: number) => view(Cases.DeleteCase(id)),
  setValue: (id: number, attribute: string, value: string) => view(Cases.SetValue(id, attribute, value)),
  addAttribute: (name: string, type: AttributeType) => view(Cases.AddAttribute(name, type)),
  renameAttribute: (from: string, to: string) => view(Cases.RenameAttribute(from, to)),
  setAttributeType: (name: string, type: AttributeType) => view(Cases.SetAttributeType(name, type)),
  deleteAttribute: (name: string) => view(Cases.DeleteAttribute(name)),
  setDocumentCase: (document: number, caseId: number) => view(Cases.SetDocumentCase(document, caseId)),
  setSpeakerCase: (document: number, speaker: string, caseId: number) =>
    view(Cases.SetSpeakerCase(document, speaker, caseId)),
  setSpeakerExcluded: (document: number, speaker: string, excluded: boolean) =>
    view(Cases.SetSpeakerExcluded(document, speaker, excluded)),
  /** Leaves a speaker out everywhere; resolves to the documents changed and the new view. */
  async excludeEverywhere(speaker: string): Promise<{ documents: string[]; view: CasesView }> {
    return call(async () => {
      const r: Raw = await Cases.ExcludeEverywhere(speaker);
      return { documents: r?.documents ?? [], view: casesView(r?.view) };
    });
  },
  /** Asks for a case sheet and imports it; null when cancelled. */
  async chooseAndImport(): Promise<CaseSheetResult | null> {
    return call(async () => {
      const r: Raw = await Cases.ChooseAndImport();
      return r ? sheetResult(r) : null;
    });
  },
};

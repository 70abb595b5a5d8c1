// The typed API of the Cases tab over the CasesService bindings: the cases
// table with typed attributes, case sheets, and which document or speaker
// belongs to which case. Go's nil slices and maps become [] and {}.

import * as Cases from './wailsjs/go/app/CasesService';
import type { app } from './wailsjs/go/models';
import { call, type Wire } from './wire';

export type AttributeType = 'text' | 'number' | 'date' | 'category';

/** An attribute of the cases table; values are a category's values in use. */
export interface CaseAttribute extends Omit<Wire<app.CaseAttributeDTO>, 'type'> {
  type: AttributeType;
}

/** A case; values maps attribute → value, unset values absent. */
export type CaseRow = Wire<app.CaseDTO>;

/** A speaker of a document; case 0 is the document's case. */
export type Speaker = Wire<app.SpeakerDTO>;

/** A document's case (0: none) and its speakers'. */
export type DocumentCases = Wire<app.DocumentCasesDTO>;

export interface CasesView extends Omit<Wire<app.CasesView>, 'types' | 'attributes'> {
  types: AttributeType[];
  attributes: CaseAttribute[];
}

export interface SheetAttribute extends Omit<Wire<app.SheetAttributeDTO>, 'type'> {
  type: AttributeType;
}

export type CaseMatch = Wire<app.CaseMatchDTO>;

export interface CaseSheetResult extends Omit<Wire<app.CaseSheetDTO>, 'attributes'> {
  attributes: SheetAttribute[];
}


const TYPES: AttributeType[] = ['text', 'number', 'date', 'category'];

function attrType(t: unknown): AttributeType {
  return TYPES.includes(t as AttributeType) ? (t as AttributeType) : 'text';
}

export function casesView(v: Wire<app.CasesView> | null | undefined): CasesView {
  return {
    types: (v?.types ?? TYPES).map(attrType),
    attributes: (v?.attributes ?? []).map((a) => ({ name: a.name, type: attrType(a.type), values: a.values ?? [] })),
    cases: (v?.cases ?? []).map((c) => ({ id: c.id, name: c.name, values: { ...(c.values ?? {}) } })),
    documents: (v?.documents ?? []).map((d) => ({
      document: d.document,
      name: d.name,
      case: d.case ?? 0,
      caseName: d.caseName ?? '',
      speakers: (d.speakers ?? []).map((s) => ({
        name: s.name,
        turns: s.turns ?? 0,
        case: s.case ?? 0,
        caseName: s.caseName ?? '',
        excluded: !!s.excluded,
      })),
    })),
  };
}

function sheetResult(r: Wire<app.CaseSheetDTO>): CaseSheetResult {
  return {
    file: r.file ?? '',
    nameColumn: r.nameColumn ?? '',
    documentColumn: r.documentColumn ?? '',
    attributes: (r.attributes ?? []).map((a) => ({
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

const view = (p: Promise<Wire<app.CasesView>>) => call(async () => casesView(await p));

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
      const r: Wire<app.ExcludeEverywhereResult> | null = await Cases.ExcludeEverywhere(speaker);
      return { documents: r?.documents ?? [], view: casesView(r?.view) };
    });
  },
  /** Asks for a case sheet and imports it; null when cancelled. */
  async chooseAndImport(): Promise<CaseSheetResult | null> {
    return call(async () => {
      const r: Wire<app.CaseSheetDTO> | null = await Cases.ChooseAndImport();
      return r ? sheetResult(r) : null;
    });
  },
};

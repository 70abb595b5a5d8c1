// The typed API of the team's exchange over the ExchangeService bindings:
// send a coder their copy, merge the copies that come back (previewed
// first, undone as a whole), export and import REFI-QDA (.qdpx) projects —
// into the open project or, from the start screen, as a new one. Go's nil
// slices and pointers become [] and null; a cancelled file dialog is null.

import * as Exchange from './wailsjs/go/app/ExchangeService';
import type { app } from './wailsjs/go/models';
import { projectInfo } from './projectsApi';
import type { ProjectInfo } from './types';
import { call, list, type Wire } from './wire';

export type CoderMerge = Wire<app.CoderMergeDTO>;
export type CodeConflict = Wire<app.CodeConflictDTO>;
/** A kind of thing the file holds that Themis does not carry across (PDF sources, sets, links …), with how many. */
export type NotImported = Wire<app.NotImportedDTO>;
/** What a merge or an import did, or would do (applied false: a preview); journal names it for undo. */
export type MergeReport = Wire<app.MergeReportDTO>;
/**
 * A chosen file and what bringing it in would do. refused says why the file
 * cannot be read (report is null then); missingSources: refused for text
 * sources without their file, which may be left out (skipMissing).
 */
export interface ExchangePreview extends Omit<Wire<app.ExchangePreviewDTO>, 'report'> {
  report: MergeReport | null;
}
export type MergeRecord = Wire<app.MergeRecordDTO>;
export type SendSummary = Wire<app.SendSummaryDTO>;
export type ExportSummary = Wire<app.ExportSummaryDTO>;
/** The format of a coder's copy: a Themis project, or a REFI-QDA archive for a coder working in another tool. */
export type CopyFormat = 'themis' | 'qdpx';

export function mergeReport(r: Wire<app.MergeReportDTO>): MergeReport {
  return {
    ...r,
    documents: {
      matched: r.documents?.matched ?? 0,
      added: list(r.documents?.added),
      missing: list(r.documents?.missing),
      differs: list(r.documents?.differs),
    },
    codes: { matched: r.codes?.matched ?? 0, added: list(r.codes?.added), conflicts: list(r.codes?.conflicts) },
    coders: list(r.coders),
    notImported: list(r.notImported),
    notes: list(r.notes),
    lead: r.lead ?? '',
  };
}

function preview(p: Wire<app.ExchangePreviewDTO> | null | undefined): ExchangePreview | null {
  if (!p) return null;
  return { ...p, refused: p.refused ?? '', missingSources: !!p.missingSources, report: p.report ? mergeReport(p.report) : null };
}

export const exchangeApi = {
  /** Asks for a coder's returned copy (.themis or .qdpx) and previews merging it; null when cancelled. */
  async chooseCopy(): Promise<ExchangePreview | null> {
    return call(async () => preview(await Exchange.ChooseCopy()));
  },
  async previewCopy(path: string, skipMissing: boolean): Promise<ExchangePreview> {
    return call(async () => preview(await Exchange.PreviewCopy(path, skipMissing))!);
  },
  async mergeCopy(path: string, skipMissing: boolean): Promise<MergeReport> {
    return call(async () => mergeReport(await Exchange.MergeCopy(path, skipMissing)));
  },
  /** Asks for a .qdpx and previews importing it into the open project; null when cancelled. */
  async chooseImport(): Promise<ExchangePreview | null> {
    return call(async () => preview(await Exchange.ChooseImport()));
  },
  async previewImport(path: string, skipMissing: boolean): Promise<ExchangePreview> {
    return call(async () => preview(await Exchange.PreviewImport(path, skipMissing))!);
  },
  async importInto(path: string, skipMissing: boolean): Promise<MergeReport> {
    return call(async () => mergeReport(await Exchange.Import(path, skipMissing)));
  },
  /** The project's merges and imports, newest first. */
  async merges(): Promise<MergeRecord[]> {
    return call(async () => list(await Exchange.Merges()));
  },
  async undoMerge(journal: number): Promise<MergeRecord> {
    return call(() => Exchange.UndoMerge(journal));
  },
  /** Writes a coder's copy where the save dialog says (a name the project lacks becomes a new coder); null when cancelled. */
  async sendToCoder(coder: string, format: CopyFormat): Promise<SendSummary | null> {
    return call(async () => (await Exchange.SendToCoder(coder, format)) ?? null);
  },
  /** Writes the chosen coders' layers on the chosen documents as a .qdpx; null when cancelled. */
  async exportQDPX(coders: number[], documents: number[]): Promise<ExportSummary | null> {
    return call(async () => (await Exchange.ExportQDPX(coders, documents)) ?? null);
  },
  /** On the start screen: asks for a .qdpx and previews the project it would become; null when cancelled. */
  async chooseImportAsNew(): Promise<ExchangePreview | null> {
    return call(async () => preview(await Exchange.ChooseImportAsNew()));
  },
  async previewImportAsNew(path: string, skipMissing: boolean): Promise<ExchangePreview> {
    return call(async () => preview(await Exchange.PreviewImportAsNew(path, skipMissing))!);
  },
  /** Asks where to save the new project, imports into it and opens it as the lead; null when cancelled. */
  async importAsNew(
    path: string,
    skipMissing: boolean,
    lead: string,
  ): Promise<{ project: ProjectInfo; report: MergeReport } | null> {
    return call(async () => {
      const r = await Exchange.ImportAsNew(path, skipMissing, lead);
      if (!r || !r.project) return null;
      return { project: projectInfo(r.project)!, report: mergeReport(r.report) };
    });
  },
};

import {
  exchangeApi as defaultApi,
  type CopyFormat,
  type ExchangePreview,
  type MergeRecord,
  type MergeReport,
} from '../exchangeApi';
import type { Coder, ProjectInfo } from '../types';
import { whileBusy } from './busy';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';

type Api = typeof defaultApi;

/** The Team menu's dialogs. */
export type TeamDialog = 'send' | 'merge' | 'import' | 'export' | 'merges';

/** How long the notice with Undo after a merge stays, in milliseconds: long enough to read it and change one's mind. */
export const UNDO_MS = 12000;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One sentence of what a merge or import brought in, for the notice after it. */
export function mergeSentence(r: MergeReport, verb: 'Merged' | 'Imported'): string {
  const added = r.coders.reduce((n, c) => n + c.added, 0);
  const who = r.coders.filter((c) => c.added > 0).map((c) => c.name);
  const parts = [plural(added, 'segment') + (who.length > 0 ? ` (${who.join(', ')})` : '')];
  if (r.documents.added.length > 0) parts.push(plural(r.documents.added.length, 'document'));
  if (r.codes.added.length > 0) parts.push(plural(r.codes.added.length, 'new code'));
  return `${verb} ${r.file}: ${parts.join(', ')}.`;
}

/**
 * The Team menu of the workspace: sending a coder their copy, merging the
 * copies that come back and importing .qdpx archives (each previewed before
 * anything is written, then undone as a whole from a notice or the merge
 * history), and exporting the project as a .qdpx.
 */
export class ExchangeStore {
  /** the dialog open, if any */
  dialog = $state<TeamDialog | null>(null);
  busy = $state(false);

  /** merge / import: the file chosen and what bringing it in would do */
  preview = $state.raw<ExchangePreview | null>(null);

  /** send: the coder (a name the project lacks is someone new) and the format of their copy */
  sendCoder = $state('');
  sendFormat = $state<CopyFormat>('themis');

  /** export: the coders' layers and the documents chosen */
  exportCoders = $state<number[]>([]);
  exportDocuments = $state<number[]>([]);

  /** the merge history, newest first */
  history = $state.raw<MergeRecord[]>([]);

  constructor(
    private toasts: ToastStore = defaultToasts,
    /**
     * told after a merge, an import or an undo changed the project ('all'),
     * so every view reads it afresh, or after a copy was sent ('coders': the
     * coder it was for may be new to the project)
     */
    private onChanged: (what: 'all' | 'coders') => void = () => {},
    private api: Api = defaultApi,
  ) {}

  close(): void {
    this.dialog = null;
    this.preview = null;
  }

  /** Opens "Send to coder…" on the first coder who is neither the lead nor a consensus layer. */
  openSend(coders: Coder[], lead: number): void {
    const first = coders.find((c) => c.id !== lead && !c.consensus);
    this.sendCoder = first?.name ?? '';
    this.sendFormat = 'themis';
    this.dialog = 'send';
  }

  /** Writes the chosen coder's copy (the save dialog asks where); true when written. */
  async send(): Promise<boolean> {
    const coder = this.sendCoder.trim();
    if (!coder) return false;
    let done = false;
    await whileBusy(this, this.toasts, async () => {
      const s = await this.api.sendToCoder(coder, this.sendFormat);
      if (!s) return; // cancelled: the dialog stays for another try
      done = true;
      this.close();
      this.onChanged('coders');
      this.toasts.info(
        `Saved ${s.coder}’s copy as ${s.file}: ${plural(s.documents, 'document')}, ${plural(s.segments, 'segment')} of ${s.coder}’s.`,
      );
    });
    return done;
  }

  /** Asks for a coder's returned copy and previews merging it; the dialog opens only when a file was chosen. */
  chooseMerge(): Promise<boolean> {
    return this.choose('merge', () => this.api.chooseCopy());
  }

  /** Asks for a .qdpx and previews importing it into this project. */
  chooseImport(): Promise<boolean> {
    return this.choose('import', () => this.api.chooseImport());
  }

  private choose(dialog: 'merge' | 'import', pick: () => Promise<ExchangePreview | null>): Promise<boolean> {
    return whileBusy(this, this.toasts, async () => {
      const p = await pick();
      if (!p) return;
      this.preview = p;
      this.dialog = dialog;
    });
  }

  /** The file was refused for text sources without their file: preview it again leaving those out. */
  skipMissing(): Promise<boolean> {
    const p = this.preview;
    if (!p) return Promise.resolve(false);
    return whileBusy(this, this.toasts, async () => {
      this.preview =
        this.dialog === 'import' ? await this.api.previewImport(p.path, true) : await this.api.previewCopy(p.path, true);
    });
  }

  /** Merges (or imports) the previewed file; a notice offers Undo. */
  async apply(): Promise<boolean> {
    const p = this.preview;
    const dialog = this.dialog;
    if (!p?.report || (dialog !== 'merge' && dialog !== 'import')) return false;
    return whileBusy(this, this.toasts, async () => {
      const r =
        dialog === 'import' ? await this.api.importInto(p.path, p.skipMissing) : await this.api.mergeCopy(p.path, p.skipMissing);
      this.close();
      this.onChanged('all');
      const journal = r.journal;
      this.toasts.info(
        mergeSentence(r, dialog === 'import' ? 'Imported' : 'Merged'),
        UNDO_MS,
        journal ? { label: 'Undo', run: () => void this.undo(journal) } : undefined,
      );
    });
  }

  /** Opens "Merges…": the history, each with Undo. */
  async openMerges(): Promise<void> {
    this.dialog = 'merges';
    await this.loadHistory();
  }

  async loadHistory(): Promise<void> {
    try {
      this.history = await this.api.merges();
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Takes a whole merge back out of the project. */
  undo(journal: number): Promise<boolean> {
    return whileBusy(this, this.toasts, async () => {
      const r = await this.api.undoMerge(journal);
      this.onChanged('all');
      this.toasts.info(`Undid the merge of ${r.file}: ${plural(r.segments, 'segment')} taken out.`);
      if (this.dialog === 'merges') await this.loadHistory();
    });
  }

  /** Opens "Export as REFI-QDA…" with these coders' layers and every document chosen. */
  openExport(coders: number[], documents: number[]): void {
    this.exportCoders = [...coders];
    this.exportDocuments = [...documents];
    this.dialog = 'export';
  }

  toggleExportCoder(id: number, on: boolean): void {
    this.exportCoders = toggled(this.exportCoders, id, on);
  }

  toggleExportDocument(id: number, on: boolean): void {
    this.exportDocuments = toggled(this.exportDocuments, id, on);
  }

  setExportDocuments(ids: number[]): void {
    this.exportDocuments = [...ids];
  }

  /** Writes the .qdpx (the save dialog asks where); true when written. */
  async exportQDPX(): Promise<boolean> {
    if (this.exportCoders.length === 0 || this.exportDocuments.length === 0) return false;
    let done = false;
    await whileBusy(this, this.toasts, async () => {
      const s = await this.api.exportQDPX([...this.exportCoders], [...this.exportDocuments]);
      if (!s) return;
      done = true;
      this.close();
      this.toasts.info(
        `Exported ${s.file}: ${plural(s.documents, 'document')}, ${plural(s.codes, 'code')}, ${plural(s.segments, 'segment')} by ${plural(s.coders, 'coder')}.`,
      );
    });
    return done;
  }
}

function toggled(ids: number[], id: number, on: boolean): number[] {
  const rest = ids.filter((x) => x !== id);
  return on ? [...rest, id] : rest;
}

/**
 * The start screen's "Import a REFI-QDA project…": choose a .qdpx, preview
 * the project it would become, name its lead, save it as a .themis and open
 * it. Owned by the project store, which adopts the project it opens.
 */
export class ProjectImportStore {
  preview = $state.raw<ExchangePreview | null>(null);
  /** who leads the new project: the archive's first coder unless the user says otherwise */
  lead = $state('');
  busy = $state(false);

  constructor(
    private toasts: ToastStore = defaultToasts,
    /** told of the project the import opened */
    private onOpened: (info: ProjectInfo) => void = () => {},
    private api: Api = defaultApi,
  ) {}

  get open(): boolean {
    return this.preview !== null;
  }

  /** Asks for a .qdpx and previews it; the dialog opens only when a file was chosen. */
  choose(): Promise<boolean> {
    return whileBusy(this, this.toasts, async () => {
      const p = await this.api.chooseImportAsNew();
      if (p) this.show(p);
    });
  }

  private show(p: ExchangePreview): void {
    this.preview = p;
    // The backend names the lead a new project would get: the archive's
    // creator, else its first user (a tool that lists itself, as ATLAS.ti
    // does, is not its creator).
    this.lead = p.report?.lead || p.report?.coders[0]?.name || '';
  }

  /** Previews the archive again leaving out the text sources without their file. */
  skipMissing(): Promise<boolean> {
    const p = this.preview;
    if (!p) return Promise.resolve(false);
    return whileBusy(this, this.toasts, async () => this.show(await this.api.previewImportAsNew(p.path, true)));
  }

  cancel(): void {
    this.preview = null;
  }

  /** Asks where to save the project, imports and opens it. */
  async importProject(): Promise<boolean> {
    const p = this.preview;
    if (!p?.report) return false;
    let done = false;
    await whileBusy(this, this.toasts, async () => {
      const r = await this.api.importAsNew(p.path, p.skipMissing, this.lead.trim());
      if (!r) return; // the save dialog was cancelled: the preview stays
      done = true;
      this.preview = null;
      this.onOpened(r.project);
      this.toasts.info(mergeSentence(r.report, 'Imported'));
    });
    return done;
  }
}

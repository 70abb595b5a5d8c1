// The typed API of the import dialog over the generated DocumentService
// bindings: choosing files or a folder, previewing a file with the import
// options, importing with progress, cancelling. Nothing here carries text
// offsets, so there is nothing to convert; Go's nil slices become [].

import * as Documents from './wailsjs/go/app/DocumentService';
import { EventsOn } from './wailsjs/runtime/runtime';
import type { app } from './wailsjs/go/models';
import { call, list, type Wire } from './wire';

/**
 * How files are read: encoding "" (automatic), "utf-8", "utf-16le",
 * "utf-16be" or "windows-1252"; speakerPattern a regular expression with a
 * group named "speaker" (optionally "time"), "" for automatic.
 */
export type ImportOptions = Wire<app.ImportOptionsDTO>;
/** what a preview reads with: the speakers to leave out matter only to the import */
export type PreviewOptions = Omit<ImportOptions, 'exclude'>;

/** A file to import; folder is relative to the chosen folder, "" at its top. */
export type ImportFile = Wire<app.ImportFileDTO>;

export type SkippedFile = Wire<app.SkippedFileDTO>;

/** What the user chose (folder "" when files were chosen); no files when they cancelled the dialog. */
export type ImportSelection = Wire<app.ImportSelectionDTO>;

/** A turn of a preview; text is its first words. */
export type PreviewTurn = Wire<app.PreviewTurnDTO>;

/** What importing one file would store; error is set when it cannot be imported. */
export type FilePreview = Wire<app.FilePreviewDTO>;

export type KindCount = Wire<app.KindCountDTO>;

/**
 * What the import did with one file: name is the document's name in the
 * project, id 0 when skipped as identical to duplicateOf; identifiers counts
 * the possible identifiers the anonymisation check found.
 */
export type ImportedFile = Wire<app.ImportedDTO>;

/** The files imported; cancelled: the user stopped it and nothing was written. */
export type ImportReport = Wire<app.ImportReportDTO>;

/** The "import:progress" event: done of total files read, read of size bytes of the current one. */
export interface ImportProgress {
  done: number;
  total: number;
  name: string;
  read: number;
  size: number;
  saving: boolean;
}

export type SpeakerPreset = Wire<app.SpeakerPresetDTO>;

function selection(s: Partial<ImportSelection> | null | undefined): ImportSelection {
  return { folder: s?.folder ?? '', files: list(s?.files), skipped: list(s?.skipped) };
}

function preview(p: FilePreview): FilePreview {
  return {
    path: p.path,
    file: p.file,
    size: p.size ?? 0,
    name: p.name ?? '',
    format: p.format ?? '',
    encoding: p.encoding ?? '',
    turns: p.turns ?? 0,
    words: p.words ?? 0,
    speakers: list(p.speakers),
    interviewers: list(p.interviewers),
    warnings: list(p.warnings),
    firstTurns: list(p.firstTurns).map((t) => ({ speaker: t.speaker ?? '', timestamp: t.timestamp ?? '', text: t.text ?? '' })),
    error: p.error ?? '',
  };
}

function imported(r: ImportedFile): ImportedFile {
  return {
    name: r.name,
    id: r.id,
    duplicateOf: r.duplicateOf ?? '',
    file: r.file ?? '',
    format: r.format ?? '',
    encoding: r.encoding ?? '',
    turns: r.turns ?? 0,
    words: r.words ?? 0,
    speakers: list(r.speakers),
    excluded: list(r.excluded),
    warnings: list(r.warnings),
    identifiers: r.identifiers ?? 0,
    kinds: list(r.kinds),
  };
}

export const importApi = {
  /** Asks for transcript files; no files when the user cancelled. */
  async chooseFiles(): Promise<ImportSelection> {
    return call(async () => selection(await Documents.ChooseFiles()));
  },
  /** Asks for a folder and lists its transcripts (recursively) and the files left out. */
  async chooseFolder(): Promise<ImportSelection> {
    return call(async () => selection(await Documents.ChooseFolder()));
  },
  async speakerPresets(): Promise<SpeakerPreset[]> {
    return call(async () => list(await Documents.SpeakerPresets()));
  },
  /** What is wrong with a custom speaker pattern; "" when it can be used. */
  async checkSpeakerPattern(pattern: string): Promise<string> {
    return call(async () => (await Documents.CheckSpeakerPattern(pattern)) ?? '');
  },
  /** Parses one file with the options, writing nothing. Rejects only for an unusable pattern. */
  async preview(path: string, options: PreviewOptions): Promise<FilePreview> {
    return call(async () => preview(await Documents.Preview(path, options as app.ImportOptionsDTO)));
  },
  /** Imports the files in one transaction; rejects naming the files that cannot be read. */
  async import(paths: string[], options: ImportOptions): Promise<ImportReport> {
    return call(async () => {
      const r = await Documents.ImportWith(paths, options);
      return { files: list(r.files).map(imported), cancelled: !!r.cancelled };
    });
  },
  /** Stops the running import; the project is left unchanged. */
  async cancel(): Promise<boolean> {
    return call(() => Documents.CancelImport());
  },
  /** Calls back on every "import:progress" event; returns the unsubscriber. */
  onProgress(cb: (p: ImportProgress) => void): () => void {
    try {
      return EventsOn('import:progress', (p: ImportProgress) =>
        cb({ done: p.done, total: p.total, name: p.name ?? '', read: p.read ?? 0, size: p.size ?? 0, saving: !!p.saving }),
      );
    } catch {
      return () => {};
    }
  },
};

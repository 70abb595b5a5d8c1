import {
  importApi as defaultApi,
  type FilePreview,
  type ImportFile,
  type PreviewOptions,
  type ImportProgress,
  type ImportReport,
  type SkippedFile,
  type SpeakerPreset,
} from '../importApi';

/** Where the import dialog is: closed, previewing, importing, or showing how it went. */
export type ImportPhase = 'closed' | 'preview' | 'importing' | 'done' | 'cancelled' | 'failed';

/** One chosen file and its preview under the current options (null while it is being read). */
export interface ImportRow {
  file: ImportFile;
  preview: FilePreview | null;
}

/** The speaker-label choice: automatic, a preset's id, or a custom pattern. */
export type SpeakerMode = 'auto' | 'custom' | string;

/** The encodings a plain-text file can be forced to; "" detects it. */
export const encodings: { value: string; label: string }[] = [
  { value: '', label: 'Automatic' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1252', label: 'Windows-1252 (Western)' },
];

/** How many files are previewed at once: enough to keep the backend busy, few enough to keep it responsive. */
const PARALLEL = 3;

type Api = typeof defaultApi;

/** Whether progress event a is further on than b: more files done, then saving, then more bytes read. */
function further(a: ImportProgress, b: ImportProgress): boolean {
  if (a.done !== b.done) return a.done > b.done;
  if (a.saving !== b.saving) return a.saving;
  return a.read >= b.read;
}

export interface ImportStoreOptions {
  api?: Api;
  /** called after documents were added, to refresh the document list */
  onImported?: () => void | Promise<void>;
  /** ms to wait after the last keystroke in the custom pattern before previewing again */
  patternDelay?: number;
}

/**
 * The import dialog: choose files or a folder, preview every file with the
 * speaker-label and encoding options (re-previewed when they change), import
 * the files that can be read in one transaction with progress and a cancel,
 * and keep the per-file report.
 */
export class ImportStore {
  phase = $state<ImportPhase>('closed');
  /** the chosen folder; "" when files were chosen one by one */
  folder = $state('');
  rows = $state<ImportRow[]>([]);
  skipped = $state<SkippedFile[]>([]);
  /** the path of the file whose turns are shown */
  selected = $state<string | null>(null);
  encoding = $state('');
  speakerMode = $state<SpeakerMode>('auto');
  customPattern = $state('');
  /** what is wrong with the custom pattern; "" when it is usable */
  patternError = $state('');
  presets = $state<SpeakerPreset[]>([]);
  progress = $state<ImportProgress | null>(null);
  report = $state<ImportReport | null>(null);
  /** why the import failed (nothing was written) */
  error = $state('');
  cancelling = $state(false);

  private api: Api;
  private onImported: () => void | Promise<void>;
  private patternDelay: number;
  private generation = 0;
  private patternTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(opts: ImportStoreOptions = {}) {
    this.api = opts.api ?? defaultApi;
    this.onImported = opts.onImported ?? (() => {});
    this.patternDelay = opts.patternDelay ?? 300;
  }

  /** the pattern sent with previews and the import: "" for automatic */
  pattern: string = $derived.by(() => {
    if (this.speakerMode === 'auto') return '';
    if (this.speakerMode === 'custom') return this.customPattern;
    return this.presets.find((p) => p.id === this.speakerMode)?.pattern ?? '';
  });
  /** interviewers the user chose to keep in coding after all (the proposal is to leave them out) */
  keptIn = $state<string[]>([]);
  options: PreviewOptions = $derived({ encoding: this.encoding, speakerPattern: this.pattern });
  /**
   * The speakers that look like the interviewer in any readable file, with
   * how many files they speak in, in the order first met: proposed for
   * leaving out of coding and analysis, checked by default.
   */
  interviewers: { name: string; files: number }[] = $derived.by(() => {
    const out: { name: string; files: number }[] = [];
    for (const r of this.ready) {
      for (const name of r.preview!.interviewers) {
        const seen = out.find((i) => i.name === name);
        if (seen) seen.files++;
        else out.push({ name, files: 1 });
      }
    }
    return out;
  });
  /** the speakers the import leaves out */
  excluded: string[] = $derived(this.interviewers.map((i) => i.name).filter((n) => !this.keptIn.includes(n)));
  /** previews that have come back */
  previewed: number = $derived(this.rows.filter((r) => r.preview !== null).length);
  /** the files that will be imported */
  ready: ImportRow[] = $derived(this.rows.filter((r) => r.preview !== null && !r.preview.error));
  /** the files left out because they cannot be read */
  failing: ImportRow[] = $derived(this.rows.filter((r) => r.preview?.error));
  previewing: boolean = $derived(this.previewed < this.rows.length);
  canImport: boolean = $derived(
    this.phase === 'preview' && !this.previewing && !this.patternError && this.ready.length > 0 &&
      !(this.speakerMode === 'custom' && this.customPattern.trim() === ''),
  );
  current: ImportRow | null = $derived(this.rows.find((r) => r.file.path === this.selected) ?? null);

  /** Asks for files and opens the dialog on their preview; nothing happens when the user cancels. */
  async chooseFiles(): Promise<void> {
    await this.choose(() => this.api.chooseFiles());
  }

  /** Asks for a folder and opens the dialog on the preview of every transcript inside it. */
  async chooseFolder(): Promise<void> {
    await this.choose(() => this.api.chooseFolder());
  }

  private async choose(ask: () => Promise<{ folder: string; files: ImportFile[]; skipped: SkippedFile[] }>): Promise<void> {
    if (this.phase === 'importing') return;
    let sel;
    try {
      sel = await ask();
    } catch (e) {
      this.open('', [], []);
      this.phase = 'failed';
      this.error = e instanceof Error ? e.message : String(e);
      return;
    }
    if (sel.files.length === 0 && sel.skipped.length === 0) return; // cancelled
    this.open(sel.folder, sel.files, sel.skipped);
    if (this.presets.length === 0) {
      this.api.speakerPresets().then(
        (p) => (this.presets = p),
        () => {},
      );
    }
    await this.previewAll();
  }

  private open(folder: string, files: ImportFile[], skipped: SkippedFile[]) {
    this.folder = folder;
    this.rows = files.map((file) => ({ file, preview: null }));
    this.skipped = skipped;
    this.selected = files[0]?.path ?? null;
    this.progress = null;
    this.report = null;
    this.error = '';
    this.cancelling = false;
    this.phase = 'preview';
  }

  /**
   * Previews every file with the current options, a few at a time. A later
   * call (the options changed) makes the results of an earlier one stale:
   * they are dropped.
   */
  async previewAll(): Promise<void> {
    const gen = ++this.generation;
    const options = { ...this.options };
    this.rows = this.rows.map((r) => ({ file: r.file, preview: null }));
    const queue = this.rows.map((r) => r.file.path);
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        let p: FilePreview;
        try {
          p = await this.api.preview(path, options);
        } catch (e) {
          if (gen !== this.generation) return;
          // Only an unusable pattern rejects: say so and stop.
          this.patternError = e instanceof Error ? e.message : String(e);
          queue.length = 0;
          return;
        }
        if (gen !== this.generation) return;
        const i = this.rows.findIndex((r) => r.file.path === path);
        if (i >= 0) this.rows[i] = { file: this.rows[i].file, preview: p };
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
  }

  select(path: string) {
    this.selected = path;
  }

  /** Checks or unchecks leaving a proposed interviewer out of coding. */
  setLeftOut(name: string, out: boolean) {
    this.keptIn = out ? this.keptIn.filter((n) => n !== name) : [...this.keptIn.filter((n) => n !== name), name];
  }

  setEncoding(encoding: string) {
    if (encoding === this.encoding) return;
    this.encoding = encoding;
    void this.previewAll();
  }

  setSpeakerMode(mode: SpeakerMode) {
    if (mode === this.speakerMode) return;
    this.speakerMode = mode;
    this.patternError = '';
    if (mode === 'custom') {
      if (this.customPattern.trim() === '') return; // wait for a pattern
      void this.checkPattern();
      return;
    }
    void this.previewAll();
  }

  /** Takes a keystroke of the custom pattern: checks it at once, previews again once typing pauses. */
  setCustomPattern(pattern: string) {
    this.customPattern = pattern;
    if (this.patternTimer) clearTimeout(this.patternTimer);
    if (pattern.trim() === '') {
      this.patternError = '';
      return;
    }
    this.patternTimer = setTimeout(() => {
      this.patternTimer = null;
      void this.checkPattern();
    }, this.patternDelay);
  }

  private async checkPattern(): Promise<void> {
    const pattern = this.customPattern;
    let problem: string;
    try {
      problem = await this.api.checkSpeakerPattern(pattern);
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
    if (pattern !== this.customPattern || this.speakerMode !== 'custom') return; // typed on meanwhile
    this.patternError = problem;
    if (!problem) await this.previewAll();
  }

  /** Imports the files that can be read, in one transaction, following the progress events. */
  async runImport(): Promise<void> {
    if (!this.canImport) return;
    const paths = this.ready.map((r) => r.file.path);
    this.phase = 'importing';
    this.progress = { done: 0, total: paths.length, name: '', read: 0, size: 0, saving: false };
    this.cancelling = false;
    this.error = '';
    const off = this.api.onProgress((p) => {
      // Events can arrive out of order: keep the furthest one seen.
      if (this.phase === 'importing' && (!this.progress || further(p, this.progress))) this.progress = p;
    });
    try {
      const report = await this.api.import(paths, { ...this.options, exclude: this.excluded });
      this.report = report;
      this.phase = report.cancelled ? 'cancelled' : 'done';
      if (!report.cancelled && report.files.some((f) => f.id !== 0)) await this.onImported();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.phase = 'failed';
    } finally {
      off();
      this.progress = null;
      this.cancelling = false;
    }
  }

  /** Stops the running import; the backend rolls it back and the report says it was cancelled. */
  async cancel(): Promise<void> {
    if (this.phase !== 'importing' || this.cancelling) return;
    this.cancelling = true;
    try {
      await this.api.cancel();
    } catch {
      // the import finished meanwhile: its own outcome stands
    }
  }

  /** Goes back from a cancelled or failed import to the preview, to change something and try again. */
  back() {
    if (this.phase === 'cancelled' || this.phase === 'failed') {
      this.error = '';
      this.report = null;
      this.phase = this.rows.length > 0 ? 'preview' : 'closed';
    }
  }

  /** Closes the dialog (not while importing: cancel first). */
  close() {
    if (this.phase === 'importing') return;
    if (this.patternTimer) clearTimeout(this.patternTimer);
    this.generation++;
    this.phase = 'closed';
    this.rows = [];
    this.skipped = [];
    this.selected = null;
    this.report = null;
    this.error = '';
  }
}

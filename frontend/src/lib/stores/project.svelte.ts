import { api } from '../api';
import type { BuiltinFramework, Coder, ProjectInfo, RecentProject } from '../types';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';
import { whileBusy } from './busy';
import { ProjectImportStore } from './exchange.svelte';

/** The same text the backend puts in the window's title bar. */
export function windowTitle(info: ProjectInfo | null, current: Coder | null = info?.current ?? null): string {
  if (!info) return 'Themis';
  const who = current ? ` — coding as ${current.name}` : '';
  return `${info.name}${who} — Themis`;
}

/** The framework a new project starts from unless the user chooses another. */
export const DEFAULT_FRAMEWORK = 'keyes';

/**
 * The start state, the open project and who is coding. Every action reports
 * its failure as a toast and resolves to whether it succeeded.
 */
export class ProjectStore {
  /** true once the first Start() has answered */
  loaded = $state(false);
  info = $state<ProjectInfo | null>(null);
  recent = $state<RecentProject[]>([]);
  defaultFolder = $state('');
  /** folder chosen for a new project; "" means the default folder */
  folder = $state('');
  /** a launch argument that could not be opened */
  startError = $state('');
  busy = $state(false);
  /** the user asked to switch coder: the picker shows until they choose */
  switching = $state(false);
  /** the frameworks a new project can start from */
  builtins = $state<BuiltinFramework[]>([]);
  /** the built-in a new project starts from: its id, "" for an empty codebook */
  framework = $state(DEFAULT_FRAMEWORK);

  /** who is coding; null while the "Who is coding?" dialog is up */
  current: Coder | null = $derived(this.switching ? null : (this.info?.current ?? null));
  isLead = $derived(!!this.current && !!this.info && this.current.id === this.info.lead.id);
  title = $derived(windowTitle(this.info, this.current));

  /** the start screen's "Import a REFI-QDA project…", which opens the project it makes */
  readonly qdpxImport: ProjectImportStore;

  constructor(private toasts: ToastStore = defaultToasts) {
    this.qdpxImport = new ProjectImportStore(toasts, (info) => this.adopt(info));
  }

  private run(fn: () => Promise<void>): Promise<boolean> {
    return whileBusy(this, this.toasts, fn);
  }

  private adopt(info: ProjectInfo | null): void {
    if (info) {
      this.info = info;
      this.startError = '';
      this.switching = false;
    }
  }

  /** Loads the start state: an open project, or what the start screen shows. */
  load(): Promise<boolean> {
    return this.run(async () => {
      try {
        const s = await api.start();
        this.info = s.project;
        this.recent = s.recent;
        this.defaultFolder = s.defaultFolder;
        this.startError = s.error;
      } finally {
        this.loaded = true;
      }
    });
  }

  /** The folder a new project will be created in. */
  get targetFolder(): string {
    return this.folder || this.defaultFolder;
  }

  chooseFolder(): Promise<boolean> {
    return this.run(async () => {
      const f = await api.chooseFolder();
      if (f) this.folder = f;
    });
  }

  /**
   * Reads the frameworks a new project can start from. The default stays
   * chosen when it is listed; otherwise the first one is.
   */
  async loadBuiltins(): Promise<void> {
    try {
      const list = await api.builtinFrameworks();
      this.builtins = list;
      if (this.framework && !list.some((b) => b.id === this.framework)) this.framework = list[0]?.id ?? '';
    } catch (e) {
      // Only the empty codebook is on offer then, so it is the one chosen.
      this.builtins = [];
      this.framework = '';
      this.toasts.error(e);
    }
  }

  /** framework: a built-in framework's id, "" for an empty codebook */
  create(name: string, lead: string, framework: string): Promise<boolean> {
    return this.run(async () => this.adopt(await api.create(name.trim(), this.folder, lead.trim(), framework)));
  }

  open(path: string): Promise<boolean> {
    return this.run(async () => this.adopt(await api.open(path)));
  }

  /** Asks for a project file; nothing happens when the user cancels. */
  chooseAndOpen(): Promise<boolean> {
    return this.run(async () => this.adopt(await api.chooseAndOpen()));
  }

  openDemo(): Promise<boolean> {
    return this.run(async () => this.adopt(await api.openDemo()));
  }

  /** Closes the project and returns to the start screen. */
  async close(): Promise<boolean> {
    const ok = await this.run(async () => {
      await api.close();
      this.info = null;
      this.switching = false;
    });
    if (ok) await this.load();
    return ok;
  }

  selectCoder(id: number): Promise<boolean> {
    return this.run(async () => this.adopt(await api.selectCoder(id)));
  }

  addCoder(name: string): Promise<boolean> {
    return this.run(async () => this.adopt(await api.addCoder(name.trim())));
  }

  /** Back to the "Who is coding?" dialog (the backend keeps the old coder until one is chosen). */
  switchCoder(): void {
    if (this.info) this.switching = true;
  }

  /** Closes the "Who is coding?" dialog without changing coder. */
  cancelSwitch(): void {
    this.switching = false;
  }

  /** The coder picker can be dismissed when someone was coding before. */
  get canCancelSwitch(): boolean {
    return this.switching && !!this.info?.current;
  }

  setBlindMode(on: boolean): Promise<boolean> {
    return this.run(async () => this.adopt(await api.setBlindMode(on)));
  }

  /** The lead names who adjudicates besides the lead (0: nobody). */
  setAdjudicator(coder: number): Promise<boolean> {
    return this.run(async () => this.adopt(await api.setAdjudicator(coder)));
  }

  /** Re-reads the project info (e.g. the document count after an import). */
  refresh(): Promise<boolean> {
    return this.run(async () => {
      this.info = await api.info();
    });
  }
}

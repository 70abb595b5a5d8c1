import { casesApi, type AttributeType, type CaseSheetResult, type CasesView } from '../casesApi';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';

/** The speaker the quick action leaves out everywhere. */
export const INTERVIEWER = 'Interviewer';

/**
 * The Cases tab: the cases × attributes table, imports of case sheets, and
 * the documents with their speakers. Every change is one call (one
 * transaction, journalled) that returns the table as it now stands; a
 * refused change shows its reason and puts the table back as it is stored.
 */
export class CasesStore {
  view = $state.raw<CasesView | null>(null);
  loading = $state(false);
  busy = $state(false);
  /** the last import's report, shown until dismissed */
  lastImport = $state.raw<CaseSheetResult | null>(null);
  /** counts refused changes, so the inputs showing them are drawn again from the stored values */
  reverted = $state(0);

  constructor(
    private toasts: ToastStore = defaultToasts,
    /** called after every change, e.g. to refresh the reader's turns */
    private onChange: () => void = () => {},
  ) {}

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.view = await casesApi.view();
    } catch (e) {
      this.toasts.error(e);
    } finally {
      this.loading = false;
    }
  }

  /** Runs one change; true when it was made. */
  private async run(change: () => Promise<CasesView>, notice = ''): Promise<boolean> {
    this.busy = true;
    try {
      this.view = await change();
      this.onChange();
      if (notice) this.toasts.info(notice);
      return true;
    } catch (e) {
      this.toasts.error(e);
      await this.load();
      this.reverted++;
      return false;
    } finally {
      this.busy = false;
    }
  }

  addCase(name: string) {
    return this.run(() => casesApi.addCase(name.trim()), `Added case “${name.trim()}”`);
  }
  renameCase(id: number, name: string) {
    const old = this.view?.cases.find((c) => c.id === id)?.name;
    if (old === name.trim()) return Promise.resolve(true);
    return this.run(() => casesApi.renameCase(id, name.trim()));
  }
  deleteCase(id: number) {
    const name = this.view?.cases.find((c) => c.id === id)?.name ?? '';
    return this.run(() => casesApi.deleteCase(id), `Deleted case “${name}”`);
  }
  setValue(id: number, attribute: string, value: string) {
    const old = this.view?.cases.find((c) => c.id === id)?.values[attribute] ?? '';
    if (old === value.trim()) return Promise.resolve(true);
    return this.run(() => casesApi.setValue(id, attribute, value));
  }
  addAttribute(name: string, type: AttributeType) {
    return this.run(() => casesApi.addAttribute(name.trim(), type), `Added attribute “${name.trim()}”`);
  }
  renameAttribute(from: string, to: string) {
    if (from === to.trim()) return Promise.resolve(true);
    return this.run(() => casesApi.renameAttribute(from, to.trim()));
  }
  setAttributeType(name: string, type: AttributeType) {
    return this.run(() => casesApi.setAttributeType(name, type), `“${name}” is now ${type}`);
  }
  deleteAttribute(name: string) {
    return this.run(() => casesApi.deleteAttribute(name), `Deleted attribute “${name}”`);
  }
  setDocumentCase(document: number, caseId: number) {
    return this.run(() => casesApi.setDocumentCase(document, caseId));
  }
  setSpeakerCase(document: number, speaker: string, caseId: number) {
    return this.run(() => casesApi.setSpeakerCase(document, speaker, caseId));
  }
  setExcluded(document: number, speaker: string, excluded: boolean) {
    return this.run(
      () => casesApi.setSpeakerExcluded(document, speaker, excluded),
      excluded ? `${speaker} is not coded in this document` : `${speaker} is coded again`,
    );
  }

  /** How many documents have a speaker called name who is still coded. */
  stillCoded(name = INTERVIEWER): number {
    const n = name.toLowerCase();
    return (this.view?.documents ?? []).filter((d) => d.speakers.some((s) => s.name.toLowerCase() === n && !s.excluded))
      .length;
  }

  /** Leaves a speaker out of coding and analysis in every document. */
  async excludeEverywhere(speaker = INTERVIEWER): Promise<string[]> {
    this.busy = true;
    try {
      const r = await casesApi.excludeEverywhere(speaker);
      this.view = r.view;
      this.onChange();
      this.toasts.info(
        r.documents.length === 0
          ? `${speaker} was already not coded everywhere`
          : `${speaker} is not coded in ${r.documents.length} document${r.documents.length === 1 ? '' : 's'}`,
      );
      return r.documents;
    } catch (e) {
      this.toasts.error(e);
      return [];
    } finally {
      this.busy = false;
    }
  }

  /** Asks for a case sheet and imports it; keeps its report for the screen. */
  async importSheet(): Promise<CaseSheetResult | null> {
    this.busy = true;
    try {
      const r = await casesApi.chooseAndImport();
      if (!r) return null;
      this.lastImport = r;
      this.view = await casesApi.view();
      this.onChange();
      return r;
    } catch (e) {
      this.toasts.error(e);
      return null;
    } finally {
      this.busy = false;
    }
  }
}

import { planApi, type DocumentMark, type PlanInput, type PlanView, type Progress } from '../planApi';
import { whileBusy } from './busy';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';
import type { DocumentSummary } from '../types';

/**
 * The double-coding plan as the workspace shows it: the current coder's
 * marks on each document (in the sample, theirs, done), their progress (the
 * lead: everyone's), and the lead's Plan… dialog with its preview.
 */
export class PlanStore {
  plan = $state.raw<PlanView | null>(null);
  progress = $state.raw<Progress | null>(null);
  marks = $state.raw<Map<number, DocumentMark>>(new Map());
  busy = $state(false);

  /** the Plan… dialog: open, what it asks, and the preview of it */
  dialogOpen = $state(false);
  input = $state<PlanInput>({ share: 20, by: '', coders: [], seed: 1, force: false });
  preview = $state.raw<PlanView | null>(null);
  previewError = $state('');
  /** the last draw was refused because coders have marked documents done */
  needsForce = $state(false);
  private seq = 0;

  constructor(
    private toasts: ToastStore = defaultToasts,
    /** told when the plan was drawn, so other views follow */
    private onDrawn: () => void = () => {},
  ) {}

  /** Reads the plan, the marks and the progress afresh. */
  async load(): Promise<void> {
    try {
      const [plan, marks, progress] = await Promise.all([planApi.plan(), planApi.marks(), planApi.progress()]);
      this.plan = plan;
      this.marks = new Map(marks.map((m) => [m.document, m]));
      this.progress = progress;
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Progress only: coding changed the "coded" counts. */
  async reloadProgress(): Promise<void> {
    if (!this.plan) return;
    try {
      this.progress = await planApi.progress();
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** The documents in the order the list shows them: the coder's own first, then the rest, each in import order. */
  ordered(documents: DocumentSummary[]): DocumentSummary[] {
    if (this.marks.size === 0) return documents;
    const mine = documents.filter((d) => this.marks.get(d.id)?.yours);
    const others = documents.filter((d) => !this.marks.get(d.id)?.yours);
    return [...mine, ...others];
  }

  mark(id: number): DocumentMark | undefined {
    return this.marks.get(id);
  }

  /** The current coder's row of the progress table. */
  mine(coder: string): Progress['coders'][number] | undefined {
    return this.progress?.coders.find((c) => c.coder === coder);
  }

  async setDone(document: number, done: boolean): Promise<void> {
    await whileBusy(this, this.toasts, async () => {
      await planApi.setDone(document, done);
      const m = this.marks.get(document);
      if (m) this.marks = new Map(this.marks).set(document, { ...m, done });
      this.progress = await planApi.progress();
    });
  }

  /** Opens the Plan… dialog with the stored plan's choices, or the given coders and attribute. */
  openDialog(coders: string[], attributes: string[]): void {
    const p = this.plan;
    this.input = p
      ? { share: p.share, by: p.by, coders: [...p.coders], seed: p.seed, force: false }
      : { share: 20, by: attributes.includes('role') ? 'role' : '', coders, seed: 1, force: false };
    this.needsForce = false;
    this.dialogOpen = true;
    void this.refreshPreview();
  }

  closeDialog(): void {
    this.dialogOpen = false;
    this.preview = null;
    this.previewError = '';
  }

  /** Changes what the dialog asks and previews it again. */
  set(change: Partial<PlanInput>): Promise<void> {
    this.input = { ...this.input, ...change };
    return this.refreshPreview();
  }

  async refreshPreview(): Promise<void> {
    const seq = ++this.seq;
    try {
      const p = await planApi.preview({ ...this.input });
      if (seq !== this.seq) return;
      this.preview = p;
      this.previewError = '';
    } catch (e) {
      if (seq !== this.seq) return;
      this.preview = null;
      this.previewError = e instanceof Error ? e.message : String(e);
    }
  }

  /** Draws and stores the plan; a redraw over done marks asks again with force. */
  async draw(): Promise<boolean> {
    this.busy = true;
    try {
      this.plan = await planApi.draw({ ...this.input, force: this.needsForce });
      this.needsForce = false;
      this.dialogOpen = false;
      this.preview = null;
      await this.load();
      this.onDrawn();
      this.toasts.info(this.plan?.sentence ?? 'Plan drawn.');
      return true;
    } catch (e) {
      if (e && typeof e === 'object' && (e as { kind?: string }).kind === 'conflict') {
        this.needsForce = true;
        this.previewError = e instanceof Error ? e.message : String(e);
        return false;
      }
      this.toasts.error(e);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

import { AgreementStore } from './agreement.svelte';
import { CasesStore } from './cases.svelte';
import { Changes } from './changes';
import { CodebookStore } from './codebook.svelte';
import { ExchangeStore } from './exchange.svelte';
import { ImportStore } from './importing.svelte';
import { PlanStore } from './plan.svelte';
import { MemosStore } from './memos.svelte';
import { PrivacyStore } from './privacy.svelte';
import type { ProjectStore } from './project.svelte';
import { QuotesStore } from './quotes.svelte';
import { ReaderStore } from './reader.svelte';
import { ReportStore } from './report.svelte';
import { ReviewStore } from './review.svelte';
import { SearchStore } from './search.svelte';
import { ThemesStore } from './themes.svelte';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';

/**
 * Everything the screens of one open project (and coder) show: every store,
 * made here once when the project opens and dropped with the workspace when
 * it closes. Screens are handed their store and never make one, so a store
 * — and the $derived values inside it — lives exactly as long as the
 * project, not as long as the tab that happened to show it first.
 *
 * The stores tell each other what changed through one channel (changes);
 * who follows what is wired here, in one place.
 */
export class Workspace {
  readonly changes = new Changes();
  readonly reader: ReaderStore;
  readonly search: SearchStore;
  readonly cases: CasesStore;
  readonly codebook: CodebookStore;
  readonly agreement: AgreementStore;
  readonly review: ReviewStore;
  readonly quotes: QuotesStore;
  readonly report: ReportStore;
  readonly memos: MemosStore;
  readonly privacy: PrivacyStore;
  readonly importing: ImportStore;
  readonly themes: ThemesStore;
  readonly plan: PlanStore;
  readonly exchange: ExchangeStore;

  constructor(
    readonly project: ProjectStore,
    readonly toasts: ToastStore = defaultToasts,
  ) {
    const changes = this.changes;
    this.reader = new ReaderStore(
      toasts,
      () => changes.emit({ kind: 'exemplars', source: 'reader' }),
      // a segment removed, or its removal undone, takes or brings back its memos
      () => void this.memos.load(),
    );
    this.search = new SearchStore(toasts, changes);
    this.cases = new CasesStore(toasts, () => changes.emit({ kind: 'cases' }));
    this.codebook = new CodebookStore(toasts, changes);
    this.agreement = new AgreementStore(toasts);
    this.review = new ReviewStore(toasts, changes);
    this.quotes = new QuotesStore(toasts, () => changes.emit({ kind: 'exemplars', source: 'quotes' }));
    this.report = new ReportStore(
      toasts,
      () => project.info?.canCompare ?? false,
      () => changes.emit({ kind: 'exemplars', source: 'report' }),
      () => this.themes.filter,
    );
    this.memos = new MemosStore(toasts, () => changes.emit({ kind: 'memos' }));
    this.privacy = new PrivacyStore(toasts, changes);
    this.importing = new ImportStore({ onImported: () => changes.emit({ kind: 'documents' }) });
    this.themes = new ThemesStore(toasts, undefined, () => changes.emit({ kind: 'exemplars', source: 'themes' }));
    this.plan = new PlanStore(toasts, () => changes.emit({ kind: 'plan' }));
    // A merge, an import or its undo may touch everything: documents, coders,
    // codes, segments, cases and memos; a copy sent may name a new coder.
    this.exchange = new ExchangeStore(toasts, (what) => {
      if (what === 'coders') return changes.emit({ kind: 'coders' });
      for (const kind of ['documents', 'coders', 'codebook', 'segments', 'cases', 'memos'] as const) changes.emit({ kind });
    });
    this.follow();
  }

  private follow(): void {
    const { changes, reader, search, project, quotes, report, plan, memos } = this;

    // The report reads the coding, the codebook, the cases, the exemplars and the layers.
    for (const kind of ['segments', 'codebook', 'cases', 'documents', 'coders'] as const) {
      changes.on(kind, () => report.changed());
    }
    changes.on('exemplars', (c) => {
      if (c.source !== 'report') report.changed();
    });

    // The open document's stripes and the codebook's counts; a step coded
    // elsewhere is one more step for Undo in the reader.
    changes.on('segments', (c) => {
      void reader.refreshHistory();
      if (reader.doc && (!c.documents || c.documents.includes(reader.doc.id))) void reader.reloadSegments();
      else void reader.reloadCodes();
      // code: and coder: in a query look at the coding.
      void search.refresh();
      // A coder's "coded" count in the plan's progress.
      void plan.reloadProgress();
      // a removed segment takes its memos
      void memos.load();
    });

    // Codes, keys, colours, merged or deleted segments, even the active
    // framework: the reader (always mounted) and the title bar read it afresh.
    changes.on('codebook', () => {
      void reader.load();
      void reader.reloadSegments();
      void project.refresh();
      // a deleted or merged code takes or moves its memos
      void memos.load();
    });

    // The open transcript's turns show their case and whether they are coded.
    changes.on('cases', () => {
      if (reader.currentId !== null) void reader.open(reader.currentId);
    });

    // New documents, or text that moved under the reader and the document list.
    changes.on('documents', (c) => {
      void (async () => {
        await reader.load();
        if (c.documents && reader.currentId !== null && c.documents.includes(reader.currentId)) await reader.open(reader.currentId);
      })();
      void project.refresh();
      void plan.load();
    });

    // memo: in a query looks at the memos; the store that wrote one has
    // already put it in its list.
    changes.on('memos', () => void search.refresh());

    // A consensus layer is one more coder to list.
    changes.on('coders', () => void project.refresh());

    // Every theme figure reads the coding, the codebook, the cases and the
    // documents; a new consensus layer becomes the default layer.
    for (const kind of ['segments', 'codebook', 'cases', 'documents', 'coders'] as const) {
      changes.on(kind, () => this.themes.invalidate());
    }

    // A star or trim made in one place shows in the others (the store that
    // made it has already put it on its own view).
    changes.on('exemplars', (c) => {
      if (c.source !== 'reader') void reader.reloadStars();
      if (c.source !== 'quotes' && quotes.codeId !== null) void quotes.load();
      if (c.source !== 'themes') void this.themes.reloadStars();
    });
  }

  /** Stops every store listening: the project closed (or the coder changed). */
  close(): void {
    this.changes.clear();
    this.report.dispose();
  }
}

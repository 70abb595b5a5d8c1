import {
  inMemo,
  inName,
  inText,
  occurrenceOf,
  privacyApi,
  type PrivacyFinding,
  type PrivacyGroup,
  type PrivacyScan,
  type ReplaceSummary,
} from '../privacyApi';
import { plural } from '../format';
import { toasts as defaultToasts, type ToastStore } from './toasts.svelte';
import type { Changes } from './changes';

/** What a confirmed "replace everywhere" will change. */
export interface ReplacePlan {
  group: PrivacyGroup;
  pseudonym: string;
  /** every occurrence, in texts and names */
  occurrences: number;
  /** documents whose text changes */
  documents: number;
  /** document names, case names and attribute values that change */
  names: number;
  /** occurrences in memos (every memo loses the original anyway) */
  memos: number;
}

/**
 * The anonymisation check: the grouped findings of the last scan, filters by
 * kind and document, dismissing, replacing a group everywhere with a
 * pseudonym, and saving the key file.
 */
export class PrivacyStore {
  scan = $state.raw<PrivacyScan | null>(null);
  loading = $state(false);
  /** '' = every kind */
  kind = $state('');
  /** 0 = every document */
  document = $state(0);
  /** the pseudonym typed for a group, by group key; absent = the suggestion */
  pseudonyms = $state<Record<string, string>>({});
  /** the kind a group is to be replaced as, by group key; absent = the kind it was found as */
  replaceAs = $state<Record<string, string>>({});
  /** the replacement waiting for the user's confirmation */
  plan = $state<ReplacePlan | null>(null);
  replacing = $state(false);
  /** what the last replacement changed */
  last = $state.raw<ReplaceSummary | null>(null);
  /** where the key was saved last; '' when not (yet) */
  keyPath = $state('');
  private seq = 0;

  constructor(
    private toasts: ToastStore = defaultToasts,
    /** told of the documents whose text a replacement changed */
    private changes?: Changes,
  ) {}

  /** Kinds with findings, for the filter. */
  get kinds(): string[] {
    const seen = new Set<string>();
    for (const g of this.scan?.groups ?? []) seen.add(g.kind);
    return [...seen];
  }

  /** Documents with findings (in their text or name), for the filter. */
  get documents(): { id: number; name: string }[] {
    const seen = new Map<number, string>();
    for (const g of this.scan?.groups ?? []) for (const f of g.findings) if (f.document) seen.set(f.document, f.documentName);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The groups the filters let through, each with only the findings they let through. */
  get visible(): PrivacyGroup[] {
    const out: PrivacyGroup[] = [];
    for (const g of this.scan?.groups ?? []) {
      if (this.kind && g.kind !== this.kind) continue;
      const findings = this.document ? g.findings.filter((f) => f.document === this.document) : g.findings;
      if (findings.length) out.push(findings === g.findings ? g : { ...g, findings });
    }
    return out;
  }

  pseudonymFor(g: PrivacyGroup): string {
    return this.pseudonyms[g.key] ?? g.suggested;
  }

  setPseudonym(g: PrivacyGroup, value: string): void {
    this.pseudonyms = { ...this.pseudonyms, [g.key]: value };
  }

  kindFor(g: PrivacyGroup): string {
    return this.replaceAs[g.key] ?? g.kind;
  }

  /** Replaces the group as another kind: the pseudonym becomes that kind's next ("[Place 1]"). */
  async setReplaceKind(g: PrivacyGroup, kind: string): Promise<void> {
    this.replaceAs = { ...this.replaceAs, [g.key]: kind };
    try {
      const suggested = kind === g.kind ? g.suggested : await privacyApi.suggest(kind, g.text);
      if (this.kindFor(g) === kind) this.setPseudonym(g, suggested);
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Scans the whole project again. */
  async check(): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const s = await privacyApi.scan();
      if (seq !== this.seq) return;
      this.scan = s;
      if (this.document && !this.documents.some((d) => d.id === this.document)) this.document = 0;
      if (this.kind && !this.kinds.includes(this.kind)) this.kind = '';
    } catch (e) {
      if (seq === this.seq) this.toasts.error(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /** Drops findings from the shown scan without scanning again. */
  private drop(gone: (g: PrivacyGroup, f: PrivacyFinding) => boolean, dismissed: number): void {
    const s = this.scan;
    if (!s) return;
    const groups: PrivacyGroup[] = [];
    let findings = 0;
    for (const g of s.groups) {
      const left = g.findings.filter((f) => !gone(g, f));
      findings += left.length;
      if (left.length) groups.push({ ...g, findings: left, documents: textDocuments(left), memos: left.filter(inMemo).length });
    }
    this.scan = { ...s, groups, findings, dismissed: s.dismissed + dismissed };
  }

  /**
   * Says a finding is not an identifier; later scans leave it out. Findings
   * in names cannot be dismissed (the project keeps dismissals by a place in
   * a document's text): rename the document or case instead.
   */
  async dismiss(f: PrivacyFinding): Promise<void> {
    if (inName(f)) return;
    try {
      await privacyApi.dismiss(f);
      this.drop(
        (_, x) => x === f || (x.document === f.document && (x.memo ?? 0) === (f.memo ?? 0) && x.start === f.start && x.kind === f.kind),
        1,
      );
    } catch (e) {
      this.toasts.error(e);
    }
  }

  /** Dismisses every occurrence of a group in the texts and memos (not those in names: see dismiss). */
  async dismissAll(g: PrivacyGroup): Promise<void> {
    const all = (this.scan?.groups.find((x) => x.key === g.key)?.findings ?? g.findings).filter((f) => !inName(f));
    let done = 0;
    try {
      for (const f of all) {
        await privacyApi.dismiss(f);
        done++;
      }
    } catch (e) {
      this.toasts.error(e);
    } finally {
      const gone = new Set(all.slice(0, done));
      this.drop((_, f) => gone.has(f), done);
    }
  }

  /** Prepares the confirmation of replacing a group everywhere (every document, whatever the filters). */
  askReplace(g: PrivacyGroup): void {
    const full = this.scan?.groups.find((x) => x.key === g.key) ?? g;
    const pseudonym = this.pseudonymFor(g).trim();
    if (!pseudonym) {
      this.toasts.error('Type a pseudonym to put in place of “' + g.text + '”.');
      return;
    }
    this.plan = {
      group: full,
      pseudonym,
      occurrences: full.findings.length,
      documents: textDocuments(full.findings),
      names: full.findings.filter(inName).length,
      memos: full.findings.filter(inMemo).length,
    };
  }

  cancelReplace(): void {
    this.plan = null;
  }

  /** Replaces the planned group everywhere; returns the documents changed, or null on failure. */
  async confirmReplace(): Promise<number[] | null> {
    const plan = this.plan;
    if (!plan) return null;
    this.replacing = true;
    try {
      const g = plan.group;
      this.last = await privacyApi.replace([
        {
          kind: this.kindFor(g),
          pseudonym: plan.pseudonym,
          occurrences: g.findings.map(occurrenceOf),
        },
      ]);
      this.plan = null;
      this.keyPath = '';
      const names = this.last.names ?? 0;
      const where = `${plural(this.last.documents, 'document')}${names ? ` and ${plural(names, 'name')}` : ''}`;
      this.toasts.info(`Replaced ${plural(this.last.replacements, 'occurrence')} of “${g.text}” with ${plan.pseudonym} in ${where}.`);
      for (const w of this.last.warnings ?? []) this.toasts.error(`Not yet wiped: ${w}.`);
      await this.check();
      const changed = [...new Set(g.findings.filter(inText).map((f) => f.document))];
      this.changes?.emit({ kind: 'documents', documents: changed });
      return changed;
    } catch (e) {
      this.toasts.error(e);
      return null;
    } finally {
      this.replacing = false;
    }
  }

  /** Asks where to save the key file and writes it there. */
  async saveKey(): Promise<void> {
    try {
      const path = await privacyApi.saveKey();
      if (path) this.keyPath = path;
    } catch (e) {
      this.toasts.error(e);
    }
  }
}

/** How many documents' texts the findings are in. */
function textDocuments(fs: PrivacyFinding[]): number {
  return new Set(fs.filter(inText).map((f) => f.document)).size;
}


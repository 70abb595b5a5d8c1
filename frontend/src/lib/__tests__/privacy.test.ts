import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';

// The real privacyApi.ts over mocked bindings.
vi.mock('../wailsjs/go/app/PrivacyService', () => ({ Scan: vi.fn(), Dismiss: vi.fn(), Replace: vi.fn(), SaveKey: vi.fn(), Suggest: vi.fn() }));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import * as Privacy from '../wailsjs/go/app/PrivacyService';
import PrivacyScreen from '../screens/PrivacyScreen.svelte';
import { PrivacyStore } from '../stores/privacy.svelte';
import { Workspace } from '../stores/workspace.svelte';
import type { ProjectStore } from '../stores/project.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import type { PrivacyFinding } from '../privacyApi';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

function finding(over: Partial<PrivacyFinding> = {}): PrivacyFinding {
  return {
    document: 1,
    documentName: 'P001',
    start: 13,
    end: 23,
    kind: 'name',
    text: 'Jenny Holt',
    confidence: 0.9,
    before: 'P001: Mostly ',
    after: ', and 😀 her son.',
    contextStart: 0,
    clippedBefore: false,
    clippedAfter: true,
    ...over,
  };
}

function rawScan() {
  return {
    groups: [
      {
        key: 'name:jenny holt',
        kind: 'name',
        text: 'Jenny Holt',
        confidence: 0.9,
        suggested: '[Name 1]',
        documents: 2,
        findings: [finding(), finding({ document: 2, documentName: 'P002', start: 40, end: 50, before: 'Ring ' })],
      },
      {
        key: 'phone:07700 900123',
        kind: 'phone',
        text: '07700 900123',
        confidence: 0.95,
        suggested: '[Phone 1]',
        documents: 1,
        findings: [finding({ kind: 'phone', text: '07700 900123', start: 60, end: 72, confidence: 0.95 })],
      },
    ],
    findings: 3,
    dismissed: 0,
    documents: 2,
    keyEntries: 0,
  };
}

beforeEach(() => {
  vi.resetAllMocks();
  m(Privacy.Scan).mockResolvedValue(rawScan());
});

describe('PrivacyStore', () => {
  it('filters by kind and document', async () => {
    const s = new PrivacyStore(new ToastStore());
    await s.check();
    expect(s.kinds).toEqual(['name', 'phone']);
    expect(s.documents.map((d) => d.name)).toEqual(['P001', 'P002']);
    s.kind = 'phone';
    expect(s.visible.map((g) => g.text)).toEqual(['07700 900123']);
    s.kind = '';
    s.document = 2;
    expect(s.visible.map((g) => [g.text, g.findings.length])).toEqual([['Jenny Holt', 1]]);
  });

  it('dismisses one occurrence without scanning again', async () => {
    const s = new PrivacyStore(new ToastStore());
    await s.check();
    m(Privacy.Dismiss).mockResolvedValue(undefined);
    await s.dismiss(s.scan!.groups[1].findings[0]);
    expect(Privacy.Dismiss).toHaveBeenCalledWith({ document: 1, memo: 0, start: 60, end: 72, kind: 'phone', text: '07700 900123' });
    expect(s.scan!.groups.map((g) => g.text)).toEqual(['Jenny Holt']);
    expect(s.scan!.dismissed).toBe(1);
    expect(Privacy.Scan).toHaveBeenCalledTimes(1);
  });

  it('replaces every occurrence of a group, whatever the filter, with the typed pseudonym', async () => {
    const s = new PrivacyStore(new ToastStore());
    await s.check();
    s.document = 2;
    const g = s.visible[0];
    s.setPseudonym(g, '  [Link worker A] ');
    s.askReplace(g);
    expect(s.plan).toMatchObject({ pseudonym: '[Link worker A]', occurrences: 2, documents: 2 });
    m(Privacy.Replace).mockResolvedValue({ replacements: 2, documents: 2, segments: 3, turns: 2, keyEntries: 1 });
    m(Privacy.Scan).mockResolvedValue({ ...rawScan(), groups: [rawScan().groups[1]], findings: 1, keyEntries: 1 });
    expect(await s.confirmReplace()).toEqual([1, 2]);
    expect(Privacy.Replace).toHaveBeenCalledWith([
      {
        kind: 'name',
        pseudonym: '[Link worker A]',
        occurrences: [
          { document: 1, start: 13, end: 23, text: 'Jenny Holt' },
          { document: 2, start: 40, end: 50, text: 'Jenny Holt' },
        ],
      },
    ]);
    expect(s.plan).toBeNull();
    expect(s.scan!.keyEntries).toBe(1);
  });

  it('refuses an empty pseudonym and shows a failed replacement', async () => {
    const toasts = new ToastStore();
    const s = new PrivacyStore(toasts);
    await s.check();
    s.setPseudonym(s.visible[0], ' ');
    s.askReplace(s.visible[0]);
    expect(s.plan).toBeNull();
    s.setPseudonym(s.visible[0], '[Name 9]');
    s.askReplace(s.visible[0]);
    m(Privacy.Replace).mockRejectedValue(new Error('{"code":"invalid","message":"the text of P001 has changed since the scan; check again"}'));
    expect(await s.confirmReplace()).toBeNull();
    expect(toasts.items.at(-1)?.message).toContain('changed since the scan');
  });
});

/** Jenny Holt in a transcript, in a document's name and in a case's name and attribute. */
function namesScan() {
  const inText = finding({
    place: 'speaker label',
    document: 3,
    documentName: 'Jenny Holt interview',
    start: 31,
    end: 41,
    before: '',
    after: ': I rang.',
  });
  return {
    groups: [
      {
        key: 'name:jenny holt',
        kind: 'name',
        text: 'Jenny Holt',
        confidence: 0.9,
        suggested: '[Name 2]',
        documents: 1,
        findings: [
          inText,
          finding({
            place: 'document name',
            document: 3,
            documentName: 'Jenny Holt interview',
            start: 0,
            end: 10,
            before: '',
            after: ' interview',
          }),
          finding({
            place: 'case name',
            document: 0,
            documentName: '',
            case: 7,
            caseName: 'Jenny Holt',
            start: 0,
            end: 10,
            before: '',
            after: '',
          }),
          finding({
            place: 'attribute value',
            document: 0,
            documentName: '',
            case: 7,
            caseName: 'Jenny Holt',
            attribute: 'Contact',
            start: 0,
            end: 10,
            before: '',
            after: ', via the surgery',
          }),
        ],
      },
    ],
    findings: 4,
    dismissed: 0,
    documents: 1,
    keyEntries: 0,
  };
}

describe('findings in names', () => {
  it('replaces them with the text, saying where, and counts them apart', async () => {
    m(Privacy.Scan).mockResolvedValue(namesScan());
    const s = new PrivacyStore(new ToastStore());
    await s.check();
    expect(s.documents).toEqual([{ id: 3, name: 'Jenny Holt interview' }]);
    s.askReplace(s.visible[0]);
    expect(s.plan).toMatchObject({ occurrences: 4, documents: 1, names: 3 });
    m(Privacy.Replace).mockResolvedValue({
      replacements: 4,
      documents: 1,
      segments: 0,
      turns: 1,
      names: 3,
      keyEntries: 1,
      warnings: [],
    });
    expect(await s.confirmReplace()).toEqual([3]);
    expect(Privacy.Replace).toHaveBeenCalledWith([
      {
        kind: 'name',
        pseudonym: '[Name 2]',
        occurrences: [
          { document: 3, start: 31, end: 41, text: 'Jenny Holt' },
          { document: 3, start: 0, end: 10, text: 'Jenny Holt', place: 'document name' },
          { document: 0, start: 0, end: 10, text: 'Jenny Holt', place: 'case name', case: 7 },
          { document: 0, start: 0, end: 10, text: 'Jenny Holt', place: 'attribute value', case: 7, attribute: 'Contact' },
        ],
      },
    ]);
  });

  it('are shown by their place with the whole name, and cannot be dismissed or opened', async () => {
    m(Privacy.Scan).mockResolvedValue(namesScan());
    const privacy = new PrivacyStore(new ToastStore());
    render(PrivacyScreen, { onOpen: vi.fn(), privacy });
    const group = (await screen.findAllByTestId('privacy-group'))[0];
    expect(group).toHaveTextContent('4 occurrences in 1 document and 3 names');
    const rows = within(group).getAllByTestId('privacy-finding');
    expect(rows.map((r) => r.dataset.place)).toEqual(['speaker label', 'document name', 'case name', 'attribute value']);
    expect(rows[0]).toHaveTextContent('speaker');
    expect(rows[1]).toHaveTextContent('Document name');
    expect(rows[1]).toHaveTextContent('Jenny Holt interview (and the file name it came from)');
    expect(rows[3]).toHaveTextContent('Contact of case Jenny Holt');
    expect(rows[3].querySelector('mark')).toHaveTextContent('Jenny Holt');
    for (const r of rows.slice(1)) {
      expect(within(r).queryByRole('button')).toBeNull();
    }
    await fireEvent.click(within(group).getByTestId('privacy-replace'));
    const dialog = await screen.findByTestId('privacy-confirm');
    expect(within(dialog).getByTestId('privacy-confirm-count')).toHaveTextContent(
      '4 occurrences: 1 in 1 document and 3 names of documents, cases or their attributes',
    );
  });
});

function memosScan() {
  return {
    groups: [
      {
        key: 'name:maria lopez',
        kind: 'name',
        text: 'Maria Lopez',
        confidence: 0.9,
        suggested: '[Name 1]',
        documents: 1,
        memos: 1,
        findings: [
          finding({ text: 'Maria Lopez', start: 6, end: 17, before: 'P001: ', after: ' rang.' }),
          finding({
            place: 'memo',
            document: 1,
            documentName: 'P001',
            memo: 5,
            memoOn: 'document “P001”',
            memoAuthor: 'Ben',
            text: 'Maria Lopez',
            start: 10,
            end: 21,
            before: 'Her carer ',
            after: ' confirmed it.',
            clippedAfter: false,
          }),
        ],
      },
    ],
    findings: 2,
    dismissed: 0,
    documents: 1,
    keyEntries: 0,
  };
}

describe('findings in memos', () => {
  it('are shown with the memo they are in, dismissed by the memo, and replaced with the rest', async () => {
    m(Privacy.Scan).mockResolvedValue(memosScan());
    const privacy = new PrivacyStore(new ToastStore());
    render(PrivacyScreen, { onOpen: vi.fn(), privacy });
    const group = (await screen.findAllByTestId('privacy-group'))[0];
    expect(group).toHaveTextContent('2 occurrences in 1 document and 1 memo');
    const rows = within(group).getAllByTestId('privacy-finding');
    expect(rows.map((r) => r.dataset.place)).toEqual(['text', 'memo']);
    expect(rows[1]).toHaveTextContent('Memo by Ben on document “P001”');
    expect(rows[1]).toHaveTextContent('Her carer Maria Lopez confirmed it.');
    expect(rows[1].querySelector('mark')).toHaveTextContent('Maria Lopez');
    expect(within(rows[1]).queryByRole('button', { name: /^Open/ })).toBeNull();

    await fireEvent.click(within(group).getByTestId('privacy-replace'));
    const dialog = await screen.findByTestId('privacy-confirm');
    expect(within(dialog).getByTestId('privacy-confirm-count')).toHaveTextContent('2 occurrences: 1 in 1 document and 1 memo');
    await fireEvent.click(within(dialog).getByRole('button', { name: /cancel/i }));

    m(Privacy.Dismiss).mockResolvedValue(undefined);
    await fireEvent.click(within(rows[1]).getByTestId('privacy-dismiss'));
    expect(Privacy.Dismiss).toHaveBeenCalledWith({ document: 0, memo: 5, start: 10, end: 21, kind: 'name', text: 'Maria Lopez' });
    await waitFor(() => expect(within(group).getAllByTestId('privacy-finding')).toHaveLength(1));
    expect(privacy.scan?.dismissed).toBe(1);

    privacy.askReplace(privacy.visible[0]);
    m(Privacy.Replace).mockResolvedValue({ replacements: 1, documents: 1, segments: 0, turns: 0, keyEntries: 1 });
    m(Privacy.Scan).mockResolvedValue(memosScan());
    await privacy.confirmReplace();
    expect(Privacy.Replace).toHaveBeenCalledWith([
      { kind: 'name', pseudonym: '[Name 1]', occurrences: [{ document: 1, start: 6, end: 17, text: 'Maria Lopez' }] },
    ]);
    privacy.askReplace(privacy.visible[0]);
    expect(privacy.plan).toMatchObject({ occurrences: 2, documents: 1, names: 0, memos: 1 });
    await privacy.confirmReplace();
    expect(Privacy.Replace).toHaveBeenLastCalledWith([
      {
        kind: 'name',
        pseudonym: '[Name 1]',
        occurrences: [
          { document: 1, start: 6, end: 17, text: 'Maria Lopez' },
          { document: 1, start: 10, end: 21, text: 'Maria Lopez', place: 'memo', memo: 5 },
        ],
      },
    ]);
  });
});

describe('PrivacyScreen', () => {
  // The screen's store comes from the workspace, which has the reader and the project follow its changes.
  function renderScreen() {
    const project = { refresh: vi.fn() };
    const ws = new Workspace(project as unknown as ProjectStore, new ToastStore());
    const reader = ws.reader;
    reader.currentId = 2;
    vi.spyOn(reader, 'load').mockResolvedValue();
    vi.spyOn(reader, 'open').mockResolvedValue();
    const onOpen = vi.fn();
    render(PrivacyScreen, { onOpen, privacy: ws.privacy });
    return { privacy: ws.privacy, reader, project, onOpen };
  }

  it('scans when it opens and shows each finding in context, highlighted', async () => {
    const { onOpen } = renderScreen();
    const groups = await screen.findAllByTestId('privacy-group');
    expect(groups).toHaveLength(2);
    expect(screen.getByTestId('privacy-summary')).toHaveTextContent('3 possible identifiers (2 different) in 2 documents.');
    const first = within(groups[0]).getAllByTestId('privacy-finding')[0];
    expect(first.querySelector('mark')).toHaveTextContent('Jenny Holt');
    expect(first).toHaveTextContent('P001: Mostly Jenny Holt, and 😀 her son.…');
    expect(within(groups[0]).getByTestId('privacy-pseudonym')).toHaveValue('[Name 1]');
    await fireEvent.click(within(first).getByRole('button', { name: 'Open P001 at Jenny Holt' }));
    expect(onOpen).toHaveBeenCalledWith(1, 13, 23);
  });

  it('confirms a replacement with the counts, then offers the key file', async () => {
    const { reader, project } = renderScreen();
    const groups = await screen.findAllByTestId('privacy-group');
    await fireEvent.click(within(groups[0]).getByTestId('privacy-replace'));
    const dialog = await screen.findByTestId('privacy-confirm');
    expect(within(dialog).getByTestId('privacy-confirm-count')).toHaveTextContent('2 occurrences in 2 documents');
    expect(dialog).toHaveTextContent('Coded segments keep their words');
    m(Privacy.Replace).mockResolvedValue({ replacements: 2, documents: 2, segments: 1, turns: 0, keyEntries: 1 });
    m(Privacy.Scan).mockResolvedValue({ ...rawScan(), groups: [rawScan().groups[1]], findings: 1, keyEntries: 1 });
    await fireEvent.click(within(dialog).getByTestId('privacy-confirm-replace'));
    await waitFor(() => expect(screen.queryByTestId('privacy-confirm')).toBeNull());
    await waitFor(() => expect(reader.load).toHaveBeenCalled());
    expect(reader.open).toHaveBeenCalledWith(2);
    expect(project.refresh).toHaveBeenCalled();
    m(Privacy.SaveKey).mockResolvedValue('/home/r/key.csv');
    await fireEvent.click(await screen.findByTestId('privacy-save-key'));
    expect(await screen.findByTestId('privacy-key-path')).toHaveTextContent('/home/r/key.csv');
  });

  it('counts the documents with findings, not every document scanned', async () => {
    m(Privacy.Scan).mockResolvedValue({ ...rawScan(), documents: 9 });
    renderScreen();
    await screen.findAllByTestId('privacy-group');
    expect(screen.getByTestId('privacy-summary')).toHaveTextContent('3 possible identifiers (2 different) in 2 of 9 documents.');
  });

  it('offers the kind at replacement: a place found as a name becomes [Place 1]', async () => {
    renderScreen();
    const groups = await screen.findAllByTestId('privacy-group');
    const kind = within(groups[0]).getByTestId('privacy-replace-kind') as HTMLSelectElement;
    expect([...kind.options].map((o) => o.textContent)).toEqual(['Name', 'Place', 'Organisation']);
    expect(kind).toHaveValue('name');
    m(Privacy.Suggest).mockResolvedValue('[Place 1]');
    await fireEvent.change(kind, { target: { value: 'address' } });
    await waitFor(() => expect(within(groups[0]).getByTestId('privacy-pseudonym')).toHaveValue('[Place 1]'));
    expect(m(Privacy.Suggest)).toHaveBeenCalledWith('address', 'Jenny Holt');
    await fireEvent.click(within(groups[0]).getByTestId('privacy-replace'));
    const dialog = await screen.findByTestId('privacy-confirm');
    m(Privacy.Replace).mockResolvedValue({ replacements: 2, documents: 2, segments: 0, turns: 0, keyEntries: 1 });
    await fireEvent.click(within(dialog).getByTestId('privacy-confirm-replace'));
    await waitFor(() => expect(m(Privacy.Replace)).toHaveBeenCalled());
    expect(m(Privacy.Replace).mock.calls[0][0][0]).toMatchObject({ kind: 'address', pseudonym: '[Place 1]' });
    // A phone number keeps its own kind among the choices.
    const phone = within(groups[1]).getByTestId('privacy-replace-kind') as HTMLSelectElement;
    expect([...phone.options].map((o) => o.textContent)).toEqual(['Phone', 'Name', 'Place', 'Organisation']);
  });

  it('says so when nothing is found', async () => {
    m(Privacy.Scan).mockResolvedValue({ groups: null, findings: 0, dismissed: 2, documents: 3, keyEntries: 0 });
    renderScreen();
    expect(await screen.findByTestId('privacy-clear')).toBeVisible();
    expect(screen.getByTestId('privacy-summary')).toHaveTextContent('No likely identifiers in 3 documents (2 dismissed).');
  });
});

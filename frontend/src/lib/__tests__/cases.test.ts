import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';

// The real casesApi.ts over mocked bindings, as in the app.
vi.mock('../wailsjs/go/app/CasesService', () => ({
  View: vi.fn(), AddCase: vi.fn(), RenameCase: vi.fn(), DeleteCase: vi.fn(), SetValue: vi.fn(), AddAttribute: vi.fn(),
  RenameAttribute: vi.fn(), SetAttributeType: vi.fn(), DeleteAttribute: vi.fn(), SetDocumentCase: vi.fn(),
  SetSpeakerCase: vi.fn(), SetSpeakerExcluded: vi.fn(), ExcludeEverywhere: vi.fn(), ChooseAndImport: vi.fn(), Import: vi.fn(),
}));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import * as Cases from '../wailsjs/go/app/CasesService';
import CasesScreen from '../screens/CasesScreen.svelte';
import { CasesStore } from '../stores/cases.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import type { ProjectStore } from '../stores/project.svelte';
import { Workspace } from '../stores/workspace.svelte';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

// Go's nil slices and maps arrive as null.
function rawView(over: { interviewerExcluded?: boolean; age?: string } = {}) {
  return {
    types: ['text', 'number', 'date', 'category'],
    attributes: [
      { name: 'role', type: 'category', values: ['link worker', 'patient'] },
      { name: 'age', type: 'number', values: null },
      { name: 'interviewed', type: 'date', values: null },
    ],
    cases: [
      { id: 1, name: 'Patient 001', values: { role: 'patient', age: over.age ?? '54', interviewed: '2024-03-07' } },
      { id: 2, name: 'Café 😀 group', values: null },
    ],
    documents: [
      {
        document: 7, name: 'focus-group', case: 2, caseName: 'Café 😀 group',
        speakers: [
          { name: 'Interviewer', turns: 4, case: 0, caseName: '', excluded: !!over.interviewerExcluded },
          { name: 'P1', turns: 3, case: 1, caseName: 'Patient 001', excluded: false },
        ],
      },
      { document: 8, name: 'empty', case: 0, caseName: '', speakers: null },
    ],
  };
}

const project = { info: { path: '/p/s.themis', documents: 2 } } as unknown as ProjectStore;

beforeEach(() => {
  vi.clearAllMocks();
  m(Cases.View).mockResolvedValue(rawView());
});

describe('CasesStore', () => {
  it('normalises the view, including nulls', async () => {
    const s = new CasesStore(new ToastStore());
    await s.load();
    expect(s.view?.cases[1]).toEqual({ id: 2, name: 'Café 😀 group', values: {} });
    expect(s.view?.attributes[1]).toEqual({ name: 'age', type: 'number', values: [] });
    expect(s.view?.documents[1].speakers).toEqual([]);
    expect(s.stillCoded()).toBe(1);
  });

  it('shows why a change was refused, reloads and redraws the inputs', async () => {
    const toasts = new ToastStore();
    const changed = vi.fn();
    const s = new CasesStore(toasts, changed);
    await s.load();
    m(Cases.SetValue).mockRejectedValue(new Error(JSON.stringify({ code: 'invalid', message: 'case "Patient 001": age: "old" is not a number' })));
    expect(await s.setValue(1, 'age', 'old')).toBe(false);
    expect(toasts.items.map((t) => t.message)).toEqual(['case "Patient 001": age: "old" is not a number']);
    expect(s.reverted).toBe(1);
    expect(changed).not.toHaveBeenCalled();
    expect(m(Cases.View)).toHaveBeenCalledTimes(2);
  });

  it('skips unchanged values and reports changes', async () => {
    const changed = vi.fn();
    const s = new CasesStore(new ToastStore(), changed);
    await s.load();
    expect(await s.setValue(1, 'age', ' 54 ')).toBe(true);
    expect(m(Cases.SetValue)).not.toHaveBeenCalled();
    m(Cases.SetValue).mockResolvedValue(rawView({ age: '55' }));
    await s.setValue(1, 'age', '55');
    expect(m(Cases.SetValue)).toHaveBeenCalledWith(1, 'age', '55');
    expect(s.view?.cases[0].values.age).toBe('55');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('excludes the interviewer everywhere in one call', async () => {
    const toasts = new ToastStore();
    const s = new CasesStore(toasts);
    await s.load();
    m(Cases.ExcludeEverywhere).mockResolvedValue({ documents: ['focus-group'], view: rawView({ interviewerExcluded: true }) });
    expect(await s.excludeEverywhere()).toEqual(['focus-group']);
    expect(m(Cases.ExcludeEverywhere)).toHaveBeenCalledWith('Interviewer');
    expect(s.stillCoded()).toBe(0);
    expect(toasts.items[0].message).toBe('Interviewer is not coded in 1 document');
  });

  it('keeps the report of an import, and nothing when cancelled', async () => {
    const s = new CasesStore(new ToastStore());
    m(Cases.ChooseAndImport).mockResolvedValue(null);
    expect(await s.importSheet()).toBeNull();
    expect(s.lastImport).toBeNull();
    m(Cases.ChooseAndImport).mockResolvedValue({
      file: 'cases.csv', nameColumn: 'case', documentColumn: '', attributes: [{ name: 'gender', type: 'category', inferred: true, values: ['f', 'm'] }],
      cases: 3, added: 3, updated: 0, newAttributes: 1, linked: 1, matches: [{ case: 'ID1', document: 'qualcoder-ID1', how: 'name within' }],
      unknownDocuments: null, unmatched: ['ID2'], summary: null,
    });
    const r = await s.importSheet();
    expect(r?.matches).toHaveLength(1);
    expect(s.lastImport?.unknownDocuments).toEqual([]);
  });
});

describe('CasesScreen', () => {
  // The screen's store comes from the workspace, which has the reader follow its changes.
  function renderScreen() {
    const ws = new Workspace(project, new ToastStore());
    ws.reader.currentId = 7;
    vi.spyOn(ws.reader, 'open').mockResolvedValue();
    render(CasesScreen, { project, cases: ws.cases });
    return ws.reader;
  }

  it('draws typed inputs per attribute and the speakers of each document', async () => {
    renderScreen();
    const row = (await screen.findAllByTestId('case-row'))[0];
    expect(row.dataset.case).toBe('Patient 001');
    expect(within(row).getByLabelText('age of Patient 001')).toHaveProperty('type', 'number');
    expect(within(row).getByLabelText('interviewed of Patient 001')).toHaveProperty('value', '2024-03-07');
    expect(within(row).getByLabelText('role of Patient 001').getAttribute('list')).toMatch(/^cat-/);
    expect(screen.getByLabelText('Name of case Café 😀 group')).toHaveProperty('value', 'Café 😀 group');
    const docs = screen.getByTestId('documents-speakers');
    expect(within(docs).getByLabelText('Case of P1 in focus-group')).toHaveProperty('value', '1');
    expect(within(docs).getByText('No speaker labels')).toBeTruthy();
    expect(screen.getByTestId('exclude-interviewer').textContent).toContain('(1)');
  });

  it('saves a cell on change and reopens the reader’s transcript', async () => {
    const reader = renderScreen();
    const age = await screen.findByLabelText('age of Patient 001');
    m(Cases.SetValue).mockResolvedValue(rawView({ age: '60' }));
    await fireEvent.change(age, { target: { value: '60' } });
    await waitFor(() => expect(m(Cases.SetValue)).toHaveBeenCalledWith(1, 'age', '60'));
    await waitFor(() => expect(reader.open).toHaveBeenCalledWith(7));
  });

  it('toggles a speaker out of coding', async () => {
    renderScreen();
    const docs = await screen.findByTestId('documents-speakers');
    m(Cases.SetSpeakerExcluded).mockResolvedValue(rawView({ interviewerExcluded: true }));
    const toggle = within(docs).getAllByTestId('exclude-toggle')[0];
    await fireEvent.click(toggle);
    await waitFor(() => expect(m(Cases.SetSpeakerExcluded)).toHaveBeenCalledWith(7, 'Interviewer', true));
  });

  it('shows attribute names as headings, renamed only through an explicit edit', async () => {
    renderScreen();
    const head = await screen.findByTestId('attr-age');
    // A heading, not a field that renames on typing.
    expect(within(head).queryByRole('textbox')).toBeNull();
    expect(within(head).getByTestId('attr-name-age')).toHaveTextContent('age');
    await fireEvent.click(within(head).getByRole('button', { name: 'Rename attribute age' }));
    const input = within(head).getByRole('textbox', { name: 'New name of attribute age' });
    expect(input).toHaveFocus();
    // Escape gives up without asking the backend.
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(within(head).queryByRole('textbox')).toBeNull();
    expect(m(Cases.RenameAttribute)).not.toHaveBeenCalled();
    // Double-clicking the name edits it too; Enter renames.
    await fireEvent.dblClick(within(head).getByTestId('attr-name-age'));
    const again = within(head).getByRole('textbox', { name: 'New name of attribute age' });
    m(Cases.RenameAttribute).mockResolvedValue(rawView());
    await fireEvent.input(again, { target: { value: 'age at interview' } });
    await fireEvent.keyDown(again, { key: 'Enter' });
    await waitFor(() => expect(m(Cases.RenameAttribute)).toHaveBeenCalledWith('age', 'age at interview'));
  });

  it('gives every value cell its full value as a title, for values wider than the column', async () => {
    renderScreen();
    const row = (await screen.findAllByTestId('case-row'))[0];
    expect(within(row).getByLabelText('role of Patient 001')).toHaveAttribute('title', 'patient');
    expect(within(row).getByLabelText('interviewed of Patient 001')).toHaveAttribute('title', '2024-03-07');
    expect(screen.getByLabelText('Name of case Café 😀 group')).toHaveAttribute('title', 'Café 😀 group');
  });

  it('asks before deleting an attribute, saying how many values go', async () => {
    renderScreen();
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete attribute age' }));
    const dialog = await screen.findByTestId('cases-confirm');
    expect(dialog.textContent).toContain('1 case lose their value');
    m(Cases.DeleteAttribute).mockResolvedValue(rawView());
    await fireEvent.click(within(dialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(m(Cases.DeleteAttribute)).toHaveBeenCalledWith('age'));
  });
});

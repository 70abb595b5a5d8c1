import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';

// The real importApi over mocked bindings, as in the app.
vi.mock('../wailsjs/go/app/DocumentService', () => ({
  ChooseFiles: vi.fn(), ChooseFolder: vi.fn(), SpeakerPresets: vi.fn(), CheckSpeakerPattern: vi.fn(), Preview: vi.fn(),
  ImportWith: vi.fn(), Import: vi.fn(), CancelImport: vi.fn(), List: vi.fn(), Get: vi.fn(), ChooseAndImport: vi.fn(),
}));
let progress: ((p: unknown) => void) | null = null;
vi.mock('../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn((name: string, cb: (p: unknown) => void) => {
    if (name === 'import:progress') progress = cb;
    return () => (progress = null);
  }),
}));

import * as Docs from '../wailsjs/go/app/DocumentService';
import ImportDialog from '../components/ImportDialog.svelte';
import { ImportStore } from '../stores/importing.svelte';
import { pv } from './importFixtures';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

const previews = {
  '/in/P003.vtt': pv('/in/P003.vtt', {
    encoding: '', format: 'vtt', speakers: ['Interviewer', 'Sarah Jones'], turns: 12, words: 840,
    firstTurns: [
      { speaker: 'Interviewer', timestamp: '00:00:01.000', text: 'How did you hear about the walking group?' },
      { speaker: 'Sarah Jones', timestamp: '00:00:05.200', text: 'My GP mentioned it 😀 and I thought, why not.' },
    ],
  }),
  '/in/P004.txt': pv('/in/P004.txt', { warnings: ['3 lines have no speaker label and were joined to the turn before'] }),
  '/in/broken.docx': pv('/in/broken.docx', { error: 'broken.docx: is not a readable Word document (not a zip archive)' }),
};

async function openDialog() {
  const store = new ImportStore({ patternDelay: 0 });
  render(ImportDialog, { store });
  await store.chooseFiles();
  await waitFor(() => expect(screen.getByTestId('import-confirm')).toBeEnabled());
  return store;
}

beforeEach(() => {
  vi.clearAllMocks();
  m(Docs.ChooseFiles).mockResolvedValue({
    folder: '', skipped: null,
    files: Object.keys(previews).map((p) => ({ path: p, file: p.slice(4), folder: '' })),
  });
  m(Docs.SpeakerPresets).mockResolvedValue(null);
  m(Docs.CheckSpeakerPattern).mockImplementation(async (p: string) => (/\(\?P?<speaker>/.test(p) ? '' : 'the speaker pattern needs a group named "speaker"'));
  m(Docs.Preview).mockImplementation(async (path: keyof typeof previews) => previews[path]);
});

describe('ImportDialog', () => {
  it('shows each file with its format, counts and errors, and the selected file’s first turns', async () => {
    await openDialog();
    const vtt = screen.getByTestId('import-row-P003.vtt');
    expect(vtt).toHaveTextContent('WebVTT');
    expect(vtt).toHaveTextContent('12 turns · 2 speakers · 840 words');
    expect(screen.getByTestId('import-row-P004.txt')).toHaveTextContent('1 warning');
    expect(screen.getByTestId('import-row-broken.docx')).toHaveTextContent('Cannot be imported');
    const turns = screen.getByTestId('import-turns');
    expect(within(turns).getAllByRole('listitem')).toHaveLength(2);
    expect(turns).toHaveTextContent('Sarah Jones');
    expect(turns).toHaveTextContent('00:00:05.200');
    expect(turns).toHaveTextContent('My GP mentioned it 😀');
    expect(screen.getByTestId('import-speakers')).toHaveTextContent('Sarah Jones');
    expect(screen.getByTestId('import-confirm')).toHaveTextContent('Import 2 files (1 file with an error is left out)');

    await fireEvent.click(screen.getByTestId('import-row-broken.docx'));
    expect(screen.getByTestId('import-file-error')).toHaveTextContent('not a zip archive');
    await fireEvent.click(screen.getByTestId('import-row-P004.txt'));
    expect(screen.getByTestId('import-warnings')).toHaveTextContent('3 lines have no speaker label');
  });

  it('moves between files with the arrow keys', async () => {
    await openDialog();
    await fireEvent.keyDown(screen.getByTestId('import-row-P003.vtt'), { key: 'ArrowDown' });
    expect(screen.getByTestId('import-row-P004.txt')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('import-detail')).toHaveTextContent('P004.txt');
  });

  it('validates a custom speaker pattern live and previews again with it', async () => {
    await openDialog();
    expect(m(Docs.Preview)).toHaveBeenCalledTimes(3);
    await fireEvent.change(screen.getByTestId('import-speaker-mode'), { target: { value: 'custom' } });
    const input = screen.getByTestId('import-pattern');
    await fireEvent.input(input, { target: { value: '^(\\w+):' } });
    await waitFor(() => expect(screen.getByTestId('import-pattern-error')).toHaveTextContent('group named "speaker"'));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('import-confirm')).toBeDisabled();
    await fireEvent.input(input, { target: { value: '^(?P<speaker>\\w+):' } });
    await waitFor(() => expect(m(Docs.Preview)).toHaveBeenCalledTimes(6));
    expect(m(Docs.Preview)).toHaveBeenLastCalledWith(expect.any(String), { encoding: '', speakerPattern: '^(?P<speaker>\\w+):' });
    expect(screen.queryByTestId('import-pattern-error')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('import-confirm')).toBeEnabled());
  });

  it('forcing an encoding previews again with it', async () => {
    await openDialog();
    await fireEvent.change(screen.getByTestId('import-encoding'), { target: { value: 'windows-1252' } });
    await waitFor(() => expect(m(Docs.Preview)).toHaveBeenCalledTimes(6));
    expect(m(Docs.Preview)).toHaveBeenLastCalledWith(expect.any(String), { encoding: 'windows-1252', speakerPattern: '' });
  });

  it('imports with a progress bar and a cancel, then reports per file with the identifiers found', async () => {
    await openDialog();
    let finish!: (v: unknown) => void;
    m(Docs.ImportWith).mockImplementation(() => new Promise((r) => (finish = r)));
    await fireEvent.click(screen.getByTestId('import-confirm'));
    expect(m(Docs.ImportWith)).toHaveBeenCalledWith(['/in/P003.vtt', '/in/P004.txt'], { encoding: '', speakerPattern: '', exclude: [] });
    progress?.({ done: 1, total: 2, name: 'P004.txt', read: 5 << 20, size: 10 << 20, saving: false });
    await waitFor(() => expect(screen.getByTestId('import-progress')).toHaveTextContent('Reading 2 of 2'));
    expect(screen.getByTestId('import-progress')).toHaveTextContent('P004.txt');
    expect(screen.getByTestId('import-progress')).toHaveTextContent('5.0 MB of 10.0 MB');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '75');
    finish({
      cancelled: false,
      files: [
        { name: 'P003', id: 4, duplicateOf: '', turns: 12, words: 840, file: 'P003.vtt', format: 'vtt', encoding: '', speakers: ['Interviewer', 'Sarah Jones'], warnings: null, identifiers: 3, kinds: [{ kind: 'name', count: 2 }, { kind: 'phone', count: 1 }] },
        { name: 'P004', id: 0, duplicateOf: 'P004 (old)', turns: 4, words: 120, file: 'P004.txt', format: 'txt', encoding: 'utf-8', speakers: null, warnings: null, identifiers: 0, kinds: null },
      ],
    });
    const result = await screen.findByTestId('import-result');
    expect(result).toHaveTextContent('Imported 1 document; 1 file skipped as already in the project.');
    expect(screen.getByTestId('identifiers-P003')).toHaveTextContent('3 possible identifiers (2 names, 1 phone number)');
    expect(screen.getByTestId('import-identifiers')).toHaveTextContent('Anonymise');
    expect(screen.getByTestId('import-file-P004')).toHaveTextContent('identical to “P004 (old)”');
  });

  it('a cancelled import says the project is unchanged and can go back to the preview', async () => {
    const store = await openDialog();
    let finish!: (v: unknown) => void;
    m(Docs.ImportWith).mockImplementation(() => new Promise((r) => (finish = r)));
    m(Docs.CancelImport).mockImplementation(async () => {
      finish({ cancelled: true, files: null });
      return true;
    });
    await fireEvent.click(screen.getByTestId('import-confirm'));
    await fireEvent.click(await screen.findByTestId('import-cancel'));
    expect(await screen.findByTestId('import-cancelled')).toHaveTextContent('Nothing was imported; the project is unchanged.');
    await fireEvent.click(screen.getByTestId('import-back'));
    expect(store.phase).toBe('preview');
    expect(screen.getByTestId('import-confirm')).toBeEnabled();
  });

  it('a refused import shows the backend’s message naming the file', async () => {
    await openDialog();
    m(Docs.ImportWith).mockRejectedValue(JSON.stringify({ code: 'import', message: 'P004.txt: the file is empty' }));
    await fireEvent.click(screen.getByTestId('import-confirm'));
    const failed = await screen.findByTestId('import-failed');
    expect(failed).toHaveTextContent('P004.txt: the file is empty');
    expect(failed).toHaveTextContent('the project is unchanged');
  });
});

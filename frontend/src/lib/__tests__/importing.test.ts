import { describe, expect, it, vi } from 'vitest';

vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import { ImportStore } from '../stores/importing.svelte';
import { pv } from './importFixtures';
import type { FilePreview, ImportOptions, PreviewOptions, ImportProgress, ImportReport, ImportSelection, importApi } from '../importApi';

type Api = typeof importApi;

const sel = (paths: string[], over: Partial<ImportSelection> = {}): ImportSelection => ({
  folder: '', files: paths.map((p) => ({ path: p, file: p.split('/').pop()!, folder: '' })), skipped: [], ...over,
});

/** A controllable fake of importApi: previews resolve from a table, progress events are fired by the test. */
function fakeApi(previews: Record<string, FilePreview> = {}) {
  let progress: ((p: ImportProgress) => void) | null = null;
  const api = {
    chooseFiles: vi.fn(async () => sel(Object.keys(previews))),
    chooseFolder: vi.fn(async () => sel(Object.keys(previews), { folder: '/data/interviews', skipped: [{ path: '/data/interviews/notes.pdf', file: 'notes.pdf', reason: 'not a transcript format Themis reads (.pdf)' }] })),
    speakerPresets: vi.fn(async () => [{ id: 'zoom', label: 'Zoom', pattern: '^\\[(?P<speaker>[^\\]]+)\\]', example: '[Sarah] 10:03' }]),
    checkSpeakerPattern: vi.fn(async (p: string) => (p.includes('speaker') ? '' : 'the speaker pattern needs a group named "speaker"')),
    preview: vi.fn(async (path: string, _o: PreviewOptions) => previews[path]),
    import: vi.fn(async (paths: string[], _o: ImportOptions): Promise<ImportReport> => ({
      cancelled: false,
      files: paths.map((p, i) => ({ ...previews[p], id: i + 1, duplicateOf: '', identifiers: 0, kinds: [], excluded: [] })),
    })),
    cancel: vi.fn(async () => true),
    onProgress: vi.fn((cb: (p: ImportProgress) => void) => {
      progress = cb;
      return () => (progress = null);
    }),
  };
  return { api: api as unknown as Api & typeof api, emit: (p: ImportProgress) => progress?.(p) };
}

const three = {
  '/d/a.vtt': pv('/d/a.vtt', { encoding: '' }),
  '/d/b.txt': pv('/d/b.txt'),
  '/d/broken.docx': pv('/d/broken.docx', { error: 'broken.docx: is not a readable Word document (not a zip archive)' }),
};

describe('ImportStore', () => {
  it('previews every chosen file and leaves out the ones with an error', async () => {
    const { api } = fakeApi(three);
    const s = new ImportStore({ api });
    await s.chooseFiles();
    expect(s.phase).toBe('preview');
    expect(api.preview).toHaveBeenCalledTimes(3);
    expect(api.preview).toHaveBeenCalledWith('/d/a.vtt', { encoding: '', speakerPattern: '' });
    expect(s.previewing).toBe(false);
    expect(s.ready.map((r) => r.file.file)).toEqual(['a.vtt', 'b.txt']);
    expect(s.failing.map((r) => r.file.file)).toEqual(['broken.docx']);
    expect(s.current?.file.file).toBe('a.vtt');
    expect(s.canImport).toBe(true);
  });

  it('proposes the interviewers for leaving out, checked by default, and imports with the choice', async () => {
    const { api } = fakeApi({
      '/d/a.txt': pv('/d/a.txt', { interviewers: ['Interviewer'] }),
      '/d/b.txt': pv('/d/b.txt', { speakers: ['Int', 'P004', 'Moderator'], interviewers: ['Interviewer', 'Moderator'] }),
    });
    const s = new ImportStore({ api });
    await s.chooseFiles();
    await vi.waitFor(() => expect(s.previewing).toBe(false));
    expect(s.interviewers).toEqual([{ name: 'Interviewer', files: 2 }, { name: 'Moderator', files: 1 }]);
    expect(s.excluded).toEqual(['Interviewer', 'Moderator']);
    s.setLeftOut('Moderator', false);
    expect(s.excluded).toEqual(['Interviewer']);
    await s.runImport();
    expect(api.import).toHaveBeenCalledWith(['/d/a.txt', '/d/b.txt'], { encoding: '', speakerPattern: '', exclude: ['Interviewer'] });
    // Previews never send the choice: it does not change what a file gives.
    expect(api.preview).toHaveBeenCalledWith('/d/a.txt', { encoding: '', speakerPattern: '' });
  });

  it('does nothing when the file dialog is cancelled', async () => {
    const { api } = fakeApi();
    const s = new ImportStore({ api });
    await s.chooseFiles();
    expect(s.phase).toBe('closed');
    expect(api.preview).not.toHaveBeenCalled();
  });

  it('lists the files of a folder that are not transcripts', async () => {
    const { api } = fakeApi(three);
    const s = new ImportStore({ api });
    await s.chooseFolder();
    expect(s.folder).toBe('/data/interviews');
    expect(s.skipped.map((f) => f.file)).toEqual(['notes.pdf']);
  });

  it('previews again when the encoding or the speaker labels change, dropping stale answers', async () => {
    const { api } = fakeApi(three);
    const s = new ImportStore({ api, patternDelay: 0 });
    await s.chooseFiles();
    // A slow answer under the old options must not overwrite the new one.
    let release!: () => void;
    api.preview.mockImplementationOnce(async (path: string) => {
      await new Promise<void>((r) => (release = r));
      return pv(path, { turns: 999 });
    });
    s.setEncoding('windows-1252');
    await vi.waitFor(() => expect(api.preview).toHaveBeenCalledTimes(6));
    s.setSpeakerMode('zoom'); // the presets arrived with the dialog
    await vi.waitFor(() => expect(s.previewing).toBe(false));
    release();
    await Promise.resolve();
    expect(s.rows.every((r) => r.preview?.turns !== 999)).toBe(true);
    expect(api.preview).toHaveBeenLastCalledWith(expect.any(String), { encoding: 'windows-1252', speakerPattern: '^\\[(?P<speaker>[^\\]]+)\\]' });
  });

  it('checks a custom pattern as it is typed and only previews a usable one', async () => {
    const { api } = fakeApi(three);
    const s = new ImportStore({ api, patternDelay: 0 });
    await s.chooseFiles();
    s.setSpeakerMode('custom');
    expect(s.canImport).toBe(false); // no pattern yet
    s.setCustomPattern('^(?P<who>\\w+):');
    await vi.waitFor(() => expect(s.patternError).toContain('speaker'));
    expect(s.canImport).toBe(false);
    expect(api.preview).toHaveBeenCalledTimes(3);
    s.setCustomPattern('^(?P<speaker>\\w+):');
    await vi.waitFor(() => expect(s.patternError).toBe(''));
    await vi.waitFor(() => expect(api.preview).toHaveBeenCalledTimes(6));
    expect(api.preview).toHaveBeenLastCalledWith(expect.any(String), { encoding: '', speakerPattern: '^(?P<speaker>\\w+):' });
    expect(s.canImport).toBe(true);
  });

  it('imports only the readable files with the options, follows progress and refreshes the list', async () => {
    const { api, emit } = fakeApi(three);
    const onImported = vi.fn();
    const s = new ImportStore({ api, onImported });
    await s.chooseFiles();
    s.setEncoding('utf-8');
    await vi.waitFor(() => expect(s.previewing).toBe(false));
    let finish!: () => void;
    api.import.mockImplementationOnce(async (paths: string[]) => {
      await new Promise<void>((r) => (finish = r));
      return { cancelled: false, files: paths.map((p, i) => ({ ...three[p as keyof typeof three], id: i + 1, duplicateOf: '', identifiers: 2, kinds: [{ kind: 'name', count: 2 }], excluded: [] })) };
    });
    const done = s.runImport();
    expect(s.phase).toBe('importing');
    expect(api.import).toHaveBeenCalledWith(['/d/a.vtt', '/d/b.txt'], { encoding: 'utf-8', speakerPattern: '', exclude: [] });
    emit({ done: 1, total: 2, name: 'b.txt', read: 0, size: 0, saving: false });
    emit({ done: 0, total: 2, name: 'a.vtt', read: 10, size: 20, saving: false }); // late
    expect(s.progress).toMatchObject({ done: 1, name: 'b.txt' });
    emit({ done: 2, total: 2, name: '', read: 0, size: 0, saving: true });
    expect(s.progress?.saving).toBe(true);
    finish();
    await done;
    expect(s.phase).toBe('done');
    expect(s.report?.files.map((f) => [f.name, f.identifiers])).toEqual([['a', 2], ['b', 2]]);
    expect(onImported).toHaveBeenCalledOnce();
    expect(s.progress).toBeNull();
  });

  it('cancels: the backend stops and the dialog says nothing was imported', async () => {
    const { api } = fakeApi(three);
    const onImported = vi.fn();
    const s = new ImportStore({ api, onImported });
    await s.chooseFiles();
    let finish!: () => void;
    api.import.mockImplementationOnce(async () => {
      await new Promise<void>((r) => (finish = r));
      return { cancelled: true, files: [] };
    });
    const done = s.runImport();
    await s.cancel();
    expect(api.cancel).toHaveBeenCalledOnce();
    expect(s.cancelling).toBe(true);
    s.close(); // not while importing
    expect(s.phase).toBe('importing');
    finish();
    await done;
    expect(s.phase).toBe('cancelled');
    expect(onImported).not.toHaveBeenCalled();
    s.back();
    expect(s.phase).toBe('preview');
    expect(s.canImport).toBe(true);
  });

  it('a refused import keeps the message and writes nothing', async () => {
    const { api } = fakeApi(three);
    const onImported = vi.fn();
    const s = new ImportStore({ api, onImported });
    await s.chooseFiles();
    api.import.mockRejectedValueOnce(new Error('b.txt: the file is empty'));
    await s.runImport();
    expect(s.phase).toBe('failed');
    expect(s.error).toBe('b.txt: the file is empty');
    expect(onImported).not.toHaveBeenCalled();
  });

  it('cannot import when every file has an error', async () => {
    const { api } = fakeApi({ '/d/empty.txt': pv('/d/empty.txt', { error: 'empty.txt: the file is empty' }) });
    const s = new ImportStore({ api });
    await s.chooseFiles();
    expect(s.canImport).toBe(false);
    await s.runImport();
    expect(api.import).not.toHaveBeenCalled();
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';

// The bindings are mocked, so this covers the whole path: DOM selection ->
// UTF-16 span -> api.ts -> code points handed to the Go service.
vi.mock('../wailsjs/go/app/DocumentService', () => ({ List: vi.fn(), Get: vi.fn(), ChooseAndImport: vi.fn(), Import: vi.fn() }));
vi.mock('../wailsjs/go/app/CodingService', () => ({
  Codes: vi.fn(), Segments: vi.fn(), Apply: vi.fn(), Remove: vi.fn(), Undo: vi.fn(), Redo: vi.fn(), History: vi.fn(), CodeInVivo: vi.fn(), Resize: vi.fn(),
}));
vi.mock('../wailsjs/go/app/CodebookService', () => ({ Frameworks: vi.fn(), SetActive: vi.fn(), Builtins: vi.fn() }));
vi.mock('../wailsjs/go/app/QuotesService', () => ({ Exemplars: vi.fn(), Star: vi.fn(), Unstar: vi.fn(), Trim: vi.fn() }));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

import * as Documents from '../wailsjs/go/app/DocumentService';
import * as Coding from '../wailsjs/go/app/CodingService';
import * as CodebookSvc from '../wailsjs/go/app/CodebookService';
import * as QuotesSvc from '../wailsjs/go/app/QuotesService';
import ReaderScreen from '../screens/ReaderScreen.svelte';
import { ReaderStore } from '../stores/reader.svelte';
import { ImportStore } from '../stores/importing.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import { aisha, ben, codes } from './fixtures';

const m = <T>(f: T) => f as unknown as ReturnType<typeof vi.fn>;

const text = 'Interviewer: How are you? 😀\n\nP001: Calmer now 👩🏽‍⚕️ — I go to the garden on Tuesdays.';
const cp = (s: string) => [...s].length;
const cpOf = (needle: string) => cp(text.slice(0, text.indexOf(needle)));

const noHistory = { canUndo: false, canRedo: false, undo: '', redo: '' };

async function setup(toasts = new ToastStore(), exemplars: unknown[] = []) {
  m(Documents.List).mockResolvedValue([{ id: 5, name: 'patient-001', turns: 2, words: 16, chars: cp(text), case: 'Patient 001' }]);
  m(Coding.Codes).mockResolvedValue(codes);
  m(Documents.Get).mockResolvedValue({
    id: 5, name: 'patient-001', turns: 2, words: 16, chars: cp(text), case: 'Patient 001', text,
    turnSpans: [
      { speaker: 'Interviewer', timestamp: '', start: 0, contentStart: 13, end: cpOf('\n') },
      { speaker: 'P001', timestamp: '00:01:10', start: cpOf('P001'), contentStart: cpOf('Calmer'), end: cp(text) },
    ],
  });
  // Ben coded "garden"; offsets in code points, as the backend sends them.
  m(Coding.Segments).mockResolvedValue([{ id: 1, document: 5, code: 21, coder: 2, start: cpOf('garden'), end: cpOf('garden') + 6 }]);
  m(Coding.History).mockResolvedValue(noHistory);
  m(QuotesSvc.Exemplars).mockResolvedValue(exemplars);
  m(CodebookSvc.Frameworks).mockResolvedValue([{ id: 1, name: 'Keyes: flourishing', description: '', active: true, codes: 13, revision: 3, version: 'v1 agreed', tag: 'v1 agreed' }]);
  const reader = new ReaderStore(toasts);
  await reader.load();
  render(ReaderScreen, { reader, importer: new ImportStore(), coders: [aisha, ben], current: aisha.id });
  return reader;
}

/** Selects from the start of `from` to the end of `to` in the rendered transcript. */
function select(from: string, to: string) {
  const root = screen.getByTestId('reader');
  const runs = [...root.querySelectorAll<HTMLElement>('[data-offset]')];
  const find = (needle: string) => {
    const run = runs.find((r) => r.textContent!.includes(needle))!;
    return { node: run.firstChild as Text, at: run.textContent!.indexOf(needle) };
  };
  const a = find(from);
  const b = find(to);
  const range = document.createRange();
  range.setStart(a.node, a.at);
  range.setEnd(b.node, b.at + to.length);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  fireEvent.mouseUp(root);
}

beforeEach(() => vi.resetAllMocks());

describe('reader', () => {
  it('renders turns with speakers, highlights and margin stripes', async () => {
    await setup();
    expect(screen.getByTestId('turn-0')).toHaveTextContent('Interviewer');
    expect(screen.getByTestId('turn-1')).toHaveTextContent('00:01:10');
    const hl = screen.getByTestId('turn-1').querySelector('.hl')!;
    expect(hl.textContent).toBe('garden');
    const stripe = screen.getByTestId('turn-1').querySelector('.stripe')!;
    await fireEvent.mouseOver(stripe); // tooltips are written on first hover
    expect(stripe.getAttribute('title')).toBe('Social integration — Ben: garden');
    expect(screen.getByTestId('lane-Aisha')).toHaveTextContent('A');
    expect(screen.getByTestId('lane-Ben')).toHaveTextContent('B');
    // Ben's segment is not Aisha's to remove.
    expect(screen.queryByTestId('remove-segment-1')).toBeNull();
    expect(await screen.findByTestId('framework-name')).toHaveTextContent('Keyes: flourishing');
    expect(screen.getByTestId('framework-version')).toHaveTextContent('v1 agreed');
  });

  it('turns a DOM selection after an emoji into code-point offsets', async () => {
    const reader = await setup();
    select('Calmer', 'garden');
    const start = text.indexOf('Calmer');
    const end = text.indexOf('garden') + 6;
    expect(reader.selection).toEqual({ start, end });
    // 👩🏽‍⚕️ is 7 UTF-16 units but 5 characters.
    expect(screen.getByTestId('selection-info')).toHaveTextContent(`Selected: ${cp(text.slice(start, end))} characters`);

    m(Coding.Apply).mockImplementation(async (d: number, c: number, s: number, e: number) => ({ id: 2, document: d, code: c, coder: 1, start: s, end: e }));
    await fireEvent.keyDown(window, { key: '1' });
    expect(m(Coding.Apply)).toHaveBeenCalledWith(5, 11, cpOf('Calmer'), cpOf('garden') + 6);
    await vi.waitFor(() => expect(screen.getByTestId('remove-segment-2')).toBeInTheDocument());
    expect(reader.selection).toBeNull();
  });

  it('trims whitespace and ignores the speaker label in a cross-turn selection', async () => {
    const reader = await setup();
    select('you?', 'Calmer');
    const s = reader.selection!;
    expect(text.slice(s.start, s.end)).toBe('you? 😀\n\nP001: Calmer');
    m(Coding.Apply).mockResolvedValue({ id: 3, document: 5, code: 12, coder: 1, start: cpOf('you?'), end: cpOf('Calmer') + 6 });
    await fireEvent.click(screen.getByTestId('code-Avowed quality of life'));
    expect(m(Coding.Apply)).toHaveBeenCalledWith(5, 12, cpOf('you?'), cpOf('Calmer') + 6);
    // The new segment shows on both turns it touches.
    await vi.waitFor(() => expect(screen.getByTestId('turn-0').querySelectorAll('.stripe')).toHaveLength(1));
    expect(screen.getByTestId('turn-1').querySelectorAll('.stripe')).toHaveLength(2);
  });

  it('does not code when typing in a field or without a selection', async () => {
    await setup();
    await fireEvent.keyDown(window, { key: '1' });
    expect(m(Coding.Apply)).not.toHaveBeenCalled();
    select('Calmer', 'now');
    const input = document.createElement('input');
    document.body.appendChild(input);
    input.focus();
    await fireEvent.keyDown(input, { key: '1' });
    expect(m(Coding.Apply)).not.toHaveBeenCalled();
    input.remove();
  });

  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z and Ctrl+Y', async () => {
    const toasts = new ToastStore();
    const reader = await setup(toasts);
    const mine = { id: 2, document: 5, code: 11, coder: 1, start: cpOf('Calmer'), end: cpOf('Calmer') + 6 };
    const ben = { id: 1, document: 5, code: 21, coder: 2, start: cpOf('garden'), end: cpOf('garden') + 6 };
    m(Coding.Undo).mockResolvedValue({ document: 5, done: 'Undid coding “Calmer” as Positive affect', history: { ...noHistory, canRedo: true, redo: 'coding “Calmer” as Positive affect' } });
    m(Coding.Segments).mockResolvedValue([ben]);
    const ev = new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: true, bubbles: true, cancelable: true });
    window.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(m(Coding.Undo)).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(toasts.items[0]?.message).toBe('Undid coding “Calmer” as Positive affect'));
    expect(reader.history.canRedo).toBe(true);

    m(Coding.Redo).mockResolvedValue({ document: 5, done: 'Redid coding “Calmer” as Positive affect', history: { ...noHistory, canUndo: true, undo: 'coding “Calmer” as Positive affect' } });
    m(Coding.Segments).mockResolvedValue([mine, ben]);
    await fireEvent.keyDown(window, { key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true });
    await vi.waitFor(() => expect(screen.getByTestId('remove-segment-2')).toBeInTheDocument());
    await fireEvent.keyDown(window, { key: 'y', code: 'KeyY', ctrlKey: true });
    await vi.waitFor(() => expect(m(Coding.Redo)).toHaveBeenCalledTimes(2));
    expect(m(Coding.Apply)).not.toHaveBeenCalled();
  });

  it('leaves Ctrl+Z to a field being typed in, and to an open dialog', async () => {
    await setup();
    const input = document.createElement('input');
    document.body.appendChild(input);
    input.focus();
    const ev = new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: true, bubbles: true, cancelable: true });
    input.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(false);
    await fireEvent.keyDown(input, { key: 'y', code: 'KeyY', ctrlKey: true });
    input.remove();

    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    document.body.appendChild(dialog);
    await fireEvent.keyDown(window, { key: 'z', code: 'KeyZ', ctrlKey: true });
    dialog.remove();
    expect(m(Coding.Undo)).not.toHaveBeenCalled();
    expect(m(Coding.Redo)).not.toHaveBeenCalled();
  });

  it('offers undo and redo buttons that say what they would do', async () => {
    const reader = await setup();
    expect(screen.getByTestId('undo')).toBeDisabled();
    expect(screen.getByTestId('redo')).toBeDisabled();
    expect(screen.getByTestId('undo')).toHaveAttribute('title', 'Nothing to undo (Ctrl+Z)');

    select('Calmer', 'Calmer');
    m(Coding.Apply).mockImplementation(async (d: number, c: number, s: number, e: number) => ({ id: 2, document: d, code: c, coder: 1, start: s, end: e }));
    m(Coding.History).mockResolvedValue({ ...noHistory, canUndo: true, undo: 'coding “Calmer” as Positive affect' });
    await fireEvent.keyDown(window, { key: '1' });
    await vi.waitFor(() => expect(screen.getByTestId('undo')).toBeEnabled());
    expect(screen.getByTestId('undo')).toHaveAttribute('title', 'Undo coding “Calmer” as Positive affect (Ctrl+Z)');

    m(Coding.Undo).mockResolvedValue({ document: 5, done: 'Undid coding “Calmer” as Positive affect', history: { ...noHistory, canRedo: true, redo: 'coding “Calmer” as Positive affect' } });
    m(Coding.Segments).mockResolvedValue([]);
    await fireEvent.click(screen.getByTestId('undo'));
    await vi.waitFor(() => expect(screen.getByTestId('redo')).toBeEnabled());
    expect(screen.getByTestId('undo')).toBeDisabled();
    expect(screen.getByTestId('redo')).toHaveAttribute('title', 'Redo coding “Calmer” as Positive affect (Ctrl+Y)');
    expect(screen.queryByTestId('remove-segment-2')).toBeNull();
    expect(reader.segments).toEqual([]);
  });

  it('says what to do when a code key is pressed with nothing selected', async () => {
    const toasts = new ToastStore();
    await setup(toasts);
    await fireEvent.keyDown(window, { key: '1' });
    expect(m(Coding.Apply)).not.toHaveBeenCalled();
    expect(toasts.items.at(-1)?.message).toBe('Select some words first, then press the key (1: Positive affect).');
    // A key no code has stays quiet.
    toasts.clear();
    await fireEvent.keyDown(window, { key: 'q' });
    expect(toasts.items).toEqual([]);
  });

  it('says a segment was removed and offers Undo', async () => {
    const toasts = new ToastStore();
    const reader = await setup(toasts);
    reader.segments = [...reader.segments, { id: 9, document: 5, code: 11, coder: 1, start: text.indexOf('Calmer'), end: text.indexOf('Calmer') + 6 }];
    m(Coding.Remove).mockResolvedValue(undefined);
    await fireEvent.click(await screen.findByTestId('remove-segment-9'));
    await vi.waitFor(() => expect(toasts.items.at(-1)?.message).toBe('Removed Positive affect from “Calmer”'));
    const action = toasts.items.at(-1)?.action;
    expect(action?.label).toBe('Undo');
    m(Coding.Undo).mockResolvedValue({ document: 5, done: 'Undid removing Positive affect from “Calmer”', history: noHistory });
    action!.run();
    await vi.waitFor(() => expect(m(Coding.Undo)).toHaveBeenCalledTimes(1));
  });

  it('moves the ends of my picked segment a word at a time with Shift and Alt and the arrows', async () => {
    const reader = await setup();
    const at = (w: string) => text.indexOf(w);
    // "go to the garden": mine, UTF-16 in the reader, code points to the backend.
    reader.segments = [...reader.segments, { id: 9, document: 5, code: 11, coder: 1, start: at('to the'), end: at('the garden') + 3 }];
    let next = 20;
    m(Coding.Resize).mockImplementation(async (_id: number, s: number, e: number) => ({ id: next++, document: 5, code: 11, coder: 1, start: s, end: e }));
    // Nothing is picked yet: the arrows do nothing.
    await fireEvent.keyDown(window, { key: 'ArrowRight', shiftKey: true });
    expect(m(Coding.Resize)).not.toHaveBeenCalled();
    await fireEvent.click(await screen.findByTestId('goto-segment-9'));
    expect(screen.getByTestId('goto-segment-9')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('boundary-help')).toHaveTextContent('Shift+← starts it a word earlier');
    const span = () => reader.segments.find((s) => s.id === reader.selectedSegment)!;
    const words = () => text.slice(span().start, span().end);

    await fireEvent.keyDown(window, { key: 'ArrowRight', shiftKey: true }); // end a word later
    await vi.waitFor(() => expect(words()).toBe('to the garden'));
    expect(m(Coding.Resize)).toHaveBeenLastCalledWith(9, cpOf('to the'), cpOf('garden') + 6);
    await fireEvent.keyDown(window, { key: 'ArrowLeft', shiftKey: true }); // start a word earlier
    await vi.waitFor(() => expect(words()).toBe('go to the garden'));
    await fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true }); // start a word later
    await vi.waitFor(() => expect(words()).toBe('to the garden'));
    await fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true }); // end a word earlier
    await vi.waitFor(() => expect(words()).toBe('to the'));
    expect(m(Coding.Resize)).toHaveBeenCalledTimes(4);
    // Esc lets go; the arrows are the transcript's again.
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(reader.selectedSegment).toBeNull();
    await fireEvent.keyDown(window, { key: 'ArrowRight', shiftKey: true });
    expect(m(Coding.Resize)).toHaveBeenCalledTimes(4);
  });

  it('does not pick another coder’s segment', async () => {
    const reader = await setup();
    await fireEvent.click(await screen.findByTestId('goto-segment-1'));
    expect(reader.selectedSegment).toBeNull();
    await fireEvent.keyDown(window, { key: 'ArrowRight', shiftKey: true });
    expect(m(Coding.Resize)).not.toHaveBeenCalled();
  });

  it('removes one of my segments', async () => {
    const reader = await setup();
    reader.segments = [...reader.segments, { id: 9, document: 5, code: 11, coder: 1, start: 30, end: 36 }];
    m(Coding.Remove).mockResolvedValue(undefined);
    await fireEvent.click(await screen.findByTestId('remove-segment-9'));
    expect(m(Coding.Remove)).toHaveBeenCalledWith(9);
    await vi.waitFor(() => expect(screen.queryByTestId('remove-segment-9')).toBeNull());
  });

  it('stars a segment’s passage in code points, says so with Undo, and shows it starred', async () => {
    const toasts = new ToastStore();
    await setup(toasts);
    const star = await screen.findByTestId('star-segment-1');
    expect([star.textContent, star.getAttribute('aria-pressed'), star.title]).toEqual(['☆', 'false', 'Star as an exemplar for the report']);
    const at = cpOf('garden');
    m(QuotesSvc.Star).mockResolvedValue({ id: 4, documentId: 5, codeId: 21, start: at, end: at + 6, cuts: [], text: 'garden', trimmed: 'garden' });
    await fireEvent.click(star);
    expect(m(QuotesSvc.Star)).toHaveBeenCalledWith(1);
    await vi.waitFor(() => expect(screen.getByTestId('star-segment-1').textContent).toBe('★'));
    expect(toasts.items.at(-1)).toMatchObject({ message: 'Starred as an exemplar for the report', action: { label: 'Undo' } });
    m(QuotesSvc.Unstar).mockResolvedValue(undefined);
    toasts.items.at(-1)!.action!.run();
    await vi.waitFor(() => expect(m(QuotesSvc.Unstar)).toHaveBeenCalledWith(4));
    await vi.waitFor(() => expect(screen.getByTestId('star-segment-1').textContent).toBe('☆'));
  });

  it('shows as starred a passage starred elsewhere, matching it after an emoji', async () => {
    const at = cpOf('garden');
    await setup(new ToastStore(), [{ id: 4, documentId: 5, codeId: 21, start: at, end: at + 6, cuts: [] }]);
    await vi.waitFor(() => expect(screen.getByTestId('star-segment-1').textContent).toBe('★'));
  });
});

describe('new code from the selection', () => {
  const created = { id: 30, parent: 20, name: 'garden on Tuesdays', color: '#0ea5e9', key: '', codable: true, counts: [{ coder: 1, name: 'Aisha', count: 1 }] };

  it('opens with Ctrl+Shift+N, prefilled in vivo, and Enter creates the code and codes the selection', async () => {
    const toasts = new ToastStore();
    const reader = await setup(toasts);
    // Coding "garden" as Social integration makes Social well-being the default parent.
    select('garden', 'garden');
    m(Coding.Apply).mockImplementation(async (d: number, c: number, s: number, e: number) => ({ id: 2, document: d, code: c, coder: 1, start: s, end: e }));
    await fireEvent.keyDown(window, { key: 'e' });
    await vi.waitFor(() => expect(reader.selection).toBeNull());

    select('garden', 'Tuesdays.');
    const ev = new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', ctrlKey: true, shiftKey: true, bubbles: true, cancelable: true });
    window.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    const name = await screen.findByTestId('in-vivo-name');
    expect(name).toHaveValue('garden on Tuesdays');
    await vi.waitFor(() => expect(name).toHaveFocus());
    expect(screen.getByTestId('in-vivo-parent')).toHaveDisplayValue('Social well-being');
    const places = [...screen.getByTestId('in-vivo-parent').querySelectorAll('option')].map((o) => o.textContent);
    expect(places).toEqual([
      'Top level', 'Emotional well-being', 'Emotional well-being › Positive affect', 'Emotional well-being › Avowed quality of life',
      'Social well-being', 'Social well-being › Social integration',
    ]);
    expect(screen.getByTestId('in-vivo-form')).toHaveTextContent('garden on Tuesdays.');
    // typing in the name never codes with a code's key
    await fireEvent.keyDown(name, { key: '1' });
    expect(m(Coding.Apply)).toHaveBeenCalledTimes(1);

    m(Coding.CodeInVivo).mockImplementation(async (i: { document: number; start: number; end: number }) => ({
      code: created,
      segment: { id: 12, document: i.document, code: 30, coder: 1, start: i.start, end: i.end },
    }));
    m(Coding.Codes).mockResolvedValue([...codes, created]);
    await fireEvent.submit(screen.getByTestId('in-vivo-form'));
    // code points after the emoji and the ZWJ sequence, as the backend counts
    expect(m(Coding.CodeInVivo)).toHaveBeenCalledWith({
      document: 5,
      start: cpOf('garden'),
      end: cpOf('Tuesdays') + 9,
      name: 'garden on Tuesdays',
      parent: 20,
    });
    await vi.waitFor(() => expect(screen.getByTestId('code-garden on Tuesdays')).toBeInTheDocument());
    expect(screen.getByTestId('remove-segment-12')).toBeInTheDocument();
    expect(screen.queryByTestId('in-vivo-form')).toBeNull();
    expect(toasts.items.at(-1)?.message).toBe('Created “garden on Tuesdays” and coded the selection');
  });

  it('shows the backend’s message and keeps the form when the name is taken; Esc closes it', async () => {
    await setup();
    select('Calmer', 'now');
    await fireEvent.click(screen.getByTestId('new-code-from-selection'));
    const name = screen.getByTestId('in-vivo-name');
    await fireEvent.input(name, { target: { value: 'Positive affect' } });
    m(Coding.CodeInVivo).mockRejectedValue('{"code":"invalid","message":"“Positive affect” is already a code under Emotional well-being"}');
    await fireEvent.submit(screen.getByTestId('in-vivo-form'));
    expect(await screen.findByTestId('in-vivo-error')).toHaveTextContent('“Positive affect” is already a code under Emotional well-being');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByTestId('in-vivo-form')).toBeNull();
  });

  it('does nothing on Ctrl+Shift+N without a selection', async () => {
    await setup();
    await fireEvent.keyDown(window, { key: 'N', code: 'KeyN', ctrlKey: true, shiftKey: true });
    expect(screen.queryByTestId('in-vivo-form')).toBeNull();
  });
});

describe('the code filter', () => {
  it('takes typed letters while it has focus, and leaves the code keys alone otherwise', async () => {
    await setup();
    m(Coding.Apply).mockImplementation(async (d: number, c: number, s: number, e: number) => ({ id: 2, document: d, code: c, coder: 1, start: s, end: e }));
    const filter = screen.getByTestId('code-filter');
    await fireEvent.input(filter, { target: { value: 'social' } });
    expect(screen.queryByTestId('code-Positive affect')).toBeNull();
    select('Calmer', 'now');
    // keys typed into the filter are the filter's
    await fireEvent.keyDown(filter, { key: 'e' });
    expect(m(Coding.Apply)).not.toHaveBeenCalled();
    // elsewhere they code, even with a code filtered out of sight
    await fireEvent.keyDown(window, { key: '1' });
    expect(m(Coding.Apply)).toHaveBeenCalledWith(5, 11, cpOf('Calmer'), cpOf('now') + 3);
  });
});

describe('long transcripts', () => {
  it('renders the first screenful at once and the rest right after', async () => {
    const turn = 'word '.repeat(200).trim(); // 999 characters
    const parts: string[] = [];
    const spans = [];
    let pos = 0;
    for (let i = 0; i < 40; i++) {
      const line = `P${i}: ${turn}`;
      spans.push({ speaker: `P${i}`, timestamp: '', start: pos, contentStart: pos + line.indexOf(':') + 2, end: pos + line.length });
      parts.push(line);
      pos += line.length + 2;
    }
    const long = parts.join('\n\n');
    m(Documents.List).mockResolvedValue([{ id: 8, name: 'long', turns: 40, words: 8000, chars: long.length, case: '' }]);
    m(Coding.Codes).mockResolvedValue(codes);
    m(Documents.Get).mockResolvedValue({ id: 8, name: 'long', turns: 40, words: 8000, chars: long.length, case: '', text: long, turnSpans: spans });
    m(Coding.Segments).mockResolvedValue([]);
    const reader = new ReaderStore(new ToastStore());
    await reader.load();
    render(ReaderScreen, { reader, importer: new ImportStore(), coders: [aisha], current: aisha.id });
    const first = screen.getByTestId('reader').querySelectorAll('.turn').length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(40);
    await vi.waitFor(() => expect(screen.getByTestId('reader').querySelectorAll('.turn')).toHaveLength(40));
  });
});

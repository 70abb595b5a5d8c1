import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';

import QuotesScreen from '../screens/QuotesScreen.svelte';
import type { QuotesStore } from '../stores/quotes.svelte';
import type { Quotes } from '../types';
import { aisha, ben, codes } from './fixtures';

/** The screen reads the store's fields and calls its methods; a plain object stands in for it. */
function store(result: Quotes | null, over: Partial<QuotesStore> = {}) {
  return {
    codeId: 11,
    coderId: 0,
    result,
    loading: false,
    exporting: false,
    saved: '',
    showPreview: false,
    preview: '',
    load: vi.fn(() => Promise.resolve()),
    selectCode: vi.fn(() => Promise.resolve()),
    setCoder: vi.fn(() => Promise.resolve()),
    togglePreview: vi.fn(),
    exportAs: vi.fn(() => Promise.resolve()),
    toggleStar: vi.fn(() => Promise.resolve()),
    omit: vi.fn(() => Promise.resolve()),
    restoreAll: vi.fn(() => Promise.resolve()),
    ...over,
  } as unknown as QuotesStore;
}

const quote = {
  segmentId: 7, text: 'I feel calm now.', speaker: 'P1', document: 'Interview 1', case: '', coder: 'Aisha', start: 0, end: 16,
  segmentIds: [7], coders: ['Aisha'], exemplarId: 0, cuts: [], trimmed: 'I feel calm now.',
};

function renderScreen(quotes: QuotesStore) {
  return render(QuotesScreen, { props: { quotes, codes, coders: [aisha, ben], current: 1, blind: false } });
}

describe('QuotesScreen export buttons', () => {
  it('offers Markdown and HTML in that order and exports the one pressed', async () => {
    const quotes = store({ code: codes[1], quotes: [quote] } as unknown as Quotes);
    renderScreen(quotes);
    const md = screen.getByTestId('export-md');
    const html = screen.getByTestId('export-html');
    expect([md.textContent, html.textContent]).toEqual(['Export Markdown…', 'Export HTML…']);
    expect(md.compareDocumentPosition(html) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await fireEvent.click(html);
    expect(quotes.exportAs).toHaveBeenLastCalledWith('html');
    await fireEvent.click(md);
    expect(quotes.exportAs).toHaveBeenLastCalledWith('md');
  });

  it('disables both while exporting and when there is nothing to quote', () => {
    renderScreen(store({ code: codes[1], quotes: [] } as unknown as Quotes));
    expect((screen.getByTestId('export-md') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('export-html') as HTMLButtonElement).disabled).toBe(true);
  });

  it('disables both while an export is under way', () => {
    renderScreen(store({ code: codes[1], quotes: [quote] } as unknown as Quotes, { exporting: true }));
    expect((screen.getByTestId('export-md') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('export-html') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('QuotesScreen stars and trims', () => {
  // The passage begins at code point 120 of its document; the emoji before
  // the words to omit is one code point but two UTF-16 units.
  const text = 'Well 😀 I feel much calmer now.';
  const starred = {
    ...quote, segmentId: 9, segmentIds: [9, 12], coders: ['Aisha', 'Ben'], text, start: 120, end: 120 + [...text].length,
    exemplarId: 3, cuts: [], trimmed: text,
  };

  it('says once who coded a shared passage, and toggles its star', async () => {
    const quotes = store({ code: codes[1], quotes: [quote, starred] } as unknown as Quotes);
    renderScreen(quotes);
    expect(screen.getByTestId('quote-coders-9').textContent).toBe('· coded by Aisha and Ben');
    expect(screen.getByTestId('quote-coders-7').textContent).toBe('· coded by Aisha');
    const off = screen.getByTestId('quote-star-7');
    const on = screen.getByTestId('quote-star-9');
    expect([off.textContent, off.getAttribute('aria-pressed'), off.title]).toEqual(['☆', 'false', 'Star as an exemplar for the report']);
    expect([on.textContent, on.getAttribute('aria-pressed')]).toEqual(['★', 'true']);
    expect(screen.queryByTestId('quote-trim-7')).toBeNull(); // only a starred quote is trimmed
    await fireEvent.click(off);
    expect(quotes.toggleStar).toHaveBeenLastCalledWith(quote);
  });

  it('omits the words selected after an emoji, in code points, and restores all', async () => {
    const quotes = store({ code: codes[1], quotes: [starred] } as unknown as Quotes);
    renderScreen(quotes);
    await fireEvent.click(screen.getByTestId('quote-trim-9'));
    const source = screen.getByTestId('trim-source');
    expect(source.textContent).toBe(text);
    await fireEvent.click(screen.getByTestId('trim-omit')); // nothing selected yet
    expect(quotes.omit).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toContain('Select the words');
    expect((screen.getByTestId('trim-restore') as HTMLButtonElement).disabled).toBe(true);

    const node = source.querySelector('span')!.firstChild as Text;
    const from = text.indexOf('much '); // 15 in UTF-16, 14 in code points
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, from + 'much '.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    await fireEvent.click(screen.getByTestId('trim-omit'));
    expect(quotes.omit).toHaveBeenCalledWith(starred, [134, 139]);
  });

  it('shows the trimmed text the backend wrote, strikes the cut words, and restores all', async () => {
    const trimmed = { ...starred, cuts: [[134, 139]], trimmed: 'Well 😀 I feel … calmer now.' };
    const quotes = store({ code: codes[1], quotes: [trimmed] } as unknown as Quotes);
    renderScreen(quotes);
    expect(screen.getByTestId('quote-text-9').textContent).toBe('Well 😀 I feel … calmer now.');
    await fireEvent.click(screen.getByTestId('quote-trim-9'));
    const cut = screen.getByTestId('trim-source').querySelector('.cut');
    expect(cut?.textContent).toBe('much ');
    await fireEvent.click(screen.getByTestId('trim-restore'));
    expect(quotes.restoreAll).toHaveBeenCalledWith(trimmed);
  });
});

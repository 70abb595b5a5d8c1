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
    ...over,
  } as unknown as QuotesStore;
}

const quote = { segmentId: 7, text: 'I feel calm now.', speaker: 'P1', document: 'Interview 1', case: '', coder: 'Aisha' };

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

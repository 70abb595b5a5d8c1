import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  const fn = () => vi.fn();
  return {
    ...orig,
    api: { codes: fn(), frameworks: fn(), setActiveFramework: fn(), segments: fn(), history: fn() },
  };
});

import { api } from '../api';
import Codebook from '../components/Codebook.svelte';
import { ReaderStore } from '../stores/reader.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import type { Code, Framework } from '../types';
import { code } from './fixtures';

const mocked = api as unknown as Record<'codes' | 'frameworks' | 'setActiveFramework' | 'segments' | 'history', ReturnType<typeof vi.fn>>;

const counts = (a: number, b: number) => [
  { coder: 1, name: 'Aisha', count: a },
  { coder: 2, name: 'Ben', count: b },
];

// Three levels: a theme (not codable) with a codable sub-theme with codes.
const tree: Code[] = [
  code({ id: 1, parent: 0, name: 'Delivering the service', definition: 'How it is delivered.', color: '#0f766e', key: '', codable: false }),
  code({
    id: 2, parent: 1, name: 'Adaptable', definition: 'Fits around the person.', color: '#14b8a6', key: 'a', codable: true,
    counts: counts(12, 9),
  }),
  code({
    id: 3, parent: 2, name: 'Home visits', definition: 'Seen at home.', color: '#2dd4bf', key: '1', codable: true,
    whenToUse: 'A visit to the person’s home.', whenNotToUse: 'A phone call (Remote contact).',
    examples: ['She came round to mine.', 'They rang first.'], counts: [{ coder: 2, name: 'Ben', count: 4 }],
  }),
  code({ id: 4, parent: 2, name: 'Flexible hours', definition: 'Evening or weekend sessions.', color: '#5eead4', key: '2', codable: true }),
  code({ id: 5, parent: 0, name: 'Waiting', definition: 'Time before the first appointment.', color: '#a16207', key: 'w', codable: true }),
];

const fw = (id: number, name: string, active: boolean, version = ''): Framework => ({
  id, name, description: '', active, codes: 4, revision: 3, version, tag: '',
});

function setup(over: { codes?: Code[]; frameworks?: Framework[]; selection?: boolean } = {}) {
  const reader = new ReaderStore(new ToastStore());
  reader.codes = over.codes ?? tree;
  reader.frameworks = over.frameworks ?? [fw(1, 'Service themes', true, 'v1 agreed')];
  if (over.selection) reader.selection = { start: 0, end: 4 };
  const onApply = vi.fn();
  render(Codebook, { reader, onApply });
  return { reader, onApply };
}

/** The names in the tree as shown, indented by depth. */
function shown(): string[] {
  const root = screen.getByTestId('code-tree');
  return [...root.querySelectorAll<HTMLElement>('.c-name')]
    .filter((el) => !el.closest('[hidden]'))
    .map((el) => {
      let depth = 0;
      for (let li = el.closest('li')?.parentElement?.closest('li'); li; li = li.parentElement?.closest('li')) depth++;
      return `${'  '.repeat(depth)}${el.textContent}`;
    });
}

beforeEach(() => vi.resetAllMocks());

describe('codebook panel', () => {
  it('shows the active framework as a tree, any depth deep, with keys', () => {
    setup();
    expect(screen.getByTestId('framework-name')).toHaveTextContent('Service themes');
    expect(screen.getByTestId('framework-version')).toHaveTextContent('v1 agreed');
    expect(screen.queryByTestId('framework-select')).toBeNull();
    expect(shown()).toEqual(['Delivering the service', '  Adaptable', '    Home visits', '    Flexible hours', 'Waiting']);
    expect(screen.getByTestId('code-Home visits').querySelector('kbd')).toHaveTextContent('1');
    expect(screen.getByTestId('code-Home visits')).toHaveAttribute('aria-keyshortcuts', '1');
  });

  it('folds and unfolds a parent, saying so with aria-expanded', async () => {
    setup();
    const theme = screen.getByTestId('toggle-Delivering the service');
    expect(theme).toHaveAttribute('aria-expanded', 'true');
    await fireEvent.click(theme);
    expect(theme).toHaveAttribute('aria-expanded', 'false');
    expect(shown()).toEqual(['Delivering the service', 'Waiting']);
    await fireEvent.click(theme);
    const sub = screen.getByTestId('toggle-Adaptable');
    await fireEvent.click(sub);
    expect(sub).toHaveAttribute('aria-expanded', 'false');
    expect(sub).toHaveAccessibleName('Expand Adaptable');
    expect(shown()).toEqual(['Delivering the service', '  Adaptable', 'Waiting']);
  });

  it('applies a codable parent like a code, but a theme that is not codable only folds', async () => {
    const { onApply } = setup({ selection: true });
    await fireEvent.click(screen.getByTestId('code-Adaptable'));
    expect(onApply).toHaveBeenCalledWith(2);
    await fireEvent.click(screen.getByTestId('toggle-Delivering the service'));
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('code-Delivering the service')).toBeNull();
  });

  it('does not apply without a selection', async () => {
    const { onApply } = setup();
    expect(screen.getByTestId('code-Waiting')).toHaveAttribute('aria-disabled', 'true');
    await fireEvent.click(screen.getByTestId('code-Waiting'));
    expect(onApply).not.toHaveBeenCalled();
  });

  it('shows each coder’s segment count, only those given, named in the title', () => {
    setup();
    const both = screen.getByTestId('counts-Adaptable');
    expect(both.querySelector('[aria-hidden="true"]')).toHaveTextContent(/^12 · 9$/);
    expect(both).toHaveAttribute('title', 'Aisha 12, Ben 9');
    expect(screen.getByTestId('code-Adaptable')).toHaveAccessibleName(/segments: Aisha 12, Ben 9/);
    expect(screen.getByTestId('counts-Home visits')).toHaveAttribute('title', 'Ben 4');
    expect(screen.getByTestId('counts-Home visits').querySelector('[aria-hidden="true"]')).toHaveTextContent(/^4$/);
    expect(screen.queryByTestId('counts-Flexible hours')).toBeNull();
  });

  it('shows the definition, both rules and the first example when a code has focus, and hides them on blur', async () => {
    setup();
    const btn = screen.getByTestId('code-Home visits');
    expect(screen.queryByRole('tooltip')).toBeNull();
    await fireEvent.focus(btn);
    const tip = screen.getByRole('tooltip');
    expect(tip).toHaveTextContent('Home visits');
    expect(tip).toHaveTextContent('Seen at home.');
    expect(tip).toHaveTextContent('When to use' + 'A visit to the person’s home.');
    expect(tip).toHaveTextContent('When not to use' + 'A phone call (Remote contact).');
    expect(tip).toHaveTextContent('She came round to mine.');
    expect(tip).not.toHaveTextContent('They rang first.');
    // the same words for a screen reader
    expect(btn).toHaveAccessibleDescription(/Seen at home\. When to use: A visit.*When not to use: A phone call.*Example: She came round/);
    await fireEvent.blur(btn);
    expect(screen.queryByRole('tooltip')).toBeNull();
    await fireEvent.mouseEnter(screen.getByTestId('code-Waiting'));
    expect(screen.getByRole('tooltip')).toHaveTextContent('Time before the first appointment.');
    expect(screen.getByRole('tooltip')).not.toHaveTextContent('When to use');
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('filters by name and definition, keeping the ancestors of matches; Esc clears', async () => {
    setup();
    const filter = screen.getByTestId('code-filter');
    expect(filter).toHaveAttribute('placeholder', 'Filter codes…');
    await fireEvent.input(filter, { target: { value: 'weekend' } }); // in Flexible hours' definition
    expect(shown()).toEqual(['Delivering the service', '  Adaptable', '    Flexible hours']);
    await fireEvent.input(filter, { target: { value: 'WAIT' } });
    expect(shown()).toEqual(['Waiting']);
    await fireEvent.input(filter, { target: { value: 'zebra' } });
    expect(screen.getByTestId('no-match')).toHaveTextContent('zebra');
    await fireEvent.keyDown(filter, { key: 'Escape' });
    expect(filter).toHaveValue('');
    expect(shown()).toHaveLength(5);
  });

  it('shows a folded parent’s matching codes while filtering', async () => {
    setup();
    await fireEvent.click(screen.getByTestId('toggle-Adaptable'));
    await fireEvent.input(screen.getByTestId('code-filter'), { target: { value: 'home' } });
    expect(shown()).toEqual(['Delivering the service', '  Adaptable', '    Home visits']);
  });

  it('switches the active framework when the project has more than one', async () => {
    const { reader } = setup({ frameworks: [fw(1, 'Service themes', true, 'v1 agreed'), fw(2, 'Keyes: flourishing', false)] });
    const select = screen.getByTestId('framework-select') as HTMLSelectElement;
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Service themes', 'Keyes: flourishing']);
    expect(select.value).toBe('1');
    mocked.setActiveFramework.mockResolvedValue(undefined);
    mocked.frameworks.mockResolvedValue([fw(1, 'Service themes', false, 'v1 agreed'), fw(2, 'Keyes: flourishing', true, 'revision 2')]);
    mocked.codes.mockResolvedValue([code({ id: 9, parent: 0, name: 'Positive affect', definition: '', color: '#f97316', key: '1', codable: true, framework: 2 })]);
    await fireEvent.change(select, { target: { value: '2' } });
    expect(mocked.setActiveFramework).toHaveBeenCalledWith(2);
    await vi.waitFor(() => expect(shown()).toEqual(['Positive affect']));
    expect(reader.activeFramework?.name).toBe('Keyes: flourishing');
    expect(screen.getByTestId('framework-version')).toHaveTextContent('revision 2');
  });

  it('offers a new code from the selection, and says how by keyboard', () => {
    setup({ selection: true });
    expect(screen.getByTestId('new-code-from-selection')).toHaveTextContent('New code from selection…');
    expect(screen.getByTestId('new-code-from-selection')).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+N');
  });
});

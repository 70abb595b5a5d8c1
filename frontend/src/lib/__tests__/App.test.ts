import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTICE_MS } from '../stores/toasts.svelte';
import { fireEvent, render, screen } from '@testing-library/svelte';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  const fn = () => vi.fn();
  return {
    ...orig,
    api: {
      start: fn(), create: fn(), chooseFolder: fn(), open: fn(), chooseAndOpen: fn(), openDemo: fn(), close: fn(),
      info: fn(), selectCoder: fn(), addCoder: fn(), setBlindMode: fn(), documents: fn(), document: fn(),
      codes: fn(), segments: fn(), apply: fn(), remove: fn(),
      undo: fn(), redo: fn(), history: fn(), codeInVivo: fn(), frameworks: fn(), setActiveFramework: fn(), builtinFrameworks: fn(),
      agreement: fn(), agreementMethods: fn(), exportAgreement: fn(), units: fn(), quotes: fn(), renderQuotes: fn(), exportQuotes: fn(),
      review: fn(), startReview: fn(), decide: fn(), reopen: fn(), multiAgreement: fn(), unitized: fn(),
    },
  };
});

import { api } from '../api';
import App from '../../App.svelte';
import { toasts } from '../stores/toasts.svelte';
import { aisha, ben, info } from './fixtures';

const builtins = [
  { id: 'keyes', name: 'Keyes: flourishing', description: 'Flourishing in thirteen dimensions. Code what a participant says.', codes: 13 },
  { id: 'outcomes-star', name: 'Social prescribing outcomes star', description: 'Eight outcome areas. Code a passage with an area.', codes: 16 },
];

const mocked = api as unknown as Record<keyof typeof api, ReturnType<typeof vi.fn>>;

beforeEach(() => {
  vi.resetAllMocks();
  toasts.clear();
  mocked.documents.mockResolvedValue([]);
  mocked.codes.mockResolvedValue([]);
  mocked.frameworks.mockResolvedValue([]);
  mocked.builtinFrameworks.mockResolvedValue([]);
  mocked.history.mockResolvedValue({ canUndo: false, canRedo: false, undo: '', redo: '' });
});

describe('App', () => {
  it('shows the start screen and creates a project as its lead', async () => {
    mocked.builtinFrameworks.mockResolvedValue(builtins);
    mocked.start.mockResolvedValue({ project: null, recent: [{ path: '/gone.themis', name: 'gone', openedAt: '2026-01-02T10:00:00Z', exists: false }], defaultFolder: '/home/me/Themis', error: '' });
    render(App);
    expect(await screen.findByTestId('create-project')).toBeDisabled();
    expect(screen.getByTestId('recent-gone')).toBeDisabled();
    expect(screen.getByTestId('recent-gone')).toHaveTextContent('missing');
    expect(screen.getByTestId('new-project-folder')).toHaveTextContent('/home/me/Themis');
    await fireEvent.input(screen.getByTestId('new-project-name'), { target: { value: 'Study' } });
    await fireEvent.input(screen.getByTestId('new-project-lead'), { target: { value: 'Aisha' } });
    mocked.create.mockResolvedValue(info({ coders: [aisha], documents: 0 }));
    expect(await screen.findByTestId('framework-keyes')).toBeChecked();
    await fireEvent.click(screen.getByTestId('create-project'));
    expect(mocked.create).toHaveBeenCalledWith('Study', '', 'Aisha', 'keyes');
    expect(await screen.findByTestId('current-coder')).toHaveTextContent('Coding as Aisha');
    expect(document.title).toBe('Study — coding as Aisha — Themis');
    expect(screen.getByTestId('blind-toggle')).toBeInTheDocument();
  });

  it('lists the built-in frameworks to start from and passes the one chosen, or "" for an empty codebook', async () => {
    mocked.start.mockResolvedValue({ project: null, recent: [], defaultFolder: '/d', error: '' });
    mocked.builtinFrameworks.mockResolvedValue(builtins);
    mocked.create.mockResolvedValue(null);
    render(App);
    const card = (await screen.findByTestId('framework-outcomes-star')).closest('label')!;
    expect(card).toHaveTextContent('Social prescribing outcomes star');
    expect(card).toHaveTextContent('16 codes');
    // the first sentence of the description
    expect(card).toHaveTextContent('Eight outcome areas.');
    expect(card).not.toHaveTextContent('Code a passage');
    expect(screen.getByTestId('framework-keyes')).toBeChecked();
    expect(screen.getByTestId('framework-empty')).not.toBeChecked();

    await fireEvent.input(screen.getByTestId('new-project-name'), { target: { value: 'Study' } });
    await fireEvent.input(screen.getByTestId('new-project-lead'), { target: { value: 'Aisha' } });
    await fireEvent.click(screen.getByTestId('framework-outcomes-star'));
    await fireEvent.click(screen.getByTestId('create-project'));
    expect(mocked.create).toHaveBeenLastCalledWith('Study', '', 'Aisha', 'outcomes-star');

    await fireEvent.click(screen.getByTestId('framework-empty'));
    expect(screen.getByTestId('framework-keyes')).not.toBeChecked();
    await fireEvent.click(screen.getByTestId('create-project'));
    expect(mocked.create).toHaveBeenLastCalledWith('Study', '', 'Aisha', '');
  });

  it('asks who is coding, then shows the blind-mode badge to a coder who is not the lead', async () => {
    mocked.start.mockResolvedValue({ project: info({ current: null, blindMode: true, canCompare: false }), recent: [], defaultFolder: '/d', error: '' });
    render(App);
    expect(await screen.findByText('Who is coding?')).toBeInTheDocument();
    expect(document.title).toBe('Study — Themis');
    mocked.selectCoder.mockResolvedValue(info({ current: ben, blindMode: true, canCompare: false }));
    await fireEvent.click(screen.getByTestId('coder-Ben'));
    expect(await screen.findByTestId('blind-badge')).toHaveTextContent('Blind mode: you see only your own coding');
    expect(screen.queryByTestId('blind-toggle')).toBeNull();
    expect(screen.getByTestId('tab-agreement')).toHaveAttribute('aria-disabled', 'true');
    await fireEvent.click(screen.getByTestId('tab-agreement'));
    expect(screen.getByTestId('agreement-unavailable')).toHaveTextContent('once Aisha, the project lead, turns blind mode off');
    expect(mocked.agreement).not.toHaveBeenCalled();
  });

  it('asks the lead before turning blind mode off, saying who will see what; Review stays closed to her until then', async () => {
    mocked.start.mockResolvedValue({ project: info({ blindMode: true, canReview: false }), recent: [], defaultFolder: '/d', error: '' });
    render(App);
    const toggle = await screen.findByTestId('blind-toggle');
    expect(toggle).toBeChecked();
    await fireEvent.click(screen.getByTestId('tab-review'));
    expect(screen.getByTestId('review-unavailable')).toHaveTextContent('nobody, you included, sees another coder’s passages');
    await fireEvent.click(toggle);
    const dialog = await screen.findByTestId('blind-off-dialog');
    expect(dialog).toHaveTextContent('Aisha and Ben will see each other’s coding in the reader, search, quotes and themes; Review opens');
    expect(toggle).toBeChecked();
    expect(mocked.setBlindMode).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('blind-off-cancel'));
    expect(screen.queryByTestId('blind-off-dialog')).toBeNull();
    expect(mocked.setBlindMode).not.toHaveBeenCalled();
    await fireEvent.click(toggle);
    mocked.setBlindMode.mockResolvedValue(info({ blindMode: false, canReview: true }));
    await fireEvent.click(await screen.findByTestId('blind-off-confirm'));
    expect(mocked.setBlindMode).toHaveBeenCalledWith(false);
    await vi.waitFor(() => expect(screen.queryByTestId('blind-off-dialog')).toBeNull());
  });

  it('shows a notice that goes by itself', async () => {
    vi.useFakeTimers();
    try {
      mocked.start.mockResolvedValue({ project: null, recent: [], defaultFolder: '/d', error: '' });
      render(App);
      toasts.info('Undid coding “poster” as Positive affect');
      await vi.advanceTimersByTimeAsync(0);
      expect(screen.getByTestId('notice')).toHaveTextContent('Undid coding “poster” as Positive affect');
      expect(screen.getByTestId('notice')).toHaveAttribute('role', 'status');
      expect(screen.queryByTestId('error')).toBeNull();
      await vi.advanceTimersByTimeAsync(NOTICE_MS);
      expect(screen.queryByTestId('notice')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows an error as a dismissible toast', async () => {
    mocked.start.mockResolvedValue({ project: null, recent: [], defaultFolder: '/d', error: '' });
    render(App);
    mocked.openDemo.mockRejectedValue('{"code":"locked","message":"Demo study.themis is open in another Themis window"}');
    await fireEvent.click(await screen.findByTestId('open-demo'));
    expect(await screen.findByTestId('error')).toHaveTextContent('Demo study.themis is open in another Themis window');
    await fireEvent.click(screen.getByTestId('dismiss-error'));
    expect(screen.queryByTestId('error')).toBeNull();
  });
});

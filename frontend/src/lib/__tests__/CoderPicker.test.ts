import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';

vi.mock('../api', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../api')>();
  return { ...orig, api: { selectCoder: vi.fn(), addCoder: vi.fn(), close: vi.fn() } };
});

import CoderPicker from '../components/CoderPicker.svelte';
import { ProjectStore } from '../stores/project.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import { aisha, ben, consensusLayer, info } from './fixtures';

describe('CoderPicker', () => {
  it('never offers a consensus layer as someone to code as', () => {
    const project = new ProjectStore(new ToastStore());
    project.info = info({ coders: [aisha, ben, consensusLayer], current: null });
    render(CoderPicker, { project });
    expect(screen.getByTestId('coder-Aisha')).toBeInTheDocument();
    expect(screen.getByTestId('coder-Ben')).toBeInTheDocument();
    expect(screen.queryByTestId('coder-Consensus')).toBeNull();
  });
});

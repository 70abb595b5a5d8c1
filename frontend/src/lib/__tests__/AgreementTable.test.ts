import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import AgreementTable from '../components/AgreementTable.svelte';
import type { Agreement, AgreementRow } from '../types';

function row(over: Partial<AgreementRow>): AgreementRow {
  return { label: '', code: 0, factor: 0, both: 0, onlyA: 0, onlyB: 0, neither: 0, units: 0, agreement: 0, kappa: null, status: 'defined', note: '', ...over };
}

const result: Agreement = {
  coderA: { id: 1, name: 'Aisha' },
  coderB: { id: 2, name: 'Ben' },
  documents: [5, 6],
  unit: 'character',
  minShare: 0,
  formula: 'cohen-kappa/v1',
  perFactor: [
    row({ label: 'Emotional well-being', factor: 10, both: 1727, onlyA: 1231, onlyB: 311, neither: 156994, agreement: 0.9831, kappa: 0.6152 }),
  ],
  perCode: [
    row({ label: 'Positive affect', code: 11, factor: 10, both: 1727, onlyA: 1231, onlyB: 311, neither: 77698, agreement: 0.98099, kappa: 0.68234 }),
    row({ label: 'Avowed quality of life', code: 12, factor: 10, neither: 81000, agreement: 1, kappa: null, status: 'no-variation', note: 'undefined: no variation (neither coder used this code)' }),
    row({ label: 'Autonomy', code: 17, factor: 0, onlyB: 40, neither: 80960, agreement: 0.9995, kappa: 0, status: 'only-one-coder', note: 'κ = 0: only coder B used it' }),
  ],
  overall: row({ label: 'All codes', both: 1727, onlyA: 1231, onlyB: 351, neither: 239692, agreement: 0.9853, kappa: -0.0123 }),
};

describe('AgreementTable', () => {
  it('groups codes under their factor, with the overall row last', () => {
    render(AgreementTable, { result });
    const body = screen.getByTestId('agreement-table').querySelector('tbody')!;
    const rows = within(body).getAllByRole('row');
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual([
      'agreement-factor-Emotional well-being',
      'agreement-row-Positive affect',
      'agreement-row-Avowed quality of life',
      'agreement-row-Autonomy',
      'agreement-overall',
    ]);
  });

  it('formats counts, agreement and kappa', () => {
    render(AgreementTable, { result });
    const r = within(screen.getByTestId('agreement-row-Positive affect'));
    expect(r.getByText('1,727')).toBeInTheDocument();
    expect(r.getByText('77,698')).toBeInTheDocument();
    expect(r.getByText('98.1%')).toBeInTheDocument();
    expect(r.getByTestId('kappa')).toHaveTextContent('0.682');
    expect(within(screen.getByTestId('agreement-overall')).getByTestId('kappa')).toHaveTextContent('−0.012');
    expect(screen.getByText('Only A').parentElement).toHaveTextContent('Aisha');
  });

  it('names the unit the counts are in', () => {
    const { unmount } = render(AgreementTable, { result });
    expect(screen.getByTestId('agreement-count-head')).toHaveTextContent(/^Character counts$/);
    expect(screen.getByText('Both')).toHaveAttribute('title', 'Characters both coders coded');
    unmount();
    render(AgreementTable, { result: { ...result, unit: 'turn', minShare: 0.5 } });
    expect(screen.getByTestId('agreement-count-head')).toHaveTextContent(/^Turn counts$/);
    expect(screen.getByText('Both')).toHaveAttribute('title', 'Turns both coders coded');
    expect(screen.getByText('Neither')).toHaveAttribute('title', 'Turns neither coder coded');
    expect(screen.getByText('Agreement')).toHaveAttribute('title', 'Observed agreement: (Both + Neither) / all turns');
  });

  it('shows an undefined kappa as "undefined" with the backend’s note', () => {
    render(AgreementTable, { result });
    const r = within(screen.getByTestId('agreement-row-Avowed quality of life'));
    expect(r.getByTestId('kappa')).toHaveTextContent(/^undefined$/);
    expect(r.getByTestId('note')).toHaveTextContent('undefined: no variation (neither coder used this code)');
  });

  it('shows a flagged zero with its note', () => {
    render(AgreementTable, { result });
    const r = within(screen.getByTestId('agreement-row-Autonomy'));
    expect(r.getByTestId('kappa')).toHaveTextContent('0.000');
    expect(r.getByTestId('note')).toHaveTextContent('κ = 0: only coder B used it');
  });
});

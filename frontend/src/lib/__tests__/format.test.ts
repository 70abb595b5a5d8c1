import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatCoefficient, formatInterval, formatKappa, formatPercent, plural } from '../format';

// The same cases as Go's coding.FormatCoefficient and FormatPercent
// (coding/figures_test.go), so the view prints what the CLI and exports print.
const cases: {
  coefficients: { value: number; text: string }[];
  percents: { value: number; text: string }[];
} = JSON.parse(readFileSync(resolve(process.cwd(), '../coding/testdata/figures.json'), 'utf8')); // vitest runs in frontend/

describe('figures shared with Go', () => {
  it('has the shared table', () => {
    expect(cases.coefficients.length).toBeGreaterThan(10);
    expect(cases.percents.length).toBeGreaterThan(5);
  });

  it.each(cases.coefficients)('prints the coefficient $value as $text', ({ value, text }) => {
    expect(formatCoefficient(value)).toBe(text);
    expect(formatKappa(value)).toBe(text.replace('-', '−'));
  });

  it.each(cases.percents)('prints the share $value as $text', ({ value, text }) => {
    expect(formatPercent(value)).toBe(text);
  });

  it('never prints a value on the far side of a mark', () => {
    for (let i = -2000; i <= 2000; i++) {
      for (const v of [0.8 + i * 1e-9, 0.667 + i * 1e-9, 1 - Math.abs(i) * 1e-9]) {
        const printed = Number(formatCoefficient(v));
        for (const t of [0.667, 0.8, 1]) expect(printed >= t).toBe(v >= t);
      }
    }
  });

  it('prints interval bounds by the same rule', () => {
    expect(formatInterval([0.70001, 0.79989])).toBe('0.700–0.7999');
    expect(formatInterval([-0.12, 0.3])).toBe('−0.120\u2009–\u20090.300');
  });
});

describe('plural, the one count-with-noun helper', () => {
  it('says one, many, a given plural and thousands', () => {
    expect(plural(1, 'file')).toBe('1 file');
    expect(plural(0, 'file')).toBe('0 files');
    expect(plural(2, 'sub-code')).toBe('2 sub-codes');
    expect(plural(3, 'web address', 'web addresses')).toBe('3 web addresses');
    expect(plural(1200, 'occurrence')).toBe('1,200 occurrences');
  });
});

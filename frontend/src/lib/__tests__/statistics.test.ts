// The coefficient lists come from the backend's one list (coding.Statistics,
// written to statistics.gen.ts by app's TestStatisticsFileIsCurrent).
import { describe, expect, it } from 'vitest';
import { MULTI_STATISTICS, STATISTICS, multiStatisticInfo, statisticInfo } from '../statistics';

describe('the statistics lists', () => {
  it('offers the backend’s two-coder coefficients, Cohen’s κ first', () => {
    expect(STATISTICS.map((s) => s.key)).toEqual(['kappa', 'scottPi', 'krippendorffAlpha', 'gwetAC1', 'brennanPrediger']);
    expect(statisticInfo('kappa')).toMatchObject({ label: 'Cohen’s κ', symbol: 'κ', citation: 'Cohen, 1960', pooled: true });
    expect(STATISTICS.filter((s) => !s.pooled).map((s) => s.key)).toEqual(['krippendorffAlpha']);
    for (const s of STATISTICS) expect(s.formula).not.toBe('');
  });

  it('offers the backend’s multi-coder coefficients, Fleiss’ κ first', () => {
    expect(MULTI_STATISTICS.map((s) => s.key)).toEqual([
      'fleissKappa',
      'krippendorffAlpha',
      'gwetAC1',
      'brennanPrediger',
      'percentAgreement',
    ]);
    expect(multiStatisticInfo('percentAgreement')).toMatchObject({ label: 'Percent agreement', symbol: '%' });
  });
});

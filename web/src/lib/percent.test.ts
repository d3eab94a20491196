import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bpsToPercent, MAX_BPS, percentToBps } from './percent';

describe('percent', () => {
  it('percentToBps ∘ bpsToPercent is the identity over 0..100 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_BPS }), (bps) => percentToBps(bpsToPercent(bps)) === bps),
    );
  });

  it('reads percents as typed, two decimals at most', () => {
    expect(percentToBps('10.5')).toBe(1050);
    expect(percentToBps('0.01')).toBe(1);
    expect(percentToBps('100')).toBe(10_000);
    expect(percentToBps(' 7 ')).toBe(700);
    expect(bpsToPercent(1050)).toBe('10.50');
    expect(bpsToPercent(5)).toBe('0.05');
  });

  it('refuses more than 100 %, a third decimal, negatives and words', () => {
    for (const text of ['100.01', '101', '1.234', '-5', '', 'ten', '5%'])
      expect(percentToBps(text), text).toBeNull();
  });
});

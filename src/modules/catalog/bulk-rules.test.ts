import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changed, changedPrice, stockDelta } from './bulk-rules.js';
import { MAX_STOCK } from './rules.js';

describe('bulk price and stock changes', () => {
  it('rounds a percentage half up to a whole minor unit', () => {
    expect(changed(999, { by: 'percent', value: 10 })).toBe(1099); // 1098.9
    expect(changed(5, { by: 'percent', value: -50 })).toBe(3); // 2.5
    expect(changed(100, { by: 'percent', value: -100 })).toBe(0);
    expect(changed(100, { by: 'amount', value: -101 })).toBeUndefined();
  });

  it('never gives a negative price or stock: it refuses instead', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_00 }),
        fc.oneof(
          fc.record({ by: fc.constant('percent' as const), value: fc.integer({ min: -100, max: 1000 }) }),
          fc.record({
            by: fc.constant('amount' as const),
            value: fc.integer({ min: -100_000_000_00, max: 100_000_000_00 }),
          }),
        ),
        (value, change) => {
          const price = changedPrice(value, change);
          if (typeof price === 'number') expect(price).toBeGreaterThanOrEqual(0);
          else expect(['price_below_zero', 'price_above_maximum']).toContain(price);
          const stock = Math.min(value, MAX_STOCK);
          const delta = stockDelta(stock, change);
          if (typeof delta === 'number') {
            expect(stock + delta).toBeGreaterThanOrEqual(0);
            expect(stock + delta).toBeLessThanOrEqual(MAX_STOCK);
          }
        },
      ),
    );
  });

  it('a percentage moves a value by at most half a unit from the exact result', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: -100, max: 1000 }),
        (value, p) => {
          const next = changed(value, { by: 'percent', value: p }) as number;
          expect(Math.abs(next * 100 - value * (100 + p))).toBeLessThanOrEqual(50);
        },
      ),
    );
  });
});

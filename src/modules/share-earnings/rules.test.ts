import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCommission } from '../distribution/rules.js';
import { earnPerUnit, levelOneRate } from './rules.js';

const settings = { ratesBps: [1000, 500], capBps: 3000 };

describe('earnPerUnit', () => {
  it('is the level-1 rate of the paid price, rounded down: ¥39.00 at 10% earns ¥3.90', () => {
    expect(earnPerUnit(3900, null, settings)).toBe(390);
    expect(earnPerUnit(3999, null, settings)).toBe(399);
    expect(earnPerUnit(9, null, settings)).toBe(0);
    expect(earnPerUnit(0, null, settings)).toBe(0);
  });

  it("takes the product's override, within the cap", () => {
    expect(earnPerUnit(3900, 2000, settings)).toBe(780);
    expect(earnPerUnit(3900, 5000, settings)).toBe(1170);
    expect(levelOneRate(5000, settings)).toBe(3000);
    expect(levelOneRate(null, settings)).toBe(1000);
    expect(levelOneRate(null, { ratesBps: [], capBps: 3000 })).toBe(0);
  });

  it('property: equals the level-1 commission a real one-unit order through the link pays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 10_000 }),
        (price, overrideBps, ratesBps, capBps) => {
          const earned = splitCommission({
            buyerId: 'b',
            paidAmount: price,
            lines: [{ lineTotal: price, overrideBps }],
            chain: ['p1', 'p2', 'p3'],
            settings: { maxLevels: ratesBps.length, ratesBps, capBps },
          }).find((s) => s.level === 1);
          expect(earnPerUnit(price, overrideBps, { ratesBps, capBps })).toBe(earned?.amount ?? 0);
        },
      ),
    );
  });
});

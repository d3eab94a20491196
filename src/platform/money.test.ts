import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertMinor, bpsOf, prorate, sumMinor } from './money.js';

const amount = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const weights = fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 12 });

/** total * w / sum as an exact fraction, so the properties do not inherit float error. */
const exactShare = (total: number, w: number, sum: number) => {
  const numerator = BigInt(total) * BigInt(w);
  return { floor: numerator / BigInt(sum), exact: numerator % BigInt(sum) === 0n };
};

describe('prorate', () => {
  it('splits by largest remainder, ties to the earlier weight', () => {
    expect(prorate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(prorate(10, [1, 2])).toEqual([3, 7]);
    expect(prorate(0, [5, 5])).toEqual([0, 0]);
    expect(prorate(7, [])).toEqual([]);
    expect(prorate(7, [0, 0])).toEqual([7, 0]);
  });

  it('refuses a total that is not an integer and weights that are not non-negative integers', () => {
    expect(() => prorate(10.5, [1, 1])).toThrow(TypeError);
    expect(() => prorate(10, [0.5, 1])).toThrow(TypeError);
    expect(() => prorate(10, [-1, 2])).toThrow(TypeError);
  });

  it('parts always sum to the whole, refunds (negative totals) included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        weights,
        (total, ws) => {
          expect(sumMinor(prorate(total, ws))).toBe(total);
        },
      ),
    );
  });

  it('each part is its exact share rounded down or up, and never negative', () => {
    fc.assert(
      fc.property(amount, weights, (total, ws) => {
        const sum = ws.reduce((a, b) => a + b, 0);
        fc.pre(sum > 0);
        prorate(total, ws).forEach((part, i) => {
          const { floor, exact } = exactShare(total, ws[i] ?? 0, sum);
          expect(part).toBeGreaterThanOrEqual(0);
          const allowed = exact ? [floor] : [floor, floor + 1n];
          expect(allowed).toContain(BigInt(part));
        });
      }),
    );
  });

  it('gives nothing to a zero weight', () => {
    fc.assert(
      fc.property(amount, weights, (total, ws) => {
        fc.pre(ws.some((w) => w > 0));
        prorate(total, ws).forEach((part, i) => {
          if (ws[i] === 0) expect(part).toBe(0);
        });
      }),
    );
  });
});

describe('bpsOf', () => {
  it('rounds down: the remainder stays with the payer', () => {
    expect(bpsOf(999, 1000)).toBe(99);
    expect(bpsOf(10_000, 1)).toBe(1);
    expect(bpsOf(9_999, 1)).toBe(0);
    expect(bpsOf(12_345, 10_000)).toBe(12_345);
  });

  it('is the floor of the exact value for any safe amount', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 10_000 }), (value, bps) => {
        const exactFloor = (BigInt(value) * BigInt(bps)) / 10_000n;
        expect(BigInt(bpsOf(value, bps))).toBe(exactFloor);
      }),
    );
  });

  it('refuses a float amount', () => {
    expect(() => bpsOf(10.5, 100)).toThrow(TypeError);
  });
});

describe('assertMinor', () => {
  it('accepts safe integers and refuses the rest', () => {
    expect(assertMinor(0)).toBe(0);
    for (const bad of [0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => assertMinor(bad)).toThrow(TypeError);
    }
  });
});

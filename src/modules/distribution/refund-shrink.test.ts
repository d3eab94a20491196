import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commissionAfterRefunds } from './rules.js';

/**
 * The law of commissions under partial refunds: over any sequence of refunds, what is left of a
 * commission plus what was reversed step by step equals what it earned, to the unit; each step's
 * value is computed from what was earned (not compounded); after a full refund nothing is left.
 */
describe('commissionAfterRefunds', () => {
  it('keeps left + reversed = earned over any sequence of partial refunds, and leaves 0 after a full one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (total, rateBps, cuts, endInFull) => {
          const earned = Math.floor((total * rateBps) / 10_000);
          let refunded = 0;
          let left = earned;
          let reversed = 0;
          for (const cut of cuts) {
            refunded = Math.min(total, refunded + (cut % (total + 1)));
            const next = commissionAfterRefunds(earned, total, refunded);
            expect(next).toBeLessThanOrEqual(left);
            expect(next).toBe(Number((BigInt(earned) * BigInt(total - refunded)) / BigInt(total)));
            reversed += left - next;
            left = next;
            expect(left + reversed).toBe(earned);
          }
          if (endInFull) {
            const next = commissionAfterRefunds(earned, total, total);
            reversed += left - next;
            left = next;
            expect(left).toBe(0);
            expect(reversed).toBe(earned);
          }
        },
      ),
    );
  });

  it('rounds down, and is exact for amounts past 2^53 / rate', () => {
    expect(commissionAfterRefunds(1099, 10_999, 3333)).toBe(Math.floor((1099 * 7666) / 10_999));
    expect(commissionAfterRefunds(10, 3, 1)).toBe(6);
    expect(commissionAfterRefunds(2 ** 50, 2 ** 52, 1)).toBe(2 ** 50 - 1);
    expect(commissionAfterRefunds(500, 0, 0)).toBe(0);
  });
});

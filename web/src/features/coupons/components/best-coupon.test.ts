import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestCoupon, type PricedCoupon } from './best-coupon';

const priced = (id: string, discount: number, validUntil: string | null = null, applicable = true) => ({
  coupon: { id, validUntil },
  applicable,
  discount,
});

describe('bestCoupon', () => {
  it('chooses the coupon that saves the most', () => {
    expect(bestCoupon([priced('a', 2000), priced('b', 3000), priced('c', 1500)])?.coupon.id).toBe('b');
  });

  it('never chooses one that does not apply or saves nothing; null when none is left', () => {
    expect(bestCoupon([priced('a', 5000, null, false), priced('b', 100)])?.coupon.id).toBe('b');
    expect(bestCoupon([priced('a', 0), priced('b', 5000, null, false)])).toBeNull();
    expect(bestCoupon([])).toBeNull();
  });

  it('breaks a tie by the earliest expiry, one without an end date last', () => {
    const choices = [
      priced('never', 2000),
      priced('late', 2000, '2027-01-31T00:00:00.000Z'),
      priced('soon', 2000, '2026-12-10T00:00:00.000Z'),
    ];
    expect(bestCoupon(choices)?.coupon.id).toBe('soon');
    expect(
      bestCoupon([priced('never', 2000), priced('late', 2000, '2027-01-31T00:00:00.000Z')])?.coupon.id,
    ).toBe('late');
  });

  const arbitraryChoice: fc.Arbitrary<PricedCoupon> = fc.record({
    coupon: fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      validUntil: fc.option(
        fc.integer({ min: 0, max: 10 }).map((d) => new Date(Date.UTC(2026, 11, 1 + d)).toISOString()),
      ),
    }),
    applicable: fc.boolean(),
    discount: fc.integer({ min: 0, max: 5000 }),
  });
  const choicesArb = fc.uniqueArray(arbitraryChoice, { selector: (c) => c.coupon.id, maxLength: 12 });

  it('saves at least as much as any applicable coupon, whatever order the list comes in', () => {
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const best = bestCoupon(choices);
        const usable = choices.filter((c) => c.applicable && c.discount > 0);
        if (usable.length === 0) {
          expect(best).toBeNull();
          return;
        }
        expect(best?.applicable).toBe(true);
        for (const c of usable) expect(best?.discount).toBeGreaterThanOrEqual(c.discount);
        expect(bestCoupon([...choices].reverse())).toBe(best);
      }),
    );
  });

  it('among the coupons that save the most, takes one that expires no later than the others', () => {
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const best = bestCoupon(choices);
        if (!best) return;
        const tied = choices.filter((c) => c.applicable && c.discount === best.discount);
        const at = (c: PricedCoupon) => (c.coupon.validUntil ? Date.parse(c.coupon.validUntil) : Infinity);
        for (const c of tied) expect(at(best)).toBeLessThanOrEqual(at(c));
      }),
    );
  });
});

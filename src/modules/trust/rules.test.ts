import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsNewCommissions, scoreTrust, TRUST_WEIGHTS, type TrustFacts } from './rules.js';

const clean: TrustFacts = {
  orders: 0,
  refunded: 0,
  afterSales: 0,
  reviews: null,
  complaints: null,
  pickups: null,
};

const facts = fc
  .record({
    orders: fc.nat(500),
    refunded: fc.nat(500),
    afterSales: fc.nat(500),
    reviews: fc.option(fc.record({ count: fc.nat(200), ratingSum: fc.nat(1000) })),
    complaints: fc.option(fc.nat(100)),
    pickups: fc.option(fc.record({ due: fc.nat(200), collected: fc.nat(200) })),
  })
  .map((f): TrustFacts => f);

describe('scoreTrust', () => {
  it('is 100 with nothing against someone, and the weights sum to 100', () => {
    expect(scoreTrust(clean).score).toBe(100);
    expect(scoreTrust({ ...clean, orders: 20 }).score).toBe(100);
    expect(Object.values(TRUST_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('shows every part with its weight, value and what it costs', () => {
    const s = scoreTrust({ ...clean, orders: 10, refunded: 3, afterSales: 0 });
    const refunds = s.parts.find((p) => p.key === 'refunds');
    // 3 ÷ (10 + 5) = 0.2 of a 0.3 ceiling: a third of the part is left.
    expect(refunds).toMatchObject({ weight: 30, value: 33, hasData: true, count: 3, outOf: 10 });
    expect(s.parts.map((p) => p.key)).toEqual(['refunds', 'after_sales', 'reviews', 'complaints', 'pickups']);
    // Only refunds and after-sales have data: (30 × 33.3 + 20 × 100) ÷ 50 = 60.
    expect(s.score).toBe(60);
    expect(refunds?.cost).toBe(40);
  });

  it('one refund on a first order does not ruin a newcomer', () => {
    expect(scoreTrust({ ...clean, orders: 1, refunded: 1 }).score).toBeGreaterThan(60);
  });

  it('low ratings, complaints and missed pickups lower it', () => {
    // Ten 1-star reviews: (10 + 5 × 5) ÷ 15 = 2.33 stars → 33; (30 × 100 + 20 × 100 + 25 × 33) ÷ 75.
    const rated = scoreTrust({ ...clean, orders: 10, reviews: { count: 10, ratingSum: 10 } });
    expect(rated.parts.find((p) => p.key === 'reviews')?.value).toBe(33);
    expect(rated.score).toBe(78);
    // Three complaints on ten orders: 3 ÷ 15 passes the 0.1 ceiling; (30 + 20) × 100 ÷ 65.
    const complained = scoreTrust({ ...clean, orders: 10, complaints: 3 });
    expect(complained.parts.find((p) => p.key === 'complaints')?.value).toBe(0);
    expect(complained.score).toBe(77);
    expect(scoreTrust({ ...clean, pickups: { due: 20, collected: 10 } }).score).toBe(0);
  });

  it('is bounded 0..100 whatever the counts', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const s = scoreTrust(f);
        expect(Number.isInteger(s.score)).toBe(true);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(100);
        for (const p of s.parts) {
          expect(p.value).toBeGreaterThanOrEqual(0);
          expect(p.value).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('more refunds, after-sales, complaints or missed pickups never raise it', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 50 }), (f, more) => {
        const base = scoreTrust(f).score;
        expect(scoreTrust({ ...f, refunded: f.refunded + more }).score).toBeLessThanOrEqual(base);
        expect(scoreTrust({ ...f, afterSales: f.afterSales + more }).score).toBeLessThanOrEqual(base);
        if (f.complaints !== null)
          expect(scoreTrust({ ...f, complaints: f.complaints + more }).score).toBeLessThanOrEqual(base);
        if (f.pickups !== null && f.pickups.collected >= more)
          expect(
            scoreTrust({ ...f, pickups: { ...f.pickups, collected: f.pickups.collected - more } }).score,
          ).toBeLessThanOrEqual(base);
      }),
    );
  });

  it('a better rating never lowers it', () => {
    fc.assert(
      fc.property(facts, fc.nat(100), (f, more) => {
        if (!f.reviews) return;
        const base = scoreTrust(f).score;
        expect(
          scoreTrust({ ...f, reviews: { ...f.reviews, ratingSum: f.reviews.ratingSum + more } }).score,
        ).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it('holds new commissions only strictly below the threshold', () => {
    expect(holdsNewCommissions(39, 40)).toBe(true);
    expect(holdsNewCommissions(40, 40)).toBe(false);
    expect(holdsNewCommissions(0, 0)).toBe(false);
  });
});

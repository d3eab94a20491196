import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialStatus,
  leftForMe,
  REFUSAL_ORDER,
  REFUSAL_STATUS,
  type RedemptionFacts,
  redemptionMachine,
  refusalOf,
  targetErrors,
} from './rules.js';

const facts = fc.record<RedemptionFacts>({
  stock: fc.integer({ min: 0, max: 5 }),
  perPersonLimit: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  redeemedByMe: fc.integer({ min: 0, max: 6 }),
  balance: fc.integer({ min: -50, max: 500 }),
  costPoints: fc.integer({ min: 1, max: 500 }),
});

describe('which refusal a redemption meets', () => {
  it('goes ahead when a unit is left, the limit not reached and the points enough', () => {
    expect(refusalOf({ stock: 1, perPersonLimit: 2, redeemedByMe: 1, balance: 100, costPoints: 100 })).toBe(
      null,
    );
    expect(refusalOf({ stock: 3, perPersonLimit: null, redeemedByMe: 99, balance: 5, costPoints: 5 })).toBe(
      null,
    );
  });

  it('sold out wins over everything: "when both apply, 409"', () => {
    const both = { stock: 0, perPersonLimit: 1, redeemedByMe: 1, balance: 0, costPoints: 100 };
    expect(refusalOf(both)).toBe('mall_sold_out');
    expect(REFUSAL_STATUS[refusalOf(both) as 'mall_sold_out']).toBe(409);
    expect(refusalOf({ ...both, stock: 1 })).toBe('mall_limit_reached');
    expect(refusalOf({ ...both, stock: 1, perPersonLimit: null })).toBe('not_enough_points');
  });

  it('property: sold out and short of points is always 409, never 422', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const refusal = refusalOf({ ...f, stock: 0, balance: Math.min(f.balance, f.costPoints - 1) });
        expect(refusal).toBe('mall_sold_out');
        expect(REFUSAL_STATUS[refusal as 'mall_sold_out']).toBe(409);
      }),
    );
  });

  it('property: the refusal is the first of REFUSAL_ORDER whose rule is broken', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const broken = {
          mall_sold_out: f.stock <= 0,
          mall_limit_reached: f.perPersonLimit !== null && f.redeemedByMe >= f.perPersonLimit,
          not_enough_points: f.balance < f.costPoints,
        };
        expect(refusalOf(f)).toBe(REFUSAL_ORDER.find((r) => broken[r]) ?? null);
      }),
    );
  });

  it('property: a redemption that goes ahead never leaves a negative balance, stock or passed limit', () => {
    fc.assert(
      fc.property(facts, (f) => {
        fc.pre(refusalOf(f) === null);
        expect(f.balance - f.costPoints).toBeGreaterThanOrEqual(0);
        expect(f.stock - 1).toBeGreaterThanOrEqual(0);
        if (f.perPersonLimit !== null) expect(f.redeemedByMe + 1).toBeLessThanOrEqual(f.perPersonLimit);
      }),
    );
  });

  it('property: redeeming until refused takes at most the stock, the limit and the points allow', () => {
    fc.assert(
      fc.property(facts, (start) => {
        let f = { ...start, redeemedByMe: 0 };
        let taken = 0;
        while (refusalOf(f) === null) {
          f = {
            ...f,
            stock: f.stock - 1,
            redeemedByMe: f.redeemedByMe + 1,
            balance: f.balance - f.costPoints,
          };
          taken += 1;
        }
        const byPoints = Math.max(0, Math.floor(start.balance / start.costPoints));
        expect(taken).toBe(Math.min(start.stock, start.perPersonLimit ?? Number.POSITIVE_INFINITY, byPoints));
      }),
    );
  });
});

describe('per-person limits', () => {
  it('says how many more one may redeem; null without a limit', () => {
    expect(leftForMe(null, 7)).toBe(null);
    expect(leftForMe(3, 1)).toBe(2);
    expect(leftForMe(2, 5)).toBe(0);
  });

  it('property: what is left and what was redeemed add up to the limit until it is reached', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 200 }), (limit, redeemed) => {
        const left = leftForMe(limit, redeemed) as number;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left === 0).toBe(redeemed >= limit);
        if (redeemed <= limit) expect(left + redeemed).toBe(limit);
      }),
    );
  });
});

describe('redemption states', () => {
  it('a perk waits for the operator; a coupon or product is done at once; done stays done', () => {
    expect(initialStatus('perk')).toBe('pending');
    expect(initialStatus('coupon')).toBe('done');
    expect(initialStatus('product')).toBe('done');
    expect(redemptionMachine.canTransition('pending', 'done')).toBe(true);
    expect(() => redemptionMachine.assertTransition('done', 'done')).toThrow();
    expect(redemptionMachine.fromStates('done')).toEqual(['pending']);
  });
});

describe('what an item gives', () => {
  it('a coupon names a template, a product a variant, a perk neither', () => {
    expect(targetErrors({ kind: 'coupon', couponTemplateId: 't1' })).toEqual([]);
    expect(targetErrors({ kind: 'product', variantId: 'v1' })).toEqual([]);
    expect(targetErrors({ kind: 'perk' })).toEqual([]);
    expect(targetErrors({ kind: 'coupon' }).map((e) => [e.path, e.rule])).toEqual([
      ['/couponTemplateId', 'required'],
    ]);
    expect(
      targetErrors({ kind: 'perk', variantId: 'v1', couponTemplateId: null }).map((e) => [e.path, e.rule]),
    ).toEqual([['/variantId', 'additionalProperties']]);
    expect(targetErrors({ kind: 'product', couponTemplateId: 't1' }).map((e) => e.path)).toEqual([
      '/couponTemplateId',
      '/variantId',
    ]);
  });
});

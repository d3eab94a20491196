import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bpsOf } from '../../platform/money.js';
import { priceCoupon } from '../coupons/rules.js';
import { checkoutSpend, DEFAULT_SETTINGS } from '../points/rules.js';
import type { DiscountableLine } from './context.js';
import { applyMemberDiscount, MIN_PAYABLE, priceCheckout } from './pricing.js';

const lineArb = fc.record({
  productId: fc.constantFrom('p1', 'p2', 'p3'),
  lineTotal: fc.integer({ min: 1, max: 99 * 1_000_000 }),
});
const linesArb = fc.array(lineArb, { minLength: 1, maxLength: 6 });
const sum = (lines: readonly DiscountableLine[]) => lines.reduce((s, l) => s + l.lineTotal, 0);

/** What each port answered, and what the law's steps were given, for the assertions. */
async function priceWith(
  lines: readonly DiscountableLine[],
  answers: { member: number; coupon: number | null; points: number | null },
) {
  const seen = { couponLines: [] as DiscountableLine[], couponRoom: -1, payable: -1 };
  const price = await priceCheckout(lines, {
    memberDiscount: async () => answers.member,
    coupon: async (after, room) => {
      seen.couponLines = after;
      seen.couponRoom = room;
      return answers.coupon === null ? null : { discount: answers.coupon };
    },
    points: async (payable) => {
      seen.payable = payable;
      return answers.points === null ? null : { discount: answers.points };
    },
  });
  return { price, seen };
}

function expectLaw(lines: readonly DiscountableLine[], price: Awaited<ReturnType<typeof priceWith>>) {
  const { price: p, seen } = price;
  const goods = sum(lines);
  expect(p.goodsTotal).toBe(goods);
  for (const part of [p.memberDiscount, p.couponDiscount, p.pointsDiscount]) {
    expect(Number.isSafeInteger(part)).toBe(true);
    expect(part).toBeGreaterThanOrEqual(0);
  }
  expect(p.discount).toBe(p.memberDiscount + p.couponDiscount + p.pointsDiscount);
  expect(p.total).toBe(goods - p.memberDiscount - p.couponDiscount - p.pointsDiscount);
  expect(p.total).toBeGreaterThanOrEqual(MIN_PAYABLE);
  // The member discount is prorated over the lines exactly, none below 0 or above what it cost.
  expect(sum(seen.couponLines)).toBe(goods - p.memberDiscount);
  seen.couponLines.forEach((l, i) => {
    expect(l.productId).toBe(lines[i]?.productId);
    expect(l.lineTotal).toBeGreaterThanOrEqual(0);
    expect(l.lineTotal).toBeLessThanOrEqual(lines[i]?.lineTotal ?? 0);
  });
  expect(seen.couponRoom).toBe(goods - p.memberDiscount - MIN_PAYABLE);
  expect(seen.payable).toBe(goods - p.memberDiscount - p.couponDiscount);
}

describe('the checkout pricing law', () => {
  it('member, then coupon, then points: parts ≥ 0, total = goods − parts ≥ 1, whatever the ports answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        linesArb,
        fc.integer({ min: -1_000, max: 2 * 99 * 1_000_000 * 6 }),
        fc.option(fc.integer({ min: -1_000, max: 2 * 99 * 1_000_000 * 6 })),
        fc.option(fc.integer({ min: -1_000, max: 2 * 99 * 1_000_000 * 6 })),
        async (lines, member, coupon, points) => {
          expectLaw(lines, await priceWith(lines, { member, coupon, points }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('with the real rules: a level discount, a coupon on what is left, and points within their share', async () => {
    await fc.assert(
      fc.asyncProperty(
        linesArb,
        fc.integer({ min: 0, max: 10_000 }),
        fc.oneof(
          fc.record({
            kind: fc.constant('amount_off' as const),
            amountOff: fc.integer({ min: 1, max: 1e9 }),
          }),
          fc.record({
            kind: fc.constant('percent_off' as const),
            percentOffBps: fc.integer({ min: 1, max: 10_000 }),
          }),
        ),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 10_000 }),
        async (lines, levelBps, face, wantedPoints, maxShareBps) => {
          const terms = {
            kind: face.kind,
            amountOff: 'amountOff' in face ? face.amountOff : null,
            percentOffBps: 'percentOffBps' in face ? face.percentOffBps : null,
            maxDiscount: null,
            minSpend: 0,
            productIds: null,
          };
          const settings = { ...DEFAULT_SETTINGS, maxShareBps };
          const seen = { couponLines: [] as DiscountableLine[], couponRoom: -1, payable: -1 };
          const price = await priceCheckout(lines, {
            memberDiscount: async (goods) => bpsOf(goods, levelBps),
            coupon: async (after, room) => {
              seen.couponLines = after;
              seen.couponRoom = room;
              const pricing = priceCoupon(terms, after);
              return pricing.ok ? { discount: Math.min(pricing.discount, room) } : null;
            },
            points: async (payable) => {
              seen.payable = payable;
              return checkoutSpend(wantedPoints, payable, settings, 100);
            },
          });
          expectLaw(lines, { price, seen });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('prices a percent-off coupon on the goods after the member discount', async () => {
    const lines = [
      { productId: 'p1', lineTotal: 6_000 },
      { productId: 'p2', lineTotal: 4_000 },
    ];
    const price = await priceCheckout(lines, {
      memberDiscount: async (goods) => bpsOf(goods, 500),
      coupon: async (after) => {
        const pricing = priceCoupon(
          {
            kind: 'percent_off',
            amountOff: null,
            percentOffBps: 1_000,
            maxDiscount: null,
            minSpend: 0,
            productIds: null,
          },
          after,
        );
        return pricing.ok ? { discount: pricing.discount } : null;
      },
      points: async () => null,
    });
    // 10 000 − 5 % = 9 500; 10 % of that is 950, not 10 % of the goods (1 000).
    expect(price).toMatchObject({
      memberDiscount: 500,
      couponDiscount: 950,
      pointsDiscount: 0,
      total: 8_550,
    });
  });

  it('leaves one minor unit when a 100 % level and a coupon as big as the order meet', async () => {
    const lines = [{ productId: 'p1', lineTotal: 500 }];
    const full = await priceWith(lines, { member: 500, coupon: 500, points: 500 });
    expect(full.price).toMatchObject({ memberDiscount: 499, couponDiscount: 0, pointsDiscount: 0, total: 1 });
    const coupon = await priceWith(lines, { member: 0, coupon: 500, points: null });
    expect(coupon.price).toMatchObject({ couponDiscount: 499, total: 1 });
  });

  it('prorates the member discount by largest remainder, the parts summing to it exactly', () => {
    const lines = [
      { productId: 'a', lineTotal: 1 },
      { productId: 'b', lineTotal: 1 },
      { productId: 'c', lineTotal: 1 },
    ];
    const { memberDiscount, lines: after, couponRoom } = applyMemberDiscount(lines, 2);
    expect(memberDiscount).toBe(2);
    expect(after.map((l) => l.lineTotal)).toEqual([0, 0, 1]);
    expect(couponRoom).toBe(0);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTotals } from '../orders/rules.js';
import {
  type ClaimFacts,
  type CouponLine,
  type CouponTerms,
  claimRefusal,
  eligibleSpend,
  heldCouponStatus,
  paidCouponLines,
  priceCoupon,
  templateMachine,
  termsProblem,
  validUntil,
} from './rules.js';

const amountOff = (amount: number, minSpend = 0): CouponTerms => ({
  kind: 'amount_off',
  amountOff: amount,
  percentOffBps: null,
  maxDiscount: null,
  minSpend,
  productIds: null,
});
const percentOff = (bps: number, maxDiscount: number | null = null, minSpend = 0): CouponTerms => ({
  kind: 'percent_off',
  amountOff: null,
  percentOffBps: bps,
  maxDiscount,
  minSpend,
  productIds: null,
});

const arbLine: fc.Arbitrary<CouponLine> = fc.record({
  productId: fc.constantFrom('p1', 'p2', 'p3'),
  lineTotal: fc.integer({ min: 0, max: 10_000_000 }),
});
const arbLines = fc.array(arbLine, { minLength: 1, maxLength: 6 });
const arbTerms: fc.Arbitrary<CouponTerms> = fc
  .record({
    kind: fc.constantFrom('amount_off' as const, 'percent_off' as const),
    amount: fc.integer({ min: 1, max: 50_000_000 }),
    bps: fc.integer({ min: 1, max: 10_000 }),
    maxDiscount: fc.option(fc.integer({ min: 1, max: 5_000_000 })),
    minSpend: fc.integer({ min: 0, max: 20_000_000 }),
    productIds: fc.option(fc.subarray(['p1', 'p2', 'p3'], { minLength: 1 })),
  })
  .map((r) =>
    r.kind === 'amount_off'
      ? { ...amountOff(r.amount, r.minSpend), productIds: r.productIds }
      : { ...percentOff(r.bps, r.maxDiscount, r.minSpend), productIds: r.productIds },
  );
const subtotalOf = (lines: readonly CouponLine[]) => lines.reduce((s, l) => s + l.lineTotal, 0);

describe('priceCoupon', () => {
  it('takes a fixed amount off, never more than the spend', () => {
    const lines = [{ productId: 'p1', lineTotal: 3000 }];
    expect(priceCoupon(amountOff(1000), lines)).toEqual({ ok: true, discount: 1000, eligible: 3000 });
    expect(priceCoupon(amountOff(5000), lines)).toEqual({ ok: true, discount: 3000, eligible: 3000 });
  });

  it('rounds a percentage down to the minor unit, then applies the cap', () => {
    const lines = [{ productId: 'p1', lineTotal: 999 }];
    // 15% of 999 = 149.85 → 149
    expect(priceCoupon(percentOff(1500), lines)).toMatchObject({ ok: true, discount: 149 });
    expect(priceCoupon(percentOff(1500, 100), lines)).toMatchObject({ ok: true, discount: 100 });
  });

  it('refuses below the minimum spend, and counts only the products in scope', () => {
    const lines = [
      { productId: 'p1', lineTotal: 4000 },
      { productId: 'p2', lineTotal: 7000 },
    ];
    expect(priceCoupon(amountOff(500, 10_000), lines)).toMatchObject({ ok: true, discount: 500 });
    const scoped = { ...amountOff(500, 5000), productIds: ['p1'] };
    expect(priceCoupon(scoped, lines)).toEqual({
      ok: false,
      reason: 'below_min_spend',
      minSpend: 5000,
      eligible: 4000,
    });
    expect(priceCoupon({ ...scoped, productIds: ['p9'] }, lines)).toEqual({
      ok: false,
      reason: 'no_eligible_items',
    });
  });

  it('property: the discount is never negative and never exceeds the eligible spend or the subtotal', () => {
    fc.assert(
      fc.property(arbTerms, arbLines, (terms, lines) => {
        const pricing = priceCoupon(terms, lines);
        if (!pricing.ok) return;
        expect(pricing.discount).toBeGreaterThanOrEqual(0);
        expect(pricing.discount).toBeLessThanOrEqual(pricing.eligible);
        expect(pricing.eligible).toBe(eligibleSpend(terms, lines));
        expect(pricing.discount).toBeLessThanOrEqual(subtotalOf(lines));
        expect(Number.isSafeInteger(pricing.discount)).toBe(true);
      }),
    );
  });

  it('property: the order total with the discount is never negative', () => {
    fc.assert(
      fc.property(arbTerms, arbLines, (terms, lines) => {
        const pricing = priceCoupon(terms, lines);
        const discount = pricing.ok ? pricing.discount : 0;
        const totals = computeTotals(
          lines.map((l) => ({ unitPrice: l.lineTotal, quantity: 1 })),
          discount,
        );
        expect(totals.total).toBeGreaterThanOrEqual(0);
        expect(totals.total + totals.discount).toBe(totals.subtotal);
        expect(totals.discount).toBe(discount);
      }),
    );
  });

  it('property: a percent-off is the floor of bps × spend / 10000 (exact, with no cap)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: Math.floor(Number.MAX_SAFE_INTEGER / 10_000) }),
        (bps, spend) => {
          const pricing = priceCoupon(percentOff(bps), [{ productId: 'p1', lineTotal: spend }]);
          const exact = (BigInt(spend) * BigInt(bps)) / 10_000n;
          expect(pricing).toMatchObject({ ok: true, discount: Number(exact) });
          // Rounded down: never more than the exact percentage, less by under one minor unit.
          const scaled = BigInt(pricing.ok ? pricing.discount : 0) * 10_000n;
          expect(
            scaled <= BigInt(spend) * BigInt(bps) && BigInt(spend) * BigInt(bps) - scaled < 10_000n,
          ).toBe(true);
        },
      ),
    );
  });

  it('property: the minimum spend holds — below it nothing applies, at or above it a coupon does', () => {
    fc.assert(
      fc.property(arbTerms, arbLines, (terms, lines) => {
        const eligible = eligibleSpend(terms, lines);
        const pricing = priceCoupon(terms, lines);
        expect(pricing.ok).toBe(eligible > 0 && eligible >= terms.minSpend);
      }),
    );
  });
});

describe('templateMachine', () => {
  it('stops and resumes a template, both ways', () => {
    expect(templateMachine.transitions).toEqual({ active: ['disabled'], disabled: ['active'] });
  });
});

describe('validity', () => {
  const claimedAt = new Date('2026-11-01T10:00:00Z');

  it('runs N days from the claim, or to the end of the window, or forever', () => {
    expect(validUntil({ validDays: 7, endsAt: null }, claimedAt)).toEqual(new Date('2026-11-08T10:00:00Z'));
    const endsAt = new Date('2026-12-01T00:00:00Z');
    expect(validUntil({ validDays: null, endsAt }, claimedAt)).toEqual(endsAt);
    expect(validUntil({ validDays: null, endsAt: null }, claimedAt)).toBeNull();
  });

  it('a coupon is used while an order holds it, expired at its end, available otherwise', () => {
    const until = new Date('2026-11-08T10:00:00Z');
    expect(heldCouponStatus({ orderId: 'o1', validUntil: until }, claimedAt)).toBe('used');
    expect(heldCouponStatus({ orderId: null, validUntil: until }, claimedAt)).toBe('available');
    expect(heldCouponStatus({ orderId: null, validUntil: until }, until)).toBe('expired');
    expect(heldCouponStatus({ orderId: null, validUntil: null }, until)).toBe('available');
  });
});

describe('claimRefusal', () => {
  const now = new Date('2026-11-10T00:00:00Z');
  const open: ClaimFacts = {
    status: 'active',
    claimable: true,
    startsAt: null,
    endsAt: null,
    totalQuantity: 10,
    issued: 3,
    perUserLimit: 1,
    heldByClaimer: 0,
    shareToUnlock: null,
    visitors: 0,
  };

  it('lets a claim through an open template', () => {
    expect(claimRefusal(open, now)).toBeNull();
  });

  it('refuses outside the window, when sold out, over the limit, or while locked', () => {
    expect(claimRefusal({ ...open, status: 'disabled' }, now)).toEqual({ reason: 'unavailable' });
    expect(claimRefusal({ ...open, startsAt: new Date('2026-11-11T00:00:00Z') }, now)?.reason).toBe(
      'not_started',
    );
    expect(claimRefusal({ ...open, endsAt: now }, now)).toEqual({ reason: 'ended', endsAt: now });
    expect(claimRefusal({ ...open, issued: 10 }, now)).toEqual({ reason: 'sold_out', totalQuantity: 10 });
    expect(claimRefusal({ ...open, heldByClaimer: 1 }, now)).toEqual({ reason: 'limit_reached', limit: 1 });
    expect(claimRefusal({ ...open, shareToUnlock: 3, visitors: 2 }, now)).toEqual({
      reason: 'locked',
      required: 3,
      reached: 2,
    });
    expect(claimRefusal({ ...open, shareToUnlock: 3, visitors: 3 }, now)).toBeNull();
  });

  it('property: never lets the issued count pass the quantity or a person pass the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 6 }),
        (totalQuantity, issued, perUserLimit, heldByClaimer) => {
          const allowed =
            claimRefusal({ ...open, totalQuantity, issued, perUserLimit, heldByClaimer }, now) === null;
          expect(allowed).toBe(issued < totalQuantity && heldByClaimer < perUserLimit);
        },
      ),
    );
  });
});

describe('termsProblem', () => {
  const base = { amountOff: null, percentOffBps: null, maxDiscount: null, startsAt: null, endsAt: null };
  it('asks for the amount or the percentage that the kind needs, and a window that ends after it starts', () => {
    expect(termsProblem({ ...base, kind: 'amount_off' })?.path).toBe('/amountOff');
    expect(termsProblem({ ...base, kind: 'percent_off' })?.path).toBe('/percentOffBps');
    expect(termsProblem({ ...base, kind: 'amount_off', amountOff: 100, percentOffBps: 10 })?.path).toBe(
      '/percentOffBps',
    );
    const t = new Date('2026-11-10T00:00:00Z');
    expect(termsProblem({ ...base, kind: 'amount_off', amountOff: 100, startsAt: t, endsAt: t })?.path).toBe(
      '/endsAt',
    );
    expect(termsProblem({ ...base, kind: 'percent_off', percentOffBps: 500, maxDiscount: 100 })).toBeNull();
  });
});

describe('paidCouponLines: a coupon is judged on what the shopper pays', () => {
  const variants = [
    { id: 'v1', product_id: 'p1', price: 4500 },
    { id: 'v2', product_id: 'p2', price: 1200 },
  ];

  it('prices the variant bought at a special price (a group price) at that price, the rest at list', () => {
    expect(
      paidCouponLines(
        [
          { variantId: 'v1', quantity: 2 },
          { variantId: 'v2', quantity: 1 },
          { variantId: 'gone', quantity: 1 },
        ],
        variants,
        { variantId: 'v1', unitPrice: 3900 },
      ),
    ).toEqual([
      { productId: 'p1', lineTotal: 7800 },
      { productId: 'p2', lineTotal: 1200 },
    ]);
  });

  it('property: eligibility and discount follow the paid unit price, never the list price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
        fc.boolean(),
        (listPrice, paidPrice, quantity, minSpend, bps, maxDiscount, special) => {
          const terms: CouponTerms = {
            kind: 'percent_off',
            amountOff: null,
            percentOffBps: bps,
            maxDiscount,
            minSpend,
            productIds: null,
          };
          const lines = paidCouponLines(
            [{ variantId: 'v', quantity }],
            [{ id: 'v', product_id: 'p', price: listPrice }],
            special ? { variantId: 'v', unitPrice: paidPrice } : null,
          );
          const paidTotal = (special ? paidPrice : listPrice) * quantity;
          const pricing = priceCoupon(terms, lines);
          expect(pricing.ok).toBe(paidTotal > 0 && paidTotal >= minSpend);
          if (pricing.ok) {
            const percent = Math.floor((paidTotal * bps) / 10_000);
            expect(pricing.discount).toBe(Math.min(maxDiscount ?? percent, percent, paidTotal));
            expect(pricing.eligible).toBe(paidTotal);
          }
        },
      ),
    );
  });
});

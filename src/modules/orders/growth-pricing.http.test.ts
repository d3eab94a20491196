import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { CouponTemplate, HeldCoupon } from '../coupons/present.js';
import type { CouponChoices } from '../coupons/redeem.js';
import type { Order } from './present.js';

/**
 * Checkout where the growth system meets it: the member (level) discount comes first, the coupon
 * is priced on the goods after it, then points; at least one minor unit is left to pay. The coupon
 * picker prices through the same member-pricing port, so what it shows is what checkout charges.
 */
let t: TestApp;
let adminToken: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;

beforeAll(async () => {
  t = await createTestApp();
  adminToken = (await t.signInAdmin()).token;
  // Everyone starts at level 1: give it 5 % off the goods.
  const level = await t.request('PUT', '/api/admin/levels/1', {
    token: adminToken,
    body: {
      name: 'Member',
      threshold: 0,
      discountBps: 500,
      commissionMultiplierBps: 10_000,
      freeShipping: false,
      monthlyCouponTemplateId: null,
    },
  });
  expect(level.statusCode, level.body).toBe(200);
  // Points may pay the whole order (what is left to pay still keeps its one minor unit).
  const points = await t.request('PUT', '/api/admin/points/settings', {
    token: adminToken,
    body: { earnPerUnit: 1, redeemPerUnit: 100, maxShareBps: 10_000, expiryMonths: null },
  });
  expect(points.statusCode, points.body).toBe(200);
});
afterAll(async () => {
  await expectLedgerSound(t);
  await t.close();
});

async function couponFor(person: Person, body: Record<string, unknown>): Promise<HeldCoupon> {
  const template = await t.request('POST', '/api/admin/coupons', {
    token: adminToken,
    body: { title: 'Coupon', ...body },
  });
  expect(template.statusCode, template.body).toBe(201);
  const res = await t.request('POST', `/api/coupons/${template.json<CouponTemplate>().id}/claim`, {
    token: person.token,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<HeldCoupon>();
}

async function picker(person: Person, variantId: string): Promise<CouponChoices> {
  const res = await t.request('GET', `/api/me/coupons/applicable?items=${variantId}:1`, {
    token: person.token,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CouponChoices>();
}

const givePoints = (person: Person, points: number) =>
  t.db.transaction((tx) =>
    t.services.points.post(tx, {
      userId: person.user.id,
      delta: points,
      reason: 'task',
      ref: `gift:${person.user.id}`,
    }),
  );

const order = (person: Person, body: Record<string, unknown>) =>
  t.request('POST', '/api/orders', { token: person.token, body });

describe('checkout pricing: member discount, then coupon, then points', () => {
  it('prices a percent-off coupon on the goods after the member discount, as the picker shows it', async () => {
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 10_000 });
    const coupon = await couponFor(buyer, { kind: 'percent_off', percentOffBps: 1_000 });
    await givePoints(buyer, 1_000);

    const shown = await picker(buyer, variantId);
    // 10 000 − 5 % = 9 500; the coupon's 10 % is of that: 950.
    expect(shown.memberDiscount).toBe(500);
    expect(shown.items).toMatchObject([{ coupon: { id: coupon.id }, applicable: true, discount: 950 }]);

    const placed = await order(buyer, {
      items: [{ variantId, quantity: 1 }],
      couponId: coupon.id,
      points: 1_000,
    });
    expect(placed.statusCode, placed.body).toBe(201);
    // Points pay ¥10 of the 8 550 left.
    expect(placed.json<Order>()).toMatchObject({
      subtotal: 10_000,
      memberDiscount: 500,
      pointsUsed: 1_000,
      pointsDiscount: 1_000,
      discount: 500 + 950 + 1_000,
      total: 7_550,
    });
    expect(placed.json<Order>().discount - 500 - 1_000).toBe(shown.items[0]?.discount);
  });

  it('judges a minimum spend on the goods after the member discount, in the picker and at checkout', async () => {
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 10_000 });
    const coupon = await couponFor(buyer, { kind: 'amount_off', amountOff: 1_000, minSpend: 10_000 });

    const shown = await picker(buyer, variantId);
    expect(shown.items[0]).toMatchObject({
      applicable: false,
      discount: 0,
      refusal: { reason: 'coupon_min_spend', params: { minSpendAmount: 10_000, subtotal: 9_500 } },
    });
    const placed = await order(buyer, { items: [{ variantId, quantity: 1 }], couponId: coupon.id });
    expect(expectProblem(placed, 422).reason).toBe('coupon_min_spend');
  });

  it('leaves one minor unit to pay when the coupon and points could cover everything', async () => {
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 1_000 });
    const coupon = await couponFor(buyer, { kind: 'amount_off', amountOff: 5_000 });
    await givePoints(buyer, 100_000);

    const shown = await picker(buyer, variantId);
    // 1 000 − 50 = 950 after the level; the coupon may take 949 of it.
    expect(shown).toMatchObject({ memberDiscount: 50, items: [{ applicable: true, discount: 949 }] });

    const placed = await order(buyer, {
      items: [{ variantId, quantity: 1 }],
      couponId: coupon.id,
      points: 100_000,
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json<Order>()).toMatchObject({
      memberDiscount: 50,
      discount: 999,
      pointsUsed: 0,
      pointsDiscount: 0,
      total: 1,
    });
    const paid = await t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
      token: buyer.token,
    });
    expect(paid.statusCode, paid.body).toBe(200);
  });

  it('a group-buy seat has no member discount, in the picker as at checkout', async () => {
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 4_500 });
    const campaign = await t.request('POST', '/api/admin/group-buys', {
      token: adminToken,
      body: { variantId, groupSize: 2, price: 3_900, durationMinutes: 60 },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const campaignId = campaign.json<{ id: string }>().id;
    await couponFor(buyer, { kind: 'percent_off', percentOffBps: 1_000 });
    const res = await t.request(
      'GET',
      `/api/me/coupons/applicable?items=${variantId}:1&campaignId=${campaignId}`,
      {
        token: buyer.token,
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CouponChoices>()).toMatchObject({ memberDiscount: 0, items: [{ discount: 390 }] });
  });

  it('points in the order body that are negative, huge, fractional or not a number are 400, never a 5xx', async () => {
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 1_000 });
    for (const points of [-1, 1e12, 1.5, '10', null, Number.MAX_SAFE_INTEGER + 2]) {
      const res = await order(buyer, { items: [{ variantId, quantity: 1 }], points });
      expect(errorPaths(expectProblem(res, 400)), JSON.stringify(points)).toEqual(['/points']);
    }
  });
});

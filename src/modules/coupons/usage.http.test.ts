import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { AdminCouponTemplate, CouponTemplate, HeldCoupon } from './present.js';

/**
 * What the coupons console shows per template: claimed, used on paid orders, and the discount
 * given. A use whose order is refunded in full is not counted (the buyer has the coupon back and
 * paid nothing for the order); it shows under `refunded`.
 */
let t: TestApp;
let admin: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

async function claimed(person: Person, templateId: string): Promise<HeldCoupon> {
  const res = await t.request('POST', `/api/coupons/${templateId}/claim`, { token: person.token });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<HeldCoupon>();
}

async function orderWith(person: Person, variantId: string, couponId: string): Promise<Order> {
  const res = await t.request('POST', '/api/orders', {
    token: person.token,
    body: { items: [{ variantId, quantity: 1 }], couponId },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Order>();
}

const pay = (person: Person, orderId: string) =>
  t.request('POST', `/api/payments/sandbox/${orderId}/succeed`, { token: person.token });

async function usageOf(templateId: string) {
  const res = await t.request('GET', '/api/admin/coupons?limit=100', { token: admin });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: AdminCouponTemplate[] }>().items.find((x) => x.id === templateId)?.usage;
}

describe('GET /api/admin/coupons: usage per template', () => {
  it('counts claims, uses on paid orders and their discount; an unpaid order and a refunded one do not count', async () => {
    const created = await t.request('POST', '/api/admin/coupons', {
      token: admin,
      body: { title: '12 off', kind: 'amount_off', amountOff: 1200, perUserLimit: 2 },
    });
    const template = created.json<CouponTemplate>();
    const { variantId } = await createProduct(t, { price: 5000, stock: 10 });
    const [a, b, c] = [await t.signUp(), await t.signUp(), await t.signUp()];
    const zero = { claimed: 0, used: 0, discountGiven: 0, refunded: 0 };
    expect(await usageOf(template.id)).toEqual(zero);

    const couponA = await claimed(a, template.id);
    const couponB = await claimed(b, template.id);
    const couponC = await claimed(c, template.id);
    expect(await usageOf(template.id)).toEqual({ ...zero, claimed: 3 });

    // Used on an order not paid yet: not a use.
    const paidA = await orderWith(a, variantId, couponA.id);
    expect(await usageOf(template.id)).toEqual({ ...zero, claimed: 3 });
    expect((await pay(a, paidA.id)).statusCode).toBe(200);
    const paidB = await orderWith(b, variantId, couponB.id);
    expect((await pay(b, paidB.id)).statusCode).toBe(200);
    expect(await usageOf(template.id)).toEqual({ ...zero, claimed: 3, used: 2, discountGiven: 2400 });

    // C's order is never paid and lapses: its coupon goes back, and nothing is counted.
    await orderWith(c, variantId, couponC.id);
    await t.request('POST', '/api/test/clock', {
      body: { advanceMs: (t.config.paymentTimeoutMinutes + 1) * MINUTE },
    });
    await t.jobs.runDue();
    expect(await usageOf(template.id)).toEqual({ ...zero, claimed: 3, used: 2, discountGiven: 2400 });

    // B's order is refunded in full: its use and discount leave the figures, and show as refunded.
    const refunded = await t.request('POST', `/api/admin/orders/${paidB.id}/refund`, { token: admin });
    expect(refunded.json()).toMatchObject({ status: 'refunded' });
    await t.jobs.runDue();
    expect(await usageOf(template.id)).toEqual({
      claimed: 3,
      used: 1,
      discountGiven: 1200,
      refunded: 1,
    });

    // B has the coupon back and uses it again on a paid order: counted once more.
    const again = await orderWith(b, variantId, couponB.id);
    expect((await pay(b, again.id)).statusCode).toBe(200);
    expect(await usageOf(template.id)).toEqual({ claimed: 3, used: 2, discountGiven: 2400, refunded: 1 });
  });

  it('security: only administrators see the figures', async () => {
    const buyer = await t.signUp();
    expectProblem(await t.request('GET', '/api/admin/coupons', { token: buyer.token }), 403);
    // The coupon centre shows no usage figures.
    const offers = await t.request('GET', '/api/coupons', { token: buyer.token });
    for (const offer of offers.json<{ items: Record<string, unknown>[] }>().items)
      expect(offer).not.toHaveProperty('usage');
  });
});

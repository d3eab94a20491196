import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, placeOrder, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from './present.js';

/** Inventory hoarding: one new account reserved the whole demo catalog with 7 unpaid orders. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ MAX_UNPAID_ORDERS: '3' });
});
afterAll(() => t.close());

const UNPAID_LIMIT = 'You already have 3 unpaid orders; pay or cancel one of them before placing another';

describe('MAX_UNPAID_ORDERS', () => {
  it('refuses a fourth unpaid order with 422, reserving nothing, until one is paid or cancelled', async () => {
    const { variantId } = await createProduct(t, { stock: 100 });
    const buyer = await t.signUp();
    const placed: Order[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }]);
      expect(res.statusCode).toBe(201);
      placed.push(res.json<Order>());
    }
    const refused = await placeOrder(t, buyer.token, [{ variantId, quantity: 5 }]);
    expect(expectProblem(refused, 422).detail).toBe(UNPAID_LIMIT);
    expect(await stockOf(t, variantId)).toBe(97);

    // Someone else is not held back by this buyer's orders.
    const other = await t.signUp();
    expect((await placeOrder(t, other.token, [{ variantId, quantity: 1 }])).statusCode).toBe(201);

    const paid = await t.request('POST', `/api/payments/sandbox/${placed[0]!.id}/succeed`, {
      token: buyer.token,
    });
    expect(paid.statusCode).toBe(200);
    expect((await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).statusCode).toBe(201);
    expectProblem(await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }]), 422);

    await t.services.orders.cancelUnpaidOrder(placed[1]!.id, 'changed my mind');
    expect((await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).statusCode).toBe(201);
  });

  it('still replays an order placed before the limit was reached', async () => {
    const { variantId } = await createProduct(t, { stock: 100 });
    const buyer = await t.signUp();
    const key = { 'idempotency-key': 'checkout-limit-replay' };
    const first = await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }], key);
    for (let i = 0; i < 2; i++) await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }]);
    const replay = await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }], key);
    expect(replay.statusCode).toBe(201);
    expect(replay.json<Order>().id).toBe(first.json<Order>().id);
  });

  it(`holds under concurrency: 10 racing checkouts of one new person leave 3 unpaid orders ${RACE}`, async () => {
    const { variantId } = await createProduct(t, { stock: 100 });
    const buyer = await t.signUp();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => placeOrder(t, buyer.token, [{ variantId, quantity: 2 }])),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 422, 422, 422, 422, 422, 422, 422]);
    const unpaid = await t.request('GET', '/api/me/orders?status=pending_payment', { token: buyer.token });
    expect(unpaid.json<{ items: Order[] }>().items).toHaveLength(3);
    expect(await stockOf(t, variantId)).toBe(94);
  });

  it('is off with MAX_UNPAID_ORDERS=0', async () => {
    const unlimited = await createTestApp({ MAX_UNPAID_ORDERS: '0' });
    try {
      const { variantId } = await createProduct(unlimited, { stock: 100 });
      const buyer = await unlimited.signUp();
      for (let i = 0; i < 5; i++) {
        expect((await placeOrder(unlimited, buyer.token, [{ variantId, quantity: 1 }])).statusCode).toBe(201);
      }
    } finally {
      await unlimited.close();
    }
  });
});

describe('CHECKOUT_RATE_LIMIT', () => {
  it('answers 429 problem+json past the limit, per person', async () => {
    const limited = await createTestApp({
      RATE_LIMITS: 'on',
      CHECKOUT_RATE_LIMIT: '2',
      MAX_UNPAID_ORDERS: '0',
    });
    try {
      const { variantId } = await createProduct(limited, { stock: 100 });
      const buyer = await limited.signUp();
      // Both people order from one address (one Wi-Fi): the budget is each person's own.
      const sameAddress = { 'x-forwarded-for': '10.9.9.9' };
      const order = (token: string) => placeOrder(limited, token, [{ variantId, quantity: 1 }], sameAddress);
      expect((await order(buyer.token)).statusCode).toBe(201);
      expect((await order(buyer.token)).statusCode).toBe(201);
      const refused = await order(buyer.token);
      expect(expectProblem(refused, 429).detail).toMatch(/^Too many attempts; try again in \d+ s$/);
      const other = await limited.signUp();
      const first = await order(other.token);
      expect(first.statusCode).toBe(201);
      expect(await stockOf(limited, variantId)).toBe(97);
    } finally {
      await limited.close();
    }
  });

  it('never answers 429 when RATE_LIMITS=off', async () => {
    const unlimited = await createTestApp({ RATE_LIMITS: 'off', CHECKOUT_RATE_LIMIT: '2' });
    try {
      const { variantId } = await createProduct(unlimited, { stock: 100 });
      const buyer = await unlimited.signUp();
      for (let i = 0; i < 4; i++) {
        expect((await placeOrder(unlimited, buyer.token, [{ variantId, quantity: 1 }])).statusCode).toBe(201);
      }
    } finally {
      await unlimited.close();
    }
  });
});

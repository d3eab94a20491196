import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/modules/orders/present.js';
import { expectBooksAgree, heldForOrder } from '../support/books.js';
import { createProduct, expectLedgerSound, stockOf } from '../support/shop.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 9's "done when", across the modules that make it: a shared sale is paid, shipped, partly
 * returned, confirmed automatically, settled and paid out without the operator touching it after
 * shipping (but for the return), and each person hears of each step in the notification centre.
 */
let t: TestApp;
let admin: { token: string };
beforeAll(async () => {
  t = await createTestApp({ DISTRIBUTION_RATES_BPS: '1000,500' });
  admin = await t.signInAdmin();
});
afterAll(() => t.close());

const DAY = 24 * 3_600_000;
const advance = async (ms: number) => {
  const res = await t.request('POST', '/api/test/clock', { body: { advanceMs: ms } });
  expect(res.statusCode, res.body).toBe(200);
};
const inboxTypes = async (token: string) => {
  await t.jobs.runDue();
  const res = await t.request('GET', '/api/me/notifications', { token });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { type: string; link: string }[] }>().items.map((n) => n.type);
};
const commissions = async (token: string) =>
  (await t.request('GET', '/api/me/commissions', { token })).json<{
    items: { orderId: string; amount: number; status: string }[];
  }>().items;

describe('a shared sale run for real money', () => {
  it('pays, ships, returns a unit exactly, confirms itself, settles and pays out', async () => {
    const promoter = await t.signUp({ name: 'Lin Xiaomei' });
    const buyer = await t.signUp({ name: 'Chen Jie' });
    const { product, variantId } = await createProduct(t, { price: 3333, stock: 10 });
    const link = await t.request('POST', '/api/share-links', {
      token: promoter.token,
      body: { productId: product.id },
    });
    expect(link.statusCode, link.body).toBe(201);
    const shareCode = link.json<{ code: string }>().code;

    // Three units of 33.33: a total that does not split evenly over its units.
    const placed = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 3 }], shareCode },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const orderId = placed.json<Order>().id;
    const paid = await t.request('POST', `/api/payments/sandbox/${orderId}/succeed`, { token: buyer.token });
    expect(paid.json<Order>().status).toBe('paid');
    expect(await heldForOrder(t, orderId)).toBe(9999);
    await expectBooksAgree(t);
    expect(await commissions(promoter.token)).toEqual([
      expect.objectContaining({ orderId, amount: 999, status: 'pending' }),
    ]);
    expect(await inboxTypes(buyer.token)).toContain('order.paid');
    expect(await inboxTypes(promoter.token)).toContain('commission.earned');

    const shipped = await t.request('POST', `/api/admin/orders/${orderId}/ship`, {
      token: admin.token,
      body: { carrier: 'SF Express', trackingNumber: 'SF1234567890' },
    });
    expect(shipped.json<Order>()).toMatchObject({ status: 'shipped', shipment: { carrier: 'SF Express' } });
    expect(await inboxTypes(buyer.token)).toContain('order.shipped');

    // One unit of three comes back: its share of 9999 by largest remainder is 3333.
    const itemId = shipped.json<Order>().items[0]?.id;
    const asked = await t.request('POST', `/api/orders/${orderId}/after-sales`, {
      token: buyer.token,
      body: {
        type: 'return',
        reason: 'one box arrived crushed',
        items: [{ orderItemId: itemId, quantity: 1 }],
      },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'requested', amount: 3333 });
    const stockBefore = await stockOf(t, variantId);
    const approved = await t.request(
      'POST',
      `/api/admin/after-sales/${asked.json<{ id: string }>().id}/approve`,
      {
        token: admin.token,
        body: {},
      },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await stockOf(t, variantId)).toBe(stockBefore + 1);
    const afterReturn = (
      await t.request('GET', `/api/orders/${orderId}`, { token: buyer.token })
    ).json<Order>();
    expect(afterReturn).toMatchObject({ status: 'shipped', refundedAmount: 3333 });
    expect(await heldForOrder(t, orderId)).toBe(9999 - 3333);
    await expectBooksAgree(t);
    // floor(999 × (9999 − 3333) / 9999) = 666
    expect(await commissions(promoter.token)).toEqual([
      expect.objectContaining({ orderId, amount: 666, status: 'pending' }),
    ]);
    expect(await inboxTypes(buyer.token)).toContain('after_sale.decided');

    // Nobody confirms receipt: it confirms itself, then the return window passes and it settles.
    await advance(10 * DAY + 60_000);
    expect(
      (await t.request('GET', `/api/orders/${orderId}`, { token: buyer.token })).json<Order>().status,
    ).toBe('completed');
    await advance(7 * DAY + 60_000);
    expect(await commissions(promoter.token)).toEqual([
      expect.objectContaining({ orderId, amount: 666, status: 'settled' }),
    ]);
    expect(await inboxTypes(promoter.token)).toContain('commission.settled');

    const saved = await t.request('PUT', '/api/me/payout-details', {
      token: promoter.token,
      body: { method: 'alipay', holderName: 'Lin Xiaomei', account: '138 0013 8000' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const withdrawal = await t.request('POST', '/api/me/withdrawals', {
      token: promoter.token,
      body: { amount: 666 },
    });
    expect(withdrawal.statusCode, withdrawal.body).toBe(201);
    const decided = await t.request(
      'POST',
      `/api/admin/withdrawals/${withdrawal.json<{ id: string }>().id}/approve`,
      { token: admin.token, body: {} },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await inboxTypes(promoter.token)).toContain('withdrawal.decided');
    expect((await t.request('GET', '/api/me/wallet', { token: promoter.token })).json()).toMatchObject({
      available: 0,
      withdrawn: 666,
    });
    await expectLedgerSound(t);
    // Paying a promoter out moves no buyer's money: the provider still holds the sale less the return.
    expect(await heldForOrder(t, orderId)).toBe(6666);
    await expectBooksAgree(t);
  });
});

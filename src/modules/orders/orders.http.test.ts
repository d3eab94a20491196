import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectBooksAgree } from '../../../test/support/books.js';
import { RACE } from '../../../test/support/races.js';
import {
  createProduct,
  expectLedgerSound,
  placeOrder,
  placePaidOrder,
  stockOf,
} from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from './present.js';

let t: TestApp;
let buyer: { token: string; user: { id: string } };
let stranger: { token: string };
let admin: { token: string };

beforeAll(async () => {
  t = await createTestApp();
  buyer = await t.signUp();
  stranger = await t.signUp();
  admin = await t.signInAdmin();
});
afterEach(async () => {
  await expectLedgerSound(t);
  await expectBooksAgree(t);
});
afterAll(() => t.close());

describe('POST /api/orders', () => {
  it('reserves stock, snapshots the items and returns the payment to make', async () => {
    const { product, variantId } = await createProduct(t, { price: 4900, stock: 10 });
    const res = await placeOrder(t, buyer.token, [{ variantId, quantity: 3 }]);
    expect(res.statusCode).toBe(201);
    const order = res.json<Order>();
    expect(order).toMatchObject({
      status: 'pending_payment',
      subtotal: 14700,
      discount: 0,
      total: 14700,
      currency: 'CNY',
      items: [
        {
          variantId,
          productId: product.id,
          title: product.title,
          unitPrice: 4900,
          quantity: 3,
          lineTotal: 14700,
        },
      ],
      payment: { provider: 'sandbox', status: 'pending', amount: 14700, payUrl: `/pay/${order.id}` },
    });
    expect(order.timeline.map((e) => e.status)).toEqual(['pending_payment']);
    expect(await stockOf(t, variantId)).toBe(7);
  });

  it('keeps the price it was bought at when the catalog price changes', async () => {
    const { product, variantId } = await createProduct(t, { price: 1000 });
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    await t.services.catalog.updateProduct(product.id, {
      variants: [{ id: variantId, sku: product.variants[0]!.sku, price: 9999 }],
    });
    const again = await t.request('GET', `/api/orders/${order.id}`, { token: buyer.token });
    expect(again.json<Order>().items[0]!.unitPrice).toBe(1000);
  });

  it('merges repeated lines of one variant', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const res = await placeOrder(t, buyer.token, [
      { variantId, quantity: 2 },
      { variantId, quantity: 3 },
    ]);
    expect(res.json<Order>().items).toEqual([expect.objectContaining({ quantity: 5 })]);
    expect(await stockOf(t, variantId)).toBe(5);
  });

  it.each([
    ['zero quantity', 0],
    ['quantity over 99', 100],
    ['fractional quantity', 1.5],
    ['quantity as text', '2'],
  ])('refuses %s with 400', async (_name, quantity) => {
    const { variantId } = await createProduct(t);
    const res = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [expect.objectContaining({ path: '/items/0/quantity' })] });
    expect(await stockOf(t, variantId)).toBe(10);
  });

  it('refuses merged quantities over 99, empty carts and unknown fields', async () => {
    const { variantId } = await createProduct(t, { stock: 500 });
    const over = await placeOrder(t, buyer.token, [
      { variantId, quantity: 60 },
      { variantId, quantity: 60 },
    ]);
    expect(over.statusCode).toBe(400);
    expect(
      (await t.request('POST', '/api/orders', { token: buyer.token, body: { items: [] } })).statusCode,
    ).toBe(400);
    const extra = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 1 }], price: 1 },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('answers 404 for an unknown variant or an archived product, and takes no stock', async () => {
    const { product, variantId } = await createProduct(t);
    const unknown = await placeOrder(t, buyer.token, [
      { variantId, quantity: 1 },
      { variantId: 'no-such-variant', quantity: 1 },
    ]);
    expect(unknown.statusCode).toBe(404);
    expect(await stockOf(t, variantId)).toBe(10);
    await t.services.catalog.archiveProduct(product.id);
    expect((await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).statusCode).toBe(404);
  });

  it('answers 409 when stock is short, and takes nothing from any line', async () => {
    const a = await createProduct(t, { stock: 5 });
    const b = await createProduct(t, { stock: 1 });
    const res = await placeOrder(t, buyer.token, [
      { variantId: a.variantId, quantity: 2 },
      { variantId: b.variantId, quantity: 2 },
    ]);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await stockOf(t, a.variantId)).toBe(5);
    expect(await stockOf(t, b.variantId)).toBe(1);
  });

  it('needs a signed-in buyer', async () => {
    const res = await t.request('POST', '/api/orders', { body: { items: [] } });
    expect(res.statusCode).toBe(401);
  });
});

describe('Idempotency-Key', () => {
  it('returns the original response for the same key and body, with one effect', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const headers = { 'idempotency-key': 'checkout-1' };
    const first = await placeOrder(t, buyer.token, [{ variantId, quantity: 2 }], headers);
    const second = await placeOrder(t, buyer.token, [{ variantId, quantity: 2 }], headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(await stockOf(t, variantId)).toBe(8);
  });

  it('answers 409 when the key is reused with another body', async () => {
    const { variantId } = await createProduct(t);
    const headers = { 'idempotency-key': 'checkout-2' };
    await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }], headers);
    const other = await placeOrder(t, buyer.token, [{ variantId, quantity: 2 }], headers);
    expect(other.statusCode).toBe(409);
    expect(await stockOf(t, variantId)).toBe(9);
  });

  it('keeps keys per user', async () => {
    const { variantId } = await createProduct(t);
    const headers = { 'idempotency-key': 'same-key' };
    const mine = await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }], headers);
    const theirs = await placeOrder(t, stranger.token, [{ variantId, quantity: 1 }], headers);
    expect(theirs.json<Order>().id).not.toBe(mine.json<Order>().id);
  });

  it(`applies once when the same request races itself ${RACE}`, async () => {
    const { variantId } = await createProduct(t, { stock: 50 });
    const headers = { 'idempotency-key': 'double-click' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => placeOrder(t, buyer.token, [{ variantId, quantity: 1 }], headers)),
    );
    const created = results.filter((r) => r.statusCode === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((r) => r.json<Order>().id)).size).toBe(1);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    expect(await stockOf(t, variantId)).toBe(49);
  });

  it('refuses a key longer than 255 characters', async () => {
    const { variantId } = await createProduct(t);
    const res = await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }], {
      'idempotency-key': 'k'.repeat(256),
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('sandbox payment', () => {
  it('pays an order once; paying twice is 409', async () => {
    const { variantId } = await createProduct(t);
    const cashBefore = await t.services.ledger.balance(t.db, 'provider:sandbox');
    const order = await placePaidOrder(t, buyer.token, variantId, 2);
    expect(order).toMatchObject({ status: 'paid', payment: { status: 'succeeded' } });
    expect(order.timeline.map((e) => e.status)).toEqual(['pending_payment', 'paid']);
    const again = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, {
      token: buyer.token,
    });
    expect(again.statusCode).toBe(409);
    expect(await t.services.ledger.balance(t.db, 'provider:sandbox')).toBe(cashBefore + order.total);
  });

  it(`pays exactly once when two payments race ${RACE}`, async () => {
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const postings = await t.services.ledger.postingsFor(t.db, 'order.paid', order.id);
    expect(postings).toHaveLength(2);
  });

  it('keeps a failed payment payable', async () => {
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    const failed = await t.request('POST', `/api/payments/sandbox/${order.id}/fail`, { token: buyer.token });
    expect(failed.json<Order>()).toMatchObject({ status: 'pending_payment', payment: { status: 'failed' } });
    const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
    expect(paid.json<Order>().status).toBe('paid');
  });

  it("answers 404 for someone else's order", async () => {
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    const res = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, {
      token: stranger.token,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('reading orders', () => {
  it('shows an order to its buyer and admins, and 404 to anyone else', async () => {
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    expect((await t.request('GET', `/api/orders/${order.id}`, { token: buyer.token })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/orders/${order.id}`, { token: admin.token })).statusCode).toBe(200);
    expect((await t.request('GET', `/api/orders/${order.id}`, { token: stranger.token })).statusCode).toBe(
      404,
    );
    expect((await t.request('GET', `/api/orders/${order.id}`)).statusCode).toBe(401);
  });

  it('lists my orders only, newest first, page by page, filtered by status', async () => {
    const me = await t.signUp();
    const { variantId } = await createProduct(t, { stock: 20 });
    const placed: string[] = [];
    for (let i = 0; i < 5; i++)
      placed.push((await placeOrder(t, me.token, [{ variantId, quantity: 1 }])).json<Order>().id);
    await t.request('POST', `/api/payments/sandbox/${placed[0]}/succeed`, { token: me.token });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/me/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request('GET', url, { token: me.token })).json<{
        items: Order[];
        nextCursor: string | null;
      }>();
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...placed].reverse());
    const paid = (await t.request('GET', '/api/me/orders?status=paid', { token: me.token })).json<{
      items: Order[];
    }>();
    expect(paid.items.map((o) => o.id)).toEqual([placed[0]]);
    const theirs = (await t.request('GET', '/api/me/orders', { token: stranger.token })).json<{
      items: Order[];
    }>();
    expect(theirs.items.some((o) => placed.includes(o.id))).toBe(false);
  });
});

describe('unpaid orders', () => {
  it('are cancelled after the payment timeout and give their stock back', async () => {
    const { variantId } = await createProduct(t, { stock: 4 });
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 3 }])).json<Order>();
    expect(await stockOf(t, variantId)).toBe(1);
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 29 * 60_000 } });
    expect(
      (await t.request('GET', `/api/orders/${order.id}`, { token: buyer.token })).json<Order>().status,
    ).toBe('pending_payment');
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 2 * 60_000 } });
    const after = (await t.request('GET', `/api/orders/${order.id}`, { token: buyer.token })).json<Order>();
    expect(after.status).toBe('cancelled');
    expect(await stockOf(t, variantId)).toBe(4);
    const pay = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
    expect(pay.statusCode).toBe(409);
  });
});

describe('admin orders', () => {
  it('completes a paid order; completing an unpaid one is 409; buyers get 403', async () => {
    const { variantId } = await createProduct(t);
    const paid = await placePaidOrder(t, buyer.token, variantId);
    expect(
      (await t.request('POST', `/api/admin/orders/${paid.id}/complete`, { token: buyer.token })).statusCode,
    ).toBe(403);
    const done = await t.request('POST', `/api/admin/orders/${paid.id}/complete`, { token: admin.token });
    expect(done.json<Order>().status).toBe('completed');
    const unpaid = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    expect(
      (await t.request('POST', `/api/admin/orders/${unpaid.id}/complete`, { token: admin.token })).statusCode,
    ).toBe(409);
  });

  it('refunds a paid or completed order: stock returns, the ledger reverses, a second refund is 409', async () => {
    const { variantId } = await createProduct(t, { stock: 10, price: 2500 });
    const before = await t.services.ledger.balance(t.db, 'provider:sandbox');
    const refundsBefore = await t.services.ledger.balance(t.db, 'platform:refunds');
    const order = await placePaidOrder(t, buyer.token, variantId, 4);
    await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
    const refunded = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(refunded.json<Order>()).toMatchObject({ status: 'refunded', payment: { status: 'refunded' } });
    expect(await stockOf(t, variantId)).toBe(10);
    expect(await t.services.ledger.balance(t.db, 'provider:sandbox')).toBe(before);
    expect(await t.services.ledger.balance(t.db, 'platform:refunds')).toBe(refundsBefore + 10_000);
    expect(
      (await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token })).statusCode,
    ).toBe(409);
  });

  it(`refunds exactly once when two refunds race ${RACE}`, async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const order = await placePaidOrder(t, buyer.token, variantId, 2);
    const results = await Promise.all(
      [1, 2].map(() => t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await stockOf(t, variantId)).toBe(10);
  });

  it('refuses to refund an unpaid order', async () => {
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    expect(
      (await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token })).statusCode,
    ).toBe(409);
  });

  it('lists and filters every buyer’s orders for admins only', async () => {
    const shopper = await t.signUp({ name: 'Findable Shopper' });
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, shopper.token, [{ variantId, quantity: 1 }])).json<Order>();
    const found = await t.request('GET', '/api/admin/orders?q=findable', { token: admin.token });
    expect(found.json<{ items: { id: string; buyer: { name: string } }[] }>().items).toEqual([
      expect.objectContaining({ id: order.id, buyer: expect.objectContaining({ name: 'Findable Shopper' }) }),
    ]);
    expect((await t.request('GET', '/api/admin/orders', { token: buyer.token })).statusCode).toBe(403);
    const one = await t.request('GET', `/api/admin/orders/${order.id}`, { token: admin.token });
    expect(one.json()).toMatchObject({ id: order.id, buyer: { id: shopper.user.id } });
  });
});

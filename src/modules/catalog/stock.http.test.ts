import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { createProduct, placeOrder, placePaidOrder, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Page } from '../../platform/http/pagination.js';
import type { Order } from '../orders/present.js';
import type { Product, StockMovement } from './service.js';

let t: TestApp;
let admin: { token: string; user: { id: string } };
let buyer: { token: string; user: { id: string } };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  buyer = await t.signUp();
});
afterAll(() => t.close());

const adjust = (variantId: string, body: unknown, token = admin.token) =>
  t.request('POST', `/api/admin/variants/${variantId}/stock`, { token, body });

async function movements(variantId: string, query = '') {
  const res = await t.request('GET', `/api/admin/variants/${variantId}/stock-movements${query}`, {
    token: admin.token,
  });
  expect(res.statusCode).toBe(200);
  return res.json<Page<StockMovement>>();
}

/** The console's edit: the product as read, with the title changed and every variant sent back. */
const titleEdit = (product: Product, title: string) => ({
  title,
  variants: product.variants.map(({ id, sku, title: name, price }) => ({ id, sku, title: name, price })),
});

describe('editing a product (regression: a title edit put sold units back on sale)', () => {
  it('keeps the stock that sales left, whatever the edit', async () => {
    const { product, variantId } = await createProduct(t, { stock: 10 });
    await placePaidOrder(t, buyer.token, variantId, 4);
    await placeOrder(t, buyer.token, [{ variantId, quantity: 2 }]);
    expect(await stockOf(t, variantId)).toBe(4);

    const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin.token,
      body: titleEdit(product, 'Oolong tea, spring harvest'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Product>().variants[0]?.stock).toBe(4);
    expect(await stockOf(t, variantId)).toBe(4);
  });

  it('refuses stock on an existing variant with 400, and changes nothing', async () => {
    const { product, variantId } = await createProduct(t, { stock: 10 });
    await placeOrder(t, buyer.token, [{ variantId, quantity: 3 }]);
    const body = titleEdit(product, 'Renamed');
    const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin.token,
      body: { ...body, variants: [{ ...body.variants[0], stock: 10 }] },
    });
    expect(errorPaths(expectProblem(res, 400))).toEqual(['/variants/0/stock']);
    expect(await stockOf(t, variantId)).toBe(7);
    const unchanged = await t.request('GET', `/api/admin/products/${product.id}`, { token: admin.token });
    expect(unchanged.json<Product>().title).toBe(product.title);
  });

  it('gives a variant added in an edit the stock sent for it, logged as its initial stock', async () => {
    const { product } = await createProduct(t, { stock: 10 });
    const res = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin.token,
      body: {
        variants: [
          ...titleEdit(product, product.title).variants,
          { sku: `NEW-${randomUUID().slice(0, 8)}`, price: 100, stock: 6 },
          { sku: `NONE-${randomUUID().slice(0, 8)}`, price: 100 },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const [, added, empty] = res.json<Product>().variants;
    expect([added?.stock, empty?.stock]).toEqual([6, 0]);
    expect((await movements(added!.id)).items).toEqual([
      expect.objectContaining({ kind: 'initial', delta: 6, stock: 6, actorId: admin.user.id }),
    ]);
  });
});

describe('POST /api/admin/variants/:id/stock', () => {
  it('adds and removes a delta, recording who and why', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const added = await adjust(variantId, { delta: 5, reason: 'delivery from the farm' });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toEqual({
      id: expect.any(String),
      variantId,
      delta: 5,
      stock: 15,
      kind: 'adjustment',
      actorId: admin.user.id,
      reason: 'delivery from the farm',
      orderId: null,
      createdAt: expect.any(String),
    });
    const removed = await adjust(variantId, { delta: -15, reason: 'water damage' });
    expect(removed.json()).toMatchObject({ delta: -15, stock: 0 });
    expect(await stockOf(t, variantId)).toBe(0);
  });

  it('sets the stock when it is still what the operator read (compare-and-set)', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const res = await adjust(variantId, { expected: 10, stock: 25, reason: 'stocktake' });
    expect(res.json()).toMatchObject({ delta: 15, stock: 25, kind: 'adjustment', reason: 'stocktake' });
  });

  it('answers 409 when the stock moved since the operator read it, and changes nothing', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    await placeOrder(t, buyer.token, [{ variantId, quantity: 2 }]);
    const res = await adjust(variantId, { expected: 10, stock: 30, reason: 'stocktake' });
    const problem = expectProblem(res, 409);
    expect(problem.detail).toBe('The stock changed since you read it: it is 8 now, not 10');
    expect(problem).toMatchObject({
      reason: 'stock_changed',
      params: { variantId, available: 8, expected: 10 },
    });
    expect(await stockOf(t, variantId)).toBe(8);
  });

  it('refuses to go below zero with 422, and changes nothing', async () => {
    const { variantId } = await createProduct(t, { stock: 3 });
    const res = await adjust(variantId, { delta: -4, reason: 'broken' });
    const problem = expectProblem(res, 422);
    expect(problem.detail).toBe('Stock cannot go below zero: 3 in stock, so at most 3 can be removed');
    expect(problem).toMatchObject({ reason: 'insufficient_stock', params: { variantId, available: 3 } });
    expect(await stockOf(t, variantId)).toBe(3);
    expect((await movements(variantId)).items.map((m) => m.kind)).toEqual(['initial']);
  });

  it('refuses a stock above 10,000,000 with 422', async () => {
    const { variantId } = await createProduct(t, { stock: 9_999_999 });
    expect(expectProblem(await adjust(variantId, { delta: 2, reason: 'typo' }), 422)).toMatchObject({
      reason: 'stock_above_maximum',
      params: { variantId, available: 9_999_999, max: 10_000_000 },
    });
  });

  it('a checkout asking for more than there is gets 409 out_of_stock with what is available', async () => {
    const { variantId } = await createProduct(t, { stock: 2 });
    const res = await placeOrder(t, buyer.token, [{ variantId, quantity: 3 }]);
    expect(expectProblem(res, 409)).toMatchObject({
      reason: 'out_of_stock',
      params: { variantId, available: 2 },
    });
    expect(await stockOf(t, variantId)).toBe(2);
  });

  it.each([
    ['no change at all', { reason: 'x' }, '/delta'],
    ['a zero delta', { delta: 0, reason: 'x' }, '/delta'],
    ['delta with expected', { delta: 1, expected: 3, reason: 'x' }, '/expected'],
    ['stock without expected', { stock: 3, reason: 'x' }, '/expected'],
    ['expected without stock', { expected: 3, reason: 'x' }, '/stock'],
    ['stock equal to expected', { expected: 3, stock: 3, reason: 'x' }, '/stock'],
    ['a negative stock', { expected: 3, stock: -1, reason: 'x' }, '/stock'],
    ['a fractional delta', { delta: 1.5, reason: 'x' }, '/delta'],
    ['no reason', { delta: 1 }, '/reason'],
    ['a blank reason', { delta: 1, reason: '   ' }, '/reason'],
    ['an unknown key', { delta: 1, reason: 'x', kind: 'sold' }, '/kind'],
  ])('answers 400 to %s', async (_name, body, path) => {
    const { variantId } = await createProduct(t, { stock: 3 });
    expect(errorPaths(expectProblem(await adjust(variantId, body), 400))).toContain(path);
    expect(await stockOf(t, variantId)).toBe(3);
  });

  it('answers 404 for an unknown variant', async () => {
    expectProblem(await adjust(randomUUID(), { delta: 1, reason: 'x' }), 404);
    expectProblem(await adjust(randomUUID(), { expected: 1, stock: 2, reason: 'x' }), 404);
  });

  it('answers 401 without a token and 403 to another role, before looking at the body', async () => {
    const { variantId } = await createProduct(t, { stock: 3 });
    expectProblem(await t.request('POST', `/api/admin/variants/${variantId}/stock`, { body: {} }), 401);
    expectProblem(await adjust(variantId, { delta: 100, reason: 'mine now' }, buyer.token), 403);
    expectProblem(await adjust(variantId, { nonsense: true }, buyer.token), 403);
    expect(await stockOf(t, variantId)).toBe(3);
  });
});

describe('GET /api/admin/variants/:id/stock-movements', () => {
  it('lists every change newest first: initial, sold, released, returned and adjustments', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const unpaid = (await placeOrder(t, buyer.token, [{ variantId, quantity: 2 }])).json<Order>();
    await t.services.orders.cancelUnpaidOrder(unpaid.id, 'changed my mind');
    const paid = await placePaidOrder(t, buyer.token, variantId, 3);
    await t.request('POST', `/api/admin/orders/${paid.id}/refund`, { token: admin.token });
    await adjust(variantId, { delta: -1, reason: 'sample for the shop window' });

    const page = await movements(variantId);
    expect(page.items.map((m) => [m.kind, m.delta, m.stock, m.orderId])).toEqual([
      ['adjustment', -1, 9, null],
      ['returned', 3, 10, paid.id],
      ['sold', -3, 7, paid.id],
      ['released', 2, 10, unpaid.id],
      ['sold', -2, 8, unpaid.id],
      ['initial', 10, 10, null],
    ]);
    expect(page.items[3]).toMatchObject({ actorId: null, reason: 'changed my mind' });
    expect(page.items.reduce((sum, m) => sum + m.delta, 0)).toBe(await stockOf(t, variantId));
  });

  it('pages with limit and cursor without gaps or repeats', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    for (let i = 1; i <= 4; i++) await adjust(variantId, { delta: i, reason: `delivery ${i}` });
    const first = await movements(variantId, '?limit=2');
    expect(first.items.map((m) => m.delta)).toEqual([4, 3]);
    const second = await movements(variantId, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((m) => m.delta)).toEqual([2, 1]);
    const third = await movements(variantId, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((m) => m.kind)).toEqual(['initial']);
    expect(third.nextCursor).toBeNull();
  });

  it('answers 400 to a forged cursor, 404 for an unknown variant, 401 and 403 to others', async () => {
    const { variantId } = await createProduct(t, { stock: 1 });
    const url = `/api/admin/variants/${variantId}/stock-movements`;
    expectProblem(await t.request('GET', `${url}?cursor=${btoa('["x"]')}`, { token: admin.token }), 400);
    expectProblem(
      await t.request('GET', `/api/admin/variants/${randomUUID()}/stock-movements`, { token: admin.token }),
      404,
    );
    expectProblem(await t.request('GET', url), 401);
    expectProblem(await t.request('GET', url, { token: buyer.token }), 403);
  });
});

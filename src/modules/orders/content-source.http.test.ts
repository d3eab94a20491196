import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectBooksAgree } from '../../../test/support/books.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from './present.js';

/**
 * Orders placed through content: `postId` / `liveRoomId` are checked against the content sources
 * the posts and live modules register (here: Maps standing in for them), remembered as `source`,
 * and counted by `salesOfSource`.
 */
let t: TestApp;
let buyer: { token: string; user: { id: string } };
let stranger: { token: string };
const posts = new Map<string, string>();
const rooms = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  buyer = await t.signUp();
  stranger = await t.signUp();
  const author = await t.signUp();
  posts.set('post-1', author.user.id);
  rooms.set('room-1', author.user.id);
  t.services.contentSources.register('post', async (_conn, id) => posts.get(id));
});
afterEach(async () => {
  await expectLedgerSound(t);
  await expectBooksAgree(t);
});
afterAll(() => t.close());

const order = (body: Record<string, unknown>, token = buyer.token) =>
  t.request('POST', '/api/orders', { token, body });

const pay = async (id: string) => {
  const res = await t.request('POST', `/api/payments/sandbox/${id}/succeed`, { token: buyer.token });
  expect(res.statusCode).toBe(200);
  return res.json<Order>();
};

describe('POST /api/orders with a content source', () => {
  it('remembers the post in every order response', async () => {
    const { variantId } = await createProduct(t);
    const placed = await order({ items: [{ variantId, quantity: 1 }], postId: 'post-1' });
    expect(placed.statusCode).toBe(201);
    const created = placed.json<Order>();
    expect(created.source).toEqual({ type: 'post', id: 'post-1' });
    const read = await t.request('GET', `/api/orders/${created.id}`, { token: buyer.token });
    expect(read.json<Order>().source).toEqual({ type: 'post', id: 'post-1' });
    const mine = await t.request('GET', '/api/me/orders', { token: buyer.token });
    expect(mine.json<{ items: Order[] }>().items.find((o) => o.id === created.id)?.source).toEqual({
      type: 'post',
      id: 'post-1',
    });
    // Another person still cannot read the order.
    const other = await t.request('GET', `/api/orders/${created.id}`, { token: stranger.token });
    expect(other.statusCode).toBe(404);
    const facts = await t.services.orders.attributionFacts(t.db, created.id);
    expect(facts?.source).toEqual({ type: 'post', id: 'post-1' });
  });

  it('has source null without one', async () => {
    const { variantId } = await createProduct(t);
    const placed = await order({ items: [{ variantId, quantity: 1 }] });
    expect(placed.json<Order>().source).toBeNull();
    expect((await t.services.orders.attributionFacts(t.db, placed.json<Order>().id))?.source).toBeNull();
  });

  it('refuses an unknown post with order_source_unknown, and reserves nothing', async () => {
    const { variantId } = await createProduct(t, { stock: 3 });
    const res = await order({ items: [{ variantId, quantity: 1 }], postId: 'no-such-post' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      reason: 'order_source_unknown',
      params: { type: 'post', id: 'no-such-post' },
    });
    const [row] = await t.db.query<{ stock: number }>('SELECT stock FROM variants WHERE id = $1', [
      variantId,
    ]);
    expect(row?.stock).toBe(3);
  });

  it('refuses a live room while no module registered live rooms', async () => {
    const { variantId } = await createProduct(t);
    const res = await order({ items: [{ variantId, quantity: 1 }], liveRoomId: 'room-1' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      reason: 'order_source_unknown',
      params: { type: 'live', id: 'room-1' },
    });
  });

  it('refuses a post and a live room together', async () => {
    const { variantId } = await createProduct(t);
    const res = await order({ items: [{ variantId, quantity: 1 }], postId: 'post-1', liveRoomId: 'room-1' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ reason: 'invalid_input', errors: [{ path: '/liveRoomId' }] });
  });
});

describe('salesOfSource', () => {
  it('counts paid orders and their goods (no shipping), less refunds; unpaid and refunded ones not', async () => {
    posts.set('post-sales', (await t.signUp()).user.id);
    const source = { type: 'post' as const, id: 'post-sales' };
    expect(await t.services.orders.salesOfSource(t.db, source)).toEqual({ orders: 0, gmv: 0 });
    const { variantId } = await createProduct(t, { price: 1000, stock: 20 });
    const place = async (quantity: number) =>
      (await order({ items: [{ variantId, quantity }], postId: 'post-sales' })).json<Order>();

    const paid = await pay((await place(2)).id);
    await place(1); // never paid
    const refunded = await pay((await place(3)).id);
    const partly = await pay((await place(4)).id);
    const other = await order({ items: [{ variantId, quantity: 5 }], postId: 'post-1' });
    await pay(other.json<Order>().id);
    expect(await t.services.orders.salesOfSource(t.db, source)).toEqual({ orders: 3, gmv: 9000 });

    await t.services.orders.refundOrder(refunded.id, 'test');
    await t.services.orders.refundOrder(partly.id, 'test', {
      amount: 1000,
      items: [{ orderItemId: partly.items[0]!.id, quantity: 1 }],
    });
    expect(await t.services.orders.salesOfSource(t.db, source)).toEqual({ orders: 2, gmv: 2000 + 3000 });
    expect(paid.source).toEqual(source);
  });
});

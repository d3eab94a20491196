import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, placeOrder, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';

/** What the recommender learns from: refunds take purchases back; the graph comes from other modules. */
let t: TestApp;
let admin: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
type Item = { product: { id: string }; reason: { type: string; text: string } };

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterAll(() => t.close());

const listOf = async (person: Person | null, query = '?limit=50') => {
  const res = await t.request('GET', `/api/recommendations${query}`, { token: person?.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Item[] }>().items;
};
const badgesOf = async (person: Person) =>
  (await t.request('GET', '/api/recommendations/friends-bought', { token: person.token })).json<{
    items: { productId: string; friends: number }[];
  }>().items;
const follow = async (who: Person, whom: Person) =>
  expect(
    (await t.request('POST', `/api/users/${whom.user.id}/followers`, { token: who.token })).statusCode,
  ).toBe(200);
const retrain = async () => {
  await t.jobs.runDue();
  expect(await t.services.recommendations.trainNow()).not.toBeNull();
};
const refund = async (order: Order) => {
  const res = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin });
  expect(res.json(), res.body).toMatchObject({ status: 'refunded' });
  await t.jobs.runDue();
};

describe('a refunded order', () => {
  it('stops being a purchase at once: not "friends bought", not "just bought", and not popular at the next training', async () => {
    const [me, friend, other] = await Promise.all([
      t.signUp(),
      t.signUp({ name: 'Refund Friend' }),
      t.signUp(),
    ]);
    await follow(me, friend);
    const kettle = await createProduct(t, { title: 'Returned kettle', stock: 20 });
    await retrain();
    const friendsOrder = await placePaidOrder(t, friend.token, kettle.variantId);
    const myOrder = await placePaidOrder(t, me.token, kettle.variantId);
    const othersOrder = await placePaidOrder(t, other.token, kettle.variantId);
    await t.jobs.runDue();
    expect(await badgesOf(me)).toEqual([
      expect.objectContaining({ productId: kettle.product.id, friends: 1 }),
    ]);
    // Bought by me lately: not in my list; a friend's purchase of it does not bring it back.
    expect((await listOf(me)).map((i) => i.product.id)).not.toContain(kettle.product.id);
    await retrain();
    expect((await listOf(null, '?limit=1'))[0]?.product.id).toBe(kettle.product.id);

    await refund(friendsOrder);
    expect(await badgesOf(me)).toEqual([]);
    await refund(myOrder);
    // Not bought any more (a failed group buy refunds too): it may be shown to me again, but not as a friend's.
    const mine = await listOf(me);
    expect(mine.find((i) => i.product.id === kettle.product.id)?.reason.type).not.toBe('friends_bought');
    expect(mine.map((i) => i.product.id)).toContain(kettle.product.id);

    // The next training counts only the one purchase kept: a product two people kept outranks it.
    const mug = await createProduct(t, { title: 'Kept mug', stock: 20 });
    for (const buyer of await Promise.all([1, 2].map(() => t.signUp())))
      await placePaidOrder(t, buyer.token, mug.variantId);
    await retrain();
    const popular = (await listOf(null, '?limit=2')).map((i) => i.product.id);
    expect(popular).toEqual([mug.product.id, kettle.product.id]);
    await refund(othersOrder);
    await retrain();
    expect((await listOf(null)).map((i) => i.product.id)).not.toContain(kettle.product.id);
  });

  it('a line refunded in full leaves the order’s other products bought', async () => {
    const [me, friend] = await Promise.all([t.signUp(), t.signUp({ name: 'Partial Friend' })]);
    await follow(me, friend);
    const cup = await createProduct(t, { title: 'Partial cup', stock: 20 });
    const pot = await createProduct(t, { title: 'Partial pot', stock: 20 });
    await retrain();
    const placed = await placeOrder(t, friend.token, [
      { variantId: cup.variantId, quantity: 1 },
      { variantId: pot.variantId, quantity: 2 },
    ]);
    const order = placed.json<Order>();
    await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: friend.token });
    await t.jobs.runDue();
    expect((await badgesOf(me)).map((b) => b.productId).sort()).toEqual(
      [cup.product.id, pot.product.id].sort(),
    );
    const cupLine = order.items.find((i) => i.productId === cup.product.id);
    const asked = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
      token: friend.token,
      body: { type: 'refund', reason: 'changed my mind', items: [{ orderItemId: cupLine?.id, quantity: 1 }] },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const approved = await t.request(
      'POST',
      `/api/admin/after-sales/${asked.json<{ id: string }>().id}/approve`,
      {
        token: admin,
        body: {},
      },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    await t.jobs.runDue();
    expect((await badgesOf(me)).map((b) => b.productId)).toEqual([pot.product.id]);
  });

  it('a payment’s purchase recorded after its order was refunded records nothing', async () => {
    const buyer = await t.signUp();
    const jar = await createProduct(t, { title: 'Late jar', stock: 20 });
    const order = await placePaidOrder(t, buyer.token, jar.variantId);
    // The refund is approved before the deferred purchase job ran; then the job runs (both orders of events).
    await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin });
    await t.jobs.runDue();
    await t.db.transaction((tx) =>
      t.services.recommendations.reactions.onPaid(tx, { orderId: order.id, userId: buyer.user.id }),
    );
    expect(await t.db.query('SELECT 1 FROM rec_events WHERE order_id = $1', [order.id])).toEqual([]);
  });
});

describe('the social graph from the modules that record it', () => {
  it('counts whom someone invited as a friend (accounts), as well as follows (posts)', async () => {
    const inviter = await t.signUp({ name: 'Inviter Qian' });
    const invitee = await t.signUp({ inviteCode: inviter.user.inviteCode });
    const teapot = await createProduct(t, { title: 'Invited teapot', stock: 20 });
    await retrain();
    await placePaidOrder(t, inviter.token, teapot.variantId);
    await t.jobs.runDue();
    expect((await listOf(invitee))[0]).toMatchObject({
      product: { id: teapot.product.id },
      reason: { type: 'friends_bought', text: 'Inviter Qian bought this' },
    });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectBooksAgree } from '../../../test/support/books.js';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Commission } from '../distribution/reads.js';
import type { Wallet } from '../distribution/wallet.js';
import type { Order } from '../orders/index.js';
import type { Community } from './schemas.js';

/**
 * Leader commission: the leader of the community an order is collected in earns the operator's
 * `leaderRateBps` of it (a product's own rate replacing it), through the same commissions, ledger
 * postings, settlement and reversal as distribution commission. Default rates: level 1 10%, level 2 5%.
 */
let t: TestApp;
let admin: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterEach(async () => {
  await expectLedgerSound(t);
  await expectBooksAgree(t);
});
afterAll(() => t.close());

async function setLeaderRate(leaderRateBps: number) {
  const res = await t.request('PUT', '/api/admin/distribution/settings', {
    token: admin,
    body: { leaderRateBps },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ leaderRateBps });
}

/** A leader (invited by `inviter`, if given) with a community, and a neighbour who joined it. */
async function community(inviter?: Person) {
  const leader = await t.signUp({ name: 'Leader Li', inviteCode: inviter?.user.inviteCode });
  expect((await t.request('POST', '/api/leaders', { token: leader.token })).statusCode).toBe(201);
  const opened = await t.request('POST', '/api/communities', {
    token: leader.token,
    body: { name: 'Sunny Garden', pickupPoint: { name: 'Gate 2 kiosk', address: '88 Wensan Road' } },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const neighbour = await t.signUp({ name: 'Neighbour Wang' });
  await joinCommunity(neighbour, opened.json<Community>().id);
  return { leader, community: opened.json<Community>(), neighbour };
}

async function joinCommunity(person: Person, communityId: string) {
  const joined = await t.request('POST', `/api/communities/${communityId}/members`, { token: person.token });
  expect(joined.statusCode, joined.body).toBe(200);
}

async function buy(
  buyer: Person,
  items: { variantId: string; quantity: number }[],
  options: { communityId?: string; shareCode?: string } = {},
): Promise<Order> {
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: {
      items,
      ...(options.communityId ? { pickup: { communityId: options.communityId } } : {}),
      ...(options.shareCode ? { shareCode: options.shareCode } : {}),
    },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const paid = await t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
    token: buyer.token,
  });
  expect(paid.statusCode, paid.body).toBe(200);
  return paid.json<Order>();
}

const onOrder = async (person: Person, orderId: string) =>
  (await t.request('GET', '/api/me/commissions', { token: person.token }))
    .json<{ items: Commission[] }>()
    .items.filter((c) => c.orderId === orderId)
    .map((c) => ({ level: c.level, role: c.role, amount: c.amount, status: c.status }));
const walletOf = async (person: Person) =>
  (await t.request('GET', '/api/me/wallet', { token: person.token })).json<Wallet>();
const advanceDays = (days: number) =>
  t.request('POST', '/api/test/clock', { body: { advanceMs: days * DAY } });

describe('leader commission', () => {
  it('is earned on a paid pickup order, settles after the hand-over and the return window, and a refund reverses it', async () => {
    await setLeaderRate(500);
    const { leader, community: c, neighbour } = await community();
    const { variantId } = await createProduct(t, { price: 3900, stock: 10 });
    const order = await buy(neighbour, [{ variantId, quantity: 1 }], { communityId: c.id });
    expect(await onOrder(leader, order.id)).toEqual([
      { level: 1, role: 'leader', amount: 195, status: 'pending' },
    ]);
    expect(await walletOf(leader)).toMatchObject({ pending: 195, available: 0 });
    // The buyer earns nothing on their own order, and sees nobody's commission.
    expect(await onOrder(neighbour, order.id)).toEqual([]);

    const handed = await t.request('POST', `/api/communities/${c.id}/pickups`, {
      token: leader.token,
      body: { code: order.pickupCode },
    });
    expect(handed.statusCode, handed.body).toBe(200);
    await advanceDays(8);
    expect(await onOrder(leader, order.id)).toEqual([
      { level: 1, role: 'leader', amount: 195, status: 'settled' },
    ]);
    expect(await walletOf(leader)).toMatchObject({ pending: 0, available: 195 });

    const refund = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin });
    expect(refund.statusCode, refund.body).toBe(200);
    expect((await onOrder(leader, order.id))[0]).toMatchObject({ role: 'leader', status: 'reversed' });
    expect(await walletOf(leader)).toMatchObject({ pending: 0, available: 0 });
  });

  it('a product’s own leader rate replaces the operator’s for its lines; a partial refund shrinks it', async () => {
    await setLeaderRate(500);
    const { leader, community: c, neighbour } = await community();
    const own = await createProduct(t, { price: 3900, stock: 10 });
    const patched = await t.request('PATCH', `/api/admin/products/${own.product.id}`, {
      token: admin,
      body: { leaderRateBps: 1000 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ leaderRateBps: 1000 });
    const plain = await createProduct(t, { price: 2000, stock: 10 });
    const order = await buy(
      neighbour,
      [
        { variantId: own.variantId, quantity: 1 },
        { variantId: plain.variantId, quantity: 1 },
      ],
      { communityId: c.id },
    );
    // 10% of 3900 + 5% of 2000.
    expect(await onOrder(leader, order.id)).toEqual([
      { level: 1, role: 'leader', amount: 490, status: 'pending' },
    ]);
    await t.services.orders.refundOrder(order.id, 'a quarter back', { amount: 1475, items: [] });
    // floor(490 × 4425 / 5900): what is left of the paid amount keeps its share, rounded down.
    expect((await onOrder(leader, order.id))[0]).toMatchObject({ amount: 367 });
  });

  it('pays nothing on the leader’s own pickup order, on a delivered order, or at rate 0', async () => {
    await setLeaderRate(500);
    const { leader, community: c, neighbour } = await community();
    const { variantId } = await createProduct(t, { price: 3900, stock: 10 });
    await joinCommunity(leader, c.id);
    const ownOrder = await buy(leader, [{ variantId, quantity: 1 }], { communityId: c.id });
    expect(await onOrder(leader, ownOrder.id)).toEqual([]);
    const delivered = await buy(neighbour, [{ variantId, quantity: 1 }]);
    expect(delivered.pickup).toBeNull();
    expect(await onOrder(leader, delivered.id)).toEqual([]);

    await setLeaderRate(0);
    const atZero = await buy(neighbour, [{ variantId, quantity: 1 }], { communityId: c.id });
    expect(await onOrder(leader, atZero.id)).toEqual([]);
  });

  it('a leader who is also the buyer’s promoter earns the larger commission once; the level above is unchanged', async () => {
    const inviter = await t.signUp({ name: 'Inviter' });
    const { leader, community: c, neighbour } = await community(inviter);
    const { product, variantId } = await createProduct(t, { price: 3900, stock: 20 });
    const link = await t.request('POST', '/api/share-links', {
      token: leader.token,
      body: { productId: product.id },
    });
    expect(link.statusCode, link.body).toBe(201);
    const shareCode = link.json<{ code: string }>().code;
    const viaLink = () => buy(neighbour, [{ variantId, quantity: 1 }], { communityId: c.id, shareCode });

    await setLeaderRate(500); // 195 as leader < 390 as level 1: the sharer's row stands
    const smaller = await viaLink();
    expect(await onOrder(leader, smaller.id)).toEqual([
      { level: 1, role: 'sharer', amount: 390, status: 'pending' },
    ]);
    await setLeaderRate(1500); // 585 as leader > 390: the leader's row replaces level 1
    const larger = await viaLink();
    expect(await onOrder(leader, larger.id)).toEqual([
      { level: 1, role: 'leader', amount: 585, status: 'pending' },
    ]);
    await setLeaderRate(1000); // a tie: the leader's row
    const tie = await viaLink();
    expect(await onOrder(leader, tie.id)).toEqual([
      { level: 1, role: 'leader', amount: 390, status: 'pending' },
    ]);
    // Nobody moves up into the dropped level: the leader's inviter keeps level 2 each time.
    for (const order of [smaller, larger, tie])
      expect(await onOrder(inviter, order.id)).toEqual([
        { level: 2, role: 'sharer', amount: 195, status: 'pending' },
      ]);
  });

  it('refuses rates outside 0..100% (400) and starts at 0', async () => {
    await t.db.query('DELETE FROM distribution_settings');
    const get = await t.request('GET', '/api/admin/distribution/settings', { token: admin });
    expect(get.json()).toMatchObject({ leaderRateBps: 0 });
    for (const leaderRateBps of [-1, 10_001, 2.5, '5']) {
      const res = await t.request('PUT', '/api/admin/distribution/settings', {
        token: admin,
        body: { leaderRateBps },
      });
      expectProblem(res, 400);
    }
    const { product } = await createProduct(t);
    const bad = await t.request('PATCH', `/api/admin/products/${product.id}`, {
      token: admin,
      body: { leaderRateBps: 10_001 },
    });
    expectProblem(bad, 400);
    const stranger = await t.signUp();
    const refused = await t.request('PUT', '/api/admin/distribution/settings', {
      token: stranger.token,
      body: { leaderRateBps: 500 },
    });
    expect(refused.statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Community } from '../communities/index.js';
import type { Order } from '../orders/present.js';

/** Trust values over HTTP: the parts, who may see them, and the `low_trust` hold on new commissions. */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
interface Trust {
  score: number;
  threshold: number;
  held: boolean;
  parts: {
    key: string;
    weight: number;
    value: number;
    hasData: boolean;
    count: number;
    outOf: number;
    cost: number;
  }[];
  user: { id: string; name: string; email?: string };
}
interface Commission {
  orderId: string;
  held: boolean;
  holdReason: string | null;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
});
afterAll(() => t.close());

async function shopkeeper(slug: string) {
  const promoter = await t.signUp();
  await t.request('POST', '/api/shopkeepers', { token: promoter.token });
  const store = await t.request('POST', '/api/stores', { token: promoter.token, body: { name: slug, slug } });
  expect(store.statusCode).toBe(201);
  return promoter;
}

async function paidInStore(buyer: Person, slug: string): Promise<Order> {
  const { variantId } = await createProduct(t, { price: 10_000, stock: 50 });
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity: 1 }], storeSlug: slug },
  });
  expect(placed.statusCode).toBe(201);
  const order = placed.json<Order>();
  const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
  expect(paid.statusCode).toBe(200);
  return order;
}

const refund = async (order: Order) =>
  expect(
    (await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token })).statusCode,
  ).toBe(200);
const myTrust = async (p: Person) =>
  (await t.request('GET', '/api/me/trust', { token: p.token })).json<Trust>();
const setThreshold = (threshold: number) =>
  t.request('PUT', '/api/admin/trust/settings', { token: admin.token, body: { threshold } });
const commissionsOf = async (p: Person) =>
  (await t.request('GET', '/api/me/commissions?limit=100', { token: p.token })).json<{
    items: Commission[];
  }>().items;

describe('trust values', () => {
  it('is 100 for someone with nothing against them, every part shown with its weight', async () => {
    const fresh = await t.signUp();
    const trust = await myTrust(fresh);
    expect(trust.score).toBe(100);
    expect(trust.held).toBe(false);
    expect(trust.parts.map((p) => [p.key, p.weight])).toEqual([
      ['refunds', 30],
      ['after_sales', 20],
      ['reviews', 25],
      ['complaints', 15],
      ['pickups', 10],
    ]);
    // No orders, reviews or pickups to count: only complaints (none upheld) are known.
    expect(trust.parts.filter((p) => p.hasData).map((p) => [p.key, p.count])).toEqual([['complaints', 0]]);
  });

  it('falls with refunds on the orders a shopkeeper brought, and the operator sees the same parts', async () => {
    const promoter = await shopkeeper('trust-refunds');
    const buyer = await t.signUp();
    const orders = [];
    for (let i = 0; i < 4; i++) orders.push(await paidInStore(buyer, 'trust-refunds'));
    expect((await myTrust(promoter)).score).toBe(100);
    await refund(orders[0] as Order);
    await refund(orders[1] as Order);
    const mine = await myTrust(promoter);
    const refunds = mine.parts.find((p) => p.key === 'refunds');
    // 2 ÷ (4 + 5) = 0.22 of the 0.3 ceiling: 26 left of the part.
    expect(refunds).toMatchObject({ hasData: true, count: 2, outOf: 4, value: 26 });
    expect(mine.score).toBeLessThan(100);
    expect(mine.user).toEqual({ id: promoter.user.id, name: promoter.user.name });

    const seen = await t.request('GET', `/api/admin/trust/${promoter.user.id}`, { token: admin.token });
    expect(seen.statusCode).toBe(200);
    expect(seen.json<Trust>()).toMatchObject({ score: mine.score, parts: mine.parts });
    expect(seen.json<Trust>().user.email).toBe(promoter.user.email);

    const list = await t.request('GET', '/api/admin/trust?limit=100', { token: admin.token });
    expect(list.statusCode).toBe(200);
    const row = list
      .json<{ items: { user: { id: string }; score: number; roles: string[] }[] }>()
      .items.find((i) => i.user.id === promoter.user.id);
    expect(row).toMatchObject({ score: mine.score, roles: ['shopkeeper'] });
  });

  it('counts after-sales requests on the orders brought', async () => {
    const promoter = await shopkeeper('trust-aftersales');
    const buyer = await t.signUp();
    const order = await paidInStore(buyer, 'trust-aftersales');
    const requested = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
      token: buyer.token,
      body: { type: 'refund', reason: 'changed my mind' },
    });
    expect(requested.statusCode).toBe(201);
    const part = (await myTrust(promoter)).parts.find((p) => p.key === 'after_sales');
    expect(part).toMatchObject({ hasData: true, count: 1, outOf: 1 });
    expect(part?.value).toBeLessThan(100);
  });

  it('holds new commissions below the threshold (low_trust), and only new ones', async () => {
    const promoter = await shopkeeper('trust-hold');
    const buyer = await t.signUp();
    const first = await paidInStore(buyer, 'trust-hold');
    const second = await paidInStore(buyer, 'trust-hold');
    await refund(first);
    const { score } = await myTrust(promoter);
    expect(score).toBeLessThan(100);

    expect((await setThreshold(score + 1)).statusCode).toBe(200);
    try {
      expect(await myTrust(promoter)).toMatchObject({ held: true, threshold: score + 1 });
      const third = await paidInStore(buyer, 'trust-hold');
      const byOrder = new Map((await commissionsOf(promoter)).map((c) => [c.orderId, c]));
      expect(byOrder.get(third.id)).toMatchObject({ held: true, holdReason: 'low_trust' });
      expect(byOrder.get(second.id)).toMatchObject({ held: false, holdReason: null });

      // The operator releases it like any other hold.
      const flagged = await t.request('GET', '/api/admin/commissions?held=true&limit=100', {
        token: admin.token,
      });
      const held = flagged
        .json<{ items: (Commission & { id: string })[] }>()
        .items.find((c) => c.orderId === third.id);
      expect(held?.holdReason).toBe('low_trust');
      const released = await t.request('POST', `/api/admin/commissions/${held?.id}/release`, {
        token: admin.token,
      });
      expect(released.statusCode).toBe(200);
    } finally {
      await setThreshold(0);
    }
    // Threshold 0 holds nobody.
    const fourth = await paidInStore(buyer, 'trust-hold');
    const c = (await commissionsOf(promoter)).find((x) => x.orderId === fourth.id);
    expect(c).toMatchObject({ held: false, holdReason: null });
  });

  it('at the threshold exactly nothing is held', async () => {
    const promoter = await shopkeeper('trust-edge');
    const buyer = await t.signUp();
    await refund(await paidInStore(buyer, 'trust-edge'));
    const { score } = await myTrust(promoter);
    await setThreshold(score);
    try {
      const next = await paidInStore(buyer, 'trust-edge');
      expect((await commissionsOf(promoter)).find((c) => c.orderId === next.id)?.holdReason).toBeNull();
    } finally {
      await setThreshold(0);
    }
  });
});

describe('who may see trust values', () => {
  it('a promoter sees only their own; the operator routes are 403 to them and 401 without a token', async () => {
    const someone = await t.signUp();
    const other = await shopkeeper('trust-other');
    const own = await myTrust(someone);
    expect(own.user.id).toBe(someone.user.id);
    for (const url of [
      `/api/admin/trust/${other.user.id}`,
      '/api/admin/trust',
      '/api/admin/trust/settings',
    ]) {
      expect((await t.request('GET', url, { token: someone.token })).statusCode).toBe(403);
      expect((await t.request('GET', url)).statusCode).toBe(401);
    }
    expect((await setThresholdAs(someone.token, 99)).statusCode).toBe(403);
    expect((await t.request('GET', '/api/me/trust')).statusCode).toBe(401);
  });

  it('an unknown person is 404, and the threshold is bounded 0..100', async () => {
    expect((await t.request('GET', '/api/admin/trust/nobody', { token: admin.token })).statusCode).toBe(404);
    expect((await setThreshold(101)).statusCode).toBe(400);
    expect((await setThreshold(-1)).statusCode).toBe(400);
    const saved = await setThreshold(0);
    expect(saved.json()).toEqual({ threshold: 0 });
    expect((await t.request('GET', '/api/admin/trust/settings', { token: admin.token })).json()).toEqual({
      threshold: 0,
    });
  });
});

const setThresholdAs = (token: string, threshold: number) =>
  t.request('PUT', '/api/admin/trust/settings', { token, body: { threshold } });

const partOf = (trust: Trust, key: string) => trust.parts.find((p) => p.key === key);
const trustOf = async (app: TestApp, userId: string) => {
  const res = await app.request('GET', `/api/admin/trust/${userId}`, { token: admin.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Trust>();
};

describe('trust from moderation', () => {
  it('counts a reported post of the shopkeeper that the operator hid as an upheld complaint', async () => {
    const promoter = await shopkeeper('trust-complaints');
    const posted = await t.request('POST', '/api/posts', {
      token: promoter.token,
      body: { body: 'Buy now!!!' },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const postId = posted.json<{ id: string }>().id;
    expect(partOf(await trustOf(t, promoter.user.id), 'complaints')).toMatchObject({ count: 0, value: 100 });

    const reporter = await t.signUp();
    const reported = await t.request('POST', '/api/reports', {
      token: reporter.token,
      body: { type: 'post', id: postId, reason: 'spam' },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    // A report alone is no complaint upheld.
    expect(partOf(await trustOf(t, promoter.user.id), 'complaints')).toMatchObject({ count: 0 });

    const hidden = await t.request('POST', `/api/admin/moderation/items/post/${postId}/hide`, {
      token: admin.token,
      body: { reason: 'spam' },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    const after = await trustOf(t, promoter.user.id);
    expect(partOf(after, 'complaints')).toMatchObject({ hasData: true, count: 1 });
    expect(partOf(after, 'complaints')?.value).toBeLessThan(100);
    expect(after.score).toBeLessThan(100);
    // The reporter's own record is untouched.
    expect(partOf(await trustOf(t, reporter.user.id), 'complaints')).toMatchObject({ count: 0 });
  });
});

describe('trust from communities', () => {
  it('a leader whose neighbour’s order lapsed uncollected scores lower on pickups than one who handed it over', async () => {
    const DAY = 86_400_000;
    const app = await createTestApp({ PICKUP_COLLECT_DAYS: '1' });
    try {
      const operator = await app.signInAdmin();
      const { variantId } = await createProduct(app, { price: 2_000, stock: 10 });
      async function leaderWithPaidPickup(name: string) {
        const leader = await app.signUp({ name });
        expect((await app.request('POST', '/api/leaders', { token: leader.token })).statusCode).toBe(201);
        const community = (
          await app.request('POST', '/api/communities', {
            token: leader.token,
            body: { name, pickupPoint: { name: 'Gate', address: '3 Lane' } },
          })
        ).json<Community>();
        const neighbour = await app.signUp();
        await app.request('POST', `/api/communities/${community.id}/members`, { token: neighbour.token });
        const placed = await app.request('POST', '/api/orders', {
          token: neighbour.token,
          body: { items: [{ variantId, quantity: 1 }], pickup: { communityId: community.id } },
        });
        expect(placed.statusCode, placed.body).toBe(201);
        const paid = await app.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
          token: neighbour.token,
        });
        expect(paid.statusCode, paid.body).toBe(200);
        return { leader, community, code: paid.json<Order & { pickupCode: string }>().pickupCode };
      }
      const careful = await leaderWithPaidPickup('Careful Chen');
      const lax = await leaderWithPaidPickup('Lax Liu');
      const handed = await app.request('POST', `/api/communities/${careful.community.id}/pickups`, {
        token: careful.leader.token,
        body: { code: careful.code },
      });
      expect(handed.statusCode, handed.body).toBe(200);

      // Past the deadline: the default policy refunds the lapsed order, which closes its pickup.
      await app.request('POST', '/api/test/clock', { body: { advanceMs: 3 * DAY } });
      await app.jobs.runDue();

      const seen = async (userId: string) => {
        const res = await app.request('GET', `/api/admin/trust/${userId}`, { token: operator.token });
        expect(res.statusCode, res.body).toBe(200);
        return partOf(res.json<Trust>(), 'pickups');
      };
      expect(await seen(careful.leader.user.id)).toMatchObject({
        hasData: true,
        count: 0,
        outOf: 1,
        value: 100,
      });
      const laxPart = await seen(lax.leader.user.id);
      expect(laxPart).toMatchObject({ hasData: true, count: 1, outOf: 1 });
      expect(laxPart?.value).toBeLessThan(100);
    } finally {
      await app.close();
    }
  });
});

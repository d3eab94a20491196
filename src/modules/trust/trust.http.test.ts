import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
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
    // Reviews, complaints and pickups have no source until their modules are wired: no data.
    expect(trust.parts.filter((p) => p.hasData)).toEqual([]);
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

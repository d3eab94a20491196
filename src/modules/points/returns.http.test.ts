import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { createProduct, expectLedgerSound, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { AfterSale } from '../aftersales/service.js';
import type { Order } from '../orders/present.js';
import type { PointsSettings } from './rules.js';

/**
 * Where points go back to: a cancelled or refunded checkout's points into the lots they were
 * drawn from (with those lots' expiry), and a refund's take-back from the order's own lot first.
 */
let t: TestApp;
let admin: { token: string };
const DAY = 86_400_000;
const DEFAULTS: PointsSettings = {
  earnPerUnit: 1,
  redeemPerUnit: 100,
  maxShareBps: 5000,
  expiryMonths: null,
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  admin = await t.signInAdmin(); // a fresh session: tests move the clock by days
  await setSettings(DEFAULTS);
});

interface Statement {
  balance: number;
  expiring: { points: number; expiresAt: string }[];
  items: { id: string; delta: number; reason: string; expiresAt: string | null; debtPaid: number }[];
}

const statement = async (token: string) => {
  const res = await t.request('GET', '/api/me/points', { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Statement>();
};
const setSettings = async (body: Partial<PointsSettings>) => {
  const res = await t.request('PUT', '/api/admin/points/settings', {
    token: admin.token,
    body: { ...DEFAULTS, ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
};
/** Runs the deferred reactions (earning on pay, take-backs, returns) and recurring jobs. */
const advance = (ms = 1000) => t.request('POST', '/api/test/clock', { body: { advanceMs: ms } });
const now = async () => Date.parse((await advance(0)).json<{ now: string }>().now);
const give = (userId: string, points: number, ref: string, expiresAt: Date | null) =>
  t.db.transaction((tx) =>
    t.services.points.postWithExpiry(tx, { userId, delta: points, reason: 'task', ref, expiresAt }),
  );
const placeWithPoints = async (token: string, variantId: string, points: number, quantity = 1) => {
  const res = await t.request('POST', '/api/orders', {
    token,
    body: { items: [{ variantId, quantity }], points },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Order>();
};
const pay = async (token: string, order: Order) => {
  const res = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token });
  expect(res.statusCode, res.body).toBe(200);
  await advance();
};
const approveRefund = async (
  token: string,
  order: Order,
  items?: { orderItemId: string; quantity: number }[],
) => {
  const requested = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
    token,
    body: { type: 'refund', reason: 'changed my mind', ...(items ? { items } : {}) },
  });
  expect(requested.statusCode, requested.body).toBe(201);
  const approved = await t.request(
    'POST',
    `/api/admin/after-sales/${requested.json<AfterSale>().id}/approve`,
    {
      token: admin.token,
      body: {},
    },
  );
  expect(approved.statusCode, approved.body).toBe(200);
  await advance();
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('points spent at checkout come back into the lots they were drawn from', () => {
  it('a cancel puts them back with the lots’ own expiry, not in a new lot', async () => {
    // A new lot would expire a month from now: visibly not where the points came from.
    await setSettings({ expiryMonths: 1, earnPerUnit: 0 });
    const buyer = await t.signUp();
    const at = await now();
    await give(buyer.user.id, 600, `ret:a:${buyer.user.id}`, new Date(at + 10 * DAY));
    await give(buyer.user.id, 1_000, `ret:b:${buyer.user.id}`, new Date(at + 20 * DAY));
    const { variantId } = await createProduct(t, { price: 10_000 });
    const order = await placeWithPoints(buyer.token, variantId, 1_000); // 600 of the first, 400 of the second
    expect((await statement(buyer.token)).expiring).toEqual([{ points: 600, expiresAt: iso(at + 20 * DAY) }]);

    const cancelled = await t.request('POST', `/api/orders/${order.id}/cancel`, { token: buyer.token });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await advance();
    const mine = await statement(buyer.token);
    expect(mine.balance).toBe(1_600);
    expect(mine.expiring).toEqual([
      { points: 600, expiresAt: iso(at + 10 * DAY) },
      { points: 1_000, expiresAt: iso(at + 20 * DAY) },
    ]);
    expect(mine.items[0]).toMatchObject({
      reason: 'checkout_return',
      delta: 1_000,
      expiresAt: iso(at + 10 * DAY),
      debtPaid: 0,
    });
    // The same return seen again puts nothing more back.
    await t.db.transaction((tx) => t.services.points.reactions.settleOrder(tx, { orderId: order.id }));
    expect((await statement(buyer.token)).balance).toBe(1_600);
  });

  it('partial refunds put back their share, first drawn first back, and all of it in the end', async () => {
    await setSettings({ expiryMonths: 1, earnPerUnit: 0 });
    const buyer = await t.signUp();
    const at = await now();
    await give(buyer.user.id, 600, `ret:pa:${buyer.user.id}`, new Date(at + 10 * DAY));
    await give(buyer.user.id, 1_000, `ret:pb:${buyer.user.id}`, new Date(at + 20 * DAY));
    const { variantId } = await createProduct(t, { price: 10_000 });
    const order = await placeWithPoints(buyer.token, variantId, 1_000, 2);
    await pay(buyer.token, order);
    const item = order.items[0]!.id;

    await approveRefund(buyer.token, order, [{ orderItemId: item, quantity: 1 }]);
    expect((await statement(buyer.token)).expiring).toEqual([
      { points: 500, expiresAt: iso(at + 10 * DAY) },
      { points: 600, expiresAt: iso(at + 20 * DAY) },
    ]);
    await approveRefund(buyer.token, order);
    const mine = await statement(buyer.token);
    expect(mine.balance).toBe(1_600);
    expect(mine.expiring).toEqual([
      { points: 600, expiresAt: iso(at + 10 * DAY) },
      { points: 1_000, expiresAt: iso(at + 20 * DAY) },
    ]);
    expect(mine.items.filter((i) => i.reason === 'checkout_return').map((i) => i.delta)).toEqual([500, 500]);
    await expectLedgerSound(t);
  });

  it('points put back into a lot past its expiry expire at once, as they would have', async () => {
    await setSettings({ earnPerUnit: 0 });
    const buyer = await t.signUp();
    const at = await now();
    await give(buyer.user.id, 600, `ret:ea:${buyer.user.id}`, new Date(at + 2 * DAY));
    await give(buyer.user.id, 1_000, `ret:eb:${buyer.user.id}`, null);
    const { variantId } = await createProduct(t, { price: 10_000 });
    const order = await placeWithPoints(buyer.token, variantId, 1_000);
    await pay(buyer.token, order);
    await advance(3 * DAY);

    await approveRefund(buyer.token, order);
    let mine = await statement(buyer.token);
    expect(mine.balance).toBe(1_000);
    expect(mine.expiring).toEqual([]);
    expect(mine.items.slice(0, 2).map((i) => [i.reason, i.delta])).toEqual([
      ['expired', -600],
      ['checkout_return', 1_000],
    ]);
    await advance(3_600_000); // the expiry job finds nothing left to expire
    mine = await statement(buyer.token);
    expect(mine.balance).toBe(1_000);
  });
});

describe('returns of spends from before draws were recorded, and notices of lots given back', () => {
  it('a spend without recorded draws (before migration 042) comes back as a lot of its own', async () => {
    await setSettings({ earnPerUnit: 0 });
    const buyer = await t.signUp();
    await give(buyer.user.id, 1_000, `legacy:${buyer.user.id}`, null);
    const { variantId } = await createProduct(t, { price: 10_000 });
    const order = await placeWithPoints(buyer.token, variantId, 400);
    await t.db.query(
      `DELETE FROM point_draws WHERE posting_id = (SELECT id FROM point_postings WHERE ref = $1)`,
      [`checkout:${order.id}`],
    );
    await t.request('POST', `/api/orders/${order.id}/cancel`, { token: buyer.token });
    await advance();
    const lots = await t.db.query<{ remaining: number }>(
      'SELECT remaining FROM point_lots WHERE user_id = $1 ORDER BY id',
      [buyer.user.id],
    );
    expect(lots.map((l) => l.remaining)).toEqual([600, 400]);
    expect((await statement(buyer.token)).balance).toBe(1_000);
  });

  it('a lot told about, spent and given back within its last week is not told about again', async () => {
    await setSettings({ earnPerUnit: 0 });
    const buyer = await t.signUp();
    const at = await now();
    await give(buyer.user.id, 500, `told:${buyer.user.id}`, new Date(at + 5 * DAY));
    await advance(3_600_000); // the hourly job tells about it
    const notices = async () =>
      (await t.request('GET', '/api/me/notifications', { token: buyer.token }))
        .json<{ items: { type: string }[] }>()
        .items.filter((n) => n.type === 'points.expiring').length;
    expect(await notices()).toBe(1);
    const { variantId } = await createProduct(t, { price: 10_000 });
    const order = await placeWithPoints(buyer.token, variantId, 500);
    await t.request('POST', `/api/orders/${order.id}/cancel`, { token: buyer.token });
    await advance(3_600_000);
    expect((await statement(buyer.token)).expiring).toEqual([{ points: 500, expiresAt: iso(at + 5 * DAY) }]);
    expect(await notices()).toBe(1);
  });
});

describe('a refund takes back the points an order earned from that order’s own lot first', () => {
  it('leaves older lots alone while the order’s lot still holds the points', async () => {
    const buyer = await t.signUp();
    const at = await now();
    // Sooner to expire than the order's lot: drawn first by the usual rule.
    await give(buyer.user.id, 500, `own:x:${buyer.user.id}`, new Date(at + 10 * DAY));
    const { variantId } = await createProduct(t, { price: 10_000 });
    const order = await placePaidOrder(t, buyer.token, variantId); // earns 100, never expiring
    await advance();
    expect((await statement(buyer.token)).balance).toBe(600);

    await approveRefund(buyer.token, order);
    const mine = await statement(buyer.token);
    expect(mine.balance).toBe(500);
    expect(mine.expiring).toEqual([{ points: 500, expiresAt: iso(at + 10 * DAY) }]);
  });

  it('takes what is left of the order’s lot, then by the usual rule', async () => {
    const buyer = await t.signUp();
    const at = await now();
    await give(buyer.user.id, 50, `own:y:${buyer.user.id}`, new Date(at + 10 * DAY));
    const { variantId } = await createProduct(t, { price: 10_000 });
    const order = await placePaidOrder(t, buyer.token, variantId); // earns 100
    await advance();
    await placeWithPoints(buyer.token, variantId, 120); // 50 of the first lot, 70 of the order's
    await give(buyer.user.id, 200, `own:z:${buyer.user.id}`, new Date(at + 20 * DAY));

    await approveRefund(buyer.token, order); // 30 from the order's lot, 70 from the 200
    const mine = await statement(buyer.token);
    expect(mine.balance).toBe(130);
    expect(mine.expiring).toEqual([{ points: 130, expiresAt: iso(at + 20 * DAY) }]);
  });
});

describe('amounts beyond an integer', () => {
  it('points paying more than 2³¹ minor units of an order: the order keeps them exactly', async () => {
    await setSettings({ redeemPerUnit: 1 });
    const buyer = await t.signUp();
    await give(buyer.user.id, 30_000_000, `big:${buyer.user.id}`, null);
    const { variantId } = await createProduct(t, { price: 10_000_000_000 });
    const order = await placeWithPoints(buyer.token, variantId, 30_000_000);
    expect(order).toMatchObject({
      pointsUsed: 30_000_000,
      pointsDiscount: 3_000_000_000,
      total: 7_000_000_000,
    });
    const read = await t.request('GET', `/api/orders/${order.id}`, { token: buyer.token });
    expect(read.json<Order>()).toMatchObject({ pointsDiscount: 3_000_000_000 });
    const columns = await t.db.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_name = 'orders' AND column_name IN ('member_discount', 'points_used', 'points_discount')`,
    );
    expect(columns.map((c) => c.data_type)).toEqual(['bigint', 'bigint', 'bigint']);
  });
});

describe('settings validation', () => {
  it('at most 100 points per currency unit; months whole, 1..120; each out-of-range field named', async () => {
    const put = (body: Record<string, unknown>) =>
      t.request('PUT', '/api/admin/points/settings', { token: admin.token, body: { ...DEFAULTS, ...body } });
    expect((await put({ earnPerUnit: 100, expiryMonths: 120 })).statusCode).toBe(200);
    for (const [body, path] of [
      [{ earnPerUnit: 101 }, '/earnPerUnit'],
      [{ earnPerUnit: 1.5 }, '/earnPerUnit'],
      [{ redeemPerUnit: 1_000_001 }, '/redeemPerUnit'],
      [{ maxShareBps: -1 }, '/maxShareBps'],
      [{ expiryMonths: 121 }, '/expiryMonths'],
      [{ expiryMonths: 2.5 }, '/expiryMonths'],
      [{ expiryMonths: '12' }, '/expiryMonths'],
    ] as const) {
      const problem = expectProblem(await put(body), 400);
      expect(problem.reason, JSON.stringify(body)).toBe('invalid_input');
      expect(new Set(errorPaths(problem)), JSON.stringify(body)).toEqual(new Set([path]));
    }
    const { earnPerUnit } = (
      await t.request('GET', '/api/admin/points/settings', { token: admin.token })
    ).json<PointsSettings>();
    expect(earnPerUnit).toBe(100);
  });
});

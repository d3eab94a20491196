import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { createProduct, expectLedgerSound, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { AfterSale } from '../aftersales/service.js';
import type { Order } from '../orders/present.js';
import type { PointsSettings } from './rules.js';

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
  admin = await t.signInAdmin();
});
afterAll(() => t.close());
beforeEach(async () => {
  admin = await t.signInAdmin(); // a fresh session: the expiry test moves the clock by weeks
  await setSettings(DEFAULTS);
});

interface Statement {
  balance: number;
  expiring: { points: number; expiresAt: string }[];
  items: { id: string; delta: number; reason: string; expiresAt: string | null; debtPaid: number }[];
  nextCursor: string | null;
}

const statement = async (token: string, query = '') => {
  const res = await t.request('GET', `/api/me/points${query}`, { token });
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
/** Runs the deferred reactions (earning on pay, take-backs) and recurring jobs. */
const advance = (ms = 1000) => t.request('POST', '/api/test/clock', { body: { advanceMs: ms } });
const give = (userId: string, points: number, ref: string, expiresAt?: Date) =>
  t.db.transaction((tx) =>
    t.services.points.postWithExpiry(tx, {
      userId,
      delta: points,
      reason: 'task',
      ref,
      ...(expiresAt ? { expiresAt } : {}),
    }),
  );
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

describe('settings', () => {
  it('happy: the operator reads and changes them; they start at the defaults', async () => {
    const got = await t.request('GET', '/api/admin/points/settings', { token: admin.token });
    expect(got.json()).toEqual(DEFAULTS);
    const put = await t.request('PUT', '/api/admin/points/settings', {
      token: admin.token,
      body: { earnPerUnit: 2, redeemPerUnit: 50, maxShareBps: 3000, expiryMonths: 12 },
    });
    expect(put.json()).toEqual({ earnPerUnit: 2, redeemPerUnit: 50, maxShareBps: 3000, expiryMonths: 12 });
    expect(
      (await t.request('GET', '/api/admin/points/settings', { token: admin.token })).json(),
    ).toMatchObject({
      expiryMonths: 12,
    });
  });

  it('errors: out-of-range values are 400 with a field error each; unknown keys are refused', async () => {
    const res = await t.request('PUT', '/api/admin/points/settings', {
      token: admin.token,
      body: { earnPerUnit: -1, redeemPerUnit: 0, maxShareBps: 10_001, expiryMonths: 0 },
    });
    expect([...new Set(errorPaths(expectProblem(res, 400)))].sort()).toEqual(
      ['/earnPerUnit', '/expiryMonths', '/maxShareBps', '/redeemPerUnit'].sort(),
    );
    const extra = await t.request('PUT', '/api/admin/points/settings', {
      token: admin.token,
      body: { ...DEFAULTS, bonus: 1 },
    });
    expectProblem(extra, 400);
  });

  it('security: no token 401, a buyer 403', async () => {
    const buyer = await t.signUp();
    expect((await t.request('GET', '/api/admin/points/settings')).statusCode).toBe(401);
    expect((await t.request('GET', '/api/admin/points/settings', { token: buyer.token })).statusCode).toBe(
      403,
    );
    const put = await t.request('PUT', '/api/admin/points/settings', { token: buyer.token, body: DEFAULTS });
    expect(put.statusCode).toBe(403);
    expect((await t.request('GET', '/api/me/points')).statusCode).toBe(401);
    expect((await t.request('GET', '/api/me/points/checkout?payable=100')).statusCode).toBe(401);
  });
});

describe('earning on paid orders, and taking back on refunds', () => {
  it('a paid order earns points on its total (1 a yuan), once; a full refund takes them all back', async () => {
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 12_345 });
    const order = await placePaidOrder(t, buyer.token, variantId);
    await advance();
    let mine = await statement(buyer.token);
    expect(mine.balance).toBe(123);
    expect(mine.items).toMatchObject([{ delta: 123, reason: 'order', expiresAt: null, debtPaid: 0 }]);

    // The reaction run again (a job retried after its commit) earns nothing more.
    await t.db.transaction((tx) => t.services.points.reactions.earnOnPaid(tx, { orderId: order.id }));
    expect((await statement(buyer.token)).balance).toBe(123);

    await approveRefund(buyer.token, order);
    mine = await statement(buyer.token);
    expect(mine.balance).toBe(0);
    expect(mine.items.map((i) => [i.reason, i.delta])).toEqual([
      ['order_refund', -123],
      ['order', 123],
    ]);
    await expectLedgerSound(t);
  });

  it('partial refunds take back in proportion, cumulative, and exactly all once everything is refunded', async () => {
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 3_333 });
    const order = await placePaidOrder(t, buyer.token, variantId, 3); // ¥99.99 → 99 points
    await advance();
    expect((await statement(buyer.token)).balance).toBe(99);
    const item = order.items[0]!.id;
    await approveRefund(buyer.token, order, [{ orderItemId: item, quantity: 1 }]);
    expect((await statement(buyer.token)).balance).toBe(99 - 33); // floor(99 × 3333 / 9999)
    await approveRefund(buyer.token, order, [{ orderItemId: item, quantity: 1 }]);
    expect((await statement(buyer.token)).balance).toBe(99 - 66);
    await approveRefund(buyer.token, order);
    const mine = await statement(buyer.token);
    expect(mine.balance).toBe(0);
    expect(mine.items.filter((i) => i.reason === 'order_refund').map((i) => i.delta)).toEqual([
      -33, -33, -33,
    ]);
  });

  it('a refund that takes back points already spent leaves a debt, which the next points pay off first', async () => {
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 20_000 });
    const { variantId: other } = await createProduct(t, { price: 10_000 });
    const order = await placePaidOrder(t, buyer.token, variantId); // 200 points
    await advance();
    const spent = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId: other, quantity: 1 }], points: 150 },
    });
    expect(spent.statusCode, spent.body).toBe(201);
    expect((await statement(buyer.token)).balance).toBe(50);
    await approveRefund(buyer.token, order);
    expect((await statement(buyer.token)).balance).toBe(-150);

    await give(buyer.user.id, 100, `test:debt:${buyer.user.id}:1`);
    let mine = await statement(buyer.token);
    expect(mine.balance).toBe(-50);
    expect(mine.items[0]).toMatchObject({ delta: 100, debtPaid: 100 });
    await give(buyer.user.id, 80, `test:debt:${buyer.user.id}:2`);
    mine = await statement(buyer.token);
    expect(mine.balance).toBe(30);
    expect(mine.items[0]).toMatchObject({ delta: 80, debtPaid: 50 });
    // Only what is left after the debt can be spent.
    const tooMuch = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId: other, quantity: 1 }], points: 31 },
    });
    expect(expectProblem(tooMuch, 422).reason).toBe('not_enough_points');
  });

  it('a setting of 0 earns nothing; 3 a yuan earns three times', async () => {
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 1_000 });
    await setSettings({ earnPerUnit: 0 });
    await placePaidOrder(t, buyer.token, variantId);
    await advance();
    expect((await statement(buyer.token)).balance).toBe(0);
    await setSettings({ earnPerUnit: 3 });
    await placePaidOrder(t, buyer.token, variantId);
    await advance();
    expect((await statement(buyer.token)).balance).toBe(30);
  });
});

describe('points at checkout', () => {
  it('happy: pays part of the order within the share, spends the points, shows them on the order', async () => {
    const buyer = await t.signUp();
    await give(buyer.user.id, 8_000, `test:checkout:${buyer.user.id}`);
    const { variantId } = await createProduct(t, { price: 10_000 });

    const quote = await t.request('GET', '/api/me/points/checkout?payable=10000', { token: buyer.token });
    expect(quote.json()).toEqual({ balance: 8_000, maxPoints: 5_000, discount: 5_000, redeemPerUnit: 100 });

    const placed = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 1 }], points: 8_000 },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const order = placed.json<Order>();
    expect(order).toMatchObject({ total: 5_000, pointsUsed: 5_000, pointsDiscount: 5_000 });
    const mine = await statement(buyer.token);
    expect(mine.balance).toBe(3_000);
    expect(mine.items[0]).toMatchObject({ delta: -5_000, reason: 'checkout' });

    // Paying earns points on what was paid in money only.
    await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
    await advance();
    expect((await statement(buyer.token)).balance).toBe(3_050);
  });

  it('errors: asking for more points than one has is 422 not_enough_points, and nothing is spent', async () => {
    const buyer = await t.signUp();
    await give(buyer.user.id, 100, `test:short:${buyer.user.id}`);
    const { variantId } = await createProduct(t, { price: 10_000, stock: 3 });
    const res = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 1 }], points: 101 },
    });
    const problem = expectProblem(res, 422);
    expect(problem).toMatchObject({ reason: 'not_enough_points', params: { balance: 100, needed: 101 } });
    expect((await statement(buyer.token)).balance).toBe(100);
    const bad = await t.request('GET', '/api/me/points/checkout?payable=-1', { token: buyer.token });
    expectProblem(bad, 400);
  });

  it('cancelling the unpaid order gives the points back; so does a full refund; a partial one in proportion', async () => {
    const buyer = await t.signUp();
    await give(buyer.user.id, 10_000, `test:return:${buyer.user.id}`);
    const { variantId } = await createProduct(t, { price: 2_000 });
    const place = async (quantity: number) => {
      const res = await t.request('POST', '/api/orders', {
        token: buyer.token,
        body: { items: [{ variantId, quantity }], points: 10_000 },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Order>();
    };
    const cancelled = await place(1);
    expect(cancelled.pointsUsed).toBe(1_000);
    expect((await statement(buyer.token)).balance).toBe(9_000);
    await t.request('POST', `/api/orders/${cancelled.id}/cancel`, { token: buyer.token });
    await advance();
    expect((await statement(buyer.token)).balance).toBe(10_000);
    expect((await statement(buyer.token)).items[0]).toMatchObject({
      reason: 'checkout_return',
      delta: 1_000,
    });

    const order = await place(2); // ¥40: 2,000 points pay ¥20, ¥20 paid → earns 20
    await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
    await advance();
    expect((await statement(buyer.token)).balance).toBe(8_020);
    await approveRefund(buyer.token, order, [{ orderItemId: order.items[0]!.id, quantity: 1 }]);
    // Half refunded: half the points spent come back, half the points earned go.
    expect((await statement(buyer.token)).balance).toBe(8_020 + 1_000 - 10);
    await approveRefund(buyer.token, order);
    expect((await statement(buyer.token)).balance).toBe(10_000);
  });

  it('two checkouts of the same person share one balance: the second sees the first one’s spend', async () => {
    const buyer = await t.signUp();
    await give(buyer.user.id, 1_000, `test:twice:${buyer.user.id}`);
    const { variantId } = await createProduct(t, { price: 10_000 });
    const body = { items: [{ variantId, quantity: 1 }], points: 1_000 };
    const results = await Promise.all([
      t.request('POST', '/api/orders', { token: buyer.token, body }),
      t.request('POST', '/api/orders', { token: buyer.token, body }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect((await statement(buyer.token)).balance).toBe(0);
  });
});

describe('my points', () => {
  it('pages the history newest first, and shows only my own postings', async () => {
    const me = await t.signUp();
    const other = await t.signUp();
    for (let i = 0; i < 3; i++) await give(me.user.id, 10 + i, `test:page:${me.user.id}:${i}`);
    const first = await statement(me.token, '?limit=2');
    expect(first.items.map((i) => i.delta)).toEqual([12, 11]);
    const second = await statement(me.token, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.delta)).toEqual([10]);
    expect(second.nextCursor).toBeNull();
    expect(await statement(other.token)).toEqual({ balance: 0, expiring: [], items: [], nextCursor: null });
  });
});

describe('expiry', () => {
  it('lots expire by the job, oldest first; the person is told a week ahead, once per lot', async () => {
    await setSettings({ expiryMonths: 1 });
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 10_000 });
    await placePaidOrder(t, buyer.token, variantId);
    await advance();
    let mine = await statement(buyer.token);
    expect(mine.balance).toBe(100);
    expect(mine.expiring, JSON.stringify(mine)).toHaveLength(1);
    expect(mine.items[0]!.expiresAt).toBe(mine.expiring[0]!.expiresAt);
    const now = Date.parse((await advance(0)).json<{ now: string }>().now);
    await give(buyer.user.id, 40, `test:soon:${buyer.user.id}`, new Date(now + 10 * DAY));
    mine = await statement(buyer.token);
    expect(mine.expiring.map((e) => e.points)).toEqual([40, 100]);

    // Spending takes the soonest-expiring lot first.
    const { variantId: cheap } = await createProduct(t, { price: 10_000 });
    const spent = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId: cheap, quantity: 1 }], points: 50 },
    });
    expect(spent.statusCode, spent.body).toBe(201);
    await setSettings({ expiryMonths: 1, earnPerUnit: 0 }); // so that paying earns nothing here
    await t.request('POST', `/api/payments/sandbox/${spent.json<Order>().id}/succeed`, {
      token: buyer.token,
    });
    mine = await statement(buyer.token);
    expect(mine.expiring.map((e) => e.points)).toEqual([90]);

    await give(buyer.user.id, 30, `test:later:${buyer.user.id}`, new Date(now + 5 * DAY));
    await advance(3_600_000); // the hourly job's next run
    const notices = async () =>
      (await t.request('GET', '/api/me/notifications', { token: buyer.token }))
        .json<{ items: { type: string; link: string; body: string }[] }>()
        .items.filter((n) => n.type === 'points.expiring');
    expect(await notices()).toHaveLength(1);
    expect((await notices())[0]).toMatchObject({ link: '/points' });
    expect((await notices())[0]!.body).toContain('30');
    await advance(2 * 3_600_000);
    expect(await notices()).toHaveLength(1);

    await advance(6 * DAY);
    mine = await statement(buyer.token);
    expect(mine.balance).toBe(90);
    expect(mine.items[0]).toMatchObject({ reason: 'expired', delta: -30 });
    await advance(20 * DAY); // the month's lot now expires within a week
    expect(await notices()).toHaveLength(2);
    await advance(20 * DAY);
    const again = await t.request('POST', '/api/auth/login', {
      body: { email: buyer.user.email, password: 'correct horse battery' },
    });
    mine = await statement(again.json<{ token: string }>().token);
    expect(mine.balance).toBe(0);
    expect(mine.expiring).toEqual([]);
    expect(mine.items[0]).toMatchObject({ reason: 'expired', delta: -90 });
  });
});

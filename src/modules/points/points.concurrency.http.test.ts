import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnPostgres, POSTGRES_ONLY } from '../../../test/support/races.js';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Postings and lots agree: the open lots hold max(balance, 0) points, none below zero. */
async function expectLotsSound(userId: string) {
  const [row] = await t.db.query<{ balance: number; held: number; negative: number }>(
    `SELECT (SELECT COALESCE(sum(delta), 0)::int FROM point_postings WHERE user_id = $1) AS balance,
            (SELECT COALESCE(sum(remaining), 0)::int FROM point_lots WHERE user_id = $1) AS held,
            (SELECT count(*)::int FROM point_lots WHERE user_id = $1 AND remaining < 0) AS negative`,
    [userId],
  );
  expect(row!.negative).toBe(0);
  expect(row!.held).toBe(Math.max(0, row!.balance));
  return row!.balance;
}

// On PGlite the checkouts run one after the other (points.http.test.ts covers that); here they overlap.
describeOnPostgres(`points spent at checkout ${POSTGRES_ONLY}`, () => {
  it('two checkouts spending the same points at once: only one succeeds when the balance covers one', async () => {
    const buyer = await t.signUp();
    await t.db.transaction((tx) =>
      t.services.points.earn(tx, {
        userId: buyer.user.id,
        points: 3_000,
        reason: 'task',
        ref: `race:${buyer.user.id}`,
      }),
    );
    const a = await createProduct(t, { price: 10_000 });
    const b = await createProduct(t, { price: 10_000 });
    const results = await Promise.all(
      [a, b].map(({ variantId }) =>
        t.request('POST', '/api/orders', {
          token: buyer.token,
          body: { items: [{ variantId, quantity: 1 }], points: 3_000 },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(results.find((r) => r.statusCode === 422)?.json()).toMatchObject({ reason: 'not_enough_points' });
    expect(await expectLotsSound(buyer.user.id)).toBe(0);
  });

  it('ten checkouts at once on a balance that covers three spend exactly three times', async () => {
    const buyer = await t.signUp();
    await t.db.transaction((tx) =>
      t.services.points.earn(tx, {
        userId: buyer.user.id,
        points: 3_500,
        reason: 'task',
        ref: `race10:${buyer.user.id}`,
      }),
    );
    const products = await Promise.all(Array.from({ length: 10 }, () => createProduct(t, { price: 10_000 })));
    const results = await Promise.all(
      products.map(({ variantId }) =>
        t.request('POST', '/api/orders', {
          token: buyer.token,
          body: { items: [{ variantId, quantity: 1 }], points: 1_000 },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 422)).toHaveLength(7);
    expect(await expectLotsSound(buyer.user.id)).toBe(500);
  });
});

it('checkouts, take-backs and earnings interleaved at once keep postings and lots in agreement', async () => {
  const buyer = await t.signUp();
  const id = buyer.user.id;
  await t.db.transaction((tx) =>
    t.services.points.earn(tx, { userId: id, points: 2_000, reason: 'task', ref: `mix:${id}` }),
  );
  const products = await Promise.all(Array.from({ length: 4 }, () => createProduct(t, { price: 10_000 })));
  const results = await Promise.all([
    ...products.map(({ variantId }) =>
      t.request('POST', '/api/orders', {
        token: buyer.token,
        body: { items: [{ variantId, quantity: 1 }], points: 800 },
      }),
    ),
    t.db.transaction((tx) =>
      t.services.points.takeBack(tx, {
        userId: id,
        points: 900,
        reason: 'order_refund',
        ref: `mix:back:${id}`,
      }),
    ),
    t.db.transaction((tx) =>
      t.services.points.earn(tx, { userId: id, points: 300, reason: 'task', ref: `mix:more:${id}` }),
    ),
  ]);
  const placed = results.filter((r) => typeof r === 'object' && r.statusCode === 201).length;
  const balance = await expectLotsSound(id);
  expect(balance).toBe(2_000 - 900 + 300 - placed * 800);
  expect(placed).toBeGreaterThanOrEqual(1);
});

describeOnPostgres(`returns and notices at once ${POSTGRES_ONLY}`, () => {
  it('the same refund settled many times at once gives the spent points back once, into their lots', async () => {
    const buyer = await t.signUp();
    const id = buyer.user.id;
    await t.db.transaction((tx) =>
      t.services.points.earn(tx, { userId: id, points: 1_000, reason: 'task', ref: `settle:${id}` }),
    );
    const { variantId } = await createProduct(t, { price: 10_000 });
    const placed = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 1 }], points: 1_000 },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const orderId = placed.json<{ id: string }>().id;
    await t.services.orders.payInSandbox(id, orderId, 'succeeded');
    await t.services.orders.refundOrder(orderId, 'race');
    await Promise.all(
      Array.from({ length: 6 }, () =>
        t.db.transaction((tx) => t.services.points.reactions.settleOrder(tx, { orderId })),
      ),
    );
    expect(await expectLotsSound(id)).toBe(1_000);
    const lots = await t.db.query<{ remaining: number }>(
      'SELECT remaining FROM point_lots WHERE user_id = $1',
      [id],
    );
    expect(lots.map((l) => l.remaining)).toEqual([1_000]);
  });

  it('a return and a checkout of the same person at once: one balance, lots in agreement', async () => {
    const buyer = await t.signUp();
    const id = buyer.user.id;
    await t.db.transaction((tx) =>
      t.services.points.earn(tx, { userId: id, points: 1_000, reason: 'task', ref: `rc:${id}` }),
    );
    const [a, b] = await Promise.all([
      createProduct(t, { price: 10_000 }),
      createProduct(t, { price: 10_000 }),
    ]);
    const first = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId: a.variantId, quantity: 1 }], points: 1_000 },
    });
    expect(first.statusCode, first.body).toBe(201);
    const orderId = first.json<{ id: string }>().id;
    const [cancelled, second] = await Promise.all([
      t.services.orders
        .cancelByBuyer(id, orderId)
        .then(() => t.db.transaction((tx) => t.services.points.reactions.settleOrder(tx, { orderId }))),
      t.request('POST', '/api/orders', {
        token: buyer.token,
        body: { items: [{ variantId: b.variantId, quantity: 1 }], points: 600 },
      }),
    ]);
    expect(cancelled).toBeUndefined();
    // The second checkout either came after the return (201) or before it, when nothing was left (422).
    expect([201, 422]).toContain(second.statusCode);
    expect(await expectLotsSound(id)).toBe(second.statusCode === 201 ? 400 : 1_000);
  });

  it('two runs of the week-ahead notice at once tell about each lot once', async () => {
    const buyer = await t.signUp();
    const id = buyer.user.id;
    const now = t.clock.now();
    for (let i = 0; i < 3; i++)
      await t.db.transaction((tx) =>
        t.services.points.postWithExpiry(tx, {
          userId: id,
          delta: 10 + i,
          reason: 'task',
          ref: `warn:${id}:${i}`,
          expiresAt: new Date(now.getTime() + (3 + i) * 86_400_000),
        }),
      );
    await Promise.all([t.services.points.warnExpiringLots(now), t.services.points.warnExpiringLots(now)]);
    const [{ n }] = (await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE payload->>'userId' = $1 AND payload ? 'lotId'`,
      [id],
    )) as [{ n: number }];
    const handlers = (
      await t.db.query<{ name: string }>(
        `SELECT DISTINCT name FROM jobs WHERE payload->>'userId' = $1 AND payload ? 'lotId'`,
        [id],
      )
    ).length;
    expect(handlers).toBeGreaterThan(0);
    expect(n).toBe(3 * handlers);
  });
});

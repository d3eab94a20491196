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

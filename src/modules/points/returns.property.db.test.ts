import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { refundedShare } from './rules.js';

/**
 * Points spent at checkout, then any sequence of partial refunds (and maybe the rest): after each,
 * what came back is exactly the refunded share of the spend, never more, each lot holds no more
 * than before the spend, and postings and lots agree; once all is refunded every lot is as it was.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const lotsArb = fc.array(
  fc.record({
    points: fc.integer({ min: 1, max: 3_000 }),
    days: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
  }),
  { minLength: 1, maxLength: 4 },
);

async function lotsOf(userId: string) {
  const rows = await t.db.query<{ id: string; remaining: number }>(
    'SELECT id, remaining FROM point_lots WHERE user_id = $1',
    [userId],
  );
  return new Map(rows.map((r) => [r.id, r.remaining]));
}

async function expectSound(userId: string) {
  const [row] = await t.db.query<{ balance: number; held: number }>(
    `SELECT (SELECT COALESCE(sum(delta), 0)::bigint FROM point_postings WHERE user_id = $1) AS balance,
            (SELECT COALESCE(sum(remaining), 0)::bigint FROM point_lots WHERE user_id = $1) AS held`,
    [userId],
  );
  expect(row!.held).toBe(Math.max(0, row!.balance));
}

describe('points spent at checkout and any sequence of refunds', () => {
  it('come back exactly in total, never more, into the lots they came from', async () => {
    const buyer = await t.signUp();
    const { orders, points } = t.services;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        lotsArb,
        fc.integer({ min: 100, max: 5_000 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 12_000 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async (lots, price, quantity, wanted, refunds, rest) => {
          run += 1;
          const userId = buyer.user.id;
          const now = t.clock.now().getTime();
          for (const [i, lot] of lots.entries())
            await t.db.transaction((tx) =>
              points.postWithExpiry(tx, {
                userId,
                delta: lot.points,
                reason: 'task',
                ref: `prop:${run}:${i}`,
                expiresAt: lot.days === null ? null : new Date(now + lot.days * DAY),
              }),
            );
          const before = await lotsOf(userId);
          const balance = await points.balance(t.db, userId);
          const { variantId } = await createProduct(t, { price, stock: quantity });
          const placed = await orders.placeOrder(userId, {
            items: [{ variantId, quantity }],
            points: Math.min(wanted, balance),
          });
          const order = placed.body;
          const spent = order.pointsUsed;
          await orders.payInSandbox(userId, order.id, 'succeeded');
          const settle = () =>
            t.db.transaction((tx) => points.reactions.settleOrder(tx, { orderId: order.id }));
          const returned = async () =>
            Number(
              (
                await t.db.query<{ n: number }>(
                  `SELECT COALESCE(sum(delta), 0)::bigint AS n FROM point_postings WHERE starts_with(ref, $1)`,
                  [`checkout:${order.id}:return:`],
                )
              )[0]!.n,
            );

          let units = 0;
          const steps = [...refunds, ...(rest ? [quantity] : [])];
          for (const n of steps) {
            const take = Math.min(n, quantity - units);
            if (take === 0) break;
            // The units' share of the paid total, cumulative, so that the last refund takes the rest.
            const share = (u: number) => Math.floor((order.total * u) / quantity);
            await orders.refundOrder(order.id, 'property', {
              items: [{ orderItemId: order.items[0]!.id, quantity: take }],
              amount: share(units + take) - share(units),
              restock: false,
            });
            units += take;
            await settle();
            await settle(); // seen twice: no second effect
            const fresh = await orders.getOwnOrder(userId, order.id);
            const refunded = fresh.status === 'refunded' ? order.total : fresh.refunded_amount;
            const back = await returned();
            expect(back).toBe(
              fresh.status === 'refunded' ? spent : refundedShare(spent, refunded, order.total),
            );
            expect(back).toBeLessThanOrEqual(spent);
            const now = await lotsOf(userId);
            for (const [id, remaining] of now)
              if (before.has(id)) expect(remaining).toBeLessThanOrEqual(before.get(id)!);
            await expectSound(userId);
          }
          if (units === quantity) {
            expect(await returned()).toBe(spent);
            const after = await lotsOf(userId);
            for (const [id, remaining] of before) expect(after.get(id)).toBe(remaining);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

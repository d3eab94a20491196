import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { Commission } from './reads.js';
import type { Wallet, Withdrawal } from './wallet.js';

/**
 * Money laws of payouts, over any interleaving of sales, settlement, withdrawals, refunds, disputes
 * and the operator's decisions: a payout is made exactly when the promoter's balance covers it, and
 * the wallet's parts always add up to what was earned and not reversed.
 */
let t: TestApp;
let admin: { token: string };

beforeAll(async () => {
  t = await createTestApp({ RETURN_WINDOW_DAYS: '0' });
  admin = await t.signInAdmin();
});
afterAll(() => t.close());

type Step =
  | { kind: 'sale'; price: number }
  | { kind: 'settle' }
  | { kind: 'withdraw'; share: number }
  | { kind: 'refund' | 'dispute' | 'won' | 'lost' | 'approve' | 'reject'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      price: fc.integer({ min: 100, max: 100_000 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'settle' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('withdraw' as const),
      share: fc.double({ min: 0.1, max: 1, noNaN: true }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('refund' as const, 'dispute' as const, 'won' as const, 'lost' as const),
      pick: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('approve' as const, 'reject' as const), pick: fc.nat() }),
  },
);

/** Every run starts with money to withdraw and ends with the operator deciding what is left. */
const plan = fc
  .array(step, { minLength: 2, maxLength: 10 })
  .map((middle): Step[] => [
    { kind: 'sale', price: 50_000 },
    { kind: 'settle' },
    { kind: 'withdraw', share: 1 },
    ...middle,
    ...Array.from({ length: 4 }, (): Step => ({ kind: 'approve', pick: 0 })),
  ]);

describe('payout laws', () => {
  it('pays out exactly when the balance covers it, and the wallet adds up to earned minus reversed', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(plan, async (steps) => {
        run += 1;
        const seller = await t.signUp();
        const slug = `law-${run}-${Math.random().toString(36).slice(2, 7)}`;
        await t.request('POST', '/api/shopkeepers', { token: seller.token });
        await t.request('POST', '/api/stores', { token: seller.token, body: { name: slug, slug } });
        await t.request('PUT', '/api/me/payout-details', {
          token: seller.token,
          body: { method: 'alipay', holderName: 'Law', account: 'law@example.com' },
        });
        const wallet = async () =>
          (await t.request('GET', '/api/me/wallet', { token: seller.token })).json<Wallet>();
        const orders: Order[] = [];
        const requested: Withdrawal[] = [];
        let approvedTotal = 0;
        const pickOrder = (n: number) => orders[n % Math.max(1, orders.length)];

        for (const s of steps) {
          if (s.kind === 'sale') {
            const buyer = await t.signUp();
            const { variantId } = await createProduct(t, { price: s.price, stock: 5 });
            const placed = await t.request('POST', '/api/orders', {
              token: buyer.token,
              body: { items: [{ variantId, quantity: 1 }], storeSlug: slug },
            });
            const order = placed.json<Order>();
            await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
            await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
            orders.push(order);
          } else if (s.kind === 'settle') {
            await t.services.distribution.settleDue();
          } else if (s.kind === 'withdraw') {
            const amount = Math.floor((await wallet()).available * s.share);
            if (amount < 1) continue;
            const res = await t.request('POST', '/api/me/withdrawals', {
              token: seller.token,
              body: { amount },
            });
            expect(res.statusCode).toBe(201);
            requested.push(res.json<Withdrawal>());
          } else if (s.kind === 'approve' || s.kind === 'reject') {
            if (requested.length === 0) continue;
            const [w] = requested.splice(s.pick % requested.length, 1) as [Withdrawal];
            const before = await wallet();
            const res = await t.request('POST', `/api/admin/withdrawals/${w.id}/${s.kind}`, {
              token: admin.token,
              body: {},
            });
            if (s.kind === 'reject') {
              expect(res.statusCode).toBe(200);
            } else if (before.available + before.reserved >= w.amount) {
              expect(res.statusCode).toBe(200);
              approvedTotal += w.amount;
            } else {
              expect(res.statusCode).toBe(422);
              requested.push(w);
            }
          } else {
            const order = pickOrder(s.pick);
            if (!order) continue;
            if (s.kind === 'refund') {
              await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
            } else {
              await t.db.transaction((tx) =>
                s.kind === 'dispute'
                  ? t.services.events.publish(tx, 'order.disputed', { orderId: order.id, userId: order.id })
                  : t.services.events.publish(tx, 'order.dispute_closed', {
                      orderId: order.id,
                      userId: order.id,
                      outcome: s.kind === 'won' ? 'won' : 'lost',
                    }),
              );
            }
          }
        }

        const mine = (await t.request('GET', '/api/me/commissions?limit=100', { token: seller.token })).json<{
          items: Commission[];
        }>().items;
        const kept = mine.filter((c) => c.status !== 'reversed').reduce((sum, c) => sum + c.amount, 0);
        const w = await wallet();
        expect(w.pending + w.held + w.available + w.reserved + w.withdrawn).toBe(kept);
        expect(w.withdrawn).toBe(approvedTotal);
        expect(w.reserved).toBe(requested.reduce((sum, r) => sum + r.amount, 0));
        expect(w.held).toBe(mine.filter((c) => c.held).reduce((sum, c) => sum + c.amount, 0));
        await expectLedgerSound(t);
      }),
      { numRuns: 10 },
    );
  });
});

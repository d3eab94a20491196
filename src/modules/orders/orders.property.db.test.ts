import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { AppError } from '../../platform/errors.js';

/**
 * Random sequences of order, pay, complete, refund and expiry. After every step: the ledger
 * balances, no stock is negative, and stock is conserved — what is on the shelf plus what is held
 * by live orders equals what the shop started with.
 */
let t: TestApp;
let buyer: { token: string; user: { id: string } };
beforeAll(async () => {
  t = await createTestApp();
  buyer = await t.signUp();
});
afterAll(() => t.close());

type Step =
  | { kind: 'order'; variant: number; quantity: number }
  | { kind: 'pay' | 'complete' | 'refund'; order: number }
  | { kind: 'expire' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('order' as const),
    variant: fc.nat(2),
    quantity: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constantFrom('pay' as const, 'complete' as const, 'refund' as const),
    order: fc.nat(20),
  }),
  fc.constant({ kind: 'expire' as const }),
);

/** Business refusals (409, 404) are expected outcomes of random steps; anything else fails the run. */
async function tolerate(action: () => Promise<unknown>) {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof AppError) || !['conflict', 'not_found'].includes(error.code)) throw error;
  }
}

async function held(variantIds: string[]) {
  const rows = await t.db.query<{ variant_id: string; held: number }>(
    `SELECT i.variant_id, sum(i.quantity)::bigint AS held FROM order_items i JOIN orders o ON o.id = i.order_id
     WHERE o.status IN ('pending_payment', 'paid', 'completed') AND i.variant_id = ANY($1) GROUP BY i.variant_id`,
    [variantIds],
  );
  return new Map(rows.map((r) => [r.variant_id, r.held]));
}

describe('orders, payments and refunds in any order', () => {
  it('keep the ledger balanced and stock conserved', async () => {
    const { orders, catalog } = t.services;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const initial = [5, 8, 3];
        const variantIds: string[] = [];
        for (const stock of initial) {
          const p = await catalog.createProduct({
            title: 'Prop',
            variants: [
              {
                sku: `P-${Math.random().toString(36).slice(2)}`,
                price: 1 + Math.floor(Math.random() * 5000),
                stock,
              },
            ],
          });
          variantIds.push(p.variants[0]!.id);
        }
        const placed: string[] = [];
        for (const s of steps) {
          if (s.kind === 'order') {
            await tolerate(async () => {
              const r = await orders.placeOrder(buyer.user.id, {
                items: [{ variantId: variantIds[s.variant]!, quantity: s.quantity }],
              });
              placed.push(r.body.id);
            });
          } else if (s.kind === 'expire') {
            await t.request('POST', '/api/test/clock', { body: { advanceMs: 31 * 60_000 } });
          } else {
            const id = placed[s.order % Math.max(placed.length, 1)];
            if (!id) continue;
            if (s.kind === 'pay') {
              const res = await t.request('POST', `/api/payments/sandbox/${id}/succeed`, {
                token: buyer.token,
              });
              expect([200, 409]).toContain(res.statusCode);
            } else if (s.kind === 'complete') await tolerate(() => orders.completeOrder(id));
            else await tolerate(() => orders.refundOrder(id, 'property test'));
          }
          const stocks = await t.db.query<{ id: string; stock: number }>(
            'SELECT id, stock FROM variants WHERE id = ANY($1)',
            [variantIds],
          );
          const holding = await held(variantIds);
          for (const [i, id] of variantIds.entries()) {
            const stock = stocks.find((r) => r.id === id)!.stock;
            expect(stock).toBeGreaterThanOrEqual(0);
            expect(stock + (holding.get(id) ?? 0)).toBe(initial[i]);
          }
        }
        await expectLedgerSound(t);
      }),
      { numRuns: 15 },
    );
  });
});

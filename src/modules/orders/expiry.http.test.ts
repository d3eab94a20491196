import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, placeOrder, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from './present.js';

/**
 * Unpaid orders lapse by a periodic sweep of those past their deadline (no job row per checkout):
 * each is cancelled once, its stock given back, and a paid or younger order is left alone.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ MAX_UNPAID_ORDERS: '0' });
});
afterAll(() => t.close());

const MINUTE = 60_000;
const statusOf = async (token: string, id: string) =>
  (await t.request('GET', `/api/orders/${id}`, { token })).json<Order>().status;

describe('unpaid orders past their deadline', () => {
  it('are cancelled by the sweep, once each, with their stock back; paid and younger ones stay', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const buyer = await t.signUp();
    const place = async () => {
      const placed = await placeOrder(t, buyer.token, [{ variantId, quantity: 2 }]);
      expect(placed.statusCode).toBe(201);
      return placed.json<Order>();
    };
    const lapsing = [await place(), await place()];
    const paid = await place();
    await t.request('POST', `/api/payments/sandbox/${paid.id}/succeed`, { token: buyer.token });
    expect(await t.db.query(`SELECT 1 FROM jobs WHERE name = 'orders.expire-unpaid'`)).toEqual([]);

    const timeout = t.config.paymentTimeoutMinutes * MINUTE;
    await t.request('POST', '/api/test/clock', { body: { advanceMs: timeout - 2 * MINUTE } });
    const younger = await place();
    expect(await stockOf(t, variantId)).toBe(2);
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 3 * MINUTE } });

    for (const o of lapsing) expect(await statusOf(buyer.token, o.id)).toBe('cancelled');
    expect(await statusOf(buyer.token, paid.id)).toBe('paid');
    expect(await statusOf(buyer.token, younger.id)).toBe('pending_payment');
    expect(await stockOf(t, variantId)).toBe(6);

    await t.request('POST', '/api/test/clock', { body: { advanceMs: timeout } });
    expect(await statusOf(buyer.token, younger.id)).toBe('cancelled');
    expect(await stockOf(t, variantId)).toBe(8);
    const cancellations = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM order_events WHERE order_id = ANY($1) AND status = 'cancelled'`,
      [[...lapsing, younger].map((o) => o.id)],
    );
    expect(cancellations[0]?.n).toBe(3);
  });

  it('an order that cannot be cancelled holds up none of the others', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const buyer = await t.signUp();
    const [stuck, next] = [
      (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>(),
      (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>(),
    ];
    // The first deadline's cancellation fails (as a bug or an outage would make it).
    await t.db.exec(`
      CREATE FUNCTION refuse_cancel() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id = '${stuck?.id}' AND NEW.status = 'cancelled' THEN RAISE EXCEPTION 'refused'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_cancel BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION refuse_cancel();`);
    try {
      await t.request('POST', '/api/test/clock', {
        body: { advanceMs: (t.config.paymentTimeoutMinutes + 1) * MINUTE },
      });
      expect(await statusOf(buyer.token, stuck?.id as string)).toBe('pending_payment');
      expect(await statusOf(buyer.token, next?.id as string)).toBe('cancelled');
    } finally {
      await t.db.exec('DROP TRIGGER refuse_cancel ON orders; DROP FUNCTION refuse_cancel();');
    }
  });
});

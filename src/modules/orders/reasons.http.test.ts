import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, expectLedgerSound, placeOrder, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { AppError } from '../../platform/errors.js';
import type { Order } from './present.js';

/** The orders module's refusals carry a reason and typed params a client words in its own language. */
let t: TestApp;
let buyer: { token: string; user: { id: string } };

beforeAll(async () => {
  t = await createTestApp({ MAX_UNPAID_ORDERS: '2' });
  buyer = await t.signUp();
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

const reasonOf = (res: Parameters<typeof expectProblem>[0], status: number) => {
  const body = expectProblem(res, status) as { reason?: string; params?: Record<string, unknown> };
  return { reason: body.reason, params: body.params };
};

const pay = (token: string, orderId: string, outcome: 'succeed' | 'fail' = 'succeed') =>
  t.request('POST', `/api/payments/sandbox/${orderId}/${outcome}`, { token });

describe('checkout refusals', () => {
  it('names the unpaid-order limit with the limit', async () => {
    const someone = await t.signUp();
    const { variantId } = await createProduct(t);
    for (let i = 0; i < 2; i++)
      expect((await placeOrder(t, someone.token, [{ variantId, quantity: 1 }])).statusCode).toBe(201);
    const refused = await placeOrder(t, someone.token, [{ variantId, quantity: 1 }]);
    expect(reasonOf(refused, 422)).toEqual({ reason: 'unpaid_order_limit', params: { limit: 2 } });
  });

  it('names a variant that is not on sale (archived product, unknown id)', async () => {
    const { product, variantId } = await createProduct(t);
    await t.services.catalog.archiveProduct(product.id);
    const refused = await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }]);
    expect(reasonOf(refused, 404)).toEqual({ reason: 'variant_unavailable', params: { variantId } });
  });

  it('words a quantity over the limit as a field rule with its limit', async () => {
    const { variantId } = await createProduct(t, { stock: 500 });
    const refused = await placeOrder(t, buyer.token, [
      { variantId, quantity: 60 },
      { variantId, quantity: 60 },
    ]);
    const body = expectProblem(refused, 400) as {
      errors?: { path: string; rule?: string; params?: object }[];
    };
    expect(body.errors).toEqual([
      expect.objectContaining({ path: '/items/0/quantity', rule: 'maximum', params: { limit: 99 } }),
    ]);
  });
});

describe('paying in the sandbox', () => {
  it('records a failed attempt on the timeline, keeps the order payable, then takes the payment', async () => {
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    const failed = await pay(buyer.token, order.id, 'fail');
    expect(failed.statusCode).toBe(200);
    expect(failed.json<Order>()).toMatchObject({ status: 'pending_payment', payment: { status: 'failed' } });
    expect(failed.json<Order>().timeline.map((s) => s.status)).toEqual(['pending_payment', 'payment_failed']);
    const paid = await pay(buyer.token, order.id);
    expect(paid.json<Order>()).toMatchObject({ status: 'paid', payment: { status: 'succeeded' } });
  });

  it('refuses paying twice with already_paid and the order', async () => {
    const { variantId } = await createProduct(t);
    const order = await placePaidOrder(t, buyer.token, variantId);
    expect(reasonOf(await pay(buyer.token, order.id), 409)).toEqual({
      reason: 'already_paid',
      params: { orderId: order.id },
    });
  });

  it('refuses paying a cancelled order with order_cancelled', async () => {
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    await t.request('POST', `/api/orders/${order.id}/cancel`, { token: buyer.token });
    expect(reasonOf(await pay(buyer.token, order.id), 409).reason).toBe('order_cancelled');
  });

  it('answers 404 for another person’s order, admins included', async () => {
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    const admin = await t.signInAdmin();
    expectProblem(await pay(admin.token, order.id), 404);
    expectProblem(await t.request('GET', `/api/orders/${order.id}/payment`, { token: admin.token }), 404);
    await t.request('POST', `/api/orders/${order.id}/cancel`, { token: buyer.token });
  });

  // A second "succeeded" event (another event id) for a payment that arrived after its order was
  // cancelled: the payment succeeds once (its state machine), so nothing is booked or refunded twice.
  it('books a late payment once when the provider reports it twice', async () => {
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    await t.request('POST', `/api/orders/${order.id}/cancel`, { token: buyer.token });
    const [payment] = await t.db.query<{ external_id: string }>(
      'SELECT external_id FROM payments WHERE order_id = $1',
      [order.id],
    );
    const event = (eventId: string) => ({
      eventId,
      type: 'payment.succeeded' as const,
      externalId: payment!.external_id,
      amount: order.total,
    });
    for (const eventId of ['late-1', 'late-2']) {
      const error = await t.services.orders.confirmPayment('sandbox', event(eventId)).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ reason: 'paid_after_cancel', params: { orderId: order.id } });
    }
    const booked = await t.db.query("SELECT 1 FROM ledger_transactions WHERE kind = 'payment.late'");
    expect(booked.length).toBeGreaterThanOrEqual(1);
    const ofThis = await t.db.query(
      "SELECT 1 FROM ledger_transactions WHERE kind = 'payment.late' AND ref = (SELECT id FROM payments WHERE order_id = $1)",
      [order.id],
    );
    expect(ofThis).toHaveLength(1);
  });
});

describe('delivery refusals', () => {
  it('refuses cancelling a paid order with already_paid, and receipt before shipping with not_shipped', async () => {
    const { variantId } = await createProduct(t);
    const order = await placePaidOrder(t, buyer.token, variantId);
    const cancel = await t.request('POST', `/api/orders/${order.id}/cancel`, { token: buyer.token });
    expect(reasonOf(cancel, 409)).toEqual({ reason: 'already_paid', params: { orderId: order.id } });
    const receipt = await t.request('POST', `/api/orders/${order.id}/receipt`, { token: buyer.token });
    expect(reasonOf(receipt, 409)).toEqual({ reason: 'not_shipped', params: { orderId: order.id } });
  });

  it('refuses completing an unpaid order with invalid_transition and both states', async () => {
    const admin = await t.signInAdmin();
    const { variantId } = await createProduct(t);
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    const refused = await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
    expect(reasonOf(refused, 409)).toEqual({
      reason: 'invalid_transition',
      params: { machine: 'order', from: 'pending_payment', to: 'completed' },
    });
    await t.request('POST', `/api/orders/${order.id}/cancel`, { token: buyer.token });
  });
});

describe('refund refusals', () => {
  const claim = (orderId: string, amount?: number) =>
    t.db.transaction((tx) =>
      t.services.orders.claimRefund(tx, orderId, { reason: 'test', amount, restock: false }),
    );

  it('names the refundable amount when a refund asks for more', async () => {
    const { variantId } = await createProduct(t, { price: 3000 });
    const order = await placePaidOrder(t, buyer.token, variantId);
    await expect(claim(order.id, 3001)).rejects.toMatchObject({
      reason: 'refund_above_refundable',
      params: { amount: 3001, refundableAmount: 3000 },
    });
  });

  it('refuses a second claim while one is in flight, and refunding what is refunded', async () => {
    const admin = await t.signInAdmin();
    const { variantId } = await createProduct(t, { price: 2000 });
    const order = await placePaidOrder(t, buyer.token, variantId);
    await claim(order.id);
    await expect(claim(order.id, 1)).rejects.toMatchObject({ reason: 'refund_in_progress' });
    const other = await placePaidOrder(t, buyer.token, variantId);
    expect(
      (await t.request('POST', `/api/admin/orders/${other.id}/refund`, { token: admin.token })).statusCode,
    ).toBe(200);
    const again = await t.request('POST', `/api/admin/orders/${other.id}/refund`, { token: admin.token });
    expect(reasonOf(again, 409).reason).toBe('invalid_transition');
  });
});

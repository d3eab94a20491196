import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectBooksAgree } from '../../../test/support/books.js';
import {
  type FakeStripe,
  fakeStripe,
  type StripeEventType,
  signedDelivery,
  stripeEvent,
} from '../../../test/support/fake-stripe.js';
import { expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, placeOrder, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';

let t: TestApp;
let fake: FakeStripe;
let buyer: { token: string };
let admin: { token: string };

beforeAll(async () => {
  fake = fakeStripe();
  t = await createTestApp(
    { PAYMENT_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' },
    undefined,
    { stripeHttpClient: fake.httpClient },
  );
  buyer = await t.signUp();
  admin = await t.signInAdmin();
});
afterEach(async () => {
  await expectLedgerSound(t);
  await expectBooksAgree(t);
});
afterAll(() => t.close());

type StripeOrder = Order & { payment: { clientSecret?: string } };

/** Checkout paid through Stripe: the order and the PaymentIntent the fake Stripe created for it. */
async function checkout(price = 4900) {
  const { variantId } = await createProduct(t, { price, stock: 5 });
  const res = await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }]);
  expect(res.statusCode).toBe(201);
  const order = res.json<StripeOrder>();
  return { order, intent: fake.intentOf(order.id) };
}

function deliver(delivery: { payload: string; headers: Record<string, string> }) {
  return t.request('POST', '/api/payments/stripe/webhook', {
    body: delivery.payload,
    headers: delivery.headers,
  });
}

const send = (type: StripeEventType, intent: { id: string; amount: number }, amountReceived?: number) =>
  deliver(signedDelivery(stripeEvent(type, intent, amountReceived === undefined ? {} : { amountReceived })));

const orderOf = async (id: string) =>
  (await t.request('GET', `/api/orders/${id}`, { token: buyer.token })).json<Order>();

const postingSets = async (kind: string, ref: string) =>
  Number(
    (
      await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = $1 AND ref = $2',
        [kind, ref],
      )
    )[0]?.n,
  );

describe('checkout through Stripe', () => {
  it('creates a PaymentIntent and returns its client secret', async () => {
    const { order, intent } = await checkout(4900);
    expect(order.payment).toMatchObject({
      provider: 'stripe',
      status: 'pending',
      amount: 4900,
      payUrl: null,
      clientSecret: expect.stringMatching(new RegExp(`^${intent.id}_secret_`)),
    });
    const created = fake.requests.find((r) => r.params.get('metadata[orderId]') === order.id);
    expect(created?.idempotencyKey).toBe(`order:${order.id}:payment`);
    expect(created?.params.get('amount')).toBe('4900');
    expect(created?.params.get('currency')).toBe('cny');
  });

  it('cancels the order and gives the stock back when Stripe refuses the PaymentIntent', async () => {
    const { variantId } = await createProduct(t, { stock: 5 });
    fake.refuseNext({ type: 'invalid_request_error', code: 'amount_too_large', message: 'Amount too large' });
    expectProblem(await placeOrder(t, buyer.token, [{ variantId, quantity: 2 }]), 503);
    expect(await stockOf(t, variantId)).toBe(5);
  });

  it('cannot be paid through the sandbox page', async () => {
    const { order } = await checkout();
    const res = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
    expectProblem(res, 409);
    expect((await orderOf(order.id)).status).toBe('pending_payment');
  });
});

describe('POST /api/payments/stripe/webhook', () => {
  it('pays the order on a signed payment_intent.succeeded, and books the money once', async () => {
    const { order, intent } = await checkout(4900);
    const cashBefore = await t.services.ledger.balance(t.db, 'provider:stripe');
    const res = await send('payment_intent.succeeded', intent);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, applied: true });
    expect(await orderOf(order.id)).toMatchObject({
      status: 'paid',
      payment: { provider: 'stripe', status: 'succeeded' },
    });
    expect(await postingSets('order.paid', order.id)).toBe(1);
    expect(await t.services.ledger.balance(t.db, 'provider:stripe')).toBe(cashBefore + 4900);
  });

  it('acknowledges a replayed event without applying it again', async () => {
    const { order, intent } = await checkout();
    const delivery = signedDelivery(stripeEvent('payment_intent.succeeded', intent));
    expect((await deliver(delivery)).json()).toEqual({ received: true, applied: true });

    const replay = await deliver(delivery);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ received: true, applied: false });
    expect(await postingSets('order.paid', order.id)).toBe(1);
  });

  it(`pays once when the same event arrives five times at once ${RACE}`, async () => {
    const { order, intent } = await checkout();
    const delivery = signedDelivery(stripeEvent('payment_intent.succeeded', intent));
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(delivery)));

    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.filter((r) => r.json().applied === true)).toHaveLength(1);
    expect((await orderOf(order.id)).status).toBe('paid');
    expect(await postingSets('order.paid', order.id)).toBe(1);
  });

  it('refuses a bad signature with 400 and changes nothing', async () => {
    const { order, intent } = await checkout();
    const forged = signedDelivery(stripeEvent('payment_intent.succeeded', intent), 'whsec_forged');
    expectProblem(await deliver(forged), 400);

    const unsigned = signedDelivery(stripeEvent('payment_intent.succeeded', intent));
    expectProblem(await deliver({ ...unsigned, headers: { 'content-type': 'application/json' } }), 400);
    expect((await orderOf(order.id)).status).toBe('pending_payment');
  });

  it('answers 404 for a provider without webhooks', async () => {
    const delivery = signedDelivery(stripeEvent('payment_intent.succeeded', { id: 'pi_x', amount: 1 }));
    expectProblem(
      await t.request('POST', '/api/payments/paypal/webhook', {
        body: delivery.payload,
        headers: delivery.headers,
      }),
      404,
    );
    expectProblem(
      await t.request('POST', '/api/payments/sandbox/webhook', {
        body: delivery.payload,
        headers: delivery.headers,
      }),
      404,
    );
  });

  // Regression: a payment of another amount answered 422, so Stripe retried it forever.
  it('acknowledges a payment of another amount, keeps the order unpaid and refunds what was received', async () => {
    const { order, intent } = await checkout(4900);
    const delivery = signedDelivery(
      stripeEvent('payment_intent.succeeded', intent, { amountReceived: 4800 }),
    );
    const res = await deliver(delivery);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, applied: false });
    expect(await orderOf(order.id)).toMatchObject({
      status: 'pending_payment',
      payment: { status: 'pending' },
    });
    expect(await postingSets('order.paid', order.id)).toBe(0);
    expect(await t.services.ledger.balance(t.db, 'platform:unmatched-payments')).toBe(-4800);

    const listed = (await t.request('GET', '/api/admin/attention', { token: admin.token })).json<{
      items: { kind: string; orderId: string; amount: number }[];
    }>();
    expect(listed.items).toContainEqual(
      expect.objectContaining({ kind: 'payment_unmatched', orderId: order.id, amount: 4800 }),
    );

    // A replay records nothing more; the job refunds once, keyed for idempotency.
    expect((await deliver(delivery)).json()).toEqual({ received: true, applied: false });
    await t.jobs.runDue();
    await t.jobs.runDue();
    const sent = fake.requests.filter(
      (r) => r.path === '/v1/refunds' && r.params.get('payment_intent') === intent.id,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params.get('amount')).toBe('4800');
    expect(sent[0]?.idempotencyKey).toMatch(/^unmatched:/);
    expect(await t.services.ledger.balance(t.db, 'platform:unmatched-payments')).toBe(0);
    const [row] = await t.db.query<{ status: string; refund_external_id: string }>(
      'SELECT status, refund_external_id FROM unmatched_payments WHERE order_id = $1',
      [order.id],
    );
    expect(row).toMatchObject({ status: 'refunded', refund_external_id: expect.stringMatching(/^re_/) });
    expect((await orderOf(order.id)).status).toBe('pending_payment');

    // Stripe's charge.refunded for that refund is recognised as Fission's own, listed or not.
    for (const refunds of [null, fake.refundsOf(intent)]) {
      const refunded = stripeEvent('charge.refunded', intent, { refunds, amountRefunded: 4800 });
      expect((await deliver(signedDelivery(refunded))).json()).toEqual({ received: true, applied: false });
    }
  });

  it('keeps the order payable after payment_intent.payment_failed', async () => {
    const { order, intent } = await checkout();
    const failed = await send('payment_intent.payment_failed', intent);
    expect(failed.json()).toEqual({ received: true, applied: true });
    const afterFailure = await orderOf(order.id);
    expect(afterFailure).toMatchObject({ status: 'pending_payment', payment: { status: 'failed' } });
    expect(afterFailure.timeline.map((e) => e.status)).toContain('payment_failed');

    expect((await send('payment_intent.succeeded', intent)).json()).toEqual({
      received: true,
      applied: true,
    });
    expect((await orderOf(order.id)).status).toBe('paid');
  });

  it('acknowledges events it does not act on', async () => {
    const { intent } = await checkout();
    const event = { ...stripeEvent('payment_intent.succeeded', intent), type: 'customer.created' };
    const res = await deliver(signedDelivery(event));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, applied: false });
  });
});

describe('refunds through Stripe', () => {
  it('refunds a Stripe-paid order at Stripe, for its total, with the refund as idempotency key', async () => {
    const { order, intent } = await checkout(6300);
    await send('payment_intent.succeeded', intent);

    const res = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(res.statusCode).toBe(200);
    expect(res.json<Order>()).toMatchObject({ status: 'refunded', payment: { status: 'refunded' } });

    const [refund] = await t.db.query<{ id: string; external_id: string }>(
      "SELECT id, external_id FROM refunds WHERE order_id = $1 AND status = 'succeeded'",
      [order.id],
    );
    const sent = fake.requests.filter(
      (r) => r.path === '/v1/refunds' && r.params.get('payment_intent') === intent.id,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params.get('amount')).toBe('6300');
    expect(sent[0]?.idempotencyKey).toBe(`refund:${refund?.id}`);
    expect(sent[0]?.params.get('metadata[fissionRefundId]')).toBe(refund?.id);
    expect(refund?.external_id).toMatch(/^re_/);
    expect(await postingSets('order.refunded', order.id)).toBe(1);
  });

  // Last in the file: moving the clock expires every order still waiting for payment.
  it('refunds a payment that arrives after the order expired', async () => {
    const { order, intent } = await checkout(5500);
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 31 * 60_000 } });
    expect((await orderOf(order.id)).status).toBe('cancelled');

    const late = await send('payment_intent.succeeded', intent);
    expect(late.statusCode).toBe(200);
    expect((await orderOf(order.id)).status).toBe('cancelled');

    await t.jobs.runDue();
    const sent = fake.requests.filter(
      (r) => r.path === '/v1/refunds' && r.params.get('payment_intent') === intent.id,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params.get('amount')).toBe('5500');
    expect(sent[0]?.idempotencyKey).toMatch(/^refund:/);
    expect((await orderOf(order.id)).payment).toMatchObject({ provider: 'stripe', status: 'refunded' });
    expect(await t.services.ledger.balance(t.db, 'platform:late-payments')).toBe(0);
  });
});

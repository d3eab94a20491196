import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectBooksAgree, heldForOrder } from '../../../test/support/books.js';
import {
  type FakeRefund,
  type FakeStripe,
  fakeStripe,
  signedDelivery,
  stripeEvent,
} from '../../../test/support/fake-stripe.js';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, expectLedgerSound, placeOrder, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Order } from '../orders/present.js';

/**
 * What Stripe reports beyond a payment's outcome: refunds made in its dashboard, chargebacks,
 * refunds that failed; and the operator's list of what needs a person.
 */
let t: TestApp;
let fake: FakeStripe;
let buyer: { token: string };
let other: { token: string };
let admin: { token: string };
const published: { name: keyof DomainEvents; event: { orderId?: string; outcome?: string } }[] = [];

beforeAll(async () => {
  fake = fakeStripe();
  t = await createTestApp(
    {
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_x',
    },
    undefined,
    { stripeHttpClient: fake.httpClient },
  );
  for (const name of ['order.disputed', 'order.dispute_closed', 'order.refunded'] as const) {
    t.services.events.subscribe(name, async (_tx, event) => {
      published.push({ name, event });
    });
  }
  buyer = await t.signUp();
  other = await t.signUp();
  admin = await t.signInAdmin();
});
afterEach(async () => {
  await expectLedgerSound(t);
  await expectBooksAgree(t);
});
afterAll(() => t.close());

const deliver = (event: Record<string, unknown>) => {
  const delivery = signedDelivery(event);
  return t.request('POST', '/api/payments/stripe/webhook', {
    body: delivery.payload,
    headers: delivery.headers,
  });
};

const orderOf = async (id: string) =>
  (await t.request('GET', `/api/orders/${id}`, { token: buyer.token })).json<Order>();

type Attention = { items: { kind: string; id: string; orderId: string | null; amount: number | null }[] };
const attention = async () =>
  (await t.request('GET', '/api/admin/attention', { token: admin.token })).json<
    Attention & { counts: object }
  >();

/** A Stripe-paid order: checkout, then Stripe's payment_intent.succeeded. */
async function paidOrder(price = 5000, quantity = 1) {
  const { variantId } = await createProduct(t, { price, stock: 10 });
  const placed = await placeOrder(t, buyer.token, [{ variantId, quantity }]);
  expect(placed.statusCode).toBe(201);
  const order = placed.json<Order>();
  const intent = fake.intentOf(order.id);
  expect((await deliver(stripeEvent('payment_intent.succeeded', intent))).json()).toMatchObject({
    applied: true,
  });
  return { order, intent, variantId };
}

const chargeRefunded = (
  intent: { id: string; amount: number },
  refunds: FakeRefund[] | null,
  amountRefunded?: number,
) =>
  stripeEvent('charge.refunded', intent, {
    refunds,
    ...(amountRefunded === undefined ? {} : { amountRefunded }),
  });

describe('charge.refunded', () => {
  it('refunds the order through the normal path when the whole payment was refunded in the dashboard', async () => {
    const { order, intent, variantId } = await paidOrder(5000, 2);
    expect(await stockOf(t, variantId)).toBe(8);
    const refund = fake.dashboardRefund(intent, 10_000);
    const event = chargeRefunded(intent, fake.refundsOf(intent));

    expect((await deliver(event)).json()).toEqual({ received: true, applied: true });
    const refunded = await orderOf(order.id);
    expect(refunded).toMatchObject({ status: 'refunded', payment: { status: 'refunded' } });
    expect(refunded.timeline.at(-1)).toMatchObject({ status: 'refunded', note: 'refunded at stripe' });
    expect(await stockOf(t, variantId)).toBe(10);
    expect(published).toContainEqual({
      name: 'order.refunded',
      event: expect.objectContaining({ orderId: order.id }),
    });
    // Stripe was not asked to refund again; the order's refund carries the dashboard's refund id.
    expect(
      fake.requests.filter((r) => r.path === '/v1/refunds' && r.params.get('payment_intent') === intent.id),
    ).toHaveLength(0);
    const [row] = await t.db.query<{ external_id: string; status: string }>(
      'SELECT external_id, status FROM refunds WHERE order_id = $1',
      [order.id],
    );
    expect(row).toEqual({ external_id: refund.id, status: 'succeeded' });

    // A replay, and a new event listing the same refund, apply nothing more.
    expect((await deliver(event)).json()).toEqual({ received: true, applied: false });
    expect((await deliver(chargeRefunded(intent, fake.refundsOf(intent)))).json()).toEqual({
      received: true,
      applied: false,
    });
    const sets = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'order.refunded' AND ref = $1",
      [order.id],
    );
    expect(sets[0]?.n).toBe(1);
  });

  it('does not apply a refund Fission made itself a second time', async () => {
    const { order, intent } = await paidOrder(4200);
    const res = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(res.statusCode).toBe(200);
    const own = fake.refundsOf(intent);
    expect(own).toHaveLength(1);

    expect((await deliver(chargeRefunded(intent, own))).json()).toEqual({ received: true, applied: false });
    // Also when the event does not list the charge's refunds: the refunded total is accounted for.
    expect((await deliver(chargeRefunded(intent, null, 4200))).json()).toEqual({
      received: true,
      applied: false,
    });
    expect((await attention()).items.filter((i) => i.orderId === order.id)).toEqual([]);
    const refunds = await t.db.query('SELECT id FROM refunds WHERE order_id = $1', [order.id]);
    expect(refunds).toHaveLength(1);
  });

  it('refunds a partial dashboard refund as money only through the partial refund path, and the rest in full', async () => {
    const { order, intent } = await paidOrder(6000);
    const refund = fake.dashboardRefund(intent, 1500);
    expect((await deliver(chargeRefunded(intent, fake.refundsOf(intent)))).json()).toEqual({
      received: true,
      applied: true,
    });
    const partly = await orderOf(order.id);
    expect(partly).toMatchObject({ status: 'paid', refundedAmount: 1500 });
    // Money only: the provider does not say which units, so none are marked refunded.
    expect(partly.items.map((i: { refundedQuantity: number }) => i.refundedQuantity)).toEqual([0]);
    expect(
      (await attention()).items.filter((i) => i.kind === 'dashboard_refund' && i.id === refund.id),
    ).toEqual([]);
    // Replayed: applied once.
    expect((await deliver(chargeRefunded(intent, fake.refundsOf(intent)))).json()).toMatchObject({
      received: true,
    });
    expect((await orderOf(order.id)).refundedAmount).toBe(1500);

    // The second half, in an event that does not list refunds: the unaccounted rest is one refund.
    expect((await deliver(chargeRefunded(intent, null, 6000))).json()).toEqual({
      received: true,
      applied: true,
    });
    expect(await orderOf(order.id)).toMatchObject({ status: 'refunded', refundedAmount: 6000 });
    expect((await attention()).items.filter((i) => i.orderId === order.id)).toEqual([]);
  });
});

describe('charge.dispute.created and charge.dispute.closed', () => {
  it('marks the order disputed, publishes the events, and books a lost dispute as a loss', async () => {
    const { order, intent } = await paidOrder(7000);
    expect((await orderOf(order.id)).dispute).toBeNull();

    const opened = stripeEvent('charge.dispute.created', intent, { disputeId: 'dp_lost' });
    expect((await deliver(opened)).json()).toEqual({ received: true, applied: true });
    expect((await orderOf(order.id)).dispute).toMatchObject({ status: 'open', closedAt: null });
    expect(published).toContainEqual({
      name: 'order.disputed',
      event: expect.objectContaining({ orderId: order.id }),
    });
    expect((await attention()).items).toContainEqual(
      expect.objectContaining({ kind: 'dispute_open', id: 'dp_lost', orderId: order.id, amount: 7000 }),
    );
    expect((await deliver(opened)).json()).toEqual({ received: true, applied: false });
    expect(published.filter((p) => p.name === 'order.disputed' && p.event.orderId === order.id)).toHaveLength(
      1,
    );

    const cashBefore = await t.services.ledger.balance(t.db, 'provider:stripe');
    const lossesBefore = await t.services.ledger.balance(t.db, 'platform:dispute-losses');
    const closed = stripeEvent('charge.dispute.closed', intent, {
      disputeId: 'dp_lost',
      disputeStatus: 'lost',
    });
    expect((await deliver(closed)).json()).toEqual({ received: true, applied: true });
    expect((await deliver(closed)).json()).toEqual({ received: true, applied: false });
    const after = await orderOf(order.id);
    expect(after.dispute).toMatchObject({ status: 'lost', closedAt: expect.any(String) });
    expect(after.status).toBe('paid');
    expect(
      published.filter((p) => p.name === 'order.dispute_closed' && p.event.orderId === order.id),
    ).toEqual([{ name: 'order.dispute_closed', event: expect.objectContaining({ outcome: 'lost' }) }]);
    expect(await t.services.ledger.balance(t.db, 'provider:stripe')).toBe(cashBefore - 7000);
    expect(await t.services.ledger.balance(t.db, 'platform:dispute-losses')).toBe(lossesBefore + 7000);
    expect(
      (await attention()).items.filter((i) => i.kind === 'dispute_open' && i.orderId === order.id),
    ).toEqual([]);
  });

  it('closes a won dispute without moving money, even when its opening event was missed', async () => {
    const { order, intent } = await paidOrder(3000);
    const losses = await t.services.ledger.balance(t.db, 'platform:dispute-losses');
    const closed = stripeEvent('charge.dispute.closed', intent, {
      disputeId: 'dp_won',
      disputeStatus: 'won',
    });
    expect((await deliver(closed)).json()).toEqual({ received: true, applied: true });
    expect((await orderOf(order.id)).dispute).toMatchObject({ status: 'won' });
    const mine = published.filter((p) => p.event.orderId === order.id).map((p) => p.name);
    expect(mine).toEqual(['order.disputed', 'order.dispute_closed']);
    expect(await t.services.ledger.balance(t.db, 'platform:dispute-losses')).toBe(losses);
  });

  it('shows the dispute in the admin view of the order too', async () => {
    const { order, intent } = await paidOrder(2000);
    await deliver(stripeEvent('charge.dispute.created', intent, { disputeId: 'dp_admin' }));
    const res = await t.request('GET', `/api/admin/orders/${order.id}`, { token: admin.token });
    expect(res.json<Order>().dispute).toMatchObject({ status: 'open' });
  });
});

describe('refund.failed', () => {
  it('marks Fission’s refund failed and lists it for the operator', async () => {
    const { order, intent } = await paidOrder(3300);
    await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    const [refund] = fake.refundsOf(intent);
    const cashBefore = await t.services.ledger.balance(t.db, 'provider:stripe');
    const failed = stripeEvent('refund.failed', intent, { refund });
    expect((await deliver(failed)).json()).toEqual({ received: true, applied: true });
    expect((await deliver(failed)).json()).toEqual({ received: true, applied: false });
    // The money is back at Stripe, owed to the buyer: booked once, so both books say Stripe holds it.
    expect(await t.services.ledger.balance(t.db, 'provider:stripe')).toBe(cashBefore + 3300);
    expect(await heldForOrder(t, order.id)).toBe(3300);
    const [row] = await t.db.query<{ id: string; status: string; failure_reason: string }>(
      'SELECT id, status, failure_reason FROM refunds WHERE order_id = $1',
      [order.id],
    );
    expect(row).toMatchObject({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect((await attention()).items).toContainEqual(
      expect.objectContaining({ kind: 'refund_failed', id: row?.id, orderId: order.id, amount: 3300 }),
    );
  });

  it('acknowledges a failed refund it does not know', async () => {
    const { intent } = await paidOrder(1000);
    const unknown = stripeEvent('refund.failed', intent);
    expect((await deliver(unknown)).json()).toEqual({ received: true, applied: false });
  });
});

describe('GET /api/orders/:id/payment', () => {
  it('gives the buyer the client secret of an open Stripe payment', async () => {
    const { variantId } = await createProduct(t, { price: 1200, stock: 5 });
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    const intent = fake.intentOf(order.id);
    const res = await t.request('GET', `/api/orders/${order.id}/payment`, { token: buyer.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      provider: 'stripe',
      status: 'pending',
      amount: 1200,
      clientSecret: expect.stringMatching(new RegExp(`^${intent.id}_secret_`)),
    });
    // The order itself never carries it once checkout has answered.
    expect(JSON.stringify(await orderOf(order.id))).not.toContain('_secret_');

    await deliver(stripeEvent('payment_intent.succeeded', intent));
    const paid = await t.request('GET', `/api/orders/${order.id}/payment`, { token: buyer.token });
    expect(paid.json()).toMatchObject({ status: 'succeeded', clientSecret: null });
  });

  it('answers 404 to anyone else, admins included, and 401 without a token', async () => {
    const { variantId } = await createProduct(t, { price: 1200, stock: 5 });
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    expectProblem(await t.request('GET', `/api/orders/${order.id}/payment`, { token: other.token }), 404);
    expectProblem(await t.request('GET', `/api/orders/${order.id}/payment`, { token: admin.token }), 404);
    expectProblem(await t.request('GET', `/api/orders/${order.id}/payment`), 401);
    expectProblem(await t.request('GET', '/api/orders/nope/payment', { token: buyer.token }), 404);
  });

  it('publishes the publishable key in /api/config', async () => {
    expect((await t.request('GET', '/api/config')).json()).toMatchObject({
      sandboxPayments: true,
      stripe: { publishableKey: 'pk_test_x' },
    });
  });
});

describe('GET /api/admin/attention', () => {
  it('lists jobs that failed for good and refunds stuck requested for over 15 minutes', async () => {
    await t.db.query(
      `INSERT INTO jobs (name, payload, status, run_at, attempts, last_error) VALUES ('test.poison', '{}', 'failed', now(), 8, 'Error: boom')`,
    );
    const { order } = await paidOrder(2500);
    const [payment] = await t.db.query<{ id: string }>('SELECT id FROM payments WHERE order_id = $1', [
      order.id,
    ]);
    await t.db.query(
      `INSERT INTO refunds (id, order_id, payment_id, amount, status, reason, created_at, updated_at)
       VALUES ('stuck-refund', $1, $2, 2500, 'requested', 'crashed', $3, $3)`,
      [order.id, payment?.id, t.clock.now()],
    );
    expect((await attention()).items.map((i) => i.id)).not.toContain('stuck-refund');
    t.clock.advance(16 * 60_000);

    const listed = await attention();
    expect(listed.items).toContainEqual(
      expect.objectContaining({ kind: 'job_failed', detail: 'test.poison: Error: boom', attempts: 8 }),
    );
    expect(listed.items).toContainEqual(
      expect.objectContaining({ kind: 'refund_stuck', id: 'stuck-refund', orderId: order.id, amount: 2500 }),
    );
    expect(listed.counts).toMatchObject({ job_failed: 1, refund_stuck: 1 });

    const metrics = await t.request('GET', '/metrics');
    expect(metrics.body).toMatch(/fission_needs_attention\{kind="job_failed"\} 1/);
    expect(metrics.body).toMatch(/fission_needs_attention\{kind="refund_stuck"\} 1/);
    await t.db.query("DELETE FROM refunds WHERE id = 'stuck-refund'");
  });

  it('is for administrators only', async () => {
    expectProblem(await t.request('GET', '/api/admin/attention'), 401);
    expectProblem(await t.request('GET', '/api/admin/attention', { token: buyer.token }), 403);
  });
});

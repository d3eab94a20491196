import type { Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { type AuditContext, record } from '../audit/index.js';
import { accounts, transferBetween } from '../ledger/index.js';
import type { PaymentEvent } from '../payments/index.js';
import { setPaymentFingerprint } from './contacts.js';
import type { OrdersContext } from './context.js';
import { REFUND_LATE_PAYMENT_JOB } from './context.js';
import { type Order, presentOrder } from './present.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { type OrderStatus, orderMachine } from './rules.js';
import { paidPosting } from './shipping.js';

export async function lockOrThrow(tx: Tx, orderId: string): Promise<q.OrderRow> {
  const order = await q.lockOrder(tx, orderId);
  if (!order) throw notFound('Order');
  return order;
}

export async function moveTo(ctx: OrdersContext, tx: Tx, order: q.OrderRow, to: OrderStatus, note = '') {
  orderMachine.assertTransition(order.status, to);
  const now = ctx.clock.now();
  await q.setStatus(tx, order.id, to, now);
  await q.recordEvent(tx, order.id, to, now, note);
  return { ...order, status: to, updated_at: now };
}

const stockLines = async (tx: Tx, orderId: string) =>
  (await q.itemsOf(tx, [orderId])).map((i) => ({ variantId: i.variant_id, quantity: i.quantity }));

/** Cancels an order that was never paid and gives its stock back; a no-op for any other state. */
export async function cancelUnpaidOrder(ctx: OrdersContext, orderId: string, note: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const order = await q.lockOrder(tx, orderId);
    if (order?.status !== 'pending_payment') return false;
    await moveTo(ctx, tx, order, 'cancelled', note);
    await ctx.catalog.releaseStock(tx, await stockLines(tx, orderId), {
      orderId,
      kind: 'released',
      reason: note,
    });
    await ctx.events.publish(tx, 'order.cancelled', { orderId, userId: order.user_id });
    return true;
  });
}

export const UNPAID_EXPIRY_NOTE = 'not paid in time';
const EXPIRY_BATCH = 200;

/**
 * Cancels every unpaid order whose payment deadline has passed by `now`, a batch at a time; each
 * is re-checked under its row lock, so a payment that lands meanwhile wins, and two processes
 * sweeping at once cancel each order once. An order that fails to cancel does not hold up the
 * others: the sweep goes on past it and fails at the end (the job retries). Returns how many it
 * cancelled.
 */
export async function expireLapsedOrders(ctx: OrdersContext, now: Date): Promise<number> {
  let cancelled = 0;
  let after: q.LapsedOrder | undefined;
  const failures: unknown[] = [];
  for (;;) {
    const due = await q.lapsedUnpaidOrders(ctx.db, now, EXPIRY_BATCH, after);
    for (const order of due) {
      try {
        if (await cancelUnpaidOrder(ctx, order.id, UNPAID_EXPIRY_NOTE)) cancelled++;
      } catch (error) {
        failures.push(error);
      }
    }
    after = due.at(-1);
    if (due.length < EXPIRY_BATCH) break;
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `${failures.length} lapsed orders could not be cancelled`);
  return cancelled;
}

/**
 * Applies a provider's "payment succeeded" once. The order row lock serializes racing deliveries
 * (webhook + sandbox page, or two webhook retries); the event id makes replays no-ops.
 * Returns the paid order, or throws 409 when it was already paid.
 */
export async function confirmPayment(
  ctx: OrdersContext,
  provider: string,
  event: PaymentEvent,
): Promise<Order> {
  const outcome = await ctx.db.transaction(async (tx) => {
    const payment = await ctx.payments.findByExternalId(tx, provider, event.externalId);
    if (!payment) throw notFound('Payment');
    const order = await lockOrThrow(tx, payment.order_id);
    if (!(await ctx.payments.firstDelivery(tx, provider, event.eventId))) return 'replayed' as const;
    // Never applied to the order, and never an error: the provider would retry it forever.
    if (event.amount !== order.total) {
      await ctx.payments.recordUnmatchedPayment(tx, payment, event);
      return { kind: 'unmatched' as const, total: order.total };
    }
    if (order.status === 'cancelled') {
      await acceptLatePayment(ctx, tx, payment);
      return { kind: 'late' as const, orderId: order.id };
    }
    const paid = await moveTo(ctx, tx, order, 'paid');
    await ctx.payments.markPayment(tx, payment.id, 'succeeded');
    if (order.total > 0) {
      await ctx.ledger.post(tx, {
        kind: 'order.paid',
        ref: order.id,
        ...paidPosting(provider, order.total, order.shipping_fee),
      });
    }
    if (event.paymentFingerprint) await setPaymentFingerprint(tx, order.id, event.paymentFingerprint);
    await ctx.events.publish(tx, 'order.paid', { orderId: order.id, userId: order.user_id });
    return { kind: 'paid' as const, order: await presentOrder(ctx, tx, paid) };
  });
  if (outcome === 'replayed')
    throw refuse('payment_event_replayed', undefined, 'This payment event was already applied');
  if (outcome.kind === 'late')
    throw refuse(
      'paid_after_cancel',
      { orderId: outcome.orderId },
      'The order was cancelled before the payment arrived; it will be refunded',
    );
  if (outcome.kind === 'unmatched')
    throw refuse(
      'payment_amount_mismatch',
      { amount: event.amount, total: outcome.total },
      'The amount paid differs from the order total; the payment will be refunded',
    );
  return outcome.order;
}

/** Money arrived after the order lapsed: book it as owed back to the payer and queue the refund. */
async function acceptLatePayment(
  ctx: OrdersContext,
  tx: Tx,
  payment: { id: string; provider: string; amount: number },
) {
  // A second success for the same payment (another event id) books and refunds nothing more.
  if (!(await ctx.payments.markPayment(tx, payment.id, 'succeeded'))) return;
  if (payment.amount > 0) {
    const cash = accounts.provider(payment.provider);
    await ctx.ledger.post(tx, {
      kind: 'payment.late',
      ref: payment.id,
      ...transferBetween(accounts.latePayments, cash, payment.amount),
    });
  }
  await ctx.jobs.enqueue(
    tx,
    REFUND_LATE_PAYMENT_JOB,
    { paymentId: payment.id },
    { dedupeKey: `late:${payment.id}` },
  );
}

/** A failed attempt: the order stays payable until it expires. */
export async function recordPaymentFailure(
  ctx: OrdersContext,
  provider: string,
  event: PaymentEvent,
): Promise<Order> {
  return ctx.db.transaction(async (tx) => {
    const payment = await ctx.payments.findByExternalId(tx, provider, event.externalId);
    if (!payment) throw notFound('Payment');
    const order = await lockOrThrow(tx, payment.order_id);
    if (await ctx.payments.firstDelivery(tx, provider, event.eventId)) {
      await ctx.payments.markPayment(tx, payment.id, 'failed');
      await q.recordEvent(tx, order.id, 'payment_failed', ctx.clock.now());
    }
    return presentOrder(ctx, tx, order);
  });
}

export async function completeOrder(ctx: OrdersContext, orderId: string, by?: AuditContext): Promise<Order> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOrThrow(tx, orderId);
    // A group-buy order ships only once its group has succeeded: a failing group refunds it.
    const group = (await ctx.groupBuys?.ofOrders(tx, [orderId]))?.get(orderId);
    if (group?.status === 'waiting')
      throw refuse(
        'group_waiting',
        { orderId },
        'This order waits for its group to fill; complete it once the group succeeds',
      );
    const order = await moveTo(ctx, tx, locked, 'completed');
    await record(tx, {
      by,
      at: order.updated_at,
      action: 'order.complete',
      target: { type: 'order', id: orderId },
      before: { status: locked.status },
      after: { status: order.status },
    });
    await ctx.events.publish(tx, 'order.completed', { orderId, userId: order.user_id });
    return presentOrder(ctx, tx, order);
  });
}

import type { Queryable, Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { type AuditContext, record } from '../audit/index.js';
import { accounts, transferBetween } from '../ledger/index.js';
import type { RefundRow } from '../payments/index.js';
import type { OrdersContext } from './context.js';
import { lockOrThrow, moveTo } from './lifecycle.js';
import { type Order, presentOrder } from './present.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { planRefund, type RefundLine } from './refund-rules.js';
import { orderMachine } from './rules.js';
import { refundPosting, shippingOfRefunds, shippingPartOf } from './shipping.js';

/**
 * Refunds, whole or partial, in three steps:
 *   1. claim (transaction, order row locked): the refund row, for an amount and units that fit in
 *      what is left — undo: mark it failed;
 *   2. the provider call, outside any transaction, keyed `refund:<refund id>` so that a retry
 *      refunds once — no undo: it is what the claim was for;
 *   3. apply (transaction, order and refund rows locked): refunded amount and units, stock,
 *      ledger, events — applied only while the refund is still `requested`, so applying twice
 *      has the effect of once.
 * A crash between 2 and 3 leaves the refund `requested`: `resumeUnfinishedRefunds` (a recurring
 * job) calls the provider again with the same key and applies it.
 */
export interface RefundRequest {
  reason: string;
  /** Minor units; by default all the money not yet refunded (or claimed by a refund in flight). */
  amount?: number;
  /** The units it covers; by default every unit not yet refunded. */
  items?: readonly RefundLine[];
  /** Return those units to stock when the refund is applied. */
  restock: boolean;
  /**
   * At least this much of `amount` is the shipping fee (capped by the fee not yet refunded): an
   * operator including the fee in a return. Without it the refund is goods first, then the fee.
   */
  shippingAmount?: number;
  /**
   * The provider refunded already (a refund made in its dashboard, e.g. Stripe's charge.refunded):
   * its refund id is recorded with the claim and no provider call is made, now or on recovery.
   */
  alreadyRefunded?: { externalId: string };
}

/** Step 1, in the caller's transaction: claims a refund of the order (locking it). */
export async function claimRefund(
  ctx: OrdersContext,
  tx: Tx,
  orderId: string,
  request: RefundRequest,
): Promise<RefundRow> {
  const order = await lockOrThrow(tx, orderId);
  orderMachine.assertTransition(order.status, 'refunded');
  const payment = await ctx.payments.lockLatestPayment(tx, orderId);
  if (payment?.status !== 'succeeded')
    throw refuse('no_payment_to_refund', { orderId }, 'The order has no successful payment to refund');
  const inFlight = await ctx.payments.refundsInFlightOf(tx, orderId);
  const plan = planRefund({
    orderId,
    total: order.total,
    refundedAmount: order.refunded_amount,
    lines: (await q.itemsOf(tx, [orderId])).map((i) => ({
      id: i.id,
      quantity: i.quantity,
      refundedQuantity: i.refunded_quantity,
    })),
    inFlight,
    amount: request.amount,
    items: request.items,
  });
  const inFlightShipping = await shippingOfRefunds(
    tx,
    inFlight.map((r) => r.id),
  );
  const feeInFlight = [...inFlightShipping.values()].reduce((sum, a) => sum + a, 0);
  const goodsInFlight = inFlight.reduce((sum, r) => sum + r.amount, 0) - feeInFlight;
  const shipping = shippingPartOf({
    amount: plan.amount,
    goodsLeft:
      order.total - order.shipping_fee - (order.refunded_amount - order.shipping_refunded) - goodsInFlight,
    feeLeft: order.shipping_fee - order.shipping_refunded - feeInFlight,
    asked: request.shippingAmount ?? 0,
  });
  const refund = await ctx.payments.claimRefund(tx, {
    orderId,
    payment,
    kind: 'order',
    amount: plan.amount,
    items: plan.items,
    restock: request.restock,
    reason: request.reason,
    externalId: request.alreadyRefunded?.externalId,
  });
  await q.recordShippingRefund(tx, refund.id, orderId, shipping);
  return refund;
}

/**
 * What to do when the provider refuses: `undo` marks the claim failed (a person is waiting for the
 * answer and may try again); `retry` counts the failure and leaves the refund for the next pass.
 * A failure whose outcome is unknown (no answer) is always retried, never undone.
 */
type OnProviderFailure = 'undo' | 'retry';

/** Steps 2 and 3 of a claimed refund. Safe to run again: an applied refund is not applied twice. */
export async function finishRefund(
  ctx: OrdersContext,
  refundId: string,
  onFailure: OnProviderFailure = 'undo',
): Promise<Order> {
  const refund = await ctx.payments.findRefund(ctx.db, refundId);
  if (refund?.kind !== 'order') throw notFound('Refund');
  if (refund.status === 'failed')
    throw refuse('refund_failed', undefined, 'This refund failed; nothing changed');
  if (refund.status === 'succeeded')
    return presentOrder(ctx, ctx.db, await orderRow(ctx.db, refund.order_id));
  let externalId = refund.external_id;
  if (externalId === null && refund.amount === 0) externalId = 'zero-amount';
  if (externalId === null) {
    const payment = await ctx.payments.findPayment(ctx.db, refund.payment_id);
    if (!payment) throw notFound('Payment');
    try {
      externalId = (await ctx.payments.refundAtProvider(payment, refund)).externalId;
    } catch (error) {
      // A call that may have refunded (no answer) is never given up: marking it failed would let
      // a second refund, under a new key, pay the same money again. The recovery job asks again.
      const undo = onFailure === 'undo' && !ctx.payments.outcomeUnknown(error);
      const givenUp = await ctx.db.transaction(async (tx) => {
        if (undo) return ctx.payments.settleRefund(tx, refund.id, 'failed');
        await ctx.payments.recordRefundAttemptFailure(tx, refund.id, error);
        return false;
      });
      // The recovery job applied it while this call hung: the refund was made, say so.
      if (undo && !givenUp) {
        const now = await ctx.payments.findRefund(ctx.db, refund.id);
        if (now?.status === 'succeeded')
          return presentOrder(ctx, ctx.db, await orderRow(ctx.db, refund.order_id));
      }
      const refusal = undo
        ? refuse(
            'refund_refused_by_provider',
            undefined,
            'The payment provider refused the refund; nothing changed',
          )
        : refuse(
            'refund_pending_at_provider',
            undefined,
            'The payment provider did not refund yet; it will be tried again',
          );
      throw Object.assign(refusal, { cause: error });
    }
  }
  return applyRefund(ctx, refund.id, externalId);
}

/**
 * Step 3: the refund takes effect on the order. Partial: the order keeps its status and
 * `order.partially_refunded` tells distribution to shrink commissions. Reaching the paid total:
 * the order is `refunded` and `order.refunded` fires as for any full refund (commissions reversed,
 * coupon returned, invitation points taken back). A partial refund returns no coupon: the order
 * still stands, only smaller (the points module takes back and returns its points in proportion).
 */
export async function applyRefund(ctx: OrdersContext, refundId: string, externalId: string): Promise<Order> {
  return ctx.db.transaction(async (tx) => {
    const claimed = await ctx.payments.findRefund(tx, refundId);
    if (!claimed) throw notFound('Refund');
    const order = await lockOrThrow(tx, claimed.order_id);
    const refund = (await ctx.payments.lockRefund(tx, refundId)) as RefundRow;
    if (refund.status !== 'requested') return presentOrder(ctx, tx, order);
    const payment = await ctx.payments.findPayment(tx, refund.payment_id);
    if (!payment) throw notFound('Payment');
    const now = ctx.clock.now();
    const shipping = (await shippingOfRefunds(tx, [refund.id])).get(refund.id) ?? 0;
    await q.addRefunded(tx, order.id, refund.amount, refund.items, now, shipping);
    if (refund.restock) {
      await ctx.catalog.releaseStock(tx, await stockOf(tx, order.id, refund.items), {
        orderId: order.id,
        kind: 'returned',
        reason: refund.reason,
      });
    }
    await ctx.payments.settleRefund(tx, refund.id, { externalId });
    // In goods, as commissions and rewards count them: the order is refunded in full once all its
    // goods are, even when the operator kept a fee the carrier earned.
    const goodsTotal = order.total - order.shipping_fee;
    const goodsRefunded = order.refunded_amount - order.shipping_refunded + refund.amount - shipping;
    const posting = refundPosting(payment.provider, refund.amount, shipping);
    if (goodsRefunded >= goodsTotal) {
      await moveTo(ctx, tx, order, 'refunded', refund.reason);
      await ctx.payments.markPayment(tx, payment.id, 'refunded');
      if (refund.amount > 0) {
        await ctx.ledger.post(tx, { kind: 'order.refunded', ref: order.id, ...posting });
      }
      await ctx.events.publish(tx, 'order.refunded', { orderId: order.id, userId: order.user_id });
    } else {
      await q.recordEvent(tx, order.id, 'partially_refunded', now, refund.reason);
      if (refund.amount > 0) {
        await ctx.ledger.post(tx, { kind: 'order.partially_refunded', ref: refund.id, ...posting });
      }
      await ctx.events.publish(tx, 'order.partially_refunded', {
        orderId: order.id,
        userId: order.user_id,
        refundId: refund.id,
        amount: refund.amount - shipping,
        refundedAmount: goodsRefunded,
        total: goodsTotal,
      });
    }
    return presentOrder(ctx, tx, await orderRow(tx, order.id));
  });
}

/**
 * Refunds what is left of an order (all of it, unless partly refunded before), all its remaining
 * units back to stock unless told otherwise. The admin's refund, a failed group's, a lapsed gift's.
 */
export async function refundOrder(
  ctx: OrdersContext,
  orderId: string,
  reason: string,
  options: Partial<Omit<RefundRequest, 'reason'>> = {},
  by?: AuditContext,
): Promise<Order> {
  const refund = await ctx.db.transaction(async (tx) => {
    const claimed = await claimRefund(ctx, tx, orderId, { restock: true, ...options, reason });
    // The operator's decision is the claim; the provider's answer comes after this transaction.
    const order = await lockOrThrow(tx, orderId);
    await record(tx, {
      by,
      at: ctx.clock.now(),
      action: 'order.refund',
      target: { type: 'order', id: orderId },
      before: { refundedAmount: order.refunded_amount },
      after: { refundedAmount: order.refunded_amount + claimed.amount, reason },
    });
    return claimed;
  });
  return finishRefund(ctx, refund.id);
}

/**
 * A job's full refund that another step may overtake (a pickup handed over meanwhile): `claim` runs
 * under the order's lock in the refund claim's transaction and says whether the refund still
 * stands; null when it did not. Once claimed it is never undone: a provider failure leaves it
 * `requested` for the recovery job, since `claim` already moved its own state on.
 */
export async function refundOrderIf(
  ctx: OrdersContext,
  orderId: string,
  reason: string,
  claim: (tx: Tx) => Promise<boolean>,
  options: Partial<Omit<RefundRequest, 'reason'>> = {},
): Promise<Order | null> {
  const refund = await ctx.db.transaction(async (tx) => {
    await lockOrThrow(tx, orderId);
    if (!(await claim(tx))) return null;
    return claimRefund(ctx, tx, orderId, { restock: true, ...options, reason });
  });
  return refund ? finishRefund(ctx, refund.id, 'retry') : null;
}

/** Job: a payment that arrived for a cancelled order goes straight back to the payer, until it has. */
export async function refundLatePayment(ctx: OrdersContext, paymentId: string): Promise<void> {
  const refund = await ctx.db.transaction(async (tx) => {
    const payment = await ctx.payments.lockPayment(tx, paymentId);
    if (payment?.status !== 'succeeded') return null;
    const live = await ctx.payments.liveLateRefund(tx, paymentId);
    if (live) return live.status === 'requested' ? live : null;
    return ctx.payments.claimRefund(tx, {
      orderId: payment.order_id,
      payment,
      kind: 'late_payment',
      amount: payment.amount,
      items: [],
      restock: false,
      reason: 'late payment',
    });
  });
  if (refund) await finishLateRefund(ctx, refund);
}

/**
 * A late payment's refund is never given up: a provider failure is counted and the refund stays
 * `requested`, so the job's own retries and, after them, `resumeUnfinishedRefunds` try again.
 */
async function finishLateRefund(ctx: OrdersContext, refund: RefundRow): Promise<void> {
  const payment = await ctx.payments.findPayment(ctx.db, refund.payment_id);
  if (!payment) throw notFound('Payment');
  let externalId = refund.external_id ?? (refund.amount === 0 ? 'zero-amount' : null);
  if (externalId === null) {
    try {
      externalId = (await ctx.payments.refundAtProvider(payment, refund)).externalId;
    } catch (error) {
      await ctx.payments.recordRefundAttemptFailure(ctx.db, refund.id, error);
      throw error;
    }
  }
  const applied = externalId;
  await ctx.db.transaction(async (tx) => {
    await ctx.payments.lockPayment(tx, payment.id);
    const locked = await ctx.payments.lockRefund(tx, refund.id);
    if (locked?.status !== 'requested') return;
    await ctx.payments.markPayment(tx, payment.id, 'refunded');
    await ctx.payments.settleRefund(tx, refund.id, { externalId: applied });
    if (refund.amount === 0) return;
    await ctx.ledger.post(tx, {
      kind: 'payment.late-refunded',
      ref: payment.id,
      ...transferBetween(accounts.provider(payment.provider), accounts.latePayments, refund.amount),
    });
  });
}

/** A refund left `requested` this long is taken to be interrupted (a live one takes seconds). */
export const UNFINISHED_AFTER_MS = 60_000;
const RESUME_BATCH = 50;
export const REFUND_RECOVERY_JOB = 'orders.resume-unfinished-refunds';

/**
 * Job: finishes refunds interrupted between the claim and the apply step: calls the provider again
 * with the same idempotency key (it returns the refund it made, if it made one) and applies it.
 * Never gives a refund up: the provider may have made it before the crash, and marking it failed
 * would let a second refund pay the same money again. One the provider keeps refusing stays
 * `requested` with its `attempts` and `last_error`, for an operator to look into.
 * Never throws: one stuck refund must not stop the others, nor the recurring job.
 */
export async function resumeUnfinishedRefunds(ctx: OrdersContext, now: Date): Promise<number> {
  const due = await ctx.payments.unfinishedRefunds(
    ctx.db,
    new Date(now.getTime() - UNFINISHED_AFTER_MS),
    RESUME_BATCH,
  );
  let finished = 0;
  for (const refund of due) {
    try {
      if (refund.kind === 'late_payment') await finishLateRefund(ctx, refund);
      else await finishRefund(ctx, refund.id, 'retry');
      finished += 1;
    } catch {
      // Counted on the refund (attempts, last_error); the next pass tries again.
    }
  }
  return finished;
}

async function orderRow(conn: Queryable, orderId: string) {
  const row = await q.findOrder(conn, orderId);
  if (!row) throw notFound('Order');
  return row;
}

async function stockOf(tx: Tx, orderId: string, items: readonly RefundLine[]) {
  const variants = new Map((await q.itemsOf(tx, [orderId])).map((i) => [i.id, i.variant_id]));
  return items.flatMap((item) => {
    const variantId = variants.get(item.orderItemId);
    return variantId ? [{ variantId, quantity: item.quantity }] : [];
  });
}

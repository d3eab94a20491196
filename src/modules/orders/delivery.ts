import type { Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { OrdersContext } from './context.js';
import {
  CANCEL_REFUSALS,
  cancelRefusal,
  orderRefusal,
  PICKUP_REFUSALS,
  pickupRefusal,
  RECEIPT_REFUSALS,
  receiptRefusal,
  SHIP_REFUSALS,
  shipRefusal,
  TIMELINE_NOTES,
} from './delivery-rules.js';
import { holderOfRow } from './gift-delivery.js';
import { cancelUnpaidOrder, lockOrThrow, moveTo } from './lifecycle.js';
import { type Order, presentOrder } from './present.js';
import * as q from './queries.js';

/**
 * The delivery steps of an order: paid → shipped (fulfilment calls `markShipped` inside its own
 * transaction, which also records the shipment) → completed by the buyer or automatically; and the
 * buyer's cancel of an unpaid order.
 */

/**
 * paid → shipped, under the order's row lock, in the caller's transaction; publishes `order.shipped`.
 * Returns the instant it shipped (the timeline's), for the caller's own record of the shipment.
 */
export async function markShipped(
  ctx: OrdersContext,
  tx: Tx,
  orderId: string,
  note: string,
): Promise<{ shippedAt: Date }> {
  const order = await lockOrThrow(tx, orderId);
  const group = (await ctx.groupBuys?.ofOrders(tx, [orderId]))?.get(orderId);
  const pickup = (await ctx.pickups?.ofOrders(tx, [orderId]))?.has(orderId) ?? false;
  const gift = (await ctx.gifts?.ofOrders(tx, [orderId]))?.get(orderId);
  const refusal = shipRefusal(order.status, group?.status, pickup, gift?.status);
  if (refusal) throw orderRefusal(refusal, orderId, SHIP_REFUSALS);
  const shipped = await moveTo(ctx, tx, order, 'shipped', note);
  await ctx.events.publish(tx, 'order.shipped', { orderId, userId: order.user_id });
  return { shippedAt: shipped.updated_at };
}

async function complete(ctx: OrdersContext, tx: Tx, order: q.OrderRow, note: string) {
  const completed = await moveTo(ctx, tx, order, 'completed', note);
  // The distribution module starts the return window on this event.
  await ctx.events.publish(tx, 'order.completed', { orderId: order.id, userId: order.user_id });
  return completed;
}

/**
 * The buyer (a claimed gift's recipient) confirms a shipped order arrived: shipped → completed.
 * Anyone else's order is a 404, a claimed gift's buyer included.
 */
export async function confirmReceipt(ctx: OrdersContext, userId: string, orderId: string): Promise<Order> {
  return ctx.db.transaction(async (tx) => {
    const order = await q.lockOrder(tx, orderId);
    if (!order || (await holderOfRow(ctx, tx, order)) !== userId) throw notFound('Order');
    const refusal = receiptRefusal(order.status);
    if (refusal) throw orderRefusal(refusal, orderId, RECEIPT_REFUSALS);
    const completed = await complete(ctx, tx, order, TIMELINE_NOTES.confirmedByBuyer);
    return presentOrder(ctx, tx, completed, userId);
  });
}

/**
 * Job: a shipped order nobody confirmed is completed. Idempotent under the row lock: an order the
 * buyer (or an operator) completed meanwhile, or that was refunded, is left as it is — so a job
 * that runs twice (a crash after its commit, two processes) completes the order once.
 */
export async function confirmDeliveryAutomatically(ctx: OrdersContext, orderId: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const order = await q.lockOrder(tx, orderId);
    if (order?.status !== 'shipped') return false;
    await complete(ctx, tx, order, TIMELINE_NOTES.confirmedAutomatically);
    return true;
  });
}

/**
 * A pickup order handed over at its pickup point (the communities module checked the code): paid →
 * completed under the order's row lock, in the caller's transaction. Any other state is a 409
 * saying why (`not_paid`, `already_completed`, `order_closed`).
 */
export async function completePickup(ctx: OrdersContext, tx: Tx, orderId: string): Promise<Order> {
  const order = await lockOrThrow(tx, orderId);
  const group = (await ctx.groupBuys?.ofOrders(tx, [orderId]))?.get(orderId);
  const refusal = pickupRefusal(order.status, group?.status);
  if (refusal) throw orderRefusal(refusal, orderId, PICKUP_REFUSALS);
  return presentOrder(ctx, tx, await complete(ctx, tx, order, TIMELINE_NOTES.collectedAtPickup));
}

/** The buyer cancels an unpaid order; its stock goes back (the same path as an expired order). */
export async function cancelByBuyer(ctx: OrdersContext, userId: string, orderId: string): Promise<Order> {
  const before = await q.findOrder(ctx.db, orderId);
  if (!before || before.user_id !== userId) throw notFound('Order');
  if (!(await cancelUnpaidOrder(ctx, orderId, TIMELINE_NOTES.cancelledByBuyer))) {
    // Paid (or expired) meanwhile: say why from the state it is in now.
    const now = (await q.findOrder(ctx.db, orderId)) as q.OrderRow;
    throw orderRefusal(cancelRefusal(now.status) ?? 'order_closed', orderId, CANCEL_REFUSALS);
  }
  return presentOrder(ctx, ctx.db, (await q.findOrder(ctx.db, orderId)) as q.OrderRow);
}

import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

const Order = { orderId: Type.String() };

/**
 * Why the orders module refuses a request: checkout, paying, the delivery steps, refunds. Each
 * carries typed params (money in minor units) so a client words it in the reader's language.
 * Out of stock comes from the catalog, coupon and group refusals from those modules.
 */
export const orderReasons = defineReasons({
  unpaid_order_limit: {
    code: 'business_rule',
    params: Type.Object({ limit: Type.Integer({ minimum: 1 }) }),
    description: 'The buyer already holds `limit` unpaid orders: pay or cancel one before placing another.',
  },
  variant_unavailable: {
    code: 'not_found',
    params: Type.Object({ variantId: Type.String() }),
    description: 'A variant in the order is unknown or its product is no longer on sale.',
  },
  order_source_unknown: {
    code: 'invalid_input',
    params: Type.Object({
      type: Type.Union([Type.Literal('post'), Type.Literal('live')]),
      id: Type.String(),
    }),
    description:
      'The post (`type: post`) or live room (`type: live`) named by `postId` / `liveRoomId` does not exist ' +
      'or is not public.',
  },
  payment_provider_unavailable: {
    code: 'unavailable',
    description: 'The payment provider did not answer while starting the payment; nothing was charged.',
  },
  // Paying (the sandbox pay page) and the payment's outcome.
  already_paid: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order is already paid (to cancel a paid order, ask for a refund).',
  },
  order_cancelled: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order was cancelled (the buyer, or it was not paid in time).',
  },
  order_refunded: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order was refunded.',
  },
  not_sandbox_payment: {
    code: 'conflict',
    description: 'The order is not paid through the sandbox provider.',
  },
  payment_event_replayed: {
    code: 'conflict',
    description: 'This payment event was already applied.',
  },
  paid_after_cancel: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order was cancelled before the payment arrived; the payment is refunded.',
  },
  payment_amount_mismatch: {
    code: 'conflict',
    params: Type.Object({ amount: Type.Integer(), total: Type.Integer() }),
    description: 'The amount paid differs from the order total; the payment is refunded.',
  },
  // The delivery steps.
  not_paid: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order is not paid yet; only a paid order ships.',
  },
  already_shipped: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order has already shipped.',
  },
  already_completed: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order is already completed.',
  },
  group_waiting: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order waits for its group to fill; it ships (or completes) once the group succeeds.',
  },
  group_failed: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order’s group did not succeed; it is refunded, not shipped.',
  },
  pickup_order: {
    code: 'conflict',
    params: Type.Object(Order),
    description:
      'The order is collected at a community pickup point: it is handed over there, never shipped by carrier.',
  },
  gift_not_claimed: {
    code: 'conflict',
    params: Type.Object(Order),
    description:
      'The order is a gift its recipient has not claimed yet: it has no address, and ships once claimed.',
  },
  not_shipped: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order has not shipped yet; receipt is confirmed once it arrives.',
  },
  already_cancelled: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order is already cancelled.',
  },
  order_closed: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order is closed (refunded or cancelled).',
  },
  // Refunds.
  no_payment_to_refund: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'The order has no successful payment to refund.',
  },
  refund_in_progress: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'A refund of this order is already being made; nothing is left to claim until it ends.',
  },
  nothing_to_refund: {
    code: 'conflict',
    params: Type.Object(Order),
    description: 'Everything paid for this order was refunded already.',
  },
  refund_above_refundable: {
    code: 'conflict',
    params: Type.Object({ amount: Type.Integer(), refundableAmount: Type.Integer({ minimum: 0 }) }),
    description: 'The refund asks for more than is left to refund (`refundableAmount`).',
  },
  refund_units_above_refundable: {
    code: 'conflict',
    params: Type.Object({
      orderItemId: Type.String(),
      quantity: Type.Integer(),
      refundableQuantity: Type.Integer({ minimum: 0 }),
    }),
    description: 'The refund covers more units of an item than are left to refund.',
  },
  refund_failed: {
    code: 'conflict',
    description: 'This refund failed at the payment provider; nothing changed.',
  },
  refund_refused_by_provider: {
    code: 'unavailable',
    description: 'The payment provider refused the refund; nothing changed, and it may be tried again.',
  },
  refund_pending_at_provider: {
    code: 'unavailable',
    description: 'The payment provider did not refund yet; it is tried again automatically.',
  },
});

export type OrderReason = keyof typeof orderReasons;
export const refuse = refusalsOf(orderReasons);

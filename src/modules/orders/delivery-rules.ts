import type { AppError } from '../../platform/errors.js';
import type { OrderGift, OrderGroupBuy } from './context.js';
import { type OrderReason, refuse } from './reasons.js';
import { type OrderStatus, orderMachine } from './rules.js';

/**
 * Why an order may not ship, as a reason of the orders catalog a client says in its own language.
 * Only a paid order ships (the state machine), a group-buy order only once its group succeeded
 * (a group that is still filling may fail, and a failed group refunds every member), and a gift
 * only once claimed.
 */
export type ShipRefusal = Extract<
  OrderReason,
  | 'not_paid'
  | 'already_shipped'
  | 'already_completed'
  | 'order_refunded'
  | 'order_cancelled'
  | 'group_waiting'
  | 'group_failed'
  | 'pickup_order'
  | 'gift_not_claimed'
>;

export const SHIP_REFUSALS: Record<ShipRefusal, string> = {
  not_paid: 'The order is not paid yet; only a paid order ships',
  already_shipped: 'The order has already shipped',
  already_completed: 'The order is already completed',
  order_refunded: 'The order was refunded',
  order_cancelled: 'The order was cancelled',
  group_waiting: 'This order waits for its group to fill; ship it once the group succeeds',
  group_failed: 'This order’s group did not succeed; it is refunded, not shipped',
  pickup_order: 'This order is collected at a pickup point; it ships in its community’s wave, not by carrier',
  gift_not_claimed:
    'This order is a gift nobody has claimed yet: it ships once its recipient gives an address',
};

const byStatus: Record<Exclude<OrderStatus, 'paid'>, ShipRefusal> = {
  pending_payment: 'not_paid',
  shipped: 'already_shipped',
  completed: 'already_completed',
  refunded: 'order_refunded',
  cancelled: 'order_cancelled',
};

export function shipRefusal(
  status: OrderStatus,
  group: OrderGroupBuy['status'] | undefined,
  pickup = false,
  gift?: OrderGift['status'],
): ShipRefusal | null {
  if (status !== 'paid') return byStatus[status];
  if (pickup) return 'pickup_order';
  // A gift has no address until its recipient claims it (and one unclaimed in time is refunded).
  if (gift !== undefined && gift !== 'claimed') return 'gift_not_claimed';
  if (group === 'waiting') return 'group_waiting';
  if (group === 'failed' || group === 'left') return 'group_failed';
  // Kept in step with the state machine: a refusal-free order is one that may become shipped.
  return orderMachine.canTransition(status, 'shipped') ? null : 'already_shipped';
}

/** Why a buyer may not confirm receipt: only a shipped order is waiting for it. */
export type ReceiptRefusal = Extract<OrderReason, 'not_shipped' | 'already_completed' | 'order_closed'>;

export const RECEIPT_REFUSALS: Record<ReceiptRefusal, string> = {
  not_shipped: 'The order has not shipped yet; confirm receipt once it arrives',
  already_completed: 'The order is already completed',
  order_closed: 'The order was refunded or cancelled',
};

export function receiptRefusal(status: OrderStatus): ReceiptRefusal | null {
  if (status === 'shipped') return null;
  if (status === 'completed') return 'already_completed';
  if (status === 'pending_payment' || status === 'paid') return 'not_shipped';
  return 'order_closed';
}

/**
 * Why a pickup order may not be handed over: only a paid one waits at the pickup point, and a
 * group-buy order only once its group succeeded (as shipping): a group still filling may fail and
 * refund every member, a handed-over order too.
 */
export type PickupRefusal = Extract<
  OrderReason,
  'not_paid' | 'already_completed' | 'order_closed' | 'group_waiting' | 'group_failed'
>;

export const PICKUP_REFUSALS: Record<PickupRefusal, string> = {
  not_paid: 'The order is not paid yet; it is handed over once paid',
  already_completed: 'The order was already collected',
  order_closed: 'The order was refunded or cancelled',
  group_waiting: 'This order waits for its group to fill; hand it over once the group succeeds',
  group_failed: 'This order’s group did not succeed; it is refunded, not handed over',
};

export function pickupRefusal(status: OrderStatus, group?: OrderGroupBuy['status']): PickupRefusal | null {
  if (status === 'paid' && group === 'waiting') return 'group_waiting';
  if (status === 'paid' && (group === 'failed' || group === 'left')) return 'group_failed';
  if (status === 'paid') return orderMachine.canTransition(status, 'completed') ? null : 'order_closed';
  if (status === 'pending_payment') return 'not_paid';
  if (status === 'completed' || status === 'shipped') return 'already_completed';
  return 'order_closed';
}

/** Why a buyer may not cancel: only an unpaid order is cancelled; a paid one is refunded. */
export type CancelRefusal = Extract<OrderReason, 'already_paid' | 'already_cancelled' | 'order_closed'>;

export const CANCEL_REFUSALS: Record<CancelRefusal, string> = {
  already_paid: 'The order is already paid; ask for a refund instead of cancelling',
  already_cancelled: 'The order is already cancelled',
  order_closed: 'The order is closed and cannot be cancelled',
};

export function cancelRefusal(status: OrderStatus): CancelRefusal | null {
  if (status === 'pending_payment') return null;
  if (status === 'cancelled') return 'already_cancelled';
  if (status === 'paid' || status === 'shipped' || status === 'completed') return 'already_paid';
  return 'order_closed';
}

/** Why a buyer may not pay: only an order pending payment takes a payment. */
export type PayRefusal = Extract<OrderReason, 'already_paid' | 'order_cancelled' | 'order_refunded'>;

export const PAY_REFUSALS: Record<PayRefusal, string> = {
  already_paid: 'The order is already paid',
  order_cancelled: 'The order was cancelled; place a new order',
  order_refunded: 'The order was refunded',
};

export function payRefusal(status: OrderStatus): PayRefusal | null {
  if (orderMachine.canTransition(status, 'paid')) return null;
  if (status === 'cancelled') return 'order_cancelled';
  if (status === 'refunded') return 'order_refunded';
  return 'already_paid';
}

/**
 * A 409 with the refusal's reason and the order's id (the CSV import reports the reason per row);
 * its English detail from the step's own table (`already_paid` says more when cancelling).
 */
type DeliveryRefusal = ShipRefusal | ReceiptRefusal | CancelRefusal | PayRefusal | PickupRefusal;
export const orderRefusal = <R extends DeliveryRefusal>(
  reason: R,
  orderId: string,
  details: Record<R, string>,
): AppError => refuse(reason as DeliveryRefusal, { orderId }, details[reason]);

/** Timeline notes of the steps a buyer or a job takes: stable, so the web app can translate them. */
export const TIMELINE_NOTES = {
  confirmedByBuyer: 'confirmed by the buyer',
  confirmedAutomatically: 'confirmed automatically',
  cancelledByBuyer: 'cancelled by the buyer',
  collectedAtPickup: 'collected at the pickup point',
} as const;

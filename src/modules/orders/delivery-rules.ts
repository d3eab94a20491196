import { AppError } from '../../platform/errors.js';
import type { OrderGroupBuy } from './context.js';
import { canTransition, type OrderStatus } from './rules.js';

/**
 * Why an order may not ship, as a stable code a client can say in its own language. Only a paid
 * order ships (the transition table), and a group-buy order only once its group succeeded: a
 * group that is still filling may fail, and a failed group refunds every member.
 */
export type ShipRefusal =
  | 'not_paid'
  | 'already_shipped'
  | 'already_completed'
  | 'refunded'
  | 'cancelled'
  | 'group_waiting'
  | 'group_failed';

export const SHIP_REFUSALS: Record<ShipRefusal, string> = {
  not_paid: 'The order is not paid yet; only a paid order ships',
  already_shipped: 'The order has already shipped',
  already_completed: 'The order is already completed',
  refunded: 'The order was refunded',
  cancelled: 'The order was cancelled',
  group_waiting: 'This order waits for its group to fill; ship it once the group succeeds',
  group_failed: 'This order’s group did not succeed; it is refunded, not shipped',
};

const byStatus: Record<Exclude<OrderStatus, 'paid'>, ShipRefusal> = {
  pending_payment: 'not_paid',
  shipped: 'already_shipped',
  completed: 'already_completed',
  refunded: 'refunded',
  cancelled: 'cancelled',
};

export function shipRefusal(
  status: OrderStatus,
  group: OrderGroupBuy['status'] | undefined,
): ShipRefusal | null {
  if (status !== 'paid') return byStatus[status];
  if (group === 'waiting') return 'group_waiting';
  if (group === 'failed' || group === 'left') return 'group_failed';
  // Kept in step with the state machine: a refusal-free order is one that may become shipped.
  return canTransition(status, 'shipped') ? null : 'already_shipped';
}

/** Why a buyer may not confirm receipt: only a shipped order is waiting for it. */
export type ReceiptRefusal = 'not_shipped' | 'already_completed' | 'closed';

export const RECEIPT_REFUSALS: Record<ReceiptRefusal, string> = {
  not_shipped: 'The order has not shipped yet; confirm receipt once it arrives',
  already_completed: 'The order is already completed',
  closed: 'The order was refunded or cancelled',
};

export function receiptRefusal(status: OrderStatus): ReceiptRefusal | null {
  if (status === 'shipped') return null;
  if (status === 'completed') return 'already_completed';
  if (status === 'pending_payment' || status === 'paid') return 'not_shipped';
  return 'closed';
}

/** Why a buyer may not cancel: only an unpaid order is cancelled; a paid one is refunded. */
export type CancelRefusal = 'already_paid' | 'already_cancelled' | 'closed';

export const CANCEL_REFUSALS: Record<CancelRefusal, string> = {
  already_paid: 'The order is already paid; ask for a refund instead of cancelling',
  already_cancelled: 'The order is already cancelled',
  closed: 'The order is closed and cannot be cancelled',
};

export function cancelRefusal(status: OrderStatus): CancelRefusal | null {
  if (status === 'pending_payment') return null;
  if (status === 'cancelled') return 'already_cancelled';
  if (status === 'paid' || status === 'shipped' || status === 'completed') return 'already_paid';
  return 'closed';
}

/** A 409 that also carries its stable reason (the CSV import reports it per row). */
export class OrderRefusal extends AppError {
  constructor(reason: string, message: string) {
    super('conflict', message, undefined, { reason });
  }
}

/** Timeline notes of the steps a buyer or a job takes: stable, so the web app can translate them. */
export const TIMELINE_NOTES = {
  confirmedByBuyer: 'confirmed by the buyer',
  confirmedAutomatically: 'confirmed automatically',
  cancelledByBuyer: 'cancelled by the buyer',
} as const;

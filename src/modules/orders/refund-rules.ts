import { invalidInput } from '../../platform/errors.js';
import { refuse } from './reasons.js';

/** A unit count of one order line, as refunds name them. */
export interface RefundLine {
  orderItemId: string;
  quantity: number;
}

export interface RefundPlan {
  amount: number;
  items: RefundLine[];
}

/**
 * What a new refund of an order may take, given what the order has refunded (its applied refunds)
 * and the refunds claimed and still in flight. Without `amount` it takes all the money left;
 * without `items`, every unit left. Nothing is refunded twice: applied and in-flight amounts never
 * pass the paid total, and their units never pass a line's quantity. Applied counts come from the
 * order, not from the refunds' statuses: a refund the provider reports failed after it was applied
 * stays on the order's books (its commissions shrank, its stock returned) until a person decides,
 * so the same money cannot be refunded, and its commissions reversed, a second time.
 */
export function planRefund(input: {
  orderId?: string;
  total: number;
  refundedAmount: number;
  lines: readonly { id: string; quantity: number; refundedQuantity: number }[];
  inFlight: readonly { amount: number; items: readonly RefundLine[] }[];
  amount?: number;
  items?: readonly RefundLine[];
}): RefundPlan {
  const moneyLeft = input.total - input.refundedAmount - input.inFlight.reduce((sum, r) => sum + r.amount, 0);
  const unitsLeft = new Map(input.lines.map((l) => [l.id, l.quantity - l.refundedQuantity]));
  for (const refund of input.inFlight) {
    for (const item of refund.items)
      unitsLeft.set(item.orderItemId, (unitsLeft.get(item.orderItemId) ?? 0) - item.quantity);
  }
  const anyTaken = input.refundedAmount > 0 || input.inFlight.length > 0;
  const order = { orderId: input.orderId ?? '' };
  if (anyTaken && moneyLeft <= 0) {
    throw input.inFlight.length > 0
      ? refuse('refund_in_progress', order, 'This order is already being refunded')
      : refuse('nothing_to_refund', order, 'Nothing is left to refund on this order');
  }
  const amount = input.amount ?? moneyLeft;
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw invalidInput('/amount', 'must be a non-negative integer', 'minimum', { limit: 0 });
  if (amount > moneyLeft)
    throw refuse(
      'refund_above_refundable',
      { amount, refundableAmount: Math.max(0, moneyLeft) },
      `Only ${moneyLeft} is left to refund on this order`,
    );

  if (!input.items) {
    const items = [...unitsLeft]
      .filter(([, quantity]) => quantity > 0)
      .map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
    return { amount, items };
  }
  const merged = new Map<string, number>();
  input.items.forEach((item, i) => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1)
      throw invalidInput(`/items/${i}/quantity`, 'must be a positive integer', 'minimum', { limit: 1 });
    if (!unitsLeft.has(item.orderItemId))
      throw invalidInput(`/items/${i}/orderItemId`, 'is not an item of this order', 'enum');
    merged.set(item.orderItemId, (merged.get(item.orderItemId) ?? 0) + item.quantity);
  });
  for (const [orderItemId, quantity] of merged) {
    const refundableQuantity = Math.max(0, unitsLeft.get(orderItemId) ?? 0);
    if (quantity > refundableQuantity)
      throw refuse(
        'refund_units_above_refundable',
        { orderItemId, quantity, refundableQuantity },
        'More units of an item than are left to refund',
      );
  }
  return { amount, items: [...merged].map(([orderItemId, quantity]) => ({ orderItemId, quantity })) };
}

import { AppError, conflict } from '../../platform/errors.js';

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
  if (anyTaken && moneyLeft <= 0) {
    throw conflict(
      input.inFlight.length > 0
        ? 'This order is already being refunded'
        : 'Nothing is left to refund on this order',
    );
  }
  const amount = input.amount ?? moneyLeft;
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new AppError('invalid_input', 'The request is invalid', [
      { path: '/amount', message: 'must be a non-negative integer' },
    ]);
  if (amount > moneyLeft) throw conflict(`Only ${moneyLeft} is left to refund on this order`);

  if (!input.items) {
    const items = [...unitsLeft]
      .filter(([, quantity]) => quantity > 0)
      .map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
    return { amount, items };
  }
  const merged = new Map<string, number>();
  input.items.forEach((item, i) => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1)
      throw new AppError('invalid_input', 'The request is invalid', [
        { path: `/items/${i}/quantity`, message: 'must be a positive integer' },
      ]);
    if (!unitsLeft.has(item.orderItemId))
      throw new AppError('invalid_input', 'The request is invalid', [
        { path: `/items/${i}/orderItemId`, message: 'is not an item of this order' },
      ]);
    merged.set(item.orderItemId, (merged.get(item.orderItemId) ?? 0) + item.quantity);
  });
  for (const [orderItemId, quantity] of merged) {
    if (quantity > (unitsLeft.get(orderItemId) ?? 0))
      throw conflict('More units of an item than are left to refund');
  }
  return { amount, items: [...merged].map(([orderItemId, quantity]) => ({ orderItemId, quantity })) };
}

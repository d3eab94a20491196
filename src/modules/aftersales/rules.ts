import { invalidInput } from '../../platform/errors.js';
import { prorate } from '../../platform/money.js';
import { defineMachine } from '../../platform/state-machine.js';
import { refuse } from './reasons.js';

/**
 * After-sales requests as a state machine: a request is decided once. `closed`: the order was
 * refunded in full by other means while the request was open. Every status update takes its
 * from-states from here; migration 020's CHECK lists the same states.
 */
export type AfterSaleStatus = 'requested' | 'refunded' | 'rejected' | 'closed';
export const afterSaleMachine = defineMachine<AfterSaleStatus>('after-sales request', {
  requested: ['refunded', 'rejected', 'closed'],
  refunded: [],
  rejected: [],
  closed: [],
});
/** The states whose units count as taken: open requests, and those refunded. */
export const UNITS_TAKEN_IN: readonly AfterSaleStatus[] = ['requested', 'refunded'];

export type AfterSaleType = 'refund' | 'return';

/**
 * Which kind of request an order admits: a refund while it waits to ship (the goods never leave),
 * a return once shipped or delivered (the goods come back first). Anything else has no after-sales.
 */
export function checkRequestable(
  orderStatus: string,
  type: AfterSaleType,
  window: { completedAt: Date | null; returnWindowDays: number; now: Date },
  pointsRedemption = false,
): void {
  // Nothing was paid in money, so there is nothing to refund; the points mall owns redemptions.
  if (pointsRedemption)
    throw refuse(
      'after_sale_points_redemption',
      undefined,
      'A points-mall redemption has no after-sales: it was paid in points',
    );
  if (!['paid', 'shipped', 'completed'].includes(orderStatus))
    throw refuse(
      'after_sale_order_not_eligible',
      { orderStatus },
      `An order that is ${orderStatus} has no after-sales`,
    );
  if (type === 'refund' && orderStatus !== 'paid')
    throw refuse('after_sale_already_shipped', undefined, 'The order has shipped: ask for a return instead');
  if (type === 'return' && orderStatus === 'paid')
    throw refuse(
      'after_sale_not_shipped',
      undefined,
      'The order has not shipped yet: ask for a refund instead',
    );
  if (window.completedAt) {
    const ends = window.completedAt.getTime() + window.returnWindowDays * 86_400_000;
    if (window.now.getTime() > ends)
      throw refuse(
        'after_sale_window_closed',
        { returnWindowDays: window.returnWindowDays },
        'The return window of this order has closed',
      );
  }
}

export interface PricedLine {
  unitPrice: number;
  quantity: number;
}

/**
 * Each unit's share of what the buyer paid: the paid total (after discounts) split over every unit
 * of the order in proportion to its unit price, by largest remainder. The shares of all units add
 * up to the total exactly, and each is within one minor unit of its exact proportional value; a
 * request refunds the shares of the units it names, so requests for every unit add up to the total.
 * Returns one array per line, indexed by unit.
 */
export function unitShares(total: number, lines: readonly PricedLine[]): number[][] {
  const weights = lines.flatMap((l) => Array.from({ length: l.quantity }, () => l.unitPrice));
  const flat = prorate(total, weights);
  const starts = lines.map((_, i) => lines.slice(0, i).reduce((sum, l) => sum + l.quantity, 0));
  return lines.map((l, i) => flat.slice(starts[i], (starts[i] ?? 0) + l.quantity));
}

/** One line's units as after-sales sees them: those refunded, those named by open requests. */
export interface LineUnits {
  orderItemId: string;
  quantity: number;
  refunded: ReadonlySet<number>;
  open: ReadonlySet<number>;
}

export interface ChosenLine {
  orderItemId: string;
  quantity: number;
  units: number[];
}

/**
 * The units a new request takes: for each line asked for (every line with units left when
 * `asked` is absent), the lowest-numbered units neither refunded nor named by an open request.
 * More than is left → 409; more than is free because an open request names them → 409 (overlap).
 */
export function chooseUnits(
  lines: readonly LineUnits[],
  asked: readonly { orderItemId: string; quantity: number }[] | undefined,
): ChosenLine[] {
  const byId = new Map(lines.map((l) => [l.orderItemId, l]));
  const wanted = new Map<string, number>();
  if (asked) {
    asked.forEach((a, i) => {
      if (!byId.has(a.orderItemId))
        throw invalidInput(`/items/${i}/orderItemId`, 'is not an item of this order', 'orderItem');
      if (wanted.has(a.orderItemId))
        throw invalidInput(`/items/${i}/orderItemId`, 'is listed twice', 'uniqueItems');
      wanted.set(a.orderItemId, a.quantity);
    });
  } else {
    for (const l of lines) {
      const left = l.quantity - l.refunded.size;
      if (left > 0) wanted.set(l.orderItemId, left);
    }
    if (wanted.size === 0)
      throw refuse('after_sale_nothing_left', undefined, 'Every unit of this order is refunded already');
  }
  return [...wanted].map(([orderItemId, quantity]) => {
    const line = byId.get(orderItemId) as LineUnits;
    const remaining = line.quantity - line.refunded.size;
    if (quantity > remaining)
      throw refuse(
        'after_sale_quantity_above_refundable',
        { orderItemId, quantity, remaining },
        `${quantity} units asked, ${remaining} left to refund`,
      );
    const free = Array.from({ length: line.quantity }, (_, u) => u).filter(
      (u) => !line.refunded.has(u) && !line.open.has(u),
    );
    if (free.length < quantity)
      throw refuse(
        'after_sale_already_requested',
        { orderItemId, quantity, free: free.length },
        'An open after-sales request covers these units already',
      );
    return { orderItemId, quantity, units: free.slice(0, quantity) };
  });
}

/** What a request refunds: the sum of its units' shares. */
export const amountOf = (shares: readonly number[], units: readonly number[]): number =>
  units.reduce((sum, u) => sum + (shares[u] ?? 0), 0);

/**
 * How much of the fee a refund gives back. A refund before shipping that leaves no unit unrefunded
 * takes the rest of the fee with it (nothing will ship); after shipping the fee was earned by the
 * carrier's work, so a return refunds goods only unless the operator chooses to include it.
 */
export function shippingToRefund(input: {
  fee: number;
  feeRefunded: number;
  shipped: boolean;
  coversEveryUnitLeft: boolean;
  operatorIncludesFee: boolean;
}): number {
  const left = Math.max(0, input.fee - input.feeRefunded);
  if (input.shipped) return input.operatorIncludesFee ? left : 0;
  return input.coversEveryUnitLeft || input.operatorIncludesFee ? left : 0;
}

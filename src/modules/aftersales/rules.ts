import { AppError, businessRule, conflict } from '../../platform/errors.js';
import { prorate } from '../../platform/money.js';

/** After-sales states and the moves between them, as data. */
export const AFTER_SALE_STATUSES = ['requested', 'refunded', 'rejected', 'closed'] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];

/** `closed`: the order was refunded in full by other means while the request was open. */
export const TRANSITIONS: Readonly<Record<AfterSaleStatus, readonly AfterSaleStatus[]>> = {
  requested: ['refunded', 'rejected', 'closed'],
  refunded: [],
  rejected: [],
  closed: [],
};

export function assertTransition(from: AfterSaleStatus, to: AfterSaleStatus): void {
  if (!TRANSITIONS[from].includes(to))
    throw conflict(`The request is already ${from}; it cannot become ${to}`);
}

export type AfterSaleType = 'refund' | 'return';

/**
 * Which kind of request an order admits: a refund while it waits to ship (the goods never leave),
 * a return once shipped or delivered (the goods come back first). Anything else has no after-sales.
 */
export function checkRequestable(
  orderStatus: string,
  type: AfterSaleType,
  window: { completedAt: Date | null; returnWindowDays: number; now: Date },
): void {
  if (!['paid', 'shipped', 'completed'].includes(orderStatus))
    throw conflict(`An order that is ${orderStatus.replace('_', ' ')} has no after-sales`);
  if (type === 'refund' && orderStatus !== 'paid')
    throw businessRule('The order has shipped: ask for a return instead of a refund');
  if (type === 'return' && orderStatus === 'paid')
    throw businessRule('The order has not shipped yet: ask for a refund instead of a return');
  if (window.completedAt) {
    const ends = window.completedAt.getTime() + window.returnWindowDays * 86_400_000;
    if (window.now.getTime() > ends) throw businessRule('The return window of this order has closed');
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
        throw new AppError('invalid_input', 'The request is invalid', [
          { path: `/items/${i}/orderItemId`, message: 'is not an item of this order' },
        ]);
      if (wanted.has(a.orderItemId))
        throw new AppError('invalid_input', 'The request is invalid', [
          { path: `/items/${i}/orderItemId`, message: 'is listed twice' },
        ]);
      wanted.set(a.orderItemId, a.quantity);
    });
  } else {
    for (const l of lines) {
      const left = l.quantity - l.refunded.size;
      if (left > 0) wanted.set(l.orderItemId, left);
    }
    if (wanted.size === 0) throw conflict('Every unit of this order is refunded already');
  }
  return [...wanted].map(([orderItemId, quantity]) => {
    const line = byId.get(orderItemId) as LineUnits;
    if (quantity > line.quantity - line.refunded.size)
      throw conflict('More units of an item than are left to refund');
    const free = Array.from({ length: line.quantity }, (_, u) => u).filter(
      (u) => !line.refunded.has(u) && !line.open.has(u),
    );
    if (free.length < quantity) throw conflict('An open after-sales request covers these units already');
    return { orderItemId, quantity, units: free.slice(0, quantity) };
  });
}

/** What a request refunds: the sum of its units' shares. */
export const amountOf = (shares: readonly number[], units: readonly number[]): number =>
  units.reduce((sum, u) => sum + (shares[u] ?? 0), 0);

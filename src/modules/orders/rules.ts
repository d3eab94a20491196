import { sumMinor } from '../../platform/money.js';
import { defineMachine } from '../../platform/state-machine.js';

/**
 * An order's states and the moves between them, as data: anything not listed is an illegal
 * transition. Every writer goes through it: `assertTransition` under the row lock, and the status
 * update takes its allowed from-states from `fromStates` (migration 019 checks the column).
 */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'completed',
  'refunded',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// The states are named first: the table alone would not name a state no move leads to.
export const orderMachine = defineMachine<OrderStatus>('order', {
  pending_payment: ['paid', 'cancelled'],
  paid: ['shipped', 'completed', 'refunded'],
  shipped: ['completed', 'refunded'],
  completed: ['refunded'],
  refunded: [],
  cancelled: [],
});

export interface PricedLine {
  unitPrice: number;
  quantity: number;
}

export interface Totals {
  lineTotals: number[];
  subtotal: number;
  discount: number;
  total: number;
}

/** Order totals: integer maths only; a discount never takes the total below zero. */
export function computeTotals(lines: readonly PricedLine[], requestedDiscount = 0): Totals {
  const lineTotals = lines.map((l) => l.unitPrice * l.quantity);
  const subtotal = sumMinor(lineTotals);
  const discount = Math.min(Math.max(0, requestedDiscount), subtotal);
  return { lineTotals, subtotal, discount, total: subtotal - discount };
}

/**
 * The provider of an order paid in points alone: it has no payment row (nothing was collected, so
 * nothing to refund at a provider) and posts nothing to the ledger (no money moved).
 */
export const POINTS_PROVIDER = 'points';

export const MAX_QUANTITY = 99;

export interface RequestedLine {
  variantId: string;
  quantity: number;
}

/** The same variant listed twice is one line with the quantities added. */
export function mergeLines(lines: readonly RequestedLine[]): RequestedLine[] {
  const merged = new Map<string, number>();
  for (const line of lines) merged.set(line.variantId, (merged.get(line.variantId) ?? 0) + line.quantity);
  return [...merged].map(([variantId, quantity]) => ({ variantId, quantity }));
}

import { AppError } from '../../platform/errors.js';
import { sumMinor } from '../../platform/money.js';

/** Order states and the moves between them, as data: anything not listed is an illegal transition. */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'completed',
  'refunded',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['shipped', 'completed', 'refunded'],
  shipped: ['completed', 'refunded'],
  completed: ['refunded'],
  refunded: [],
  cancelled: [],
};

export const canTransition = (from: OrderStatus, to: OrderStatus) => TRANSITIONS[from].includes(to);

const explanations: Partial<Record<OrderStatus, string>> = {
  paid: 'The order is already paid',
  refunded: 'The order is already refunded',
  cancelled: 'The order was cancelled',
  shipped: 'The order has already shipped',
  completed: 'The order is already completed',
};

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (canTransition(from, to)) return;
  const why = explanations[from] ?? `An order that is ${from.replace('_', ' ')} cannot become ${to}`;
  throw new AppError('conflict', `${why}; it cannot become ${to.replace('_', ' ')}`);
}

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

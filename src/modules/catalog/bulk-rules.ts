/**
 * Pure rules of bulk price and stock changes. A change is by a whole percentage (-100..1000) or by
 * an amount (minor units for prices, units for stock), negative to lower. A percentage rounds half
 * up to a whole minor unit (or unit), in integers: ¥9.99 + 10% is ¥10.99 (1098.9 → 1099).
 */
import { MAX_STOCK } from './rules.js';

export interface BulkChange {
  by: 'percent' | 'amount';
  value: number;
}

export const MAX_PRICE = 100_000_000_00;

/** `value` changed by `change`, or undefined when it would fall below zero. */
export function changed(value: number, change: BulkChange): number | undefined {
  const next =
    change.by === 'amount'
      ? value + change.value
      : Number((BigInt(value) * BigInt(100 + change.value) * 2n + 100n) / 200n);
  // A percentage above -100 never goes negative; an amount may.
  return next < 0 ? undefined : next;
}

export const BULK_OUTCOMES = [
  'changed',
  'unchanged',
  'not_found',
  'price_below_zero',
  'price_above_maximum',
  'stock_below_zero',
  'stock_above_maximum',
] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];
export type BulkRefusal = Exclude<BulkOutcome, 'changed' | 'unchanged' | 'not_found'>;

/** The new price, or why it cannot be. */
export function changedPrice(price: number, change: BulkChange): number | BulkRefusal {
  const next = changed(price, change);
  if (next === undefined) return 'price_below_zero';
  return next > MAX_PRICE ? 'price_above_maximum' : next;
}

/** The stock delta to record, or why there can be none: stock is never below zero. */
export function stockDelta(stock: number, change: BulkChange): number | BulkRefusal {
  const next = changed(stock, change);
  if (next === undefined) return 'stock_below_zero';
  return next > MAX_STOCK ? 'stock_above_maximum' : next - stock;
}

/** Pure catalog rules. */
import { defineMachine } from '../../platform/state-machine.js';

/** A product is sold while active; archiving stops that, restoring starts it again. */
export const productMachine = defineMachine('product', {
  active: ['archived'],
  archived: ['active'],
});
export type ProductStatus = (typeof productMachine.states)[number];

/** A category is a short lowercase slug ("home-kitchen"); people type names, so names become slugs. */
export function categorySlug(input: string): string {
  const slug = input
    .trim()
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+/, '');
  // Cut by code points, not UTF-16 units, so a CJK extension character is never split in half;
  // trim dashes after the cut so "…-b" cut at 40 does not end with a dash.
  return Array.from(slug).slice(0, 40).join('').replace(/-+$/, '');
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface PricedVariant {
  price: number;
  stock: number;
}

/** The "from" price shown on product cards and whether anything can be bought at all. */
export function priceSummary(variants: readonly PricedVariant[]) {
  if (variants.length === 0) return { minPrice: null, maxPrice: null, inStock: false };
  const prices = variants.map((v) => v.price);
  return {
    minPrice: Math.min(...prices),
    maxPrice: Math.max(...prices),
    inStock: variants.some((v) => v.stock > 0),
  };
}

/** The most a variant may hold, as the API accepts it (far below the integer column's limit). */
export const MAX_STOCK = 10_000_000;

/** An operator's stock change as the API takes it: a delta, or a compare-and-set from `expected`. */
export interface StockChangeInput {
  delta?: number;
  expected?: number;
  stock?: number;
  reason: string;
}

export type StockChange =
  | { mode: 'delta'; delta: number; reason: string }
  | { mode: 'set'; expected: number; stock: number; reason: string };

/** A field error of a stock change: its path, the rule a client words it by, and English. */
export interface StockChangeError {
  path: string;
  rule: 'notWith' | 'notZero' | 'required' | 'unchanged';
  message: string;
}

/**
 * Which of the two forms a request is, or the field that makes it neither: `delta` alone (not 0),
 * or `expected` and `stock` together (different, or there is nothing to change).
 */
export function parseStockChange(
  input: StockChangeInput,
): { change: StockChange } | { error: StockChangeError } {
  const reason = input.reason.trim();
  const { delta, expected, stock } = input;
  if (delta !== undefined) {
    if (expected !== undefined || stock !== undefined) {
      const path = expected !== undefined ? '/expected' : '/stock';
      return {
        error: {
          path,
          rule: 'notWith',
          message: 'cannot be combined with delta; send a delta or expected and stock',
        },
      };
    }
    if (delta === 0) return { error: { path: '/delta', rule: 'notZero', message: 'must not be 0' } };
    return { change: { mode: 'delta', delta, reason } };
  }
  if (expected === undefined && stock === undefined)
    return { error: { path: '/delta', rule: 'required', message: 'is required (or expected and stock)' } };
  if (expected === undefined)
    return { error: { path: '/expected', rule: 'required', message: 'is required with stock' } };
  if (stock === undefined)
    return { error: { path: '/stock', rule: 'required', message: 'is required with expected' } };
  if (stock === expected)
    return { error: { path: '/stock', rule: 'unchanged', message: 'equals expected; nothing to change' } };
  return { change: { mode: 'set', expected, stock, reason } };
}

import type { RateKey, Rates, ShopPopulation, ShopPreview } from './schemas.js';
import { DEFAULT_MARGIN_BPS, RATE_KEYS } from './schemas.js';

/** The shop's rates are measured over this many days up to now. */
export const SHOP_WINDOW_DAYS = 90;

/** What the shop's rates fall back to when its data cannot tell (nothing to divide by). */
export const DEFAULT_SHOP_RATES: Rates = {
  shareRate: 1_000,
  visitRate: 2_000,
  orderRate: 1_000,
  repeatRate: 200,
  averageOrderValue: 5_000,
  marginBps: DEFAULT_MARGIN_BPS,
};

/** What the shop's data says over the window, counted by the modules that own it. */
export interface ShopActivity {
  /** Distinct accounts who paid an order in the window. */
  buyers: number;
  /** Of them, who created a share link in the window. */
  buyersWhoShared: number;
  /** Everyone who created a share link in the window (their friends are who the shares reached). */
  sharerIds: readonly string[];
  /** Distinct devices that opened a share link in the window. */
  visitors: number;
  /** Of those visitors, who signed up and paid a first order. */
  visitorsWhoOrdered: number;
  /** Repeat (not first) orders paid in the window. */
  repeatOrders: number;
  /** Σ over customers of the weeks they were customers within the window (after their first order). */
  customerWeeks: number;
  /** Orders paid in the window and what they came to, less refunds. */
  paidOrders: number;
  gmv: number;
}

type Sourced = ShopPreview['rates'][RateKey];

/** A ratio in basis points, capped at 100 %; the default when there is nothing to divide by. */
function bps(numerator: number, denominator: number, fallback: number): Sourced {
  if (denominator <= 0) return { value: fallback, source: 'default', numerator, denominator };
  const value = Math.min(10_000, Math.round((numerator / denominator) * 10_000));
  return { value, source: 'measured', numerator, denominator };
}

/**
 * The shop's rates, as the model (./rules.ts) means them:
 * - share rate: buyers of the window who created a share link ÷ buyers;
 * - visit rate: share-link visitors (distinct devices) ÷ people the shares reached, which is the
 *   friends in the shop's graph of everyone who created a link (`reached`); visitors from outside
 *   the graph count too, so it is capped at 100 %;
 * - order rate: visitors who paid a first order ÷ visitors;
 * - repeat rate: repeat orders ÷ customer-weeks (each customer, each week after their first order);
 * - average order value: GMV ÷ paid orders; margin: not in the data, always the default.
 */
export function measuredRates(a: ShopActivity, reached: number): Record<RateKey, Sourced> {
  const d = DEFAULT_SHOP_RATES;
  const aov: Sourced =
    a.paidOrders > 0
      ? {
          value: Math.max(1, Math.round(a.gmv / a.paidOrders)),
          source: 'measured',
          numerator: a.gmv,
          denominator: a.paidOrders,
        }
      : { value: d.averageOrderValue, source: 'default', numerator: a.gmv, denominator: 0 };
  return {
    shareRate: bps(a.buyersWhoShared, a.buyers, d.shareRate),
    visitRate: bps(a.visitors, reached, d.visitRate),
    orderRate: bps(a.visitorsWhoOrdered, a.visitors, d.orderRate),
    repeatRate: bps(a.repeatOrders, a.customerWeeks, d.repeatRate),
    averageOrderValue: aov,
    marginBps: { value: d.marginBps, source: 'default' },
  };
}

/** The operator's overrides on top of the measured rates. */
export function withOverrides(
  rates: Record<RateKey, Sourced>,
  population: ShopPopulation,
): Record<RateKey, Sourced> {
  const out = { ...rates };
  for (const key of RATE_KEYS) {
    const given = population[key];
    if (given !== undefined) out[key] = { value: given, source: 'override' };
  }
  return out;
}

export const valuesOf = (rates: Record<RateKey, Sourced>): Rates =>
  Object.fromEntries(RATE_KEYS.map((k) => [k, rates[k].value])) as Rates;

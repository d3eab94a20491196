import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { below, type Graph, type Rng, unit } from './graph.js';
import type { OrderAmounts, OrderBook } from './rules.js';

/** The weekly figures each run records, in this order (one Float64Array row per run and week). */
export const METRICS = [
  'gmv',
  'orders',
  'newCustomers',
  'payout',
  'marginAfterPayout',
  'commissions',
  'rewards',
  'couponCost',
  'groupDiscounts',
  'grossMargin',
] as const;
export type Metric = (typeof METRICS)[number];
const M = Object.fromEntries(METRICS.map((m, i) => [m, i])) as Record<Metric, number>;
const WIDTH = METRICS.length;

export interface CascadeParams {
  graph: Graph;
  shareProbability: number;
  conversionProbability: number;
  repeatProbability: number;
  /** 0 when the scheme has no group buy. */
  groupSize: number;
  book: OrderBook;
  weeks: number;
  runs: number;
  seed: number;
  /** How many customers there are at week 0, drawn anew in each run (ignored with `seedPeople`). */
  seedCustomers: number;
  /** Fixed week-0 customers (tests, the shop's own buyers). */
  seedPeople?: Int32Array;
}

export interface CascadeHooks {
  /** Called after each run with the share of the work done; returning false stops early. */
  onRun?: (done: number, total: number) => boolean | undefined;
}

/** runs × weeks × METRICS, row-major: figures[(run·weeks + week)·WIDTH + metric]. */
export interface CascadeOutcome {
  runs: number;
  weeks: number;
  figures: Float64Array;
}

export const figureOf = (o: CascadeOutcome, run: number, week: number, metric: Metric) =>
  o.figures[(run * o.weeks + week) * WIDTH + M[metric]] as number;

/**
 * How many Bernoulli(p) trials fail before the next success, in one draw (inverse transform of the
 * geometric distribution). Walking a list by these gaps visits exactly the successes of one trial per
 * element, with the same distribution as a draw per element, but with p·n draws instead of n: what
 * makes a million people with 4% conversion cheap. Infinity when p is 0.
 */
export function geometricGap(rng: Rng, logFail: number): number {
  if (logFail === 0) return Number.POSITIVE_INFINITY;
  if (logFail === Number.NEGATIVE_INFINITY) return 0;
  return Math.floor(Math.log(1 - unit(rng)) / logFail);
}

function addOrders(row: Float64Array, at: number, a: OrderAmounts, depth: number, count: number) {
  if (count === 0) return;
  const commission = a.commissionByDepth[depth] as number;
  row[at + M.gmv] = (row[at + M.gmv] as number) + a.paid * count;
  row[at + M.orders] = (row[at + M.orders] as number) + count;
  row[at + M.commissions] = (row[at + M.commissions] as number) + commission * count;
  row[at + M.rewards] = (row[at + M.rewards] as number) + a.reward * count;
  row[at + M.couponCost] = (row[at + M.couponCost] as number) + a.coupon * count;
  row[at + M.groupDiscounts] = (row[at + M.groupDiscounts] as number) + a.groupDiscount * count;
  row[at + M.grossMargin] = (row[at + M.grossMargin] as number) + a.grossMargin * count;
}

/**
 * The seeded Monte-Carlo cascade (the model is written down in ./rules.ts). Per run: week-0
 * customers, then each week repeat orders by earlier customers, and one chance to share for those
 * who became customers the week before. Customers are appended to one Int32Array, so "those who
 * joined last week" is a contiguous slice of it; depth in the referral chain is kept capped at 3,
 * which is all commission needs.
 */
export function runCascade(p: CascadeParams, hooks: CascadeHooks = {}): CascadeOutcome {
  const { graph, weeks, runs, book } = p;
  const n = graph.people;
  const { offsets, neighbours } = graph;
  const rng: Rng = xoroshiro128plus(p.seed);
  const figures = new Float64Array(runs * weeks * WIDTH);
  const isCustomer = new Uint8Array(n);
  const depth = new Uint8Array(n);
  const customers = new Int32Array(n);
  const s = p.shareProbability;
  const q = p.conversionProbability;
  const r = p.repeatProbability;
  const groupNeeds = p.groupSize > 0 ? p.groupSize - 1 : Number.POSITIVE_INFINITY;
  // log(1 − p) for the gap draws: 0 means never, −∞ means always.
  const logNotQ = q >= 1 ? Number.NEGATIVE_INFINITY : Math.log(1 - Math.max(0, q));
  const logNotR = r >= 1 ? Number.NEGATIVE_INFINITY : Math.log(1 - Math.max(0, r));

  for (let run = 0; run < runs; run++) {
    isCustomer.fill(0);
    depth.fill(0);
    let count = 0;
    if (p.seedPeople) {
      for (const person of p.seedPeople) {
        if (isCustomer[person]) continue;
        isCustomer[person] = 1;
        customers[count++] = person;
      }
    } else {
      const wanted = Math.min(p.seedCustomers, n);
      while (count < wanted) {
        const person = below(rng, n);
        if (isCustomer[person]) continue;
        isCustomer[person] = 1;
        customers[count++] = person;
      }
    }
    let frontierStart = 0;
    for (let week = 0; week < weeks; week++) {
      const at = (run * weeks + week) * WIDTH;
      const frontierEnd = count;
      // Repeat orders: everyone who was a customer before this week, each with probability r.
      for (let i = geometricGap(rng, logNotR); i < frontierEnd; i += 1 + geometricGap(rng, logNotR)) {
        addOrders(figures, at, book.repeat, depth[customers[i] as number] as number, 1);
      }
      // Last week's new customers share once; each friend reached may order.
      for (let i = frontierStart; i < frontierEnd; i++) {
        if (unit(rng) >= s) continue;
        const sharer = customers[i] as number;
        const childDepth = Math.min(3, (depth[sharer] as number) + 1);
        const firstNew = count;
        const end = offsets[sharer + 1] as number;
        // Each friend orders with probability q; one who is a customer already just does not count.
        for (
          let k = (offsets[sharer] as number) + geometricGap(rng, logNotQ);
          k < end;
          k += 1 + geometricGap(rng, logNotQ)
        ) {
          const friend = neighbours[k] as number;
          if (isCustomer[friend]) continue;
          isCustomer[friend] = 1;
          depth[friend] = childDepth;
          customers[count++] = friend;
        }
        const joined = count - firstNew;
        const amounts = joined >= groupNeeds ? book.firstInGroup : book.firstAlone;
        addOrders(figures, at, amounts, childDepth, joined);
        figures[at + M.newCustomers] = (figures[at + M.newCustomers] as number) + joined;
      }
      frontierStart = frontierEnd;
      const payout =
        (figures[at + M.commissions] as number) +
        (figures[at + M.rewards] as number) +
        (figures[at + M.couponCost] as number) +
        (figures[at + M.groupDiscounts] as number);
      figures[at + M.payout] = payout;
      figures[at + M.marginAfterPayout] = (figures[at + M.grossMargin] as number) - payout;
    }
    if (hooks.onRun?.(run + 1, runs) === false) return { runs: run + 1, weeks, figures };
  }
  return { runs, weeks, figures };
}

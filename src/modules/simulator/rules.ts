import { policyProfile } from '../../platform/policy.js';
import type { Population, Rates, Scheme, SimulationWarning } from './schemas.js';

/**
 * The incentive model, written down (the cascade in ./cascade.ts plays it out):
 *
 * - Every order is worth the average order value (list price). A new customer's first order gets
 *   the coupon (when the list price reaches its minimum spend) and, when their group fills, the
 *   group discount; repeat orders are at list price. GMV is what buyers paid.
 * - A customer shares once, in the week after their first order (independent cascade). Without
 *   incentives they share with probability s0 (`shareRate`); what a share earns them — level-1
 *   commission on the friend's first order plus the invitation reward, as a fraction x of the order
 *   value — raises it with diminishing returns: s = 1 − (1 − s0)·e^(−SHARE_LIFT·x).
 * - A share reaches every friend who is not a customer yet; each opens it with probability v
 *   (`visitRate`) and orders with o = 1 − (1 − o0)·e^(−ORDER_LIFT·d), d being the discount they are
 *   offered (coupon + group discount) as a fraction of the order value. So q = v·o.
 * - A group buy: the sharer opened a group of `size`; it fills when at least size − 1 of the friends
 *   they reached order that week, and then each of those first orders gets the group discount. If it
 *   does not fill, they buy alone at the coupon price (the platform refunds a failed group and they
 *   order again).
 * - Commission is paid on every order (first and repeat) to the buyer's chain of referrers, level l
 *   at `commissionBps[l−1]` of what the buyer paid, as far up as the chain reaches (seeds have none).
 *   The invitation reward is paid to the referrer on the invited person's first order.
 * - Every customer orders again with probability r (`repeatRate`) each week after their first.
 * - Payout = commissions + rewards + coupon cost + group discounts; gross margin is `marginBps` of
 *   the list price of every order; margin after payout = gross margin − payout.
 *
 * The lifts are assumptions, not measurements: SHARE_LIFT = 4 means a reward worth a quarter of the
 * order removes 63 % of the reluctance to share; ORDER_LIFT = 3 means a third off does the same for
 * ordering. They are here so that a scheme's effect on behaviour is explicit and the same for A and B.
 */
export const SHARE_LIFT = 4;
export const ORDER_LIFT = 3;
export const DEFAULT_PAYOUT_SHARE_LIMIT_BPS = 5_000;

/** What one order costs and earns, in minor units; commission by the buyer's depth in the chain (0..3). */
export interface OrderAmounts {
  list: number;
  paid: number;
  grossMargin: number;
  coupon: number;
  groupDiscount: number;
  reward: number;
  commissionByDepth: readonly [number, number, number, number];
}

export interface OrderBook {
  firstInGroup: OrderAmounts;
  firstAlone: OrderAmounts;
  repeat: OrderAmounts;
}

const bpsOf = (amount: number, bps: number) => Math.floor((amount * bps) / 10_000);

function commissionByDepth(paid: number, rates: readonly number[]): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  for (let depth = 1; depth <= 3; depth++) {
    const rate = rates[depth - 1];
    out[depth] = (out[depth - 1] as number) + (rate === undefined ? 0 : bpsOf(paid, rate));
  }
  // A buyer at depth d has d referrers above them, so levels beyond d are not paid.
  return out;
}

export function couponOff(scheme: Scheme, list: number): number {
  const c = scheme.coupon;
  if (!c || list < c.minSpend) return 0;
  return Math.min(c.amountOff, list);
}

export function orderBook(scheme: Scheme, population: Rates): OrderBook {
  const list = population.averageOrderValue;
  const grossMargin = bpsOf(list, population.marginBps);
  const coupon = couponOff(scheme, list);
  const group = scheme.groupBuy ? Math.min(bpsOf(list, scheme.groupBuy.discountBps), list - coupon) : 0;
  const make = (couponCost: number, groupDiscount: number, reward: number): OrderAmounts => {
    const paid = list - couponCost - groupDiscount;
    return {
      list,
      paid,
      grossMargin,
      coupon: couponCost,
      groupDiscount,
      reward,
      commissionByDepth: commissionByDepth(paid, scheme.commissionBps),
    };
  };
  return {
    firstInGroup: make(coupon, group, scheme.invitationReward),
    firstAlone: make(coupon, 0, scheme.invitationReward),
    repeat: make(0, 0, 0),
  };
}

/** The cascade's probabilities once the scheme's incentives are counted in (see the model above). */
export function behaviour(scheme: Scheme, population: Rates) {
  const book = orderBook(scheme, population);
  const list = population.averageOrderValue;
  const earned = (book.firstAlone.commissionByDepth[1] + scheme.invitationReward) / list;
  const offered = (book.firstInGroup.coupon + book.firstInGroup.groupDiscount) / list;
  const s0 = population.shareRate / 10_000;
  const o0 = population.orderRate / 10_000;
  return {
    shareProbability: 1 - (1 - s0) * Math.exp(-SHARE_LIFT * earned),
    conversionProbability: (population.visitRate / 10_000) * (1 - (1 - o0) * Math.exp(-ORDER_LIFT * offered)),
    repeatProbability: population.repeatRate / 10_000,
    groupSize: scheme.groupBuy?.size ?? 0,
  };
}

/** What the policy profile says about the scheme itself, before any run. */
export function policyWarnings(scheme: Scheme): SimulationWarning[] {
  const { rules } = policyProfile(scheme.policyProfile);
  const out: SimulationWarning[] = [];
  const levels = paidLevels(scheme.commissionBps);
  if (levels > rules.maxCommissionLevels) {
    out.push({
      code: 'levels_beyond_policy',
      rule: 'maxCommissionLevels',
      limit: rules.maxCommissionLevels,
      value: levels,
    });
  }
  const total = totalCommissionBps(scheme.commissionBps);
  if (total > rules.payoutCapBps) {
    out.push({
      code: 'payout_over_policy_cap',
      rule: 'payoutCapBps',
      limit: rules.payoutCapBps,
      value: total,
    });
  }
  // An invitation reward is paid per person recruited, which the profile may forbid outright.
  if (scheme.invitationReward > 0 && !rules.recruitmentRewards) {
    out.push({ code: 'policy_forbids', rule: 'recruitmentRewards' });
  }
  return out;
}

/** Levels that actually pay: trailing zero rates do not deepen the chain. */
export function paidLevels(rates: readonly number[]): number {
  let levels = 0;
  rates.forEach((rate, i) => {
    if (rate > 0) levels = i + 1;
  });
  return levels;
}

export const totalCommissionBps = (rates: readonly number[]) => rates.reduce((a, b) => a + b, 0);

/** The payout warning, once the runs are done: mean payout against mean gross margin. */
export function payoutWarning(
  payout: number,
  grossMargin: number,
  limitBps: number,
): SimulationWarning | null {
  const limit = (grossMargin * limitBps) / 10_000;
  if (payout <= limit || payout === 0) return null;
  const shareBps = grossMargin > 0 ? Math.round((payout / grossMargin) * 10_000) : 10_000;
  return { code: 'payout_over_margin_share', limit: limitBps, value: shareBps };
}

/** Mean and nearest-rank p10/p90 of one metric across runs. */
export function spread(values: Float64Array | readonly number[]) {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return { mean: 0, p10: 0, p90: 0 };
  let sum = 0;
  for (const v of sorted) sum += v;
  const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))] as number;
  return { mean: sum / n, p10: rank(0.1), p90: rank(0.9) };
}

/** people × runs a simulation may take: a million people a hundred times, about a minute here. */
export const MAX_PERSON_RUNS = 100_000_000;

export type InputProblem =
  | { reason: 'simulation_payout_over_order'; path: string; params: { totalBps: number } }
  | { reason: 'simulation_too_many_seeds'; path: string; params: { max: number } }
  | { reason: 'simulation_too_large'; path: string; params: { maxPersonRuns: number } };

/**
 * What the schema cannot say about a simulation's input: sums and products of its fields. A shop
 * population's size is the shop's (`people`), and its week-0 customers are its buyers, however many.
 */
export function inputProblems(
  input: { scheme: Scheme; population: Population; runs: number },
  people = input.population.kind === 'synthetic' ? input.population.people : 0,
): InputProblem[] {
  const out: InputProblem[] = [];
  const totalBps = totalCommissionBps(input.scheme.commissionBps) + (input.scheme.groupBuy?.discountBps ?? 0);
  if (totalBps > 10_000) {
    out.push({ reason: 'simulation_payout_over_order', path: '/scheme/commissionBps', params: { totalBps } });
  }
  const max = Math.floor(people / 2);
  if (input.population.kind === 'synthetic' && input.population.seedCustomers > max) {
    out.push({ reason: 'simulation_too_many_seeds', path: '/population/seedCustomers', params: { max } });
  }
  if (people * input.runs > MAX_PERSON_RUNS) {
    out.push({ reason: 'simulation_too_large', path: '/runs', params: { maxPersonRuns: MAX_PERSON_RUNS } });
  }
  return out;
}

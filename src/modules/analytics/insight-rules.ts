import { addDays, type Channel, dayOf, ratio } from './rules.js';

/** Pure rules of the dashboard's deeper tables: cohorts, promoter payback, refund outliers. */

const WEEK_MS = 7 * 86_400_000;
/** Weeks after the first order a cohort is followed for. */
export const COHORT_WEEKS = 12;

/** The Monday (UTC) of the ISO week an instant falls in. */
export function mondayOf(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

/**
 * Weeks after its own a cohort can be measured for by `end`: week k (k ≥ 1) runs from the cohort's
 * Monday + 7k days for 7 days, and counts only once it is over.
 */
export const measuredWeeks = (cohortMonday: Date, end: Date): number =>
  Math.max(0, Math.min(COHORT_WEEKS, Math.floor((end.getTime() - cohortMonday.getTime()) / WEEK_MS) - 1));

/** One cohort's facts, as the query counts them. */
export interface CohortCounts {
  /** The Monday of the week of its people's first paid order, YYYY-MM-DD. */
  week: string;
  channel: Channel;
  /** People whose first paid order was that week (in the period), through that channel. */
  size: number;
  /** Of them, who paid another order by the period's end. */
  repurchased: number;
  /** Active people by week offset (1 = the week after the first order's). */
  active: ReadonlyMap<number, number>;
}

export interface Cohort {
  week: string;
  channel: Channel;
  size: number;
  repurchased: number;
  repurchaseRate: number;
  retention: { week: number; active: number; rate: number }[];
}

/**
 * The cohort table. "Active in week k": paid an order (not refunded in full or not, any channel)
 * in the k-th week after the week of the first order. A cohort too young to measure (its first
 * following week not over by the end) is left out and counted apart; older cohorts show only the
 * weeks that are over.
 */
export function cohortTable(rows: readonly CohortCounts[], end: Date) {
  const cohorts: Cohort[] = [];
  let tooYoung = 0;
  for (const r of rows) {
    const weeks = measuredWeeks(new Date(`${r.week}T00:00:00Z`), end);
    if (weeks === 0) {
      tooYoung += r.size;
      continue;
    }
    const retention = [];
    for (let k = 1; k <= weeks; k++) {
      const active = r.active.get(k) ?? 0;
      retention.push({ week: k, active, rate: ratio(active, r.size) });
    }
    cohorts.push({
      week: r.week,
      channel: r.channel,
      size: r.size,
      repurchased: r.repurchased,
      repurchaseRate: ratio(r.repurchased, r.size),
      retention,
    });
  }
  cohorts.sort((a, b) => (a.week === b.week ? (a.channel < b.channel ? -1 : 1) : a.week < b.week ? -1 : 1));
  return { cohorts, tooYoung };
}

/**
 * Per acquisition channel over the measured cohorts: customers, repurchase rate, and for each week k
 * the active share among the cohorts old enough to have week k (so a young cohort does not drag it).
 */
export function channelRetention(cohorts: readonly Cohort[], channels: readonly Channel[]) {
  return channels
    .map((channel) => {
      const mine = cohorts.filter((c) => c.channel === channel);
      const customers = mine.reduce((n, c) => n + c.size, 0);
      const repurchased = mine.reduce((n, c) => n + c.repurchased, 0);
      const deepest = mine.reduce((n, c) => Math.max(n, c.retention.length), 0);
      const retention = [];
      for (let k = 1; k <= deepest; k++) {
        const measured = mine.filter((c) => c.retention.length >= k);
        const base = measured.reduce((n, c) => n + c.size, 0);
        const active = measured.reduce((n, c) => n + (c.retention[k - 1]?.active ?? 0), 0);
        retention.push({ week: k, measured: base, active, rate: ratio(active, base) });
      }
      return { channel, customers, repurchased, repurchaseRate: ratio(repurchased, customers), retention };
    })
    .filter((c) => c.customers > 0);
}

export const cohortWeekOf = (at: Date): string => dayOf(mondayOf(at));

/** A promoter's refund rate stands out from at least this many attributed orders... */
export const OUTLIER_MIN_ORDERS = 5;
/** ...when it is at least this many times the shop's... */
export const OUTLIER_FACTOR = 2;
/** ...and at least this far above it (a shop refunding 1% makes 2% no alarm). */
export const OUTLIER_MIN_GAP = 0.1;

/** Whether a promoter's customers refund unusually often, by the thresholds above. */
export function refundsUnusually(p: { orders: number; refundedOrders: number }, shopRate: number): boolean {
  if (p.orders < OUTLIER_MIN_ORDERS) return false;
  const rate = p.refundedOrders / p.orders;
  return rate >= shopRate * OUTLIER_FACTOR && rate - shopRate >= OUTLIER_MIN_GAP;
}

export interface PromoterCounts {
  promoterId: string;
  /** Different buyers of the orders attributed to the promoter. */
  customers: number;
  orders: number;
  /** Paid for goods, before refunds. */
  sales: number;
  refunded: number;
  /** Orders with any refund. */
  refundedOrders: number;
  /** Commissions the promoter earned at every level, shrunk by refunds. */
  commission: number;
}

/**
 * A promoter's payback. The catalog keeps no cost price, so the margin is the net sales (paid less
 * refunded) of the orders attributed to the promoter: `payback` is net sales per unit of commission,
 * `commissionShare` the commission's share of net sales.
 */
export function payback(p: PromoterCounts, shopRefundRate: number) {
  const netSales = p.sales - p.refunded;
  return {
    ...p,
    netSales,
    payback: ratio(netSales, p.commission),
    commissionShare: ratio(p.commission, netSales),
    refundRate: ratio(p.refundedOrders, p.orders),
    refundsUnusually: refundsUnusually(p, shopRefundRate),
  };
}

/** Rank by conversion only with enough openings that one order is no 100%. */
export const CONVERSION_MIN_OPENINGS = 5;

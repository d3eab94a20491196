/**
 * A shopkeeper's or leader's trust value, 0..100, from parts (pure: no I/O). Each part is a value
 * 0..100 with a weight; the score is the weighted mean of the parts that have data, so a part
 * nobody can measure yet (no reviews, no pickups, a port not wired) neither helps nor hurts.
 *
 * Rates are smoothed with `PRIOR` good events, so one refund on someone's first order does not
 * ruin them: rate = bad ÷ (total + PRIOR). A part is 100 at rate 0 and falls linearly to 0 at its
 * ceiling (a refund rate of 30 % of the orders brought is as bad as it gets).
 */

export const TRUST_PARTS = ['refunds', 'after_sales', 'reviews', 'complaints', 'pickups'] as const;
export type TrustPartKey = (typeof TRUST_PARTS)[number];

/** Weights in percent; they sum to 100. */
export const TRUST_WEIGHTS: Readonly<Record<TrustPartKey, number>> = {
  refunds: 30,
  after_sales: 20,
  reviews: 25,
  complaints: 15,
  pickups: 10,
};

/** Smoothing: this many good orders (or 5-star reviews) are assumed before the first real one. */
export const PRIOR = 5;
/** The rate at which a part reaches 0. */
export const CEILINGS = { refunds: 0.3, after_sales: 0.4, complaints: 0.1, pickups: 0.3 } as const;

/** Counts behind the parts; `null` = no source for it yet. */
export interface TrustFacts {
  /** Orders brought (level-1 commissions, latest first, a bounded window). */
  orders: number;
  /** Of them, refunded in full or in part. */
  refunded: number;
  /** Of them, with an after-sales request. */
  afterSales: number;
  /** Reviews of what they sold: how many and the sum of their ratings (1..5). */
  reviews: { count: number; ratingSum: number } | null;
  /** Complaints about them upheld by moderation. */
  complaints: number | null;
  /** Pickup orders due at their pickup points, and how many were handed over. */
  pickups: { due: number; collected: number } | null;
}

export interface TrustPart {
  key: TrustPartKey;
  weight: number;
  /** 0..100, rounded. */
  value: number;
  hasData: boolean;
  /** The bad events and what they are counted out of (reviews: the rating sum and count). */
  count: number;
  outOf: number;
  /** Score points this part costs now: how much it would move the score back if it were 100. */
  cost: number;
}

export interface TrustScore {
  score: number;
  parts: TrustPart[];
}

const clampCount = (n: number, max: number) => Math.max(0, Math.min(n, max));

/** 100 at rate 0, 0 at or beyond the ceiling. */
function rateValue(bad: number, total: number, ceiling: number): number {
  const rate = clampCount(bad, total) / (total + PRIOR);
  return 100 * (1 - Math.min(1, rate / ceiling));
}

export function scoreTrust(f: TrustFacts): TrustScore {
  const orders = Math.max(0, f.orders);
  const raw: { key: TrustPartKey; value: number; hasData: boolean; count: number; outOf: number }[] = [
    {
      key: 'refunds',
      value: rateValue(f.refunded, orders, CEILINGS.refunds),
      hasData: orders > 0,
      count: clampCount(f.refunded, orders),
      outOf: orders,
    },
    {
      key: 'after_sales',
      value: rateValue(f.afterSales, orders, CEILINGS.after_sales),
      hasData: orders > 0,
      count: clampCount(f.afterSales, orders),
      outOf: orders,
    },
    reviewsPart(f.reviews),
    {
      key: 'complaints',
      value:
        f.complaints === null
          ? 100
          : rateValue(f.complaints, Math.max(orders, f.complaints), CEILINGS.complaints),
      hasData: f.complaints !== null,
      count: Math.max(0, f.complaints ?? 0),
      outOf: orders,
    },
    {
      key: 'pickups',
      value:
        f.pickups === null
          ? 100
          : rateValue(f.pickups.due - f.pickups.collected, Math.max(0, f.pickups.due), CEILINGS.pickups),
      hasData: f.pickups !== null && f.pickups.due > 0,
      count: f.pickups === null ? 0 : clampCount(f.pickups.due - f.pickups.collected, f.pickups.due),
      outOf: Math.max(0, f.pickups?.due ?? 0),
    },
  ];
  const measured = raw.filter((p) => p.hasData);
  const weightSum = measured.reduce((s, p) => s + TRUST_WEIGHTS[p.key], 0);
  const exact =
    weightSum === 0 ? 100 : measured.reduce((s, p) => s + TRUST_WEIGHTS[p.key] * p.value, 0) / weightSum;
  return {
    score: Math.round(exact),
    parts: raw.map((p) => ({
      key: p.key,
      weight: TRUST_WEIGHTS[p.key],
      value: Math.round(p.value),
      hasData: p.hasData,
      count: p.count,
      outOf: p.outOf,
      cost: p.hasData ? Math.round((TRUST_WEIGHTS[p.key] * (100 - p.value)) / weightSum) : 0,
    })),
  };
}

/** The mean rating, smoothed towards 5 stars, mapped 1★ → 0 and 5★ → 100. */
function reviewsPart(r: TrustFacts['reviews']) {
  const count = Math.max(0, r?.count ?? 0);
  const sum = Math.max(count, Math.min(5 * count, r?.ratingSum ?? 0));
  const mean = (sum + 5 * PRIOR) / (count + PRIOR);
  return {
    key: 'reviews' as const,
    value: ((mean - 1) / 4) * 100,
    hasData: count > 0,
    count: sum,
    outOf: count,
  };
}

/** Below the operator's threshold, new commissions are held for review (`low_trust`). */
export const holdsNewCommissions = (score: number, threshold: number) => score < threshold;

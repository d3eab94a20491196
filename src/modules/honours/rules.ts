/**
 * Honours for shopkeepers: badges, each with up to three tiers, earned by a count reaching a
 * threshold. The source's "short, medium and long term" honours: a first sale and lessons come
 * soon, customers and streaks take months, years of service take years. Rules are data: a badge is
 * its measure and its thresholds, in tier order.
 */
export const TIERS = ['bronze', 'silver', 'gold'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * How a badge's count grows. `distinct`: one per distinct ref (a customer, a lesson, an order);
 * `best`: the highest value seen (a streak's length, years of service, a placing's score).
 */
export type Measure = 'distinct' | 'best';

export interface BadgeRule {
  measure: Measure;
  /** The count each tier needs, bronze first; strictly increasing. A badge may have fewer tiers. */
  thresholds: readonly number[];
}

export const BADGE_RULES = {
  /** A paid order through the person's share link or store: a level-1 commission (any amount). */
  first_sale: { measure: 'distinct', thresholds: [1] },
  /** Distinct buyers of the person's level-1 commissioned orders. */
  customers: { measure: 'distinct', thresholds: [10, 100, 1_000] },
  /** The longest daily check-in streak. */
  check_in_streak: { measure: 'best', thresholds: [7, 30, 100] },
  /** Academy lessons finished (each lesson once). */
  lessons: { measure: 'distinct', thresholds: [1, 5, 20] },
  /** The best competition placing, scored by `placingScore`: 3rd → bronze, 2nd → silver, 1st → gold. */
  competition: { measure: 'best', thresholds: [1, 2, 3] },
  /** Full years since becoming a shopkeeper. */
  service_years: { measure: 'best', thresholds: [1, 3, 5] },
} as const satisfies Record<string, BadgeRule>;

export type Badge = keyof typeof BADGE_RULES;
export const BADGES = Object.keys(BADGE_RULES) as Badge[];

export const isBadge = (name: string): name is Badge => Object.hasOwn(BADGE_RULES, name);

/** The highest tier a count reaches, or null below the first threshold. */
export function tierFor(rule: BadgeRule, count: number): Tier | null {
  let tier: Tier | null = null;
  rule.thresholds.forEach((threshold, i) => {
    if (count >= threshold) tier = TIERS[i] ?? tier;
  });
  return tier;
}

/** The tier after `tier` (none held: the first) and the count it needs; null at the top. */
export function nextTier(rule: BadgeRule, tier: Tier | null): { tier: Tier; threshold: number } | null {
  const index = tier === null ? 0 : TIERS.indexOf(tier) + 1;
  const threshold = rule.thresholds[index];
  const next = TIERS[index];
  return threshold === undefined || next === undefined ? null : { tier: next, threshold };
}

export const tierRank = (tier: Tier | null) => (tier === null ? 0 : TIERS.indexOf(tier) + 1);

/** The higher of two tiers: a badge once earned is never taken back, whatever the count does later. */
export const higherTier = (a: Tier | null, b: Tier | null): Tier | null =>
  tierRank(a) >= tierRank(b) ? a : b;

/** Every tier from bronze up to `tier`, so holding gold means having held silver and bronze. */
export const tiersUpTo = (tier: Tier | null): Tier[] => TIERS.slice(0, tierRank(tier));

/** A placing as the competition badge counts it: 1st → 3, 2nd → 2, 3rd → 1, lower places → 0. */
export const placingScore = (rank: number) =>
  Number.isInteger(rank) && rank >= 1 && rank <= 3 ? 4 - rank : 0;

/**
 * Full years of service from `sinceDay` to `today` (both YYYY-MM-DD, calendar days in the platform's
 * time zone): the anniversary day counts, and a 29 February start has its anniversary on 1 March.
 */
export function fullYears(sinceDay: string, today: string): number {
  const [sy, sm, sd] = sinceDay.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let years = ty - sy;
  if (tm < sm || (tm === sm && td < sd)) years -= 1;
  return Math.max(0, years);
}

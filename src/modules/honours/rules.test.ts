import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BADGE_RULES,
  BADGES,
  fullYears,
  higherTier,
  nextTier,
  placingScore,
  TIERS,
  tierFor,
  tierRank,
  tiersUpTo,
} from './rules.js';

const badge = fc.constantFrom(...BADGES);
const count = fc.integer({ min: 0, max: 5_000 });
const tier = fc.constantFrom(null, ...TIERS);

describe('badge tiers', () => {
  it('each badge’s thresholds strictly increase and fit the tiers', () => {
    for (const name of BADGES) {
      const { thresholds } = BADGE_RULES[name];
      expect(thresholds.length).toBeGreaterThan(0);
      expect(thresholds.length).toBeLessThanOrEqual(TIERS.length);
      for (let i = 1; i < thresholds.length; i++) {
        expect(thresholds[i]).toBeGreaterThan(thresholds[i - 1] as number);
      }
    }
  });

  it('examples: customers 10 / 100 / 1,000; first sale is bronze only', () => {
    const customers = BADGE_RULES.customers;
    expect([0, 9, 10, 99, 100, 999, 1_000, 50_000].map((n) => tierFor(customers, n))).toEqual([
      null,
      null,
      'bronze',
      'bronze',
      'silver',
      'silver',
      'gold',
      'gold',
    ]);
    expect(tierFor(BADGE_RULES.first_sale, 1)).toBe('bronze');
    expect(tierFor(BADGE_RULES.first_sale, 500)).toBe('bronze');
    expect(nextTier(BADGE_RULES.first_sale, 'bronze')).toBeNull();
    expect(nextTier(BADGE_RULES.check_in_streak, null)).toEqual({ tier: 'bronze', threshold: 7 });
    expect(nextTier(BADGE_RULES.check_in_streak, 'silver')).toEqual({ tier: 'gold', threshold: 100 });
    expect(nextTier(BADGE_RULES.check_in_streak, 'gold')).toBeNull();
  });

  it('property: the tier never goes down as the count grows', () => {
    fc.assert(
      fc.property(badge, count, count, (name, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const rule = BADGE_RULES[name];
        expect(tierRank(tierFor(rule, low))).toBeLessThanOrEqual(tierRank(tierFor(rule, high)));
      }),
    );
  });

  it('property: the next tier is one above the tier for the count, and the count is below its threshold', () => {
    fc.assert(
      fc.property(badge, count, (name, n) => {
        const rule = BADGE_RULES[name];
        const current = tierFor(rule, n);
        const next = nextTier(rule, current);
        if (next === null) {
          expect(tierRank(current)).toBe(rule.thresholds.length);
        } else {
          expect(tierRank(next.tier)).toBe(tierRank(current) + 1);
          expect(n).toBeLessThan(next.threshold);
          expect(tierFor(rule, next.threshold)).toBe(next.tier);
        }
      }),
    );
  });

  it('property: granting never goes down — the held tier after any sequence of counts is the best seen', () => {
    fc.assert(
      fc.property(badge, fc.array(count, { maxLength: 30 }), (name, counts) => {
        const rule = BADGE_RULES[name];
        let held: (typeof TIERS)[number] | null = null;
        for (const n of counts) {
          const before = tierRank(held);
          held = higherTier(held, tierFor(rule, n));
          expect(tierRank(held)).toBeGreaterThanOrEqual(before);
        }
        const best = counts.reduce((a, b) => Math.max(a, b), 0);
        expect(held).toBe(tierFor(rule, best));
      }),
    );
  });

  it('property: tiersUpTo lists every tier below and including the one held', () => {
    fc.assert(
      fc.property(tier, (t) => {
        const listed = tiersUpTo(t);
        expect(listed.length).toBe(tierRank(t));
        expect(listed.at(-1) ?? null).toBe(t);
      }),
    );
  });
});

describe('placings and years', () => {
  it('1st → gold, 2nd → silver, 3rd → bronze, lower places → nothing', () => {
    const rule = BADGE_RULES.competition;
    expect([1, 2, 3, 4, 10].map((rank) => tierFor(rule, placingScore(rank)))).toEqual([
      'gold',
      'silver',
      'bronze',
      null,
      null,
    ]);
  });

  it('full years count the anniversary day; a 29 February start turns on 1 March', () => {
    expect(fullYears('2024-06-10', '2025-06-09')).toBe(0);
    expect(fullYears('2024-06-10', '2025-06-10')).toBe(1);
    expect(fullYears('2020-06-10', '2025-12-31')).toBe(5);
    expect(fullYears('2024-02-29', '2025-02-28')).toBe(0);
    expect(fullYears('2024-02-29', '2025-03-01')).toBe(1);
    expect(fullYears('2025-06-10', '2025-06-10')).toBe(0);
  });

  it('property: years never go down as days pass', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (since, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(fullYears(since, early)).toBeLessThanOrEqual(fullYears(since, late));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  announceDue,
  benefitsOf,
  growthForPaid,
  growthTakenBack,
  isYearlyDay,
  type Level,
  levelAbove,
  levelAfterGrowth,
  levelAt,
  levelFor,
  NO_BENEFITS,
  nextReviewDay,
  reevaluation,
  thresholdRefusal,
  windowStartDay,
} from './rules.js';

const level = (rank: number, threshold: number, name = `L${rank}`): Level => ({
  ...NO_BENEFITS,
  rank,
  name,
  threshold,
});
const LADDER = [
  level(1, 0, 'Member'),
  level(2, 500, 'Silver'),
  level(4, 2000, 'Gold'),
  level(5, 8000, 'Platinum'),
];

/** A valid ladder: rank 1 at 0, then increasing ranks with strictly increasing thresholds. */
const ladder = fc.uniqueArray(fc.integer({ min: 2, max: 30 }), { maxLength: 6 }).chain((ranks) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: ranks.length, maxLength: ranks.length })
    .map((thresholds) => {
      const sortedRanks = [...ranks].sort((a, b) => a - b);
      const sortedThresholds = [...thresholds].sort((a, b) => a - b);
      return [level(1, 0), ...sortedRanks.map((r, i) => level(r, sortedThresholds[i] as number))];
    }),
);
const growth = fc.integer({ min: 0, max: 200_000 });

describe('levelFor', () => {
  it('finds the highest level the growth reaches', () => {
    expect(levelFor(LADDER, 0).name).toBe('Member');
    expect(levelFor(LADDER, 499).name).toBe('Member');
    expect(levelFor(LADDER, 500).name).toBe('Silver');
    expect(levelFor(LADDER, 7999).name).toBe('Gold');
    expect(levelFor(LADDER, 10 ** 9).name).toBe('Platinum');
    expect(levelFor([...LADDER].reverse(), 2500).rank).toBe(4);
  });

  it('property: the level reached is within reach, and the next level is not', () => {
    fc.assert(
      fc.property(ladder, growth, (levels, g) => {
        const reached = levelFor(levels, g);
        expect(reached.threshold).toBeLessThanOrEqual(g);
        const next = levelAbove(levels, reached.rank);
        if (next) expect(next.threshold).toBeGreaterThan(g);
      }),
    );
  });

  it('property: more growth never means a lower level', () => {
    fc.assert(
      fc.property(ladder, growth, growth, (levels, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(levelFor(levels, low).rank).toBeLessThanOrEqual(levelFor(levels, high).rank);
      }),
    );
  });
});

describe('levelAbove and levelAt', () => {
  it('the next level, null at the top; a removed rank means the level below it', () => {
    expect(levelAbove(LADDER, 1)?.threshold).toBe(500);
    expect(levelAbove(LADDER, 2)?.rank).toBe(4);
    expect(levelAbove(LADDER, 5)).toBeNull();
    expect(levelAt(LADDER, 3).rank).toBe(2);
    expect(levelAt(LADDER, 99).rank).toBe(5);
  });
});

describe('levelAfterGrowth', () => {
  it('goes up at once when growth crosses a threshold, never down between re-evaluations', () => {
    expect(levelAfterGrowth(LADDER, 1, 600).rank).toBe(2);
    expect(levelAfterGrowth(LADDER, 1, 9000).rank).toBe(5);
    expect(levelAfterGrowth(LADDER, 4, 100).rank).toBe(4);
  });

  it('property: the outcome is the higher of the current level and the level reached', () => {
    fc.assert(
      fc.property(ladder, growth, fc.integer({ min: 1, max: 30 }), (levels, g, current) => {
        const after = levelAfterGrowth(levels, current, g);
        expect(after.rank).toBeGreaterThanOrEqual(levelAt(levels, current).rank);
        expect(after.rank).toBeGreaterThanOrEqual(levelFor(levels, g).rank);
        expect([levelAt(levels, current).rank, levelFor(levels, g).rank]).toContain(after.rank);
      }),
    );
  });
});

describe('reevaluation', () => {
  it('moves people to what the window’s growth reaches, down as well as up; null when unchanged', () => {
    expect(reevaluation(LADDER, 4, 600)).toEqual({ level: LADDER[1], direction: 'down' });
    expect(reevaluation(LADDER, 1, 2000)).toEqual({ level: LADDER[2], direction: 'up' });
    expect(reevaluation(LADDER, 2, 700)).toBeNull();
  });

  it('property: the outcome is exactly the level the window’s growth reaches', () => {
    fc.assert(
      fc.property(ladder, growth, fc.integer({ min: 1, max: 30 }), (levels, g, current) => {
        const outcome = reevaluation(levels, current, g);
        const reached = levelFor(levels, g);
        if (outcome === null) expect(levelAt(levels, current).rank).toBe(reached.rank);
        else {
          expect(outcome.level.rank).toBe(reached.rank);
          expect(outcome.direction).toBe(reached.rank > levelAt(levels, current).rank ? 'up' : 'down');
        }
      }),
    );
  });
});

describe('thresholdRefusal', () => {
  it('accepts a rising ladder starting at 0 and names the first level that breaks it', () => {
    expect(thresholdRefusal(LADDER)).toBeNull();
    expect(thresholdRefusal([level(1, 10)])).toEqual({ kind: 'first_not_zero', rank: 1, threshold: 10 });
    expect(thresholdRefusal([level(1, 0), level(3, 500), level(2, 500)])).toEqual({
      kind: 'not_increasing',
      rank: 3,
      threshold: 500,
      belowRank: 2,
      belowThreshold: 500,
    });
  });

  it('property: every generated ladder passes; swapping two thresholds fails it', () => {
    fc.assert(
      fc.property(ladder, (levels) => {
        expect(thresholdRefusal(levels)).toBeNull();
        if (levels.length < 3) return;
        const broken = levels.map((l, i) =>
          i === 1 ? { ...l, threshold: (levels[2] as Level).threshold } : l,
        );
        expect(thresholdRefusal(broken)?.kind).toBe('not_increasing');
      }),
    );
  });
});

describe('growth from money', () => {
  it('counts whole major units paid, rounded down', () => {
    expect(growthForPaid(9999, 2, 1)).toBe(99);
    expect(growthForPaid(10_000, 2, 3)).toBe(300);
    expect(growthForPaid(1500, 0, 1)).toBe(1500);
    expect(growthForPaid(0, 2, 1)).toBe(0);
    expect(growthForPaid(10_000, 2, 0)).toBe(0);
  });

  it('property: refunds take back at most the order’s growth, all of it when fully refunded, and more refunded never takes back less', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (total, orderGrowth, r1, r2) => {
          const [a, b] = [Math.min(r1, r2, total), Math.min(Math.max(r1, r2), total)];
          const first = growthTakenBack(orderGrowth, a, total);
          const second = growthTakenBack(orderGrowth, b, total);
          expect(first).toBeGreaterThanOrEqual(0);
          expect(second).toBeLessThanOrEqual(orderGrowth);
          expect(second).toBeGreaterThanOrEqual(first);
          expect(growthTakenBack(orderGrowth, total, total)).toBe(orderGrowth);
          expect(growthTakenBack(orderGrowth, 0, total)).toBe(0);
        },
      ),
    );
  });
});

describe('the yearly re-evaluation’s calendar', () => {
  it('takes MM-DD days that exist every year', () => {
    expect(isYearlyDay('01-01')).toBe(true);
    expect(isYearlyDay('12-31')).toBe(true);
    expect(isYearlyDay('02-29')).toBe(false);
    expect(isYearlyDay('02-30')).toBe(false);
    expect(isYearlyDay('13-01')).toBe(false);
    expect(isYearlyDay('00-10')).toBe(false);
    expect(isYearlyDay('1-1')).toBe(false);
  });

  it('finds the next review day, announces it within 30 days, and counts the 12 months before it', () => {
    expect(nextReviewDay('2026-12-02', '01-01')).toBe('2027-01-01');
    expect(nextReviewDay('2026-12-02', '12-02')).toBe('2026-12-02');
    expect(nextReviewDay('2026-12-02', '12-31')).toBe('2026-12-31');
    expect(announceDue('2026-12-02', '2027-01-01')).toBe(true);
    expect(announceDue('2026-12-01', '2027-01-01')).toBe(false);
    expect(announceDue('2027-01-02', '2027-01-01')).toBe(false);
    expect(announceDue('2026-12-31', '2027-01-01')).toBe(true);
    // Never on the day itself: a review is told ahead or waits a year.
    expect(announceDue('2027-01-01', '2027-01-01')).toBe(false);
    expect(windowStartDay('2027-01-01')).toBe('2026-01-01');
  });

  it('property: the next review day is never before today and at most a year away', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const monthDay = fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([m, d]) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, monthDay, (today, md) => {
        const next = nextReviewDay(today, md);
        expect(next >= today).toBe(true);
        expect(next.slice(5)).toBe(md);
        expect(Number(next.slice(0, 4)) - Number(today.slice(0, 4))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('benefitsOf', () => {
  it('lists only what the level gives', () => {
    expect(benefitsOf(NO_BENEFITS)).toEqual([]);
    expect(
      benefitsOf({
        discountBps: 500,
        commissionMultiplierBps: 12_000,
        freeShipping: true,
        monthlyCouponTemplateId: 't1',
      }),
    ).toEqual([
      { kind: 'discount', bps: 500 },
      { kind: 'commission_multiplier', bps: 12_000 },
      { kind: 'free_shipping' },
      { kind: 'monthly_coupon', couponTemplateId: 't1' },
    ]);
  });
});

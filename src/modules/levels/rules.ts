import { daysBetween } from '../../platform/calendar.js';

/** What a level gives its members. Basis points: 10000 = 100 % (a multiplier of 10000 is ×1). */
export interface LevelBenefits {
  discountBps: number;
  commissionMultiplierBps: number;
  freeShipping: boolean;
  monthlyCouponTemplateId: string | null;
}

/** An operator's level: members reach it when their growth reaches `threshold`. */
export interface Level extends LevelBenefits {
  rank: number;
  name: string;
  threshold: number;
}

/** The largest member discount an operator may set (90 %): an order always leaves something to pay. */
export const MAX_DISCOUNT_BPS = 9000;

/** Neutral benefits: what someone gets when no level says otherwise. */
export const NO_BENEFITS: LevelBenefits = {
  discountBps: 0,
  commissionMultiplierBps: 10_000,
  freeShipping: false,
  monthlyCouponTemplateId: null,
};

const byRank = (levels: readonly Level[]) => [...levels].sort((a, b) => a.rank - b.rank);

/**
 * The highest level whose threshold `growth` reaches. Levels are ordered by rank with strictly
 * increasing thresholds and rank 1 at 0 (see `thresholdRefusal`), so the lowest level always fits.
 */
export function levelFor(levels: readonly Level[], growth: number): Level {
  const sorted = byRank(levels);
  let found = sorted[0] as Level;
  for (const level of sorted) if (level.threshold <= growth) found = level;
  return found;
}

/** The level above `rank`, or null at the top. */
export const levelAbove = (levels: readonly Level[], rank: number): Level | null =>
  byRank(levels).find((l) => l.rank > rank) ?? null;

/** The level a stored rank means now: that rank, or the highest below it if the operator removed it. */
export function levelAt(levels: readonly Level[], rank: number): Level {
  const sorted = byRank(levels);
  let found = sorted[0] as Level;
  for (const level of sorted) if (level.rank <= rank) found = level;
  return found;
}

/**
 * Between re-evaluations a level only goes up: growth crossing a threshold moves the person up at
 * once, and a refund lowering growth moves nobody down (that waits for the yearly re-evaluation).
 */
export function levelAfterGrowth(levels: readonly Level[], currentRank: number, growth: number): Level {
  const reached = levelFor(levels, growth);
  const current = levelAt(levels, currentRank);
  return reached.rank > current.rank ? reached : current;
}

export type Direction = 'up' | 'down';

/** A re-evaluation's outcome: the level the window's growth reaches, up or down; null when unchanged. */
export function reevaluation(
  levels: readonly Level[],
  currentRank: number,
  windowGrowth: number,
): { level: Level; direction: Direction } | null {
  const level = levelFor(levels, windowGrowth);
  const current = levelAt(levels, currentRank);
  if (level.rank === current.rank) return null;
  return { level, direction: level.rank > current.rank ? 'up' : 'down' };
}

/**
 * Whether a re-evaluation counting `windowGrowth` would move the person down: who is told ahead.
 * Someone who keeps (or would rise above) their level hears nothing until it happens.
 */
export const wouldMoveDown = (levels: readonly Level[], currentRank: number, windowGrowth: number) =>
  reevaluation(levels, currentRank, windowGrowth)?.direction === 'down';

export type ThresholdRefusal =
  | { kind: 'first_not_zero'; rank: number; threshold: number }
  | { kind: 'not_increasing'; rank: number; threshold: number; belowRank: number; belowThreshold: number };

/** Why a set of levels is not a ladder: the lowest rank must start at 0 and thresholds rise with rank. */
export function thresholdRefusal(levels: readonly Level[]): ThresholdRefusal | null {
  const sorted = byRank(levels);
  const first = sorted[0];
  if (!first) return null;
  if (first.threshold !== 0) return { kind: 'first_not_zero', rank: first.rank, threshold: first.threshold };
  for (let i = 1; i < sorted.length; i++) {
    const below = sorted[i - 1] as Level;
    const level = sorted[i] as Level;
    if (level.threshold <= below.threshold) {
      return {
        kind: 'not_increasing',
        rank: level.rank,
        threshold: level.threshold,
        belowRank: below.rank,
        belowThreshold: below.threshold,
      };
    }
  }
  return null;
}

/**
 * Growth for money paid: `perUnit` per major currency unit (yuan, dollar), rounded down, so
 * ¥99.99 at 1 per yuan is 99. `minorDigits` is the currency's (CNY 2, JPY 0).
 */
export function growthForPaid(paidMinor: number, minorDigits: number, perUnit: number): number {
  if (paidMinor <= 0 || perUnit <= 0) return 0;
  return Number((BigInt(paidMinor) * BigInt(perUnit)) / 10n ** BigInt(minorDigits));
}

/**
 * How much of an order's growth refunds take back in all: the refunded share of it, rounded down
 * (so a partial refund never takes more than its share), all of it once everything is refunded.
 */
export function growthTakenBack(orderGrowth: number, refundedAmount: number, total: number): number {
  if (total <= 0 || refundedAmount >= total) return orderGrowth;
  if (refundedAmount <= 0) return 0;
  return Number((BigInt(orderGrowth) * BigInt(refundedAmount)) / BigInt(total));
}

/** `MM-DD` that exists every year (so not 02-29). */
export function isYearlyDay(monthDay: string): boolean {
  if (!/^\d{2}-\d{2}$/.test(monthDay) || monthDay === '02-29') return false;
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(2001, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The first re-evaluation day on or after `today` (YYYY-MM-DD) for a yearly `MM-DD`. */
export function nextReviewDay(today: string, monthDay: string): string {
  const thisYear = `${today.slice(0, 4)}-${monthDay}`;
  return thisYear >= today ? thisYear : `${Number(today.slice(0, 4)) + 1}-${monthDay}`;
}

/** How long before a re-evaluation people are told. */
export const ANNOUNCE_DAYS_BEFORE = 30;

/**
 * Whether the re-evaluation on `reviewDay` is to be announced today: within 30 days of it, and
 * before its day. Only an announced review runs, so one turned on on its own day waits a year
 * rather than moving people down without notice.
 */
export const announceDue = (today: string, reviewDay: string) => {
  const days = daysBetween(today, reviewDay);
  return days >= 1 && days <= ANNOUNCE_DAYS_BEFORE;
};

/** A re-evaluation counts the growth of the 12 months before its day: from this day on. */
export const windowStartDay = (reviewDay: string) =>
  `${Number(reviewDay.slice(0, 4)) - 1}${reviewDay.slice(4)}`;

/** The benefits a level gives, as the list people see (neutral ones left out). */
export type Benefit =
  | { kind: 'discount'; bps: number }
  | { kind: 'commission_multiplier'; bps: number }
  | { kind: 'free_shipping' }
  | { kind: 'monthly_coupon'; couponTemplateId: string };

export function benefitsOf(level: LevelBenefits): Benefit[] {
  const list: Benefit[] = [];
  if (level.discountBps > 0) list.push({ kind: 'discount', bps: level.discountBps });
  if (level.commissionMultiplierBps !== 10_000) {
    list.push({ kind: 'commission_multiplier', bps: level.commissionMultiplierBps });
  }
  if (level.freeShipping) list.push({ kind: 'free_shipping' });
  if (level.monthlyCouponTemplateId) {
    list.push({ kind: 'monthly_coupon', couponTemplateId: level.monthlyCouponTemplateId });
  }
  return list;
}

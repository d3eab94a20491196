/** Pure rules of competitions: ranking, prizes, phases and how names show. No I/O. */
import { isStorableInstant } from '../../platform/clock.js';
import { maskName } from '../../platform/privacy.js';
import { defineMachine } from '../../platform/state-machine.js';

/**
 * What a competition counts, per person:
 * - `settled_sales`: the sales behind the person's own (level-1) commissions that settled in the
 *   period, in minor units: the order's paid amount the commission was computed on, less its
 *   refunded share (a partially refunded order counts what the buyer kept).
 * - `new_customers`: distinct buyers whose first paid order earned the person a level-1 commission
 *   in the period (from `commission.earned`).
 * - `team_growth`: people the person invited whose first order was paid in the period
 *   (`invitation.converted`): a sign-up alone grows nothing, as commission comes from sales.
 */
export const METRICS = ['settled_sales', 'new_customers', 'team_growth'] as const;
export type Metric = (typeof METRICS)[number];

export const PRIZE_KINDS = ['points', 'coupon', 'commission_bonus'] as const;
export type PrizeKind = (typeof PRIZE_KINDS)[number];

/** A prize for every rank from `fromRank` to `toRank` (inclusive, 1-based). */
export type Prize = { fromRank: number; toRank: number } & (
  | { kind: 'points'; points: number }
  | { kind: 'coupon'; couponTemplateId: string }
  | { kind: 'commission_bonus'; amount: number }
);

/** Ranks a prize may reach, and how many prize lines one competition holds. */
export const MAX_PRIZE_RANK = 1000;
export const MAX_PRIZES = 20;

/**
 * Prizes are paid this long after the end, so that events from the last moments (delivered by
 * jobs, a second or so late) are counted first. Entries arriving after the award count for nothing.
 */
export const AWARD_GRACE_MS = 5 * 60_000;

/** Stored states; `upcoming`, `running` and `ended` are read from the clock (see `phaseOf`). */
export type CompetitionStatus = 'scheduled' | 'cancelled' | 'awarded';
export const competitionMachine = defineMachine<CompetitionStatus>('competition', {
  scheduled: ['cancelled', 'awarded'],
  cancelled: [],
  awarded: [],
});

export type Phase = 'upcoming' | 'running' | 'ended' | 'cancelled';

export interface Period {
  startsAt: Date;
  endsAt: Date;
}

export function phaseOf(c: Period & { status: CompetitionStatus }, now: Date): Phase {
  if (c.status === 'cancelled') return 'cancelled';
  if (c.status === 'awarded' || now >= c.endsAt) return 'ended';
  return now < c.startsAt ? 'upcoming' : 'running';
}

/** Whether something that happened at `at` counts: from the start (inclusive) to the end (exclusive). */
export const inPeriod = (p: Period, at: Date): boolean => at >= p.startsAt && at < p.endsAt;

/** Prizes are due once the grace after the end has passed. */
export const awardDue = (p: Period, now: Date): boolean =>
  now.getTime() >= p.endsAt.getTime() + AWARD_GRACE_MS;

export interface Problem {
  path: string;
  message: string;
  rule: string;
}

/**
 * The period in order, and in the years the database stores (1 to 9999; JSON Schema's date-time
 * admits year 0000, which PostgreSQL has not): the end with the grace after it, when prizes are paid.
 */
export function periodProblems(p: Period): Problem[] {
  const unstorable: Problem[] = [];
  const message = 'is not an instant this server can store';
  if (!isStorableInstant(p.startsAt)) unstorable.push({ path: '/startsAt', message, rule: 'storable' });
  if (!isStorableInstant(new Date(p.endsAt.getTime() + AWARD_GRACE_MS)))
    unstorable.push({ path: '/endsAt', message, rule: 'storable' });
  if (unstorable.length > 0) return unstorable;
  return p.startsAt < p.endsAt
    ? []
    : [{ path: '/endsAt', message: 'must be after startsAt', rule: 'afterStart' }];
}

/** Each prize's ranks in order, none beyond the last rank a prize may reach, no rank in two prizes. */
export function prizeProblems(prizes: readonly Prize[]): Problem[] {
  const problems: Problem[] = [];
  prizes.forEach((prize, i) => {
    if (prize.toRank < prize.fromRank)
      problems.push({
        path: `/prizes/${i}/toRank`,
        message: 'must not be below fromRank',
        rule: 'rankOrder',
      });
  });
  const sorted = prizes.map((p, i) => ({ ...p, i })).sort((a, b) => a.fromRank - b.fromRank);
  for (let k = 1; k < sorted.length; k++) {
    const before = sorted[k - 1] as (typeof sorted)[number];
    const prize = sorted[k] as (typeof sorted)[number];
    if (prize.fromRank <= before.toRank)
      problems.push({
        path: `/prizes/${prize.i}/fromRank`,
        message: `overlaps the ranks of prize ${before.i}`,
        rule: 'overlap',
      });
  }
  return problems;
}

/** The prize a rank wins, if any. */
export const prizeForRank = (prizes: readonly Prize[], rank: number): Prize | undefined =>
  prizes.find((p) => rank >= p.fromRank && rank <= p.toRank);

export interface Score {
  userId: string;
  score: number;
  reachedAt: Date;
}

/**
 * Strict ranks, 1 to n: the higher score first; on equal scores, who reached it first; then the
 * person's id, so that the order never depends on how the rows came back.
 */
export function rankScores<S extends Score>(scores: readonly S[]): (S & { rank: number })[] {
  return [...scores]
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.reachedAt.getTime() - b.reachedAt.getTime() ||
        (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
    )
    .map((s, i) => ({ ...s, rank: i + 1 }));
}

export interface Award {
  userId: string;
  rank: number;
  prize: Prize;
}

/**
 * Who wins what: the listed people ranked among themselves (someone who opted out wins nothing,
 * and the next person moves up), each rank's prize once, each person once.
 */
export function awardsFor(
  scores: readonly Score[],
  listed: (userId: string) => boolean,
  prizes: readonly Prize[],
): Award[] {
  const awards: Award[] = [];
  for (const s of rankScores(scores.filter((s) => s.score > 0 && listed(s.userId)))) {
    const prize = prizeForRank(prizes, s.rank);
    if (prize) awards.push({ userId: s.userId, rank: s.rank, prize });
  }
  return awards;
}

/** The order prizes are paid in, by kind: see `inPayOrder`. */
export const PAY_ORDER: readonly PrizeKind[] = ['coupon', 'points', 'commission_bonus'];

const payKey = (a: Award) => (a.prize.kind === 'coupon' ? a.prize.couponTemplateId : a.userId);

/**
 * The awards in the order they are paid: coupons, then points, then ledger bonuses, and within a kind
 * by the row each locks (the coupon template, else the person). It is the order a points-mall
 * redemption takes its locks in (coupon template, then points) with the ledger last, as every
 * posting is: an award never waits on a redemption or another award that waits on it.
 */
export function inPayOrder(awards: readonly Award[]): Award[] {
  return [...awards].sort(
    (a, b) =>
      PAY_ORDER.indexOf(a.prize.kind) - PAY_ORDER.indexOf(b.prize.kind) ||
      (payKey(a) < payKey(b) ? -1 : payKey(a) > payKey(b) ? 1 : 0) ||
      a.rank - b.rank,
  );
}

/** The last rank any prize reaches (0 without prizes). */
export const lastPrizeRank = (prizes: readonly Prize[]): number =>
  prizes.reduce((last, p) => Math.max(last, p.toRank), 0);

/** How a person shows on a leaderboard: in full to themselves, masked ("Chen J.") to everyone else. */
export const leaderboardName = (viewerId: string | null, person: { id: string; name: string }): string =>
  viewerId === person.id ? person.name : maskName(person.name);

/**
 * What a settled level-1 commission adds to settled sales: the amount it was computed on, less the
 * share a partial refund took (the same proportion the commission shrank by), rounded down.
 */
export function settledSale(f: { baseAmount: number; earnedAmount: number; amount: number }): number {
  if (f.earnedAmount <= 0) return 0;
  return Number((BigInt(f.baseAmount) * BigInt(f.amount)) / BigInt(f.earnedAmount));
}

/**
 * What an operator may change: everything before the start; once it runs, only the title and the
 * description (people compete on the rules they were shown). Returns the first field that may not change.
 */
export function lockedField(
  current: Period & { metric: Metric; prizes: readonly Prize[] },
  next: Period & { metric: Metric; prizes: readonly Prize[] },
  now: Date,
): string | null {
  if (now < current.startsAt) return null;
  if (next.metric !== current.metric) return 'metric';
  if (next.startsAt.getTime() !== current.startsAt.getTime()) return 'startsAt';
  if (next.endsAt.getTime() !== current.endsAt.getTime()) return 'endsAt';
  if (JSON.stringify(canonicalPrizes(next.prizes)) !== JSON.stringify(canonicalPrizes(current.prizes)))
    return 'prizes';
  return null;
}

/** Prizes in rank order with their fields in one order, for comparing and storing. */
export function canonicalPrizes(prizes: readonly Prize[]): Prize[] {
  return [...prizes]
    .sort((a, b) => a.fromRank - b.fromRank)
    .map((p): Prize => {
      const ranks = { fromRank: p.fromRank, toRank: p.toRank };
      if (p.kind === 'points') return { ...ranks, kind: 'points', points: p.points };
      if (p.kind === 'coupon') return { ...ranks, kind: 'coupon', couponTemplateId: p.couponTemplateId };
      return { ...ranks, kind: 'commission_bonus', amount: p.amount };
    });
}

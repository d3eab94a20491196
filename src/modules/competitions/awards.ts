import type { Database, Tx } from '../../platform/db.js';
import type { CompetitionsContext } from './context.js';
import * as q from './queries.js';
import {
  AWARD_GRACE_MS,
  type Award,
  awardDue,
  awardsFor,
  competitionMachine,
  inPayOrder,
  rankScores,
} from './rules.js';

/** Every score of a competition (the award ranks them all, whatever the prizes reach). */
const ALL = 1_000_000;

/** The prize's references: one points posting and one ledger entry per competition and person. */
export const prizeRef = (competitionId: string, userId: string) => `competition:${competitionId}:${userId}`;

/**
 * Pays one prize, once: the prize row's primary key (competition, person) is taken first, so a second
 * run of the award finds it and pays nothing. Points and the bonus are keyed by the same ref too.
 */
async function pay(ctx: CompetitionsContext, tx: Tx, competitionId: string, title: string, a: Award) {
  const prize = a.prize;
  const recorded = await q.insertPrize(tx, {
    competition_id: competitionId,
    user_id: a.userId,
    rank: a.rank,
    kind: prize.kind,
    points: prize.kind === 'points' ? prize.points : null,
    coupon_template_id: prize.kind === 'coupon' ? prize.couponTemplateId : null,
    amount: prize.kind === 'commission_bonus' ? prize.amount : null,
    awarded_at: ctx.clock.now(),
  });
  if (!recorded) return;
  const ref = prizeRef(competitionId, a.userId);
  if (prize.kind === 'points')
    await ctx.points.earn(tx, { userId: a.userId, points: prize.points, reason: 'competition', ref });
  else if (prize.kind === 'commission_bonus')
    await ctx.distribution.creditBonus(tx, {
      userId: a.userId,
      amount: prize.amount,
      ref,
      memo: `Competition prize: ${title}, rank ${a.rank}`,
    });
  else {
    const coupon = await ctx.coupons.grant(tx, prize.couponTemplateId, a.userId, 'competition');
    if (coupon) await q.setPrizeCoupon(tx, competitionId, a.userId, coupon.id);
  }
  await ctx.events.publish(tx, 'competition.placed', {
    userId: a.userId,
    competitionId,
    title,
    rank: a.rank,
  });
}

/**
 * Ends one competition: under its row lock (scores wait for it, a second award finds it awarded), the
 * listed people are ranked, their final ranks kept, each winner paid (coupons, then points, then
 * ledger bonuses: `inPayOrder`), and the competition marked awarded — all in one transaction, so
 * prizes are paid together or not at all, and the sweep and the competition's own job racing each
 * other pay once (the second waits on the lock and finds it awarded).
 */
export async function awardCompetition(ctx: CompetitionsContext, db: Database, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const c = await q.lockCompetition(tx, id);
    if (!c || !competitionMachine.canTransition(c.status, 'awarded')) return false;
    if (!awardDue({ startsAt: c.starts_at, endsAt: c.ends_at }, ctx.clock.now())) return false;
    const scores = await q.allScores(tx, id, ALL);
    const people = scores.map((s) => ({ userId: s.user_id, score: s.score, reachedAt: s.reached_at }));
    const listed = new Set(scores.filter((s) => s.listed).map((s) => s.user_id));
    await q.setFinalRanks(
      tx,
      id,
      rankScores(people.filter((s) => listed.has(s.userId))).map((s) => ({ userId: s.userId, rank: s.rank })),
    );
    for (const award of inPayOrder(awardsFor(people, (u) => listed.has(u), c.prizes)))
      await pay(ctx, tx, id, c.title, award);
    return q.setStatus(tx, id, 'awarded', competitionMachine.fromStates('awarded'), ctx.clock.now());
  });
}

/** The recurring job: awards every competition whose end, and the grace after it, have passed. */
export async function awardEnded(ctx: CompetitionsContext, db: Database, now: Date): Promise<number> {
  let awarded = 0;
  for (const { id } of await q.dueForAward(db, new Date(now.getTime() - AWARD_GRACE_MS))) {
    if (await awardCompetition(ctx, db, id)) awarded += 1;
  }
  return awarded;
}

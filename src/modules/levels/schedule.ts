import { dayIn, monthOf, startOfDay } from '../../platform/calendar.js';
import type { Database } from '../../platform/db.js';
import type { LevelsContext } from './context.js';
import { announceChange } from './growth.js';
import * as q from './queries.js';
import { announceDue, levelAt, nextReviewDay, reevaluation, windowStartDay, wouldMoveDown } from './rules.js';

/**
 * Gives each member their level's monthly coupon, once per calendar month in the platform's time
 * zone. The (person, month) primary key makes it once even when two passes run at once; a template
 * that is disabled or used up gives nothing that month (the month still counts as given).
 */
export async function grantMonthlyCoupons(ctx: LevelsContext, db: Database, now: Date): Promise<number> {
  const month = monthOf(dayIn(ctx.timeZone, now));
  let granted = 0;
  for (const due of await q.dueMonthlyCoupons(db, month)) {
    await db.transaction(async (tx) => {
      if (!(await q.claimMonthlyGrant(tx, { userId: due.user_id, month, rank: due.rank }, now))) return;
      const coupon = await ctx.coupons.grant(tx, due.template_id, due.user_id, 'level');
      if (coupon) {
        await q.setGrantCoupon(tx, due.user_id, month, coupon.id);
        granted += 1;
      }
    });
  }
  return granted;
}

/**
 * The yearly re-evaluation, when the operator turned it on. Thirty days before its day, members
 * it would move down are told (once: the review's row); on the day (or the first pass after it), each
 * member's level is recomputed from the growth earned in the 12 months before that day, up or down,
 * and growth counts from that window's start from then on. Only an announced review runs: turning
 * it on fewer than 30 days ahead announces it at once, with less notice; turning
 * it on on its very day leaves that year's review out.
 */
export async function runYearlyReview(ctx: LevelsContext, db: Database, now: Date): Promise<void> {
  const settings = await q.loadSettings(db);
  if (!settings.review_enabled) return;
  const today = dayIn(ctx.timeZone, now);
  const upcoming = nextReviewDay(today, settings.review_date);
  if (announceDue(today, upcoming)) await announce(ctx, db, upcoming, now);
  await db.transaction(async (tx) => {
    const day = await q.claimDueReview(tx, today, settings.review_date, now);
    if (!day) return;
    const since = startOfDay(ctx.timeZone, windowStartDay(day));
    const levels = await q.allLevels(tx);
    for (const s of await q.standings(tx)) {
      await q.lockPerson(tx, s.user_id);
      // Read again under the person's lock: a growth posting may have raised them since `standings`.
      const rank = (await q.rankOf(tx, s.user_id)) ?? s.rank;
      const outcome = reevaluation(levels, rank, await q.growthOf(tx, s.user_id, since));
      if (!outcome) continue;
      await q.saveRank(tx, s.user_id, outcome.level.rank, now);
      const from = levelAt(levels, rank);
      await announceChange(ctx, tx, s.user_id, { from, to: outcome.level, cause: 'review' });
    }
    await q.setGrowthSince(tx, since);
  });
}

/**
 * Tells each member the review would move down (by the window's growth so far) what keeps their
 * level; those who keep it hear nothing until then. Once per review day (its row).
 */
async function announce(ctx: LevelsContext, db: Database, day: string, now: Date) {
  await db.transaction(async (tx) => {
    if (!(await q.claimAnnouncement(tx, day, now))) return;
    const since = startOfDay(ctx.timeZone, windowStartDay(day));
    const levels = await q.allLevels(tx);
    for (const s of await q.standings(tx)) {
      const level = levelAt(levels, s.rank);
      const growth = await q.growthOf(tx, s.user_id, since);
      if (!wouldMoveDown(levels, s.rank, growth)) continue;
      await ctx.events.publish(tx, 'level.review_announced', {
        userId: s.user_id,
        reviewDay: day,
        level: level.rank,
        name: level.name,
        growth: Math.max(0, growth),
        keepGrowth: level.threshold,
      });
    }
  });
}

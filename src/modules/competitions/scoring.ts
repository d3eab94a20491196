import type { Tx } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import type { CompetitionsContext } from './context.js';
import * as q from './queries.js';
import { type Metric, settledSale } from './rules.js';

/**
 * Adds `points` to the person's score in every competition of the metric open at `at`. The ref makes
 * the entry once per competition: the same event delivered twice, or two events about the same
 * customer, count once.
 */
async function count(tx: Tx, metric: Metric, e: { userId: string; ref: string; points: number; at: Date }) {
  if (e.points <= 0) return;
  for (const { id } of await q.openCompetitionsAt(tx, metric, e.at)) {
    await q.addEntry(tx, { competitionId: id, ref: e.ref, userId: e.userId, points: e.points, at: e.at });
  }
}

/**
 * Deferred reactions (jobs queued by the event's transaction, each idempotent). An event's time is its
 * source's own where the source records one (when the commission was earned or settled), else when
 * the reaction runs (a conversion is itself published by a job, moments after the order was paid).
 */
export function scoringReactions(ctx: CompetitionsContext) {
  return {
    /** Settled sales: the sale behind a level-1 commission, when it settled. */
    async onCommissionSettled(tx: Tx, e: DomainEvents['commission.settled']) {
      const c = await ctx.distribution.commissionFacts(tx, e.commissionId);
      if (c?.level !== 1 || c.status !== 'settled' || !c.settledAt) return;
      await count(tx, 'settled_sales', {
        userId: c.promoterId,
        ref: `commission:${c.id}`,
        points: settledSale(c),
        at: c.settledAt,
      });
    },

    /** New customers: a buyer whose first paid order earned the promoter a level-1 commission. */
    async onCommissionEarned(tx: Tx, e: DomainEvents['commission.earned']) {
      if (e.level !== 1) return;
      const c = await ctx.distribution.commissionFacts(tx, e.commissionId);
      if (c?.level !== 1) return;
      if (await ctx.orders.hasPaidBefore(tx, c.buyerId, c.orderId)) return;
      await count(tx, 'new_customers', {
        userId: c.promoterId,
        ref: `customer:${c.buyerId}`,
        points: 1,
        at: c.createdAt,
      });
    },

    /** Team growth: an invited friend whose first order was paid. */
    async onInvitationConverted(tx: Tx, e: DomainEvents['invitation.converted']) {
      await count(tx, 'team_growth', {
        userId: e.userId,
        ref: `invitee:${e.inviteeId}`,
        points: 1,
        at: ctx.clock.now(),
      });
    },
  };
}

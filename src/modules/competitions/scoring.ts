import type { Tx } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import type { CompetitionsContext } from './context.js';
import * as q from './queries.js';
import { type Metric, settledSale } from './rules.js';

/**
 * Adds `points` to the person's score in every competition of the metric open at `at`. The ref makes
 * the entry once per competition: the same event delivered twice, or two events about the same
 * customer, count once. The entry keeps its order, so that a refund can take it back.
 */
async function count(
  tx: Tx,
  metric: Metric,
  e: { userId: string; ref: string; points: number; at: Date; orderId: string },
) {
  if (e.points <= 0) return;
  for (const { id } of await q.openCompetitionsAt(tx, metric, e.at)) {
    await q.addEntry(tx, { competitionId: id, ...e });
  }
}

/**
 * Whether an order refunded in full (so it counts for nothing). The share lock orders this with a
 * refund: one committed before is seen here; one that comes after waits for this job, and its own
 * reaction then finds the entry made here and takes it back. An order the orders module does not
 * know (a conversion published by a test or an import) is not refunded.
 */
const refunded = async (ctx: CompetitionsContext, tx: Tx, orderId: string) =>
  (await ctx.orders.statusHeld(tx, orderId)) === 'refunded';

const commissionOf = (ref: string) =>
  ref.startsWith('commission:') ? ref.slice('commission:'.length) : null;

/**
 * Deferred reactions (jobs queued by the event's transaction, each idempotent). An event's time is its
 * source's own where the source records one (when the commission was earned or settled), else when
 * the reaction runs (a conversion is itself published by a job, moments after the order was paid).
 */
export function scoringReactions(ctx: CompetitionsContext) {
  /**
   * What an entry of the order is worth now: nothing once the order is refunded in full; a settled
   * sale what its commission's sale is after partial refunds (`settledSale`); anything else as counted.
   */
  async function worthNow(tx: Tx, entry: q.EntryRow, full: boolean): Promise<number> {
    if (full) return 0;
    if (entry.metric !== 'settled_sales') return entry.points;
    const id = commissionOf(entry.ref);
    const c = id ? await ctx.distribution.commissionFacts(tx, id) : null;
    if (!c) return entry.points;
    return c.status === 'reversed' ? 0 : settledSale(c);
  }

  /** Takes back (in full) or shrinks (in part) what a refunded order added, in competitions not yet awarded. */
  async function recount(tx: Tx, orderId: string, full: boolean) {
    for (const entry of await q.entriesOfOrder(tx, orderId)) {
      await q.reviseEntry(
        tx,
        { competitionId: entry.competition_id, ref: entry.ref, userId: entry.user_id },
        await worthNow(tx, entry, full),
      );
    }
  }

  return {
    /** Settled sales: the sale behind a level-1 commission, when it settled. */
    async onCommissionSettled(tx: Tx, e: DomainEvents['commission.settled']) {
      if (await refunded(ctx, tx, e.orderId)) return;
      const c = await ctx.distribution.commissionFacts(tx, e.commissionId);
      if (c?.level !== 1 || c.status !== 'settled' || !c.settledAt) return;
      await count(tx, 'settled_sales', {
        userId: c.promoterId,
        ref: `commission:${c.id}`,
        points: settledSale(c),
        at: c.settledAt,
        orderId: c.orderId,
      });
    },

    /** New customers: a buyer whose first paid order earned the promoter a level-1 commission. */
    async onCommissionEarned(tx: Tx, e: DomainEvents['commission.earned']) {
      if (e.level !== 1) return;
      if (await refunded(ctx, tx, e.orderId)) return;
      const c = await ctx.distribution.commissionFacts(tx, e.commissionId);
      if (c?.level !== 1 || c.status === 'reversed') return;
      if (await ctx.orders.hasPaidBefore(tx, c.buyerId, c.orderId)) return;
      await count(tx, 'new_customers', {
        userId: c.promoterId,
        ref: `customer:${c.buyerId}`,
        points: 1,
        at: c.createdAt,
        orderId: c.orderId,
      });
    },

    /** Team growth: an invited friend whose first order was paid. */
    async onInvitationConverted(tx: Tx, e: DomainEvents['invitation.converted']) {
      if (await refunded(ctx, tx, e.orderId)) return;
      await count(tx, 'team_growth', {
        userId: e.userId,
        ref: `invitee:${e.inviteeId}`,
        points: 1,
        at: ctx.clock.now(),
        orderId: e.orderId,
      });
    },

    /** An order refunded in full counts for nothing: its entries leave every competition not yet awarded. */
    onOrderRefunded: (tx: Tx, e: DomainEvents['order.refunded']) => recount(tx, e.orderId, true),

    /** A partial refund shrinks the order's settled sales in proportion; a customer or invitee still counts. */
    onOrderPartiallyRefunded: (tx: Tx, e: DomainEvents['order.partially_refunded']) =>
      recount(tx, e.orderId, false),
  };
}

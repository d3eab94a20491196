import type { Database, Tx } from '../../platform/db.js';
import { accounts, transferBetween } from '../ledger/rules.js';
import type { DistributionContext } from './context.js';
import * as q from './queries.js';

/** On `order.completed`: the return window starts; commissions settle when it ends. */
export async function startReturnWindow(ctx: DistributionContext, tx: Tx, orderId: string): Promise<void> {
  const settleAfter = new Date(ctx.clock.now().getTime() + ctx.config.returnWindowDays * 86_400_000);
  await tx.query(`UPDATE commissions SET settle_after = $2 WHERE order_id = $1 AND status = 'pending'`, [
    orderId,
    settleAfter,
  ]);
}

/**
 * On `order.refunded`: every commission of the order is reversed, exactly by what it earned.
 * A settled one is taken back from `available`, which may go negative and nets against later earnings.
 */
export async function reverseCommissions(ctx: DistributionContext, tx: Tx, orderId: string): Promise<void> {
  const now = ctx.clock.now();
  for (const c of await q.commissionsOfOrder(tx, orderId)) {
    if (c.status === 'reversed') continue;
    const from =
      c.status === 'settled'
        ? accounts.promoterAvailable(c.promoter_id)
        : accounts.promoterPending(c.promoter_id);
    await ctx.ledger.post(tx, {
      kind: 'commission.reversed',
      ref: c.id,
      ...transferBetween(accounts.commissionExpense, from, c.amount),
    });
    await tx.query(`UPDATE commissions SET status = 'reversed', reversed_at = $2 WHERE id = $1`, [c.id, now]);
  }
}

const SETTLE_BATCH = 500;

/**
 * Settles every pending, un-held commission whose return window has passed: pending → available.
 * Batches are claimed with SKIP LOCKED, so processes running this at once share the work, and a
 * commission refunded meanwhile (row locked by the refund) is simply left for the next pass. A batch
 * is settled set-based: its ledger postings and its status change take four statements, not five
 * per commission, so the batch's locks (on PGlite, the only connection) are held briefly.
 */
export async function settleDueCommissions(
  ctx: DistributionContext,
  db: Database,
  now: Date,
): Promise<number> {
  let settled = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const due = await tx.query<q.CommissionRow>(
        `SELECT * FROM commissions WHERE status = 'pending' AND hold_reason IS NULL AND settle_after <= $1
         ORDER BY settle_after, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, SETTLE_BATCH],
      );
      await ctx.ledger.postMany(tx, due.map(settlementPosting));
      await tx.query(`UPDATE commissions SET status = 'settled', settled_at = $2 WHERE id = ANY($1)`, [
        due.map((c) => c.id),
        now,
      ]);
      await publishSettled(ctx, tx, due);
      return due.length;
    });
    settled += count;
    if (count < SETTLE_BATCH) return settled;
  }
}

/** A settled commission moves from the promoter's pending balance to their available one. */
function settlementPosting(c: q.CommissionRow) {
  const pending = accounts.promoterPending(c.promoter_id);
  const available = accounts.promoterAvailable(c.promoter_id);
  return {
    kind: 'commission.settled',
    ref: c.id,
    ...transferBetween(available, pending, c.amount),
  };
}

/** One `commission.settled` per commission of a settled batch, from the rows already in hand. */
async function publishSettled(ctx: DistributionContext, tx: Tx, batch: readonly q.CommissionRow[]) {
  for (const c of batch) {
    await ctx.events.publish(tx, 'commission.settled', {
      commissionId: c.id,
      orderId: c.order_id,
      userId: c.promoter_id,
      amount: c.amount,
    });
  }
}

/**
 * An admin clears a held commission: it settles on the normal schedule from now on. A dispute
 * hold is not theirs to clear: it ends when the dispute closes.
 */
export async function releaseHold(ctx: DistributionContext, commissionId: string): Promise<boolean> {
  const rows = await ctx.db.query(
    `UPDATE commissions SET hold_reason = NULL WHERE id = $1 AND status = 'pending' AND hold_reason IS NOT NULL
       AND hold_reason <> 'dispute' RETURNING id`,
    [commissionId],
  );
  return rows.length > 0;
}

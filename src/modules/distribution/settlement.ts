import type { Database, Tx } from '../../platform/db.js';
import { type AuditContext, record } from '../audit/index.js';
import { accounts, transferBetween } from '../ledger/index.js';
import type { DistributionContext } from './context.js';
import * as q from './queries.js';
import { commissionAfterRefunds, commissionMachine } from './rules.js';

/** On `order.completed`: the return window starts; commissions settle when it ends. */
export async function startReturnWindow(ctx: DistributionContext, tx: Tx, orderId: string): Promise<void> {
  const settleAfter = new Date(ctx.clock.now().getTime() + ctx.config.returnWindowDays * 86_400_000);
  // Only commissions that can still settle get a date to settle at.
  await tx.query(`UPDATE commissions SET settle_after = $2 WHERE order_id = $1 AND status = ANY($3)`, [
    orderId,
    settleAfter,
    commissionMachine.fromStates('settled'),
  ]);
}

/**
 * On `order.refunded`: every commission of the order is reversed, by what is left of it (all it
 * earned, unless partial refunds shrank it before). A settled one is taken back from `available`,
 * which may go negative and nets against later earnings. A reversed commission shows what it earned.
 */
export async function reverseCommissions(ctx: DistributionContext, tx: Tx, orderId: string): Promise<void> {
  for (const c of await q.commissionsOfOrder(tx, orderId)) {
    if (c.status === 'reversed') continue;
    await reverseRemainder(ctx, tx, c);
  }
}

/**
 * Reverses one commission (locked by the caller) by what is left of it, out of the account its money
 * sits in; the row then shows what it earned. Used by refunds, lost disputes and the fraud review.
 */
export async function reverseRemainder(
  ctx: Pick<DistributionContext, 'ledger' | 'clock'>,
  tx: Tx,
  c: q.CommissionRow,
) {
  commissionMachine.assertTransition(c.status, 'reversed');
  await ctx.ledger.post(tx, {
    kind: 'commission.reversed',
    ref: c.id,
    ...transferBetween(accounts.commissionExpense, commissionAccount(c), c.amount),
  });
  await tx.query(
    `UPDATE commissions SET status = 'reversed', reversed_at = $2, earned_amount = $3, amount = $3
     WHERE id = $1 AND status = ANY($4)`,
    [c.id, ctx.clock.now(), c.earned_amount ?? c.amount, commissionMachine.fromStates('reversed')],
  );
}

/** Where a commission's money sits: pending until it settles, then available. */
const commissionAccount = (c: q.CommissionRow) =>
  c.status === 'settled'
    ? accounts.promoterAvailable(c.promoter_id)
    : accounts.promoterPending(c.promoter_id);

/**
 * On `order.partially_refunded`: every commission of the order shrinks to what the unrefunded part
 * of the order earns — floor(earned × (total − refundedAmount) / total), from what it earned, never
 * compounded — and the difference is reversed through the ledger (from available once settled).
 * One with nothing left is reversed. Each reduction is keyed by the refund: delivered twice, once.
 */
export async function shrinkCommissions(
  ctx: DistributionContext,
  tx: Tx,
  refund: { orderId: string; refundId: string; refundedAmount: number; total: number },
): Promise<void> {
  for (const c of await q.commissionsOfOrder(tx, refund.orderId)) {
    if (c.status === 'reversed') continue;
    const earned = c.earned_amount ?? c.amount;
    const left = commissionAfterRefunds(earned, refund.total, refund.refundedAmount);
    if (left === 0) {
      await reverseRemainder(ctx, tx, c);
      continue;
    }
    if (left >= c.amount) continue;
    const recorded = await ctx.ledger.post(tx, {
      kind: 'commission.reduced',
      ref: `${c.id}:${refund.refundId}`,
      ...transferBetween(accounts.commissionExpense, commissionAccount(c), c.amount - left),
    });
    if (recorded)
      await tx.query('UPDATE commissions SET amount = $2, earned_amount = $3 WHERE id = $1', [
        c.id,
        left,
        earned,
      ]);
  }
}

/**
 * Holds an order's commissions back from settling (an open after-sales request, say) until every
 * holder released its hold. Locks the order's commissions first, so a settlement pass running now
 * either finishes before the hold or skips them.
 *
 * The two hold mechanisms compose because neither touches the other: `hold_reason` is one reason
 * per commission (a shared device, or a dispute that keeps the reason it covered in
 * `hold_before_dispute`), set and cleared by distribution itself; `commission_holds` is one row per
 * outside holder and order, released only by that holder's `ref`. A commission settles only when
 * both are clear (`settleDueCommissions`), so an after-sales request closing during a dispute, or a
 * dispute won while a request is open, leaves the other hold standing. Only `hold_reason` keeps
 * settled money from being withdrawn (`walletOf`): after-sales requests end with the return window,
 * which is when commissions settle.
 */
export async function holdSettlement(tx: Tx, orderId: string, ref: string, now: Date): Promise<void> {
  await q.commissionsOfOrder(tx, orderId);
  await tx.query(
    'INSERT INTO commission_holds (order_id, ref, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [orderId, ref, now],
  );
}

export async function releaseSettlement(tx: Tx, orderId: string, ref: string): Promise<void> {
  await tx.query('DELETE FROM commission_holds WHERE order_id = $1 AND ref = $2', [orderId, ref]);
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
        `SELECT * FROM commissions c WHERE status = ANY($3) AND hold_reason IS NULL AND settle_after <= $1
           AND NOT EXISTS (SELECT 1 FROM commission_holds h WHERE h.order_id = c.order_id)
         ORDER BY settle_after, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, SETTLE_BATCH, commissionMachine.fromStates('settled')],
      );
      await ctx.ledger.postMany(tx, due.map(settlementPosting));
      await tx.query(
        `UPDATE commissions SET status = 'settled', settled_at = $2 WHERE id = ANY($1) AND status = ANY($3)`,
        [due.map((c) => c.id), now, commissionMachine.fromStates('settled')],
      );
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
export async function releaseHold(
  ctx: DistributionContext,
  commissionId: string,
  by?: AuditContext,
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; was: string }>(
      `UPDATE commissions c SET hold_reason = NULL FROM commissions old
       WHERE c.id = $1 AND old.id = c.id AND c.status = ANY($2) AND c.hold_reason IS NOT NULL
         AND c.hold_reason <> 'dispute' RETURNING c.id, old.hold_reason AS was`,
      [commissionId, commissionMachine.fromStates('settled')],
    );
    const released = rows[0];
    if (!released) return false;
    await record(tx, {
      by,
      at: ctx.clock.now(),
      action: 'commission.release',
      target: { type: 'commission', id: commissionId },
      before: { holdReason: released.was },
      after: { holdReason: null },
    });
    return true;
  });
}

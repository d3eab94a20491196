import type { Tx } from '../../platform/db.js';
import type { DistributionContext } from './context.js';
import { commissionMachine } from './rules.js';
import { reverseCommissions } from './settlement.js';

/**
 * A buyer disputing the charge at the provider may take the money back, so every commission of the
 * order is held until the dispute closes: a pending one does not settle, a settled one cannot be
 * withdrawn (see `walletOf`). The reason it was held before, if any, is kept to put back.
 * A second delivery of the event changes nothing.
 */
export async function holdForDispute(tx: Tx, orderId: string): Promise<void> {
  await tx.query(
    `UPDATE commissions SET hold_before_dispute = hold_reason, hold_reason = 'dispute'
     WHERE order_id = $1 AND status = ANY($2) AND hold_reason IS DISTINCT FROM 'dispute'`,
    // Whatever a lost dispute could still reverse.
    [orderId, commissionMachine.fromStates('reversed')],
  );
}

/**
 * Won: the shop kept the money, the dispute hold ends and the commissions settle as usual (a review
 * hold from before the dispute stays). Lost: the provider took the money back, so the commissions
 * are reversed exactly as on a refund, a settled one out of the promoter's available balance.
 */
export async function closeDispute(
  ctx: DistributionContext,
  tx: Tx,
  orderId: string,
  outcome: 'won' | 'lost',
): Promise<void> {
  if (outcome === 'lost') {
    await reverseCommissions(ctx, tx, orderId);
    return;
  }
  await tx.query(
    `UPDATE commissions SET hold_reason = hold_before_dispute, hold_before_dispute = NULL
     WHERE order_id = $1 AND hold_reason = 'dispute'`,
    [orderId],
  );
}

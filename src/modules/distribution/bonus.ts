import type { Queryable, Tx } from '../../platform/db.js';
import { accounts, type LedgerService, transferBetween } from '../ledger/index.js';

/** The ledger kind of a bonus: with its `ref`, the same bonus is recorded once however often it is asked. */
export const BONUS_KIND = 'commission.bonus';

/**
 * Credits a bonus (a competition prize, say) straight into a promoter's withdrawable balance, in the
 * caller's transaction: commission expense to the promoter's available account, as a settled
 * commission ends up. It has no return window (it pays for no order that could be refunded), so it
 * skips `pending`. False when `ref` was already credited.
 */
export async function creditBonus(
  ledger: Pick<LedgerService, 'post'>,
  tx: Tx,
  bonus: { userId: string; amount: number; ref: string; memo?: string },
): Promise<boolean> {
  if (!Number.isSafeInteger(bonus.amount) || bonus.amount <= 0)
    throw new RangeError('a bonus is a positive whole number of minor units');
  return ledger.post(tx, {
    kind: BONUS_KIND,
    ref: bonus.ref,
    memo: bonus.memo ?? '',
    ownerId: bonus.userId,
    // Debit the expense, credit the promoter's available balance (a liability), as settlement credits it.
    ...transferBetween(accounts.promoterAvailable(bonus.userId), accounts.commissionExpense, bonus.amount),
  });
}

/** What another module may know of one commission: who earned it on whose order, and when. */
export interface CommissionFacts {
  id: string;
  orderId: string;
  promoterId: string;
  buyerId: string;
  level: number;
  /** The order's paid amount after discounts the commission was computed on (minor units). */
  baseAmount: number;
  /** What it earned, and what is left of it after partial refunds. */
  earnedAmount: number;
  amount: number;
  status: string;
  createdAt: Date;
  settledAt: Date | null;
}

export async function commissionFacts(
  conn: Queryable,
  commissionId: string,
): Promise<CommissionFacts | null> {
  const [c] = await conn.query<{
    id: string;
    order_id: string;
    promoter_id: string;
    buyer_id: string;
    level: number;
    base_amount: number;
    amount: number;
    earned_amount: number | null;
    status: string;
    created_at: Date;
    settled_at: Date | null;
  }>(
    `SELECT id, order_id, promoter_id, buyer_id, level, base_amount, amount, earned_amount, status,
       created_at, settled_at FROM commissions WHERE id = $1`,
    [commissionId],
  );
  if (!c) return null;
  return {
    id: c.id,
    orderId: c.order_id,
    promoterId: c.promoter_id,
    buyerId: c.buyer_id,
    level: c.level,
    baseAmount: c.base_amount,
    earnedAmount: c.earned_amount ?? c.amount,
    amount: c.amount,
    status: c.status,
    createdAt: c.created_at,
    settledAt: c.settled_at,
  };
}

import type { Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { requestHash, type StoredResponse } from '../../platform/idempotency.js';
import { newId } from '../../platform/ids.js';
import { type AuditContext, record } from '../audit/index.js';
import { accounts, transferBetween } from '../ledger/index.js';
import type { DistributionContext } from './context.js';
import { maskSnapshot, payoutDetailsOf } from './payout-details.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { withdrawalMachine } from './rules.js';
import type { Wallet, Withdrawal } from './schemas.js';
import { currentSettings } from './settings.js';

export type { Wallet, Withdrawal } from './schemas.js';

/** A withdrawal as its promoter (and any list but the operator's payout view) shows it: details masked. */
export const presentWithdrawal = (w: q.WithdrawalRow): Withdrawal => ({
  ...presentWithdrawalInFull(w),
  payout: maskSnapshot(w.payout),
});

/** The operator's payout view: the full account to pay to. */
export const presentWithdrawalInFull = (w: q.WithdrawalRow): Withdrawal => ({
  id: w.id,
  userId: w.user_id,
  amount: w.amount,
  status: w.status,
  note: w.note,
  createdAt: w.created_at.toISOString(),
  decidedAt: w.decided_at?.toISOString() ?? null,
  payout: w.payout,
});

/**
 * Promoter balances are liabilities (credit-balance), so each is the negated sum of its postings.
 * Held commissions stay in their ledger account (a hold moves no money) and are shown apart:
 * taken out of `pending`, or out of `available` for a settled commission under dispute.
 */
export async function walletOf(ctx: DistributionContext, conn: Queryable, userId: string): Promise<Wallet> {
  const codes = {
    pending: accounts.promoterPending(userId).code,
    available: accounts.promoterAvailable(userId).code,
    reserved: accounts.promoterReserved(userId).code,
  };
  const balances = await ctx.ledger.balances(conn, Object.values(codes));
  const [paid] = await conn.query<{ total: number }>(
    `SELECT COALESCE(sum(amount), 0)::bigint AS total FROM withdrawals WHERE user_id = $1 AND status = 'paid'`,
    [userId],
  );
  const [held] = await conn.query<{ pending: number; settled: number }>(
    `SELECT COALESCE(sum(amount) FILTER (WHERE status = 'pending'), 0)::bigint AS pending,
       COALESCE(sum(amount) FILTER (WHERE status = 'settled'), 0)::bigint AS settled
     FROM commissions WHERE promoter_id = $1 AND hold_reason IS NOT NULL AND status <> 'reversed'`,
    [userId],
  );
  const heldPending = held?.pending ?? 0;
  const heldSettled = held?.settled ?? 0;
  const owed = (code: string) => -(balances.get(code) ?? 0) || 0;
  return {
    pending: owed(codes.pending) - heldPending,
    held: heldPending + heldSettled,
    available: owed(codes.available) - heldSettled,
    reserved: owed(codes.reserved),
    withdrawn: paid?.total ?? 0,
  };
}

/**
 * A withdrawal reserves the amount at once: available → reserved, under a lock on the promoter's
 * available account so two requests cannot both spend the same balance.
 */
export async function requestWithdrawal(
  ctx: DistributionContext,
  userId: string,
  amount: number,
  idempotencyKey?: string,
): Promise<StoredResponse & { body: Withdrawal }> {
  const hash = requestHash({ amount });
  const scope = `withdrawal:${userId}`;
  return ctx.db.transaction(async (tx) => {
    if (idempotencyKey) {
      const replay = await ctx.idempotency.claim(tx, scope, idempotencyKey, hash);
      if (replay) return replay as StoredResponse & { body: Withdrawal };
    }
    const available = accounts.promoterAvailable(userId);
    const reserved = accounts.promoterReserved(userId);
    await ctx.ledger.lockAccount(tx, available.code, available.kind);
    const settings = await currentSettings(ctx, tx);
    if (amount < settings.minWithdrawal) {
      throw refuse(
        'below_min_withdrawal',
        { amount, minWithdrawalAmount: settings.minWithdrawal },
        `The smallest withdrawal is ${settings.minWithdrawal}`,
      );
    }
    const wallet = await walletOf(ctx, tx, userId);
    if (amount > wallet.available) {
      throw refuse(
        'withdrawal_above_balance',
        { amount, balanceAmount: wallet.available },
        `Only ${wallet.available} is available to withdraw`,
      );
    }
    const payout = await payoutDetailsOf(tx, userId);
    if (!payout) {
      throw refuse(
        'payout_details_missing',
        undefined,
        'Save your payout details before asking for a withdrawal',
      );
    }
    const now = ctx.clock.now();
    const row: q.WithdrawalRow = {
      id: newId(),
      user_id: userId,
      amount,
      status: 'requested',
      note: '',
      created_at: now,
      decided_at: null,
      decided_by: null,
      payout,
    };
    await tx.query(
      'INSERT INTO withdrawals (id, user_id, amount, status, created_at, payout) VALUES ($1, $2, $3, $4, $5, $6)',
      [row.id, userId, amount, row.status, now, JSON.stringify(payout)],
    );
    await ctx.ledger.post(tx, {
      kind: 'withdrawal.requested',
      ref: row.id,
      ...transferBetween(reserved, available, amount),
    });
    const response = { statusCode: 201, body: presentWithdrawal(row) };
    if (idempotencyKey) await ctx.idempotency.complete(tx, scope, idempotencyKey, response);
    return response;
  });
}

/**
 * An admin decides: `paid` records the payout (reserved → paid out of the platform's payout
 * account); `rejected` gives the money back to available. A payout is refused while the promoter's
 * balance (available + reserved, without held money) cannot cover it: a commission reversed after
 * the request (a refund, a lost dispute) has taken its money back, and paying anyway would pay out
 * money the promoter owes. Decided under the lock of the promoter's available account, which
 * requests take too, so two approvals cannot both spend one balance.
 */
export async function decideWithdrawal(
  ctx: DistributionContext,
  withdrawalId: string,
  decision: { outcome: 'paid' | 'rejected'; adminId: string; note?: string },
  by?: AuditContext,
): Promise<Withdrawal> {
  return ctx.db.transaction(async (tx) => {
    const w = await q.lockWithdrawal(tx, withdrawalId);
    if (!w) throw notFound('Withdrawal');
    withdrawalMachine.assertTransition(w.status, decision.outcome);
    const reserved = accounts.promoterReserved(w.user_id);
    if (decision.outcome === 'paid') {
      const available = accounts.promoterAvailable(w.user_id);
      await ctx.ledger.lockAccount(tx, available.code, available.kind);
      const balance = coverable(await walletOf(ctx, tx, w.user_id));
      if (balance < w.amount) {
        throw refuse(
          'withdrawal_not_covered',
          { amount: w.amount, balanceAmount: balance },
          `The promoter's balance is ${balance}, which cannot cover this withdrawal of ${w.amount}`,
        );
      }
    }
    const target = decision.outcome === 'paid' ? accounts.payouts : accounts.promoterAvailable(w.user_id);
    await ctx.ledger.post(tx, {
      kind: `withdrawal.${decision.outcome}`,
      ref: w.id,
      ...transferBetween(target, reserved, w.amount),
    });
    const now = ctx.clock.now();
    const rows = await tx.query<q.WithdrawalRow>(
      `UPDATE withdrawals SET status = $2, note = $3, decided_at = $4, decided_by = $5
       WHERE id = $1 AND status = ANY($6) RETURNING *`,
      [
        w.id,
        decision.outcome,
        decision.note ?? '',
        now,
        decision.adminId,
        withdrawalMachine.fromStates(decision.outcome),
      ],
    );
    await record(tx, {
      by,
      at: now,
      action: decision.outcome === 'paid' ? 'withdrawal.approve' : 'withdrawal.reject',
      target: { type: 'withdrawal', id: w.id },
      before: { status: w.status, amount: w.amount, userId: w.user_id },
      after: { status: decision.outcome, amount: w.amount, userId: w.user_id, note: decision.note ?? '' },
    });
    await ctx.events.publish(tx, 'withdrawal.decided', {
      withdrawalId: w.id,
      userId: w.user_id,
      amount: w.amount,
      status: decision.outcome === 'paid' ? 'approved' : 'rejected',
    });
    return presentWithdrawalInFull(rows[0] as q.WithdrawalRow);
  });
}

/** What a promoter's settled money can pay out: available plus what their requests reserved. */
export const coverable = (wallet: Pick<Wallet, 'available' | 'reserved'>): number =>
  wallet.available + wallet.reserved;

export interface PayoutBalance {
  available: number;
  reserved: number;
}

/**
 * The balances behind a page of withdrawals, for the operator deciding them: each promoter's
 * available (held money excluded) and reserved amounts, in two queries whatever the page's size.
 */
export async function payoutBalances(
  ctx: DistributionContext,
  conn: Queryable,
  userIds: readonly string[],
): Promise<Map<string, PayoutBalance>> {
  const ids = [...new Set(userIds)];
  const balances = await ctx.ledger.balances(
    conn,
    ids.flatMap((id) => [accounts.promoterAvailable(id).code, accounts.promoterReserved(id).code]),
  );
  const held = await conn.query<{ promoter_id: string; amount: number }>(
    `SELECT promoter_id, sum(amount)::bigint AS amount FROM commissions
     WHERE promoter_id = ANY($1) AND status = 'settled' AND hold_reason IS NOT NULL GROUP BY promoter_id`,
    [ids],
  );
  const heldOf = new Map(held.map((r) => [r.promoter_id, r.amount]));
  const owed = (code: string) => -(balances.get(code) ?? 0) || 0;
  return new Map(
    ids.map((id) => [
      id,
      {
        available: owed(accounts.promoterAvailable(id).code) - (heldOf.get(id) ?? 0),
        reserved: owed(accounts.promoterReserved(id).code),
      },
    ]),
  );
}
